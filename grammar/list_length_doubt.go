package grammar

import (
	"fmt"
	"regexp"
)

// "3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1": a list of
// per-layer values shorter or longer than the layers counted cannot be
// bound to them (which layer has no stride said?), and any reading of it
// has padded or dropped a value. The reply says so first.

// listLengthDoubts names a kernel, stride, dilation or padding list of src
// whose length is not the count of convs said, when q reads convs.
func listLengthDoubts(src string, q *Question) []string {
	if blocksCount.MatchString(src) || !hasConv(q) {
		return nil // "4 residual blocks, dilations 1, 2, 4, 8, each block has two convs"
	}
	m := layersCount.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	n := countWord(m[1])
	if n < 2 {
		return nil
	}
	for _, l := range settingList.FindAllStringSubmatchIndex(src, -1) {
		name := listSettingName(src[l[2]:l[3]])
		if name == "out" {
			continue // channels may list the input's too: "channels 3, 16, 32"
		}
		vals := numbersIn.FindAllString(src[l[4]:l[5]], -1)
		if countNoun.MatchString(src[l[1]:]) {
			vals = vals[:len(vals)-1] // "kernel_size=3, 2 residual blocks"
		}
		if len(vals) >= 2 && len(vals) != n {
			return []string{fmt.Sprintf("%d %s values are listed for %d convs, and which conv each is for cannot be told", len(vals), name, n)}
		}
	}
	return nil
}

// numbersIn matches the numbers of a list.
var numbersIn = regexp.MustCompile(`\d+`)

// hasConv reports whether q reads a conv.
func hasConv(q *Question) bool {
	for _, l := range q.Layers {
		if layerOfKind(l.Layer, "conv") {
			return true
		}
	}
	return false
}

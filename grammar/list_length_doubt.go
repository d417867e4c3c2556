package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// "3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1": a list of
// per-layer values shorter or longer than the layers counted cannot be
// bound to them (which layer has no stride said?), and any reading of it
// has padded or dropped a value. The reply says so first.

// listLengthDoubts names a kernel, stride, dilation or padding list of src
// whose length is not the count of convs said, when q reads convs.
func listLengthDoubts(src string, q *Question) []string {
	if blocksCount.MatchString(src) || groupedConvs.MatchString(src) || !hasConv(q) {
		return nil // "4 residual blocks, dilations 1, 2, 4, 8, each block has two convs"
	}
	m := layersCount.FindStringSubmatch(src)
	if m == nil || countIsSetting.MatchString(src[:strings.Index(src, m[0])]) {
		return nil // "kernel size 2 causal convs"
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

// groupedConvs matches convs counted per group, which the lists may be
// of: "3 levels", "per level", "repeated 3 times", "each residual block".
var groupedConvs = regexp.MustCompile(`(?i)\b(?:levels?|blocks?|stages?|repeated|times)\b`)

// countIsSetting matches the words before a count that make it a setting:
// "kernel size 2 causal convs".
var countIsSetting = regexp.MustCompile(`(?i)\b(?:size|kernel|k|stride|dilation|padding|pad)\s*[=:]?\s*$`)

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

// pairSaid matches a channel pair "32->64" standing alone, not inside a
// chain of sizes ("28->14->7").
var pairSaid = regexp.MustCompile(`(?:^|[^\d>x×-])(\d+)\s*->\s*(\d+)\b(?:\s*->)?`)

// designsSetApart matches the words that set two designs against each
// other, each with its own channel pairs.
var designsSetApart = regexp.MustCompile(`(?i)\bvs\.?|\bversus\b|\binstead\s+of\b|\bcompared\s+(?:to|with)\b|\brather\s+than\b`)

// pairDoubts names the channel pairs src lists one per layer ("(3->32,
// 32->64)") that no conv or linear layer of q has, when q has two or more
// such layers: a reading that made "3->32, 32->64" two 3->32 convs
// answers another network.
func pairDoubts(src string, q *Question) []string {
	if designsSetApart.MatchString(src) {
		return nil // each design has some of the pairs
	}
	type pair struct{ in, out int }
	var said []pair
	for _, m := range pairSaid.FindAllStringSubmatch(src, -1) {
		if strings.HasSuffix(m[0], "->") {
			return nil // a chain "3->16->32" is read elsewhere
		}
		in, _ := strconv.Atoi(m[1])
		out, _ := strconv.Atoi(m[2])
		said = append(said, pair{in, out})
	}
	if len(said) < 2 {
		return nil
	}
	for k := 1; k < len(said); k++ {
		if said[k].in != said[k-1].out {
			return nil // no chain of layers
		}
	}
	have := map[pair]bool{}
	for _, l := range q.Layers {
		switch v := l.Layer.(type) {
		case calc.Conv:
			have[pair{v.In, v.Out}] = true
		case calc.Linear:
			have[pair{v.In, v.Out}] = true
		}
	}
	if len(have) == 0 {
		return nil
	}
	for _, p := range said {
		if !have[p] {
			return []string{fmt.Sprintf("the question lists %d->%d, and no layer of this reading goes from %d to %d channels", p.in, p.out, p.in, p.out)}
		}
	}
	return nil
}

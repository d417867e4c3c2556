package grammar

import (
	"regexp"
	"strconv"
)

// Hidden layers of a fully connected network said by count and sizes:
// "one hidden layer of 300 units and 10 outputs", "two hidden layers of
// 128 and 64 neurons, 10 outputs", "2 hidden layers (256, 128 units)",
// "three hidden layers of 100 units each". The i-th size is the i-th
// hidden layer's; one size said for several layers is each one's. The
// output layer follows them: the reader had taken "300" for the input's
// channels and a list's last size for one layer more.

var (
	// hiddenSaid matches the hidden layers: their count, then one size or
	// a list of sizes.
	hiddenSaid = regexp.MustCompile(`(?i)\b(one|a|single|two|three|four|five|[1-5])\s+(?:fully[\s-]connected\s+|dense\s+|linear\s+)?hidden\s+layers?\s*(?:of|with|:|each\s+(?:of|with))?\s*\(?\s*(\d+(?:\s*(?:,|/|and|&)\s*\d+)*)\s*(?:hidden\s+)?(?:units|neurons|nodes)?\s*\)?(?:\s+each)?`)
	// outputsSaid matches the output layer said by its size: "10
	// outputs", "10 output units", "an output layer of 10", "10 classes".
	outputsSaid = regexp.MustCompile(`(?i)(?:,\s*|\s+)(?:and\s+|with\s+|then\s+)?(?:(?:an?\s+)?output\s+layer\s+(?:of|with)\s+(\d+)(?:\s+(?:units|neurons|nodes|classes))?|(\d+)\s+(?:outputs?|output\s+(?:units|neurons|nodes)|classes|output\s+classes))\b`)
)

// hiddenLayers writes out the hidden layers hiddenSaid describes, and the
// output layer after them when its size is said.
func hiddenLayers(src string) (string, []stackLayer) {
	m := hiddenSaid.FindStringSubmatchIndex(src)
	if m == nil {
		return "", nil
	}
	n := countWord(src[m[2]:m[3]])
	if w := src[m[2]:m[3]]; w == "a" || w == "A" || w == "single" {
		n = 1
	}
	var sizes []int
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(src[m[4]:m[5]], -1) {
		v, _ := strconv.Atoi(f)
		sizes = append(sizes, v)
	}
	switch {
	case len(sizes) == 1 && n > 1:
		for len(sizes) < n {
			sizes = append(sizes, sizes[0])
		}
	case len(sizes) != n:
		return "", nil
	}
	var layers []stackLayer
	for _, s := range sizes {
		layers = append(layers, stackLayer{kind: "fc", out: s})
	}
	rest := src[m[1]:]
	if o := outputsSaid.FindStringSubmatchIndex(rest); o != nil {
		v, _ := strconv.Atoi(subText(rest, o[2], o[3]) + subText(rest, o[4], o[5]))
		layers = append(layers, stackLayer{kind: "fc", out: v})
		rest = rest[:o[0]] + rest[o[1]:]
	}
	return src[:m[0]] + stackText(layers) + rest, layers
}

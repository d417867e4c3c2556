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

var (
	// hiddenListed matches hidden sizes listed with no count: "hidden
	// sizes [512, 256]", "hidden layers: 300, 100".
	hiddenListed = regexp.MustCompile(`(?i)\bhidden\s+(?:layer\s+)?(?:sizes|layers|units|dims|dimensions|widths)\s*(?:of|=|:|are)?\s*[\[(]?\s*(\d+(?:\s*,\s*\d+)+)\s*[\])]?`)
	// sizeChain matches a fully connected network written as its widths,
	// input first: "784-512-256-10", "100 -> 50 -> 20 -> 1".
	sizeChain = regexp.MustCompile(`\b(\d+(?:\s*(?:-|–|->|→)\s*\d+){2,})\b`)
	// denseNet matches the words of a fully connected network, and
	// convWords those of a conv net, whose chains are channels.
	denseNet  = regexp.MustCompile(`(?i)\bmlp\b|multi-?layer\s+perceptron|feed-?forward|fully[\s-]connected|\bdense\b|\blinear\s+layers\b|\bperceptron\b`)
	convWords = regexp.MustCompile(`(?i)conv|pool|kernel|filter|stride|channels?\b|\d+\s*[x×]\s*\d+`)
	// outputAlone matches the output layer said alone: "output 10".
	outputAlone = regexp.MustCompile(`(?i)^\s*,?\s*(?:and\s+)?(?:an?\s+|the\s+)?output(?:\s+layer)?\s*(?:of|=|:|is|with)?\s*(\d+)\b`)
)

// listedHidden writes out hidden sizes listed with no count, and the
// output layer said right after them.
func listedHidden(src string) (string, []stackLayer) {
	m := hiddenListed.FindStringSubmatchIndex(src)
	if m == nil || convWords.MatchString(src) {
		return "", nil
	}
	var layers []stackLayer
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(src[m[2]:m[3]], -1) {
		v, _ := strconv.Atoi(f)
		layers = append(layers, stackLayer{kind: "fc", out: v})
	}
	rest := src[m[1]:]
	if o := outputAlone.FindStringSubmatchIndex(rest); o != nil {
		v, _ := strconv.Atoi(rest[o[2]:o[3]])
		layers = append(layers, stackLayer{kind: "fc", out: v})
		rest = rest[o[1]:]
	} else if o := outputsSaid.FindStringSubmatchIndex(rest); o != nil {
		v, _ := strconv.Atoi(subText(rest, o[2], o[3]) + subText(rest, o[4], o[5]))
		layers = append(layers, stackLayer{kind: "fc", out: v})
		rest = rest[:o[0]] + rest[o[1]:]
	}
	return src[:m[0]] + stackText(layers) + rest, layers
}

// widthChain writes out a fully connected network written as its widths,
// when the words say it is one and name no conv.
func widthChain(src string) (string, []stackLayer) {
	m := sizeChain.FindStringSubmatchIndex(src)
	if m == nil || !denseNet.MatchString(src) || convWords.MatchString(src) {
		return "", nil
	}
	var widths []int
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(src[m[2]:m[3]], -1) {
		v, _ := strconv.Atoi(f)
		widths = append(widths, v)
	}
	var layers []stackLayer
	for _, w := range widths[1:] {
		layers = append(layers, stackLayer{kind: "fc", out: w})
	}
	text := strconv.Itoa(widths[0]) + " inputs, " + stackText(layers)
	return src[:m[0]] + text + src[m[1]:], layers
}

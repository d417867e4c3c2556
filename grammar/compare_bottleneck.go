package grammar

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/paste"
)

// A bottleneck set against the layer it slims is often asked without any
// word of comparison: "how many multiplications directly, and how many if
// we first use a 1x1 conv down to 16 channels" (the Inception lecture).
// Read as one network, the message would add the direct layer to the
// bottleneck's two: a confident wrong count. These words make it the
// comparison of kinds that kinds.go reads.

// bottleneckCompared matches the words that set a bottleneck against the
// layer alone: "directly", "straight", "without the 1x1", "how many if we
// first ...", and the comparisons kinds.go knows.
var bottleneckCompared = regexp.MustCompile(`(?i)\bdirect(?:ly)?\b|\bstraight\b|\bwithout\s+(?:the\s+|a\s+|any\s+)?(?:1\s*[x×]\s*1|bottleneck|reduction)|\bhow\s+many\s+if\b|\bwhat\s+if\b|\bif\s+(?:we|you|i)\s+(?:first|instead)\b|` +
	kindCompared.String()[4:])

// slimFirst matches words that put the 1×1 conv before the layer: "first",
// "before", "bottleneck", "down to", "reduces".
var slimFirst = regexp.MustCompile(`(?i)\bfirst\b|\bbefore\b|\bbottleneck|\bdown\s+to\b|\breduc\w*|\bshrink\w*|\bcompress\w*|\bsqueez\w*`)

// slimming matches a 1×1 conv that cuts the channels, in more words than
// kinds.go's bottleneckKind: "a 1x1 conv first reduces to 32 channels", "a
// 1x1 bottleneck conv to 32 channels", "1x1 conv with 16 filters",
// "first reducing to 16 channels with a 1x1 conv".
var slimming = regexp.MustCompile(`(?i)\b1\s*[x×]\s*1(?:\s+(?:bottleneck|reduction|pointwise))?(?:\s+conv\w*)?(?:\s+layer)?` +
	`(?:(?:\s+(?:that|which|first|down|it|the|channels?|depth|dimensions?|reduc\w*|shrink\w*|compress\w*|squeez\w*|bring\w*|going|goes)){0,4}?\s+(?:to|into)\s+(\d+)\b` +
	`|\s+(?:with|of)\s+(\d+)\s+(?:filters|channels|output\s+channels)\b)` +
	`|\b(?:reduc|shrink|compress|squeez|bring|go)\w*\s+(?:it\s+|the\s+\w+\s+)?(?:down\s+)?to\s+(\d+)\s+(?:channels|filters|maps)\s+(?:with|using|via|by|through)\s+(?:an?\s+)?1\s*[x×]\s*1\b`)

// biasesIgnored matches biases left out in words the kinds reader does not
// know: "(biases ignored)", "bias off on everything".
var biasesIgnored = regexp.MustCompile(`(?i)\bbias(?:es)?\s+(?:are\s+|is\s+)?(?:ignored|excluded|off|not\s+counted|left\s+out|disabled)\b`)

// bottleneckSides answers a bottleneck set against the layer it slims,
// each side sized, when the words compare them without "vs" or "instead";
// nil when src does not.
func bottleneckSides(src string) []*Question {
	if !bottleneckCompared.MatchString(src) || paste.LooksLikePyTorch(src) || paste.LooksLikeKeras(src) {
		return nil
	}
	neck := slimming.FindStringSubmatchIndex(src)
	if neck == nil || separableKind.MatchString(src) || !slimFirst.MatchString(src) {
		return nil
	}
	g := 2
	for g < len(neck)-2 && neck[g] < 0 {
		g += 2 // "a 1x1 conv with 16 filters", "reducing to 16 channels with a 1x1 conv"
	}
	n, err := strconv.Atoi(src[neck[g]:neck[g+1]])
	if err != nil {
		return nil
	}
	base, in := describedConv(src, true)
	if base == nil || base.Groups > 1 || n < 1 || n >= base.In {
		return nil // no bottleneck: the 1x1 conv does not reduce
	}
	ignored := biasesIgnored.MatchString(src)
	if ignored {
		base.NoBias = true
	}
	qs := sidesOf(src, *base, in, []kindAt{{"plain", 0, 0}, {"bottleneck", neck[0], n}})
	if len(qs) == 2 && in == nil {
		qs[1] = withWideIn(qs[1], n)
	}
	if ignored && len(qs) > 0 {
		// "(biases ignored)" names the biases, and asks nothing of them.
		asked := slices.DeleteFunc(slices.Clone(qs[0].Asked), func(a string) bool { return a == "biases" })
		for _, q := range qs {
			q.Asked = slices.Clone(asked) // each side its own: later readers change Asked in place
		}
	}
	return qs
}

// withWideIn says the input channels of the wide conv after a bottleneck
// read without an input size: the sides made by kinds.go leave them to the
// 1×1 conv before it, which needs the input to pass them on. q is
// returned unchanged when it is not a 1×1 conv and a conv.
func withWideIn(q *Question, n int) *Question {
	if len(q.Layers) != 2 {
		return q
	}
	neck, ok1 := q.Layers[0].Layer.(calc.Conv)
	wide, ok2 := q.Layers[1].Layer.(calc.Conv)
	if !ok1 || !ok2 || wide.In != 0 || neck.Out != n {
		return q
	}
	wide.In = n
	again, err := specQuestion(nil, []calc.Layer{neck, wide})
	if err != nil || len(again.Layers) != 2 {
		return q
	}
	cp := *q
	cp.Layers = slices.Clone(q.Layers)
	cp.Layers[1].Layer = again.Layers[1].Layer
	cp.Canonical = again.Canonical
	return &cp
}

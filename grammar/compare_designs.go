package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// Two designs set against each other are often described once and named
// twice: "with Flatten vs with GAP" on one feature map, "with the
// grouping vs without" of one conv, "MaxPool2d(2) and Conv2d(64, 64, 2,
// stride=2) both halve a 32x32 map", "my second Conv2D(40, (3, 3)) has
// more params than the first". Read as one network, each is a confident
// answer to another question. Each side is built here in calc values from
// what the message describes, and sized on the same input.

// designSide is one design of a comparison: its layers, what it is called
// in the answer's first line ("Flatten + FC"), and where the message
// names it.
type designSide struct {
	name   string
	layers []calc.Layer
	at     int
	in     calc.Shape // its own input; nil: the comparison's
}

// designSides answers a message that sets two designs of the same layers
// against each other, each side sized; nil when src is no such message.
func designSides(src string) []*Question {
	for _, read := range []func(string) []*Question{classifierSides, groupedSides, eitherSides, secondOfTwoSides, factoredSides} {
		if qs := read(src); len(qs) == 2 {
			return qs
		}
	}
	return nil
}

// designQuestions sizes each side on input in, each asking what the
// message asks, with the numbers no side uses named; the second side's
// note names both ("compared: B instead of A"), which the reply's first
// line sets side by side. It returns nil when a side does not read.
func designQuestions(src string, in calc.Shape, sides []designSide) []*Question {
	var qs []*Question
	for k, s := range sides {
		sideIn := in
		if s.in != nil {
			sideIn = s.in
		}
		q, err := designSpec(sideIn, s.layers)
		if err != nil || len(q.Layers) == 0 {
			return nil
		}
		note := "as " + s.name
		if k == 1 {
			note = "compared: " + s.name + " instead of " + sides[0].name
		}
		q.Notes = append([]string{note}, q.Notes...)
		at := offsetPosition(src, s.at)
		for i := range q.Layers {
			q.Layers[i].Pos, q.Layers[i].Fields = at, nil
		}
		qs = append(qs, q)
	}
	asked := askedSides(src, noBiasWords.MatchString(src))
	used := usedBySides(qs)
	for _, q := range qs {
		q.Asked = slices.Clone(asked)
		q.Unused = account(src, q, used)
	}
	return qs
}

// designSpec reads layers on input in as the spec language would: one
// layer alone, or a network of them, its input said channels last ("hwc")
// so that a 4x4x512 map is never read as 4 channels.
func designSpec(in calc.Shape, layers []calc.Layer) (*Question, error) {
	if len(layers) == 1 || len(in) != 3 {
		return specQuestion(in, layers)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "input %dx%dx%d hwc\n", in[1], in[2], in[0])
	for _, l := range layers {
		b.WriteString(FormatLayer(l) + "\n")
	}
	return spec.Parse(b.String())
}

// Words of a classifier's two designs: global average pooling and flatten.
var (
	gapWords     = regexp.MustCompile(`(?i)\bglobal[\s_-]*(?:average|avg|mean)[\s_-]*pool\w*|\bGAP\b|\bGlobalAveragePooling[123]D\b|\bglobal[\s_-]*pool\w*|\bAdaptiveAvgPool2d\(\s*(?:1|\(\s*1\s*,\s*1\s*\))\s*\)`)
	flattenWords = regexp.MustCompile(`(?i)\bflatten\w*\b|\bFlatten\(\)`)
	// featureMap matches a feature map of three sizes: "7x7x2048",
	// "2048x7x7".
	featureMap = regexp.MustCompile(`\b(\d+)\s*[x×]\s*(\d+)\s*[x×]\s*(\d+)\b`)
	// classesWords matches the units of the classifier: "10 classes", "a
	// 10 class classifier", "100 output units", "Dense(10)".
	classesWords = regexp.MustCompile(`(?i)\b(\d+)[\s-]*(?:way\s+)?(?:class(?:es)?|categor(?:y|ies)|labels|outputs|output\s+(?:units|neurons|classes)|units|neurons)\b|\bDense\(\s*(\d+)|\bLinear\(\s*\w+\s*,\s*(\d+)\s*\)|\bto\s+(\d+)\s+(?:outputs?|logits)\b`)
)

// classifierSides answers "params of the classifier with Flatten vs with
// GAP" on a feature map: a fully connected layer after flatten reads every
// value of the map, after global average pooling one per channel. The
// sides come in the order the message names them; nil when src does not
// name both on one feature map and a number of classes.
func classifierSides(src string) []*Question {
	gap, flat := described(gapWords, src), described(flattenWords, src)
	if gap == nil || flat == nil || !designsCompared.MatchString(src) || poolThenFlatten(src) || hiddenLayer.MatchString(src) {
		return nil // a hidden layer said before the classifier: these sides have none
	}
	m := featureMap.FindStringSubmatch(src)
	n := classesOf(src)
	if m == nil || n < 1 {
		return nil
	}
	var a, b, c int
	fmt.Sscan(m[1], &a)
	fmt.Sscan(m[2], &b)
	fmt.Sscan(m[3], &c)
	in := calc.Shape{c, a, b} // channels last, as a feature map is said: 7x7x2048
	if a > c && b == c {
		in = calc.Shape{a, b, c} // 2048x7x7: channels first
	}
	noBias := noBiasWords.MatchString(src)
	values := in[0] * in[1] * in[2]
	if in[1] > 4096 || in[2] > 4096 || values > 1<<30 {
		return nil
	}
	sides := []designSide{
		{"Flatten + FC", []calc.Layer{calc.Flatten{}, calc.Linear{In: values, Out: n, NoBias: noBias}}, flat[0], nil},
		{"global average pooling + FC", []calc.Layer{calc.GlobalAvgPool{}, calc.Flatten{}, calc.Linear{In: in[0], Out: n, NoBias: noBias}}, gap[0], nil},
	}
	if gap[0] < flat[0] {
		sides[0], sides[1] = sides[1], sides[0]
	}
	return designQuestions(src, in, sides)
}

// hiddenLayer matches a fully connected layer said between the feature
// map and the classifier: "a hidden fc of 256 then the classifier", "an
// intermediate dense layer".
var hiddenLayer = regexp.MustCompile(`(?i)\bhidden\b|\bintermediate\b|\b(?:fc|dense|linear)\s+(?:layer\s+)?(?:of|with)\s+\d+`)

// designsCompared matches the words that set two designs against each
// other: "vs", "instead", "(b)", "how much smaller"; not "each", which
// also asks of the layers of one network.
var designsCompared = regexp.MustCompile(`(?i)\bvs\.?|\bversus\b|\binstead\b|\bcompar\w*|\brather\s+than\b|\bor\b|\(b\)|\bdifferen\w*|\breplac\w*|\bswap\w*|\bwhat\s+if\b|\bhow\s+much\s+(?:smaller|bigger|fewer|more|less)\b|\bsav(?:e|es|ed|ing)\b`)

// chainWords match what may stand between two layers of one network:
// "GAP then flatten", "GlobalAveragePooling2D() -> Flatten()".
var chainWords = regexp.MustCompile(`(?i)^[\s,;()]*(?:then|->|→|=>|\+|followed\s+by|and\s+then|,)?[\s,;()]*$`)

// poolThenFlatten reports whether src names global pooling and flatten
// one after the other, as layers of one network.
func poolThenFlatten(src string) bool {
	for _, g := range gapWords.FindAllStringIndex(src, -1) {
		for _, f := range flattenWords.FindAllStringIndex(src, -1) {
			if g[1] <= f[0] && chainWords.MatchString(src[g[1]:f[0]]) {
				return true // "GAP then flatten": the network has both
			}
		}
	}
	return false
}

// classesOf is the number of classes a message gives its classifier, or 0.
func classesOf(src string) int {
	for _, m := range classesWords.FindAllStringSubmatch(src, -1) {
		for _, g := range m[1:] {
			var n int
			if g != "" {
				if _, err := fmt.Sscan(g, &n); err == nil && n > 0 && n <= 1<<20 {
					return n
				}
			}
		}
	}
	return 0
}

// groupedAgainst matches a grouped conv set against itself without its
// groups in words the kinds reader (kinds.go) does not know: "with the
// grouping vs without", "with and without groups", "grouped or not".
var groupedAgainst = regexp.MustCompile(`(?i)\bwith(?:\s+the)?\s+group(?:s|ing|ed\s+conv\w*)?\b[^.?!;]{0,24}?\s(?:vs\.?|versus|or|and|compared\s+(?:to|with))\s+(?:with)?out\b` +
	`|\bwith\s+and\s+without\s+(?:the\s+)?group(?:s|ing)?\b|\bgrouped\s+(?:vs\.?|versus|or|and)\s+(?:not|non[\s-]?grouped|without)\b` +
	`|\bwithout\s+(?:the\s+)?grouping\b|\bif\s+(?:we|you|i)\s+(?:remove|drop|don'?t\s+use)\s+(?:the\s+)?group(?:s|ing)\b`)

// groupedSides answers a grouped conv set against the same conv without
// groups: "groups=2 ... how many params with the grouping vs without?".
// nil when src does not say so or describes no grouped conv.
func groupedSides(src string) []*Question {
	m := groupedAgainst.FindStringIndex(src)
	if m == nil {
		return nil
	}
	base, in := describedConv(src, false)
	if base == nil || base.Groups <= 1 || depthwiseConv(*base) {
		return nil
	}
	plain := *base
	plain.Groups = 0
	return designQuestions(src, in, []designSide{
		{fmt.Sprintf("the conv with %d groups", base.Groups), []calc.Layer{*base}, 0, nil},
		{"the same conv without groups", []calc.Layer{plain}, m[1] - 3, nil},
	})
}

// eitherWords say two layers are alternatives, not one after the other:
// "both halve the map", "either one", "each one adds".
var eitherWords = regexp.MustCompile(`(?i)\bboth\s+(?:of\s+them\s+)?(?:halve|downsample|reduce|shrink|give|produce|output|map|turn|take|cut|do|work)\w*\b|\beither\b|\beach\s+(?:one|of\s+them|option|alternative)\b|\balternatives?\b`)

// eitherSides answers two pasted layers set side by side as alternatives
// ("nn.MaxPool2d(2) and nn.Conv2d(64, 64, 2, stride=2) both halve a 32x32
// map: params each?") as each layer alone on the input; nil when src does
// not say they are alternatives, or they fit one after the other and the
// words do not say "both".
func eitherSides(src string) []*Question {
	if !eitherWords.MatchString(src) {
		return nil
	}
	q, err := Parse(src)
	if err != nil || !q.Network || len(q.Layers) != 2 || len(q.Input) != 3 {
		return nil
	}
	ls := []calc.Layer{q.Layers[0].Layer, q.Layers[1].Layer}
	in := slices.Clone(q.Input)
	for _, l := range ls {
		if c, ok := l.(calc.Conv); ok && c.In > 0 {
			in[0] = c.In // a pool keeps the channels: the conv's are the input's
			break
		}
	}
	var sides []designSide
	for k, l := range ls {
		if calc.Leaves(l, 2) != 1 {
			return nil
		}
		if _, err := l.Apply(in); err != nil {
			return nil
		}
		sides = append(sides, designSide{FormatHead(l), []calc.Layer{l}, byteOffset(src, q.Layers[k].Pos), nil})
	}
	return designQuestions(src, in, sides)
}

// byteOffset is the byte offset of a position in src (0 when unknown).
func byteOffset(src string, p Position) int {
	if p.Line == 0 {
		return 0
	}
	return positionOffset(src, p)
}

// secondOf matches a message about the second of two layers made from one
// call written once: "my second Conv2D(40,(3,3)) has more params than the
// first one".
var (
	secondOf  = regexp.MustCompile(`(?i)\b(?:second|2nd)\s+(?:one\s+|layer\s+)?(?:\w+\.)?(?:Conv\w*|conv\w*|layer)\b`)
	firstWord = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:first|1st)(?:\s+one|\s+layer|\s+conv\w*)?\b`)
)

// firstSaid matches the first layer said with its own settings: "the
// first layer has 40 filters", "the 1st conv uses 5x5 kernels".
var firstSaid = regexp.MustCompile(`(?i)\b(?:first|1st)\s+(?:one|layer|conv\w*)\s+(?:has|have|uses?|is|with|outputs?|gives?|produces?)\s+(?:a\s+|an\s+)?\d`)

// secondOfTwoSides answers "why does my second Conv2D(40,(3,3)) have more
// params than the first one (input 64x64x3)?": the same call written twice,
// the second fed by the first, so its filters span the first one's output
// channels. nil when src is not such a message or the call is not one conv
// on a known input.
func secondOfTwoSides(src string) []*Question {
	m := secondOf.FindStringIndex(src)
	if m == nil || !firstWord.MatchString(src[m[1]:]) && !firstWord.MatchString(src[:m[0]]) {
		return nil
	}
	if firstSaid.MatchString(src) {
		return nil // "the first layer has 40 filters": two layers said, no call written once
	}
	q, err := Parse(src)
	if err != nil || len(q.Layers) != 1 || len(q.Input) != 3 || slices.ContainsFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, "the layer before has") }) {
		return nil
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.Transposed || c.Groups > 1 || c.Out < 1 {
		return nil
	}
	if c.In == 0 {
		c.In = q.Input[0]
	}
	second := c
	second.In = c.Out
	r, err := c.Apply(q.Input)
	if err != nil || len(r.Output) != 3 {
		return nil
	}
	qs := designQuestions(src, q.Input, []designSide{
		{"the first", []calc.Layer{c}, 0, nil},
		{"the second", []calc.Layer{second}, m[0], r.Output},
	})
	if qs != nil {
		qs[1].Notes = append(qs[1].Notes, fmt.Sprintf("the second layer reads the first one's %d output channels, not the image's %d: each of its filters spans %d channels", c.Out, c.In, c.Out))
	}
	return qs
}

package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/paste"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// A comparison of kinds of one layer — "(a) a standard conv (b) a
// depthwise separable one", "compared to the ungrouped version", "if
// instead every output unit were fully connected" — describes the layer
// once, in numbers, and names the kinds. Each side is that layer made into
// one kind, in calc values: a side read again from words that describe
// the other kind ("3x3 depthwise + 1x1 pointwise" says no channel count)
// would be a guess.

// Words naming a kind of the layer compared.
var (
	separableKind = regexp.MustCompile(`(?i)\bdepthwise[\s-]*sep[ae]rable\b|\bsep[ae]rable\s*conv|\b(?:depthwise|dw)\b[^.?;]{0,60}?\b(?:pointwise|pw)\b`)
	plainKind     = regexp.MustCompile(`(?i)\b(?:standard|normal|regular|plain|ordinary|vanilla|usual|conventional|full)\s+(?:\d+\s*[x×]\s*\d+\s+)?conv|\b(?:standard|normal|regular|plain|ordinary|vanilla|conventional)\s+(?:version|variant|kind)\b|\b(?:an?|one)\s+\d+\s*[x×]\s*\d+\s+conv\w*(?:\s+layer)?\s*,?\s+(?:and|vs\.?|versus|or|compared\s+(?:to|with)|against)\s+(?:an?\s+|the\s+)?(?:depthwise|dw|separable)\b|\bsep[ae]rable(?:\s+conv\w*)?\s+(?:vs\.?|versus|or|compared\s+(?:to|with)|against)\s+(?:an?|one|the)\s+(?:\d+\s*[x×]\s*\d+\s+)?conv|\bungrouped\b|\bwithout\s+(?:the\s+)?group(?:s|ing)\b|\bgroups\s*=\s*1\b|\bgroup(?:s|ing|ed)?\s+(?:vs\.?|versus|or|and|compared\s+to)\s+without\b|\bwith\s+and\s+without\s+(?:the\s+)?group(?:s|ing)\b`)
	denseKind     = regexp.MustCompile(`(?i)\bfully[\s-]*connected\b|\bdense\s+layer\b|\bFC\s+layer\b`)
	// kindCompared matches the words that set kinds side by side.
	kindCompared = regexp.MustCompile(`(?i)\bvs\.?\s|\bversus\b|\bcompar\w*|\binstead\b|\brather\s+than\b|\bboth\b|\beach\b|\(a\)|\boption\s+[a-d1-4]\b|\bhow\s+many\s+would\b|\bwhat\s+would\b|\bsavings?\b|\bthan\b`)
)

// otherSide matches a comparison's second side named by its kind alone:
// " vs depthwise separable conv", " compared to the ungrouped version",
// " and a depthwise separable conv".
var otherSide = regexp.MustCompile(`(?i)\s(?:vs\.?|versus|compared\s+(?:to|with)|or|than|and)\s+(?:an?\s+|the\s+)?(?:` +
	separableKind.String()[4:] + `|` + plainKind.String()[4:] + `|` + denseKind.String()[4:] + `)(?:\s+(?:conv\w*|one|version|variant|layer))?`)

// separableNamed is separableKind with the word for a conv after it:
// "depthwise separable conv 32 -> 64" is "conv 32 -> 64".
var separableNamed = regexp.MustCompile(`(?i)(?:` + separableKind.String()[4:] + `)(?:\s+conv\w*)?`)

// separableCollapsed is text with its separable kind named as a plain
// conv, "a conv" where it starts the text ("depthwise separable conv 32
// -> 64 ch" is "a conv 32 -> 64 ch", not the spec's "conv" with unknown
// options).
func separableCollapsed(text string) string {
	return separableNamed.ReplaceAllStringFunc(text, func(m string) string {
		if strings.HasPrefix(strings.TrimSpace(text), m) {
			return "a conv"
		}
		return " conv "
	})
}

// Words about the biases of every side.
var (
	noBiasWords   = regexp.MustCompile(`(?i)\b(?:no|without|ignor\w*|exclud\w*|not\s+counting|w/o|minus)\s+(?:the\s+|any\s+)?bias(?:es)?\b|\bbias\s*=\s*false\b|\buse_bias\s*=\s*false\b|\bnobias\b|\bbias[\s-]*free\b|\bbias(?:es)?\s+(?:are\s+)?(?:off|disabled|ignored|excluded)\b`)
	bothBiasWords = regexp.MustCompile(`(?i)\bbias(?:es)?\s+(?:included\s+)?(?:in|on|for)\s+(?:every|each|all|both)\b|\b(?:every|each|all|both)\s+(?:conv\w*|layers?)\s+(?:has|have|with|gets?)\s+(?:a\s+|its\s+own\s+|their\s+own\s+)?bias|\bboth\s+with\s+(?:a\s+)?bias(?:es)?\b|\bbias(?:es)?\s+on\s+(?:both|each|every)\b|\beach\s+with\s+(?:a\s+|its\s+own\s+)?bias\b|\bbias(?:es)?\s+(?:on\s+|in\s+)?everywhere\b|\b(?:with|incl\w*|including|plus)\s+(?:the\s+)?bias(?:es)?\b`)
)

// kindSides answers a comparison of kinds of one layer, each side sized;
// nil when src compares no kinds or the layer is not found in numbers.
func kindSides(src string) []*Question {
	if !kindCompared.MatchString(src) && !askedOfTwoKinds(src) || paste.LooksLikePyTorch(src) || paste.LooksLikeKeras(src) {
		return nil // pasted code is read by its own reader, its layers as written
	}
	sep, plain, dense := described(separableKind, src), described(plainKind, src), described(denseKind, src)
	neck := bottleneckKind.FindStringSubmatchIndex(src)
	if sep == nil && plain == nil && dense == nil && neck == nil {
		return nil
	}
	base, in := describedConv(src, neck != nil)
	if base == nil {
		return nil
	}
	var kinds []kindAt
	switch {
	case sep != nil && plain != nil:
		kinds = []kindAt{{"plain", plain[0], 0}, {"separable", sep[0], 0}}
	case neck != nil && sep == nil && base.Groups <= 1:
		n, g := 0, 2
		if neck[g] < 0 {
			g = 4 // "a 1x1 conv with 16 filters"
		}
		fmt.Sscan(src[neck[g]:neck[g+1]], &n)
		if n < 1 || n >= base.In {
			return nil // no bottleneck: the 1x1 conv does not reduce
		}
		kinds = []kindAt{{"plain", 0, 0}, {"bottleneck", neck[0], n}}
	case base.Groups > 1 && !depthwiseConv(*base) && plain != nil:
		kinds = []kindAt{{"grouped", 0, 0}, {"plain", plain[0], 0}}
	case dense != nil && base.Groups <= 1 && len(in) == 3:
		kinds = []kindAt{{"plain", 0, 0}, {"dense", dense[0] + 1, denseUnits(src[dense[0]:])}}
	default:
		return nil
	}
	slices.SortStableFunc(kinds, func(a, b kindAt) int { return a.at - b.at })
	return sidesOf(src, *base, in, kinds)
}

// described finds where src names a kind: the first time after its first
// number (a title or an opening sentence names kinds in any order), or
// before it; nil when it names none.
func described(kind *regexp.Regexp, src string) []int {
	all := kind.FindAllStringIndex(src, -1)
	first := strings.IndexAny(src, "0123456789")
	for _, m := range all {
		if m[0] > first {
			return m
		}
	}
	if len(all) > 0 {
		return all[0]
	}
	return nil
}

// kindAt is a kind of the layer compared and where the message names it.
type kindAt struct {
	kind string
	at   int
	n    int // a bottleneck's channels
}

// sidesOf makes each kind of the layer c on input in into a question,
// asking what the message asks, with the numbers none of them uses named.
func sidesOf(src string, c calc.Conv, in calc.Shape, kinds []kindAt) []*Question {
	noBias, bothBias := noBiasWords.MatchString(src), bothBiasWords.MatchString(src)
	if noBias {
		c.NoBias = true
	}
	var qs []*Question
	for _, k := range kinds {
		layers, note := kindLayers(k, c, in, bothBias && !noBias)
		q, err := specQuestion(in, layers)
		if err != nil {
			return nil
		}
		q.Notes = append([]string{note}, q.Notes...)
		at := offsetPosition(src, k.at) // where the message names the kind
		for i := range q.Layers {
			q.Layers[i].Pos, q.Layers[i].Fields = at, nil
		}
		qs = append(qs, q)
	}
	asked := askedSides(src, noBias)
	used := usedBySides(qs)
	for _, q := range qs {
		q.Asked = asked
		q.Unused = account(src, q, used)
		if d := rolesSwapped(src, leafLayers(q)); d != "" {
			q.Doubts = append(q.Doubts, d)
		}
	}
	return qs
}

// kindLayers is the layer c made into a kind, and the note that says so.
func kindLayers(k kindAt, c calc.Conv, in calc.Shape, bothBias bool) ([]calc.Layer, string) {
	switch k.kind {
	case "bottleneck":
		neck := calc.Conv{Dims: c.Dims, Kernel: ones(len(c.Kernel)), In: c.In, Out: k.n, NoBias: c.NoBias}
		wide := c
		wide.In = 0 // from the 1×1 conv before it
		return []calc.Layer{neck, wide}, fmt.Sprintf("compared: a 1×1 conv down to %d channels first, then the same %s conv", k.n, kernelText(c.Kernel))
	case "separable":
		dw := c
		dw.Out, dw.Groups, dw.Depthwise = c.In, c.In, false
		dw.NoBias = c.NoBias || !bothBias
		pw := calc.Conv{Dims: c.Dims, Kernel: ones(len(c.Kernel)), In: c.In, Out: c.Out, NoBias: c.NoBias}
		note := "compared: the same layer as a depthwise separable conv (a depthwise conv, one filter per input channel, then a 1×1 pointwise conv)"
		if !c.NoBias && !bothBias {
			note += "; the bias sits on the pointwise one, as in Keras's SeparableConv2D (say \"both with bias\" for two PyTorch convs)"
		}
		return []calc.Layer{dw, pw}, note
	case "dense":
		r, err := c.Apply(in)
		if err != nil {
			return []calc.Layer{nil}, ""
		}
		n, err1 := in.Elements()
		m, err2 := r.Output.Elements()
		if err1 != nil || err2 != nil || n > 1<<31 || m > 1<<31 {
			return []calc.Layer{nil}, ""
		}
		if k.n > 0 { // "a fully connected hidden layer with 50 neurons": its own width
			return []calc.Layer{calc.Flatten{}, calc.Linear{In: int(n), Out: k.n, NoBias: c.NoBias}},
				fmt.Sprintf("compared: a fully connected layer of %s units on the %s input values", lang.Group(k.n), lang.Group(int(n)))
		}
		return []calc.Layer{calc.Flatten{}, calc.Linear{In: int(n), Out: int(m), NoBias: c.NoBias}},
			fmt.Sprintf("compared: every one of the %s output values fully connected to every one of the %s input values", lang.Group(int(m)), lang.Group(int(n)))
	case "plain":
		c.Groups, c.Depthwise = 0, false
		return []calc.Layer{c}, "compared: the layer as a standard conv"
	}
	return []calc.Layer{c}, "as described"
}

// kernelText writes a kernel size: 5x5.
func kernelText(k []int) string {
	parts := make([]string, len(k))
	for i, v := range k {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, "x")
}

// bottleneckKind matches a 1×1 conv that reduces the channels first: "first
// a 1x1 conv down to 32 channels", "a 1x1 conv with 16 filters".
var bottleneckKind = regexp.MustCompile(`(?i)\b1\s*[x×]\s*1\s+conv\w*\s+(?:layer\s+)?(?:down\s+|first\s+)?(?:to|into|reducing\s+to)\s+(\d+)\b|\b1\s*[x×]\s*1\s+conv\w*\s+(?:layer\s+)?with\s+(\d+)\s+filters\b`)

// ones is n ones: a 1×1 kernel of n dimensions.
func ones(n int) []int {
	out := make([]int, max(n, 1))
	for i := range out {
		out[i] = 1
	}
	return out
}

// specQuestion reads layers on input in as the spec language would: one
// layer alone, or a network of them.
func specQuestion(in calc.Shape, layers []calc.Layer) (*Question, error) {
	var b strings.Builder
	if len(in) == 3 {
		fmt.Fprintf(&b, "input %dx%dx%d\n", in[1], in[2], in[0])
	}
	for _, l := range layers {
		if l == nil {
			return nil, fmt.Errorf("no layer")
		}
		b.WriteString(lang.FormatLayer(l) + "\n")
	}
	text := b.String()
	if len(layers) == 1 && len(in) == 3 {
		text = fmt.Sprintf("%s input %dx%d", lang.FormatLayer(layers[0]), in[1], in[2])
	}
	return spec.Parse(text)
}

// askedOf is what a message asks for, in the words of [askedWords].
func askedOf(src string) []string {
	words := strings.FieldsFunc(strings.ToLower(src), func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') })
	var asked []string
	for _, a := range askedWords(words) {
		if a == "output" && !outputAsked.MatchString(src) {
			continue // "to 64 output channels" describes the layer
		}
		asked = append(asked, a)
	}
	if macsWords.MatchString(src) && !slices.Contains(asked, "macs") && !slices.Contains(asked, "flops") {
		asked = append(asked, "macs") // "mult-adds", "multiply-adds"
	}
	return asked
}

// macsWords matches the multiply-accumulates asked in other words.
var macsWords = regexp.MustCompile(`(?i)\bmult(?:iply)?[\s-]*(?:adds?|accumulates?)\b|\bmadds\b|\bmultiplications\b`)

// outputAsked matches an output size asked for.
var outputAsked = regexp.MustCompile(`(?i)\b(?:output|out)\s+(?:size|shape|dim\w*|volume)\b|\bwhat\s+size\b`)

// depthwiseConv reports whether c has one group per input channel.
func depthwiseConv(c calc.Conv) bool {
	return c.Depthwise || c.Groups > 1 && c.Groups == c.In
}

// describedConv finds the layer a comparison of kinds describes in
// numbers (wide: one wider than 1×1): the one conv of a reading of the message, of one of its
// clauses, or a depthwise conv and the pointwise conv after it taken as
// the layer they stand for; with the input it is on (nil when unknown).
// A preset named is context here: its name is left out of the reading.
func describedConv(src string, wide bool) (*calc.Conv, calc.Shape) {
	text := withoutPresetNames(src)
	first, then := text, withoutPointwiseSize(text) // pointwise_size.go
	if pointwiseNamedFirst.MatchString(text) {
		first, then = then, first // "pointwise(1x1)", "pw 1x1": the size is the part's, not the layer's
	}
	if c, in := describedConvIn(src, first, wide); c != nil {
		return c, in
	}
	return describedConvIn(src, then, wide)
}

// describedConvIn is describedConv reading text, src with some words left
// out.
func describedConvIn(src, text string, wide bool) (*calc.Conv, calc.Shape) {
	var in calc.Shape
	var found *calc.Conv
	// "3x3 dw + 1x1 pw 128->128" is the layer they stand for: "3x3 conv
	// 128->128".
	collapsed := separableCollapsed(text)
	// "normal 3x3 conv vs depthwise separable conv on 128 channels": the
	// layer with the other side left out.
	cut := otherSide.ReplaceAllString(text, "")
	for _, t := range limit(slices.Concat([]string{text, cut}, clauses(text), clauses(collapsed)), maxReadings) {
		q, err := Parse(t)
		if err != nil || q.Preset != "" {
			continue
		}
		if len(q.Input) == 3 && in == nil {
			in = q.Input
		}
		if c, ok := oneConv(q); ok && found == nil && !(wide && slices.Equal(c.Kernel, ones(len(c.Kernel)))) {
			found = &c
		}
	}
	if found != nil && rolesSwapped(src, []calc.Layer{*found}) != "" && found.Groups <= 1 {
		// "an input with 32 channels and an output with 64": the words
		// give the roles.
		found.In, found.Out = found.Out, found.In
	}
	if found == nil || len(in) == 3 && in[0] != found.In {
		return nil, nil
	}
	if len(in) == 3 && !outputAgrees(src, found, in) {
		return nil, nil
	}
	return found, in
}

// outputAgrees reports whether c on in gives the output size the message
// states ("to a 28x28x6 output"), when it states one; a "same" read from
// "producing the same 28x28x6 output" is dropped when the size says so.
func outputAgrees(src string, c *calc.Conv, in calc.Shape) bool {
	for _, m := range inputSize.FindAllString(src, -1) {
		var h, w, ch int
		if _, err := fmt.Sscanf(strings.NewReplacer(" ", "", "×", "x", "X", "x").Replace(m), "%dx%dx%d", &h, &w, &ch); err != nil {
			continue
		}
		if h == in[1] && w == in[2] && ch == in[0] || ch != c.Out {
			continue
		}
		want := calc.Shape{ch, h, w}
		if r, err := c.Apply(in); err == nil && r.Output.Equal(want) {
			return true
		}
		valid := *c
		valid.PadMode, valid.Pad = calc.PadExplicit, nil
		if r, err := valid.Apply(in); err == nil && r.Output.Equal(want) {
			*c = valid
			return true
		}
		return false
	}
	return true
}

// maxReadings bounds the texts read to find the layer described: a long
// message is read in time.
const maxReadings = 24

// limit is the first n of ts.
func limit(ts []string, n int) []string { return ts[:min(len(ts), n)] }

// oneConv is the layer a reading holds: its one conv, or a depthwise conv
// and a 1×1 conv after it, as the layer they stand for.
func oneConv(q *Question) (calc.Conv, bool) {
	var convs []calc.Conv
	for _, l := range leafLayers(q) {
		switch x := l.(type) {
		case calc.Conv:
			convs = append(convs, x)
		case calc.Activation, calc.BatchNorm, calc.Dropout:
		default:
			return calc.Conv{}, false
		}
	}
	in := 0
	if len(q.Input) > 0 {
		in = q.Input[0]
	}
	switch {
	case len(convs) == 1 && !convs[0].Transposed:
		c := convs[0]
		if c.In == 0 {
			c.In = in
		}
		if c.Depthwise {
			c.Groups, c.Depthwise = c.In, false
		}
		return c, c.In > 0 && c.Out > 1
	case len(convs) == 2 && depthwiseConv(convs[0]) && slices.Equal(convs[1].Kernel, ones(len(convs[1].Kernel))):
		c := convs[0]
		if c.In == 0 {
			c.In = in
		}
		c.Out, c.Groups, c.Depthwise, c.NoBias = convs[1].Out, 1, false, convs[1].NoBias
		return c, c.In > 1 && c.Out > 1 && (convs[1].In == 0 || convs[1].In == c.In)
	}
	return calc.Conv{}, false
}

// clauseEnd matches where a clause of a message ends.
var clauseEnd = regexp.MustCompile(`[.?!;:]\s+|\n|,\s+(?:and|or)\s+|\s(?:vs\.?|versus|compared\s+(?:to|with))\s|\(a\)|\(b\)|\boption\s+[a-d1-4]\b`)

// clauses cuts a message into its clauses that hold a number, each also
// with the clause that gives an input size (56x56x128), if any.
func clauses(src string) []string {
	var all []string
	at := 0
	for _, m := range append(clauseEnd.FindAllStringIndex(src, -1), []int{len(src), len(src)}) {
		if c := strings.TrimSpace(src[at:m[0]]); hasNumber(c) {
			all = append(all, c)
		}
		at = m[1]
	}
	context := ""
	for _, c := range all {
		if m := inputSize.FindStringIndex(c); m != nil {
			// From the comma before the size: "a depthwise separable one,
			// input 28x28x256, 256 out" gives "input 28x28x256, 256 out".
			context = strings.TrimSpace(c[strings.LastIndex(c[:m[0]], ",")+1:])
			break
		}
	}
	var out []string
	for _, c := range all {
		out = append(out, c)
		if context != "" && c != context {
			out = append(out, c+", "+context)
		}
	}
	return out
}

// inputSize matches a size of three numbers: 56x56x128.
var inputSize = regexp.MustCompile(`\d+\s*[x×]\s*\d+\s*[x×]\s*\d+`)

// withoutPresetNames blanks the names of preset networks in src (spaces of
// the same length, so positions stay).
func withoutPresetNames(src string) string {
	b := []byte(src)
	for _, m := range nameWord.FindAllStringIndex(src, -1) {
		w := strings.ToLower(src[m[0]:m[1]])
		if _, _, ok := Preset(w); ok || strings.HasPrefix(w, "mobilenet") || w == "inception" || w == "googlenet" {
			for i := m[0]; i < m[1]; i++ {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// nameWord matches a word that may name a network: letters, maybe digits.
var nameWord = regexp.MustCompile(`\b[A-Za-z][A-Za-z]+(?:-?v?\d+)?\b`)

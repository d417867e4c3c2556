package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Every number of a question is accounted for (account.go); so are its
// words that name a quantity asked or a layer. A reading that leaves one
// of them out says so first: it is not confident. "what is the receptive
// field ... conv - conv - pool - conv" read as two layers, or "wat padding
// keeps the size" answered with parameters, shows itself.

// askedCue matches a word that makes a quantity named near it asked.
var askedCue = regexp.MustCompile(`(?i)\b(?:what|wat|wht|which|how|find|compute|calculate|calc|get|need|needed|required|give|gives|is|are)\b|\?`)

// askedQuantity is a quantity a question may name, what the reading must
// have asked to answer it, and what the doubt says.
type askedQuantity struct {
	word  *regexp.Regexp
	asked []string // any of these asked answers it
	solve string   // or an inverse question solving for this
	name  string
}

// askedQuantities are quantities a question may name, what the reading
// must have asked to answer each, and what the doubt says.
var askedQuantities = []askedQuantity{
	{regexp.MustCompile(`(?i)\b(?:receptive\s+fields?|rf)\b(?:\s+(?:of\s+)?(?:size\s+)?(?:[a-z]\s*=\s*)?\d)?`), []string{"receptive field"}, "", "the receptive field"},
	{regexp.MustCompile(`(?i)\b(?:macs?|flops|multiply[- ]accumulates?|multiplications|mult-adds|madds)\b`), []string{"macs", "flops"}, "", "the multiply-accumulates"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which|how\s+much)\s+(?:padding|pad)\b|\b(?:padding|pad)\s+(?:do\s+i\s+need|is\s+needed|needed|required|should\s+i)\b|^\s*['"]?same['"]?\s+(?:padding|pad)\s+(?:for|with|of|w)\b`), nil, "pad", "the padding"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which)\s+stride\b`), nil, "stride", "the stride"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which)\s+(?:kernel|filter)(?:[\s_-]?size)?\b|\b(?:kernel|filter)[\s_-]?size\s+(?:do\s+i\s+need|is\s+needed|needed|required|should\s+i)\b`), nil, "kernel", "the kernel size"},
	{regexp.MustCompile(`(?i)\b(?:what|wat|which)\s+dilation(?:[\s_]rate)?\b|\bdilation(?:[\s_]rate)?\s+(?:do\s+i\s+need|is\s+needed|needed|required|should\s+i)\b`), nil, "dilation", "the dilation"},
	{regexp.MustCompile(`(?i)\bhow\s+many\s+(?:full\s+|complete\s+|whole\s+|more\s+)?(?:blocks|pools|poolings|max\s*pools?|maxpool2d\w*|maxpooling2d\w*|times)\b`), []string{"blocks", "layers"}, "blocks", "how many blocks fit"},
}

// doubts lists what src asks or says that the reading q does not answer
// or contradicts.
func doubts(src string, q *Question) []string {
	return slices.Concat(askedDoubts(src, q), unansweredAsks(src, q), unknownCounts(src, q), saidDoubts(src, q), roleDoubts(src, q), namedKindDoubts(src, q, false), listLengthDoubts(src, q), pairDoubts(src, q), layerSumDoubts(src, q)) // list_length_doubt.go, asked_layer_sum.go
}

// askedDoubts lists the quantities src asks for that q does not answer.
func askedDoubts(src string, q *Question) []string {
	if !askedCue.MatchString(src) {
		return nil
	}
	var out []string
	for _, a := range askedQuantities {
		m := a.word.FindString(src)
		if m == "" || strings.ContainsAny(m[len(m)-1:], "0123456789") {
			continue // "receptive field 11": CS231n's word for the kernel size
		}
		if slices.ContainsFunc(a.asked, func(x string) bool { return slices.Contains(q.Asked, x) }) {
			continue
		}
		if q.Solve != nil && a.solve != "" && (q.Solve.Unknown == a.solve || q.Solve.Second == a.solve) {
			continue
		}
		if q.Solve != nil && a.solve == "" && len(a.asked) == 0 {
			continue
		}
		if len(q.Asked) == 0 && len(a.asked) > 0 && a.asked[0] == "macs" && q.Network {
			continue // a network's headline has its MACs
		}
		out = append(out, fmt.Sprintf("the question asks for %s, and this reading does not answer it", a.name))
	}
	return out
}

// layerWord matches a word naming a layer in prose.
var proseLayerWord = regexp.MustCompile(`(?i)\b(?:conv(?:s|olutions?|olutional)?\d?|max[\s-]?pool(?:ing|s)?\d?|avg[\s-]?pool(?:ing|s)?\d?|pool(?:ing|s)?\d?|dense|fc\d?|fully[\s-]connected)\b`)

// mentioned matches the end of a text before a layer word that names a
// layer already named ("the maxpool", "that conv").
var mentioned = regexp.MustCompile(`(?i)\b(?:the|that|this|each|every|per|all|its)\s+$`)

// fewerLayers is a doubt when src names more layers in prose than the
// reading has, or "".
func fewerLayers(src string, q *Question) string {
	named := 0
	seen := map[string]bool{}
	for _, m := range proseLayerWord.FindAllStringIndex(src, -1) {
		word := strings.ToLower(src[m[0]:m[1]])
		if mentioned.MatchString(src[:m[0]]) || seen[word] && strings.ContainsAny(word, "0123456789") {
			continue // "after the maxpool", conv1 again: a layer named before
		}
		seen[word] = true
		named++
	}
	leaves := 0
	for _, l := range q.Layers {
		leaves += countLeaves(l.Layer)
	}
	if named <= leaves+1 || named < 4 {
		return ""
	}
	return fmt.Sprintf("the question names %d layers, and this reading has %d", named, leaves)
}

// countLeaves counts the sized layers of l, activations and the like left
// out.
func countLeaves(l calc.Layer) int {
	switch l.(type) {
	case calc.Activation, calc.Dropout, calc.Flatten:
		return 0
	}
	return int(calc.Leaves(l, 1<<20))
}

// saidDoubts lists what src says about its layers that the reading q
// leaves out or contradicts: a kind of layer named but absent, a
// comparison answered with one reading, biases asked on every layer with
// a layer without one, a number of filters no layer has.
func saidDoubts(src string, q *Question) []string {
	ls := leafLayers(q)
	var out []string
	for _, k := range namedKinds {
		if m := k.word.FindStringIndex(src); m != nil && !negated(src, m[0]) && !slices.ContainsFunc(ls, k.has) && !sidesSet.MatchString(src) {
			out = append(out, fmt.Sprintf("the question names %s, and this reading has none", k.name))
		}
	}
	if d := poolLeftOut(src, q, ls); d != "" {
		out = append(out, d)
	}
	if m := comparison.FindStringIndex(src); m != nil && q.Fix == nil {
		out = append(out, fmt.Sprintf("the question compares (%q), and this reading answers one side", strings.TrimSpace(src[m[0]:m[1]])))
	}
	for _, k := range absentKinds {
		if m := k.word.FindString(src); m != "" && slices.ContainsFunc(ls, k.has) {
			out = append(out, fmt.Sprintf("the question says %q, and this reading has %s", strings.TrimSpace(m), k.name))
		}
	}
	if d := howManyLeft(src, q); d != "" {
		out = append(out, d)
	}
	if d := outOfItsNetwork(src, q); d != "" {
		out = append(out, d)
	}
	if flattenUnsized(src, q) {
		out = append(out, "the question asks what a fully connected layer takes in, and this reading has no input size to work it out")
	}
	if d := scaledDoubt(src); d != "" {
		out = append(out, d)
	}
	if d := presetSpanDoubt(src, q); d != "" {
		out = append(out, d)
	}
	if d := kerasPReLUDoubt(src, q); d != "" {
		out = append(out, d)
	}
	if d := normAfter(ls); d != "" {
		out = append(out, d)
	}
	if d := oneOfAlike(src, ls); d != "" {
		out = append(out, d)
	}
	if d := thenChain(src, ls); d != "" {
		out = append(out, d)
	}
	for _, check := range []func(string, *Question) string{fewerCounted, biasIgnored, normLeftOut, settingMissing, roleMissing, notRepeated, summaryAsIs} {
		if d := check(src, q); d != "" {
			out = append(out, d)
		}
	}
	if d := rolesSwapped(src, ls); d != "" {
		out = append(out, d)
	}
	if biasEverywhere.MatchString(src) && slices.ContainsFunc(ls, noBias) {
		out = append(out, "the question puts a bias on every layer, and this reading has a layer without one")
	}
	return out
}

// flattenUnsized reports whether src asks what a fully connected layer
// takes in and q has no input size to work it out from.
func flattenUnsized(src string, q *Question) bool {
	return flattenAsked.MatchString(src) && q.Input == nil && len(q.Layers) > 0 && q.Fix == nil
}

// namedKinds are kinds of layer a question may name, and what a reading
// must hold to have one.
var namedKinds = []struct {
	word *regexp.Regexp
	has  func(calc.Layer) bool
	name string
}{
	{regexp.MustCompile(`(?i)\b(?:up-?sampl\w*|interpolat\w*)\b`), func(l calc.Layer) bool {
		c, ok := l.(calc.Conv)
		return l.Kind() == "upsample" || l.Kind() == "pixelshuffle" || ok && c.Transposed // a transposed conv upsamples too
	}, "an upsampling layer"},
	{regexp.MustCompile(`(?i)(?:^|[^.\w])transpos\w*|\b(?:deconv\w*|convtranspose\w*|conv2dtranspose|up-?conv\w*)\b`), func(l calc.Layer) bool { c, ok := l.(calc.Conv); return ok && c.Transposed }, "a transposed convolution"},
	{regexp.MustCompile(`(?i)\bdepthwise(?:_?conv\w*)?\b`), depthwiseLayer, "a depthwise convolution"},
	{regexp.MustCompile(`(?i)\b(?:linear|dense)\s*\(\s*\d`), func(l calc.Layer) bool { return l.Kind() == "linear" }, "a fully connected layer"},
	{regexp.MustCompile(`(?i)\b(?:dilat\w*|atrous)\b(?:\s*(?:rate|=|of)?\s*)(?:[2-9]|\d\d)`), func(l calc.Layer) bool {
		c, ok := l.(calc.Conv)
		return ok && slices.ContainsFunc(c.Dilation, func(d int) bool { return d > 1 })
	}, "a dilated convolution"},
}

// absentKinds are kinds of layer a question may say are not there ("i
// forgot the Flatten", "resnet18 without batchnorm"), and what a reading
// holding one has. "no pool" is
// left out: it is often said of one place ("no pool at the end").
var absentKinds = []struct {
	word *regexp.Regexp
	has  func(calc.Layer) bool
	name string
}{
	{regexp.MustCompile(`(?i)\b(?:forgot|without|no|missing|left\s+out|didn'?t\s+(?:add|use))\s+(?:the\s+|a\s+|any\s+)?flatten(?:ing)?\b`), func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok }, "a flatten"},
	{regexp.MustCompile(`(?i)\b(?:without|w/o|no|remov\w*|drop\w*|strip\w*)\s+(?:the\s+|its\s+|any\s+|all\s+)?(?:batch[\s_-]?norm\w*|bn)(?:\s+layers?)?\b`), func(l calc.Layer) bool { _, ok := l.(calc.BatchNorm); return ok }, "batch norm layers"},
}

// negation matches words just before a layer word that say it is not
// there: "no pooling", "without a pool", "instead of pooling".
var negation = regexp.MustCompile(`(?i)\b(?:no|not|without|w/o|instead\s+of|rather\s+than|remove[ds]?|drop(?:ped|s)?|skip(?:ped|s)?|replac\w*|forgot|vs|or|than)\b[\s\w-]{0,14}$|n't\s+[\s\w-]{0,14}$`)

// negated reports whether the layer word at src[at:] is said not to be
// there.
func negated(src string, at int) bool {
	return negation.MatchString(src[max(0, at-24):at])
}

// comparison matches words that ask for two readings: "each way", "both
// ways", "with ... and with ...". A plain "vs" is left out: it splits a
// message into sides that each keep it ("grouped vs normal: once with
// groups=1 and once with groups=4"), and compares quantities of one
// reading ("params vs connections"). A reading with a fix answers its
// layer both as written and fixed.
var comparison = regexp.MustCompile(`(?i)\b(?:each|both)\s+ways?\b|\bwith\s[^,.?;]{1,40}\s+and\s+with\s|\b(?:vs\.?|versus|or|and)\s+without\s*(?:[?.!,;]|$|(?:it|them|that|one)\b)|\bwith\s+(?:and|or)\s+without\b`)

// biasEverywhere matches words that put a bias on every layer.
var biasEverywhere = regexp.MustCompile(`(?i)\bbias(?:es)?\s+(?:on|in|for)\s+(?:every|all|each)|\bbias(?:es)?\s+everywhere\b|\b(?:every|all|each)\s+(?:layers?|convs?)\s+(?:has|have|with|uses?)\s+(?:a\s+)?bias`)

func noBias(l calc.Layer) bool {
	switch x := l.(type) {
	case calc.Conv:
		return x.NoBias
	case calc.Linear:
		return x.NoBias
	}
	return false
}

// leafLayers lists the single layers of q, blocks opened.
func leafLayers(q *Question) []calc.Layer {
	var out []calc.Layer
	eachLeaf(q, func(l calc.Layer, _ int) { out = append(out, l) })
	return out
}

// eachLeaf calls visit with each single layer of q and its inverse
// question's layer, blocks opened, and how many times a repeated block
// runs it.
func eachLeaf(q *Question, visit func(l calc.Layer, times int)) {
	var walk func(ls []calc.Layer, times int)
	walk = func(ls []calc.Layer, times int) {
		for _, l := range ls {
			switch b := l.(type) {
			case calc.Sequence:
				walk(b.Layers, times)
			case calc.Repeat:
				walk(b.Layers, times*max(b.Times, 1))
			case calc.Residual:
				walk(b.Body, times)
				walk(b.Shortcut, times)
			case calc.Concat:
				for _, br := range b.Branches {
					walk(br, times)
				}
			case calc.Gate:
				walk(b.Layers, times)
			default:
				visit(l, times)
			}
		}
	}
	for _, l := range q.Layers {
		walk([]calc.Layer{l.Layer}, 1)
	}
	if q.Solve != nil && q.Solve.Layer != nil {
		walk([]calc.Layer{q.Solve.Layer}, 1)
	}
}

// howMany matches a quantity asked by its noun: "how many weights".
var howMany = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:trainable\s+|learnable\s+)?([a-z]+)`)

// howManyAnswered maps a noun asked with "how many" to the quantities
// that answer it.
var howManyAnswered = map[string][]string{
	"weights": {"weights", "params"}, "biases": {"biases", "params", "weights"},
	"params": {"params"}, "parameters": {"params"},
	"multiplications": {"macs", "flops"}, "macs": {"macs", "flops"}, "flops": {"flops", "macs"},
}

// howManyLeft is a doubt when the question asks "how many" more than once
// and one of them is a quantity the reading did not ask ("wired to how
// many neurons? and how many weights ...?" read as connections only); or
// "".
func howManyLeft(src string, q *Question) string {
	// One "how many weights" alone is often per neuron, read as
	// connections ("how many weights does one neuron have").
	if len(q.Asked) == 0 || len(howMany.FindAllString(src, -1)) < 2 {
		return ""
	}
	for _, m := range howMany.FindAllStringSubmatch(src, -1) {
		want, ok := howManyAnswered[strings.ToLower(m[1])]
		if ok && !slices.ContainsFunc(want, func(w string) bool { return slices.Contains(q.Asked, w) }) {
			return fmt.Sprintf("the question asks %q, and this reading does not answer it", strings.TrimSpace(m[0]))
		}
	}
	return ""
}

// indexedLayer matches a layer named by its place in a network: conv5_3,
// pool4_1, fc7_2.
var indexedLayer = regexp.MustCompile(`(?i)\b(?:conv|pool|fc|res|block)\d+_\d+\b`)

// outOfItsNetwork is a doubt when src names a layer by its place in a
// network (conv5_3 of VGG16) and the reading is not that network's layer
// but layers read from the name, with settings assumed; or "".
func outOfItsNetwork(src string, q *Question) string {
	m := indexedLayer.FindString(src)
	if m == "" {
		return ""
	}
	assumed := false
	for _, n := range q.Notes {
		if strings.Contains(n, "preset") {
			return ""
		}
		assumed = assumed || strings.Contains(n, "not given")
	}
	if !assumed {
		return ""
	}
	return fmt.Sprintf("the question names %s, a layer by its place in a network, and this reading is not that network's layer", m)
}

// Words that give a channel count its role: "an input with 32 channels",
// "32 input channels"; "an output with 64 channels", "64 output channels".
var (
	inChannels  = regexp.MustCompile(`(?i)\b(?:input|incoming|in)\s+(?:with|of|has|having|is|that\s+has)?\s*(\d+)\s+(?:channels?|feature\s+maps?|maps)\b|\b(\d+)\s+(?:input|incoming|in)\s+(?:channels?|feature\s+maps?)\b`)
	outChannels = regexp.MustCompile(`(?i)\b(?:output|outgoing|out)\s+(?:with|of|has|having|is|that\s+has)?\s*(\d+)\s+(?:channels?|feature\s+maps?|maps)\b|\b(\d+)\s+(?:output|out)\s+(?:channels?|feature\s+maps?)\b`)
)

// rolesSwapped is a doubt when src says a channel count is a conv's input
// and the reading has it as the output, or the other way round; or "".
func rolesSwapped(src string, ls []calc.Layer) string {
	in, out := roleCount(inChannels, src), roleCount(outChannels, src)
	for _, l := range ls {
		c, ok := l.(calc.Conv)
		if !ok || c.In == c.Out {
			continue
		}
		if in > 0 && c.Out == in && c.In != in || out > 0 && c.In == out && c.Out != out {
			return fmt.Sprintf("the question gives the channels in and out, and this reading has them the other way round (%d->%d)", c.In, c.Out)
		}
	}
	return ""
}

// roleCount is the count the first match of role in src gives, or 0.
func roleCount(role *regexp.Regexp, src string) int {
	m := role.FindStringSubmatch(src)
	if m == nil {
		return 0
	}
	n := 0
	for _, g := range m[1:] {
		if g != "" {
			fmt.Sscan(g, &n)
		}
	}
	return n
}

// sidesSet matches words that set two designs side by side: a kind named
// may be the other side's.
var sidesSet = regexp.MustCompile(`(?i)\bvs\.?\s|\bversus\b|\bcompar\w*|\binstead\b|\brather\s+than\b|\b(?:normal|standard|regular|plain)\s+conv`)

// poolWord matches a pooling layer named in words or code.
var poolWord = regexp.MustCompile(`(?i)\b(?:max|avg|average)[_\s-]?pool\w*`)

// poolLeftOut is a doubt when the question names a pooling layer, asks
// something a pool changes (a size, MACs, the receptive field), and the
// reading has no pool; or "". A pool named as where the input comes from
// ("the max_pooling2d output is ...", "after the pool") is no layer of
// the question.
func poolLeftOut(src string, q *Question, ls []calc.Layer) string {
	m := poolWord.FindStringIndex(src)
	if m == nil || negated(src, m[0]) || mentioned.MatchString(src[:m[0]]) || sidesSet.MatchString(src) {
		return ""
	}
	if poolOutput.MatchString(src[m[1]:]) || strings.Contains(strings.ToLower(src[m[0]:m[1]]), "global") {
		return ""
	}
	sized := len(q.Asked) == 0
	for _, a := range q.Asked {
		sized = sized || a == "output" || a == "macs" || a == "flops" || a == "receptive field" || a == "memory"
	}
	if !sized || slices.ContainsFunc(ls, func(l calc.Layer) bool { return strings.Contains(l.Kind(), "pool") }) {
		return ""
	}
	return "the question names a pooling layer, and this reading has none"
}

// poolOutput matches words after a pool that give its output as the
// question's input: "output is (None, 74, 74, 32)".
var poolOutput = regexp.MustCompile(`(?i)^\W*(?:\w+\W+){0,2}?(?:output|outputs|gives|produces)\b`)

// depthwiseLayer reports whether l is a conv with one group per input
// channel (a depthwise separable block holds one).
func depthwiseLayer(l calc.Layer) bool {
	switch c := l.(type) {
	case calc.Separable:
		return true // Keras's DepthwiseConv2D and SeparableConv2D
	case calc.Conv:
		// One channel in and out: one filter per input channel too.
		return c.Depthwise || c.Groups > 1 && (c.Groups == c.In || c.In == 0) || c.In <= 1 && c.Out <= 1
	}
	return false
}

// normAfter is a doubt when a batch norm's channels are not those of the
// conv just before it ("conv 3x3 3->32 stride 2 + batchnorm" read as
// batchnorm 2); or "".
func normAfter(ls []calc.Layer) string {
	for i := 1; i < len(ls); i++ {
		bn, ok := ls[i].(calc.BatchNorm)
		c, conv := ls[i-1].(calc.Conv)
		if ok && conv && bn.C != 0 && c.Out != 0 && bn.C != c.Out {
			return fmt.Sprintf("this reading puts a batch norm of %d channels after a conv with %d", bn.C, c.Out)
		}
	}
	return ""
}

// oneLayer matches words that pick out one layer of several: "the middle
// one", "the second conv", "the last layer".
var oneLayer = regexp.MustCompile(`(?i)\bthe\s+(?:first|second|third|fourth|middle|last|final)\s+(?:one|layer|conv\w*)\s+(?:is|has|uses|gets|with|at)\s+(?:an?\s+)?(?:stride|pad\w*|dilation|kernel|groups|\d)`)

// oneOfAlike is a doubt when src picks out one layer of several and the
// reading's layers are all alike, so whatever was said of the one was
// read of all; or "".
func oneOfAlike(src string, ls []calc.Layer) string {
	m := oneLayer.FindString(src)
	if m == "" || len(ls) < 2 {
		return ""
	}
	for _, l := range ls[1:] {
		if lang.FormatLayer(l) != lang.FormatLayer(ls[0]) {
			return ""
		}
	}
	return fmt.Sprintf("the question picks out %q, and this reading has its %d layers all alike", m, len(ls))
}

// thenLayer matches a layer described after "then" or "followed by": "then
// 1x1 to 64", "followed by a 3x3 conv", "then maxpool".
var thenLayer = regexp.MustCompile(`(?i)\b(?:then|followed\s+by)\s+(?:an?\s+|the\s+|another\s+)?(?:\d+\s*[x×]\s*\d+|k\s*\d+\w*|(?:\w+\s+)?conv\w*|(?:max|avg|average)[\s_-]?pool\w*|linear|dense|fc)\b`)

// thenChain is a doubt when src describes layers one after another ("3x3
// depthwise ... then 1x1 to 64") and the reading has fewer layers, or "":
// a layer described was folded into another or left out.
func thenChain(src string, ls []calc.Layer) string {
	ms := thenLayer.FindAllString(src, -1)
	if len(ms) == 0 || len(ls) > len(ms) {
		return ""
	}
	return fmt.Sprintf("the question describes %d layers one after another (%q), and this reading has %d", len(ms)+1, ms[0], len(ls))
}

package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A number the asker wrote is accounted for only in the role the words
// give it. A reading that uses "the 2 of maxpool2" as a transposed conv's
// stride, a shape "(None, 64, 64, 3)" as two channel counts, or answers
// "what size does ceil_mode=True give?" without ceil_mode looks as
// confident as a right one, and every number is "used". These checks read
// the role from the words around the number and say "Not sure" first when
// no layer of the reading has the number in that role.

// roleDoubts lists what src says of its numbers' roles that the reading q
// leaves out.
func roleDoubts(src string, q *Question) []string {
	var out []string
	for _, check := range []func(string, *Question) string{chainedAlternative, sizeGivenAsFilters, solvedGiven, whatIfMissing, ceilMissing, noOpPool, poolSizeMissing, shapeUnplaced, replacedUnanswered, fieldAreaAsked, joinDropped} {
		if d := check(src, q); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// ceilSaid matches ceil_mode turned on: "ceil_mode=True", "ceil mode",
// "with ceil_mode"; ceilOff matches it turned off.
var (
	ceilSaid = regexp.MustCompile(`(?i)\bceil[_\s-]?mode\b|\bceil\s*=\s*true\b`)
	ceilOff  = regexp.MustCompile(`(?i)^\s*(?:=|:|is|was|set\s+to)?\s*(?:false|0|off)\b`)
)

// ceilMissing is a doubt when src turns ceil_mode on and no pool of the
// reading rounds up: "I get 27 ... what does ceil_mode=True give?"
// answered with the floor the asker had; or "".
func ceilMissing(src string, q *Question) string {
	m := ceilSaid.FindStringIndex(src)
	if m == nil || ceilOff.MatchString(src[m[1]:]) || negated(src, m[0]) {
		return ""
	}
	rounds := false
	eachLeaf(q, func(l calc.Layer, _ int) {
		if p, ok := l.(calc.Pool); ok && p.Ceil {
			rounds = true
		}
	})
	if rounds || q.Solve != nil {
		return ""
	}
	return fmt.Sprintf("the question says %q, and no pool of this reading rounds up", strings.TrimSpace(src[m[0]:m[1]]))
}

// poolOfOne matches a pool said to be 1 wide: "1x1 pool", "pool 1",
// "MaxPool2d(1)", "kernel_size=1".
var poolOfOne = regexp.MustCompile(`(?i)\b1\s*[x×]\s*1\s+(?:max|avg|average)?[\s_-]?pool|pool\w*\s*\(?\s*(?:kernel_size\s*=\s*)?1\b`)

// noOpPool is a doubt when the reading has a pool of window 1 and stride
// 1, which does nothing, and src never says one: the pool's size was
// read as something else ("maxpool2 -> ..." read as maxpool 1x1); or "".
func noOpPool(src string, q *Question) string {
	if poolOfOne.MatchString(src) {
		return ""
	}
	for _, l := range leafLayers(q) {
		p, ok := l.(calc.Pool)
		if ok && len(p.Kernel) > 0 && slices.Max(p.Kernel) == 1 && (len(p.Stride) == 0 || slices.Max(p.Stride) == 1) {
			return "this reading has a pool of window 1, which changes nothing, and the question never says one: its size was read as another number"
		}
	}
	return ""
}

// poolSized matches a pool with its window after it: "maxpool2", "pool
// 2", "MaxPool2d(3", "max pool of 2", "pool(2)". A name such as pool5_3,
// pool2 of vgg16 is left to poolNamed.
var poolSized = regexp.MustCompile(`(?i)\b(?:max|avg|average)?[\s_-]?pool(?:ing)?(?:[123]d)?\s*(?:\(\s*|of\s+|size\s+|=\s*)?(?:kernel_size\s*=\s*)?([2-9])\b([_\d]?)`)

// poolNamed matches words that make "pool2" a layer's name in a known
// network: "pool2 of vgg16", "alexnet's pool5".
var poolNamed = regexp.MustCompile(`(?i)\b(?:vgg|alexnet|resnet|googlenet|inception|lenet|zfnet|caffe)`)

// poolSizeMissing is a doubt when src gives a pool its window ("pool 2")
// and no pool of the reading has that window, while the reading sizes
// something a pool changes; or "".
func poolSizeMissing(src string, q *Question) string {
	if q.Preset != "" || poolNamed.MatchString(src) || q.Solve != nil {
		return ""
	}
	prose := src
	pools := 0
	var kernels []int
	for _, l := range leafLayers(q) {
		if p, ok := l.(calc.Pool); ok {
			pools++
			kernels = append(kernels, p.Kernel...)
		}
	}
	for _, m := range poolSized.FindAllStringSubmatchIndex(prose, -1) {
		if m[5] > m[4] || negated(prose, m[0]) {
			continue // pool5_3, pool25: a name or another number
		}
		n, _ := strconv.Atoi(prose[m[2]:m[3]])
		if slices.Contains(kernels, n) {
			continue
		}
		if pools == 0 && !sizesAsked(q) {
			continue
		}
		return fmt.Sprintf("the question says %q, and no pool of this reading has a window of %d", strings.TrimSpace(prose[m[0]:m[3]]), n)
	}
	return ""
}

// sizesAsked reports whether q asks for something a pool changes: a
// size, MACs, the receptive field, memory; or asks nothing in particular.
func sizesAsked(q *Question) bool {
	if len(q.Asked) == 0 {
		return true
	}
	return slices.ContainsFunc(q.Asked, func(a string) bool {
		return a == "output" || a == "macs" || a == "flops" || a == "receptive field" || a == "memory" || a == "neurons"
	})
}

// tensorShape matches a tensor's shape with its batch first: "(None, 64,
// 64, 3)", "[-1, 128, 28, 28]", "torch.randn(1, 3, 224, 224)", "input
// [16, 3, 32, 32]"; Keras's input_shape, which has no batch, is not
// one. The batch is left out of the groups.
var tensorShape = regexp.MustCompile(`[(\[]\s*(?:None|-1|\?)\s*,\s*(\d+)\s*,\s*(\d+)(?:\s*,\s*(\d+))?\s*[)\]]|(?i)\b(?:randn|rand|zeros|ones|empty|input|size)\s*\(?\[?\s*\d+\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*[)\]]`)

// shapeUnplaced is a doubt when src gives a tensor's shape with its
// batch ("found shape=(None, 64, 64, 3)") that is neither the input nor
// any layer's output in the reading, in either channel order: the
// numbers of the shape were used in other roles, or not at all; or "".
func shapeUnplaced(src string, q *Question) string {
	if q.Preset != "" || len(q.Layers) == 0 || q.Solve != nil || q.Fix != nil {
		return "" // a fix answers the layer of an error message, whose shapes are the asker's mistake
	}
	reports, _ := computed(q)
	shapes := []calc.Shape{q.Input}
	for _, r := range reports {
		shapes = append(shapes, r.Input, r.Output)
	}
	for _, m := range tensorShape.FindAllStringSubmatchIndex(src, -1) {
		if weightBefore.MatchString(src[max(0, m[0]-24):m[0]]) {
			continue // "weight of size [64, 3, 7, 7]" is a kernel's shape
		}
		var dims []int
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				n, _ := strconv.Atoi(src[m[g]:m[g+1]])
				dims = append(dims, n)
			}
		}
		if slices.ContainsFunc(shapes, func(s calc.Shape) bool { return sameDims(s, dims) }) || viewOfOutput(src, m[0]+1, dims, shapes) {
			continue
		}
		shape := src[m[0]:m[1]]
		if i := strings.IndexAny(shape, "(["); i >= 0 {
			shape = shape[i:]
		}
		return fmt.Sprintf("the question gives the shape %s, and it is neither this reading's input nor any layer's output", strings.TrimSpace(shape))
	}
	return ""
}

// weightBefore matches words before a shape that make it a weight's.
var weightBefore = regexp.MustCompile(`(?i)\bweights?\b[^,;.]*$|\bkernel\b[^,;.]*$`)

// sameDims reports whether shape s holds dims in some order: channels
// first or last.
func sameDims(s calc.Shape, dims []int) bool {
	if len(s) != len(dims) {
		return false
	}
	a, b := slices.Clone([]int(s)), slices.Clone(dims)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// replacedAsked matches a question asking what a number the asker wrote
// should be instead: "what should the 1000 be?", "what do I replace 400
// with", "what goes instead of 9216", "what should I change 1000 to".
var replacedAsked = regexp.MustCompile(`(?i)\bwhat\s+should\s+(?:the\s+|my\s+|that\s+|this\s+)?(\d[\d,]*)\s+be\b|\b(?:replace|change|swap)\s+(?:the\s+|my\s+|that\s+|this\s+)?(\d[\d,]*)\s+(?:with|to|for|by)\b|\binstead\s+of\s+(?:the\s+|my\s+)?(\d[\d,]*)\b|\b(\d[\d,]*)\s+should\s+(?:be|become)\s+what\b`)

// replacedUnanswered is a doubt when src asks what one of its numbers
// should be and the reading neither fixes a layer nor works out what a
// layer takes in; or "".
func replacedUnanswered(src string, q *Question) string {
	m := replacedAsked.FindStringSubmatch(src)
	if m == nil || q.Fix != nil || q.Solve != nil || atFlattened(q) {
		return ""
	}
	if !askedCue.MatchString(src) {
		return ""
	}
	n := ""
	for _, g := range m[1:] {
		if g != "" {
			n = g
		}
	}
	return fmt.Sprintf("the question asks what should replace %s, and this reading does not work it out", n)
}

// fieldArea matches the receptive field asked as the input pixels a
// neuron sees: "how many pixels in the input are supporting a neuron",
// "how big a region of the image does one unit see".
var fieldArea = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:input\s+|image\s+)?pixels\b[^.?]{0,60}?\b(?:support|influenc|affect|contribut|see|seen|visible|connect|feed|look|depend|cover)\w*|\b(?:how\s+(?:big|large|much)|what\s+size(?:\s+of)?|what)\s+(?:an?\s+|the\s+)?(?:region|patch|area|part|portion|window)\s+of\s+(?:the\s+)?(?:input|image|original)\w*\b[^.?]{0,40}?\b(?:support|influenc|affect|contribut|see|seen|visible|connect|feed|look|depend|cover)\w*`)

// fieldAreaAsked is a doubt when src asks for the input pixels one
// neuron sees, its receptive field, and the reading answers another
// quantity; or "".
func fieldAreaAsked(src string, q *Question) string {
	if fieldArea.FindStringIndex(src) == nil || slices.Contains(q.Asked, "receptive field") {
		return ""
	}
	return "the question asks how many input pixels one neuron sees, its receptive field, and this reading answers another quantity"
}

// layerAdded matches words that make a side the other with a layer
// added: "if I add a pool", "an extra conv", "one more layer", "then".
var layerAdded = regexp.MustCompile(`(?i)\b(?:add|adds|added|adding|extra|another|more|append\w*|insert\w*|stack\w*|then|after\s+(?:it|that|this)|on\s+top)\b`)

// withSidesApart adds a doubt to each side of a comparison that holds
// the layers of an earlier side and more, when the words add no layer:
// "... vs one Conv2D(192, (7, 7)) directly on x", "what would a normal
// Conv2D have on the same input" read with the first side's layers
// before the other's.
func withSidesApart(src string, qs []*Question) []*Question {
	if layerAdded.MatchString(proseAround(src)) {
		return qs
	}
	for j, q := range qs {
		for _, p := range qs[:j] {
			if !extends(q, p) {
				continue
			}
			if alone := onSameInput(src, q, p); alone != nil {
				qs[j] = alone
				break
			}
			d := "this side holds the layers of the one before and more, and the question adds no layer: each side of a comparison stands alone"
			cp := *q
			cp.Doubts = append(slices.Clip(q.Doubts), d)
			qs[j] = &cp
			break
		}
	}
	return qs
}

// sameInput matches words that set a side on the other's input: "directly
// on x", "on the same input".
var sameInput = regexp.MustCompile(`(?i)\bdirectly\s+on\b|\bon\s+(?:the\s+)?same\s+(?:input|tensor|x|feature\s+map|volume)\b|\bsame\s+input\b`)

// onSameInput is side q without the layers of the side p before it, set
// on p's input, when src says the sides share their input; nil otherwise
// or when the layers left do not size on it.
func onSameInput(src string, q, p *Question) *Question {
	if !sameInput.MatchString(proseAround(src)) || q.Input == nil || !q.Input.Equal(p.Input) {
		return nil
	}
	cp := *q
	cp.Layers = slices.Clone(q.Layers[len(p.Layers):])
	cp.Network = len(cp.Layers) > 1
	cp.Canonical = lang.Format(&cp)
	if _, ok := computed(&cp); !ok {
		return nil
	}
	cp.Notes = append([]string{"set on the same input as the other side, not after it"}, q.Notes...)
	cp.Doubts = slices.DeleteFunc(slices.Clone(q.Doubts), func(d string) bool { return d == chainedDoubt })
	return &cp
}

// extends reports whether q's layers start with all of p's and go on.
func extends(q, p *Question) bool {
	if len(p.Layers) == 0 || len(q.Layers) <= len(p.Layers) {
		return false
	}
	for i, l := range p.Layers {
		if FormatLayer(l.Layer) != FormatLayer(q.Layers[i].Layer) {
			return false
		}
	}
	return true
}

// withFieldAsked asks for the receptive field when src asks how many
// input pixels one neuron sees and the reading has layers with a window
// and asks nothing else a window decides: "how many pixels in the input
// support a neuron in the fourth layer" is the receptive field of the
// fourth layer, not its connections.
func withFieldAsked(src string, q *Question) *Question {
	if !fieldArea.MatchString(src) || slices.Contains(q.Asked, "receptive field") || q.Preset != "" || q.Solve != nil {
		return q
	}
	windows := 0
	for _, l := range leafLayers(q) {
		switch l.(type) {
		case calc.Conv, calc.Pool:
			windows++
		case calc.Activation, calc.Dropout:
		default:
			return q
		}
	}
	if windows == 0 {
		return q
	}
	for _, at := range q.At {
		if at.What != "" || at.Layer != len(q.Layers)-1 {
			return q // another layer's field: the doubt stays
		}
	}
	if n, ok := layerOrdinal(src); ok && n != windows {
		return q
	}
	cp := *q
	cp.Asked, cp.At = []string{"receptive field"}, nil
	if withArea := withFieldArea(src, &cp); withArea != nil {
		return withArea // input_pixels.go: the area, from calc's field
	}
	return &cp
}

// ordinalLayer matches a layer named by its place: "layer 4", "the 5th
// layer", "the fourth conv layer", "the last layer".
var ordinalLayer = regexp.MustCompile(`(?i)\blayer\s+(\d+)\b|\b(\d+)(?:st|nd|rd|th)\s+(?:conv\w*\s+)?layer|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|top)\s+(?:conv\w*\s+)?layer`)

// placeWords are the places in words.
var placeWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// layerOrdinal is the place of the layer src names, -1 for the last, and
// whether it names one.
func layerOrdinal(src string) (int, bool) {
	m := ordinalLayer.FindStringSubmatch(src)
	if m == nil {
		return 0, false
	}
	for _, g := range m[1:3] {
		if g != "" {
			n, _ := strconv.Atoi(g)
			return n, true
		}
	}
	if n, ok := placeWords[strings.ToLower(m[3])]; ok {
		return n, true
	}
	return 0, false // the last layer: the whole reading's field
}

// whatIfClause matches a clause that changes the design asked about:
// "what if I use stride 2", "what would padding 1 give", "and with
// dilation 2?", "if we set groups=4".
var whatIfClause = regexp.MustCompile(`(?i)\b(?:what\s+(?:if|about|would|happens)|how\s+about|and\s+(?:if|with)|if\s+(?:i|we|you|it)\s+(?:\w+\s+){0,2}?(?:use|used|set|change|changed|make|switch|add|increase|decrease|try|had|have|went|go|do))\b[^.?!;\n]{0,60}`)

// whatIfMissing is a doubt when src asks what a setting changes ("what
// would stride 2 give?") and no layer of the reading has the setting's
// new value: the question answered is the one the asker already had; or
// "".
func whatIfMissing(src string, q *Question) string {
	if q.Solve != nil {
		return ""
	}
	ls := leafLayers(q)
	for _, c := range whatIfClause.FindAllStringIndex(src, -1) {
		clause := src[c[0]:c[1]]
		for _, at := range settingSaid.FindAllStringSubmatchIndex(clause, -1) {
			key := settingKey(clause[at[2]:at[3]])
			n, err := strconv.Atoi(clause[at[4]:at[5]])
			if err != nil || arithmeticAfter.MatchString(clause[at[1]:]) {
				continue
			}
			has, sized := false, false
			for _, l := range ls {
				vals, ok := settingsOf(l, key)
				sized = sized || ok
				has = has || slices.Contains(vals, n)
			}
			if sized && !has {
				return fmt.Sprintf("the question asks about %q, and no layer of this reading has it", strings.TrimSpace(clause[at[0]:at[1]]))
			}
		}
	}
	return ""
}

// solvedGiven is a doubt when the reading solves for a setting the asker
// gave a value ("5x5 conv stride 1 on 32x32 gives 28, what would stride 2
// give?" read as "what stride gives 28"); or "".
func solvedGiven(src string, q *Question) string {
	if q.Solve == nil {
		return ""
	}
	for _, at := range settingSaid.FindAllStringSubmatchIndex(src, -1) {
		key := settingKey(src[at[2]:at[3]])
		if key == q.Solve.Unknown || key == q.Solve.Second {
			return fmt.Sprintf("the question gives %q, and this reading solves for the %s", strings.TrimSpace(src[at[0]:at[1]]), key)
		}
	}
	return ""
}

// sizeGives matches a size followed by what it becomes: "on 28x28 -> 24",
// "28x28 gives 24x24", "on 28 -> 14"; the number after is a size, not a
// channel count.
var sizeGives = regexp.MustCompile(`(?i)(?:\b(\d+)\s*[x×]\s*(\d+)|\bon\s+(?:an?\s+)?\d+)\s*(?:->|→|=>|gives?|becomes?|goes\s+to)\s*(\d+)\b(?:\s*[x×]\s*\d+)?(\s*(?:channels?|filters?|maps?|feature|ch\b|c\b))?`)

// sizeGivenAsFilters is a doubt when src says a size becomes another
// ("conv 5x5 on 28x28 -> 24") and the reading has that number as a conv's
// filters, even where an output has that size too; or "".
func sizeGivenAsFilters(src string, q *Question) string {
	for _, m := range sizeGives.FindAllStringSubmatchIndex(src, -1) {
		if m[8] >= 0 {
			continue // "-> 64 channels": a count
		}
		n, _ := strconv.Atoi(src[m[6]:m[7]])
		if slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool { c, ok := l.(calc.Conv); return ok && c.Out == n }) {
			return fmt.Sprintf("the question says %q, a size, and this reading has %d as a conv's filters", strings.TrimSpace(src[m[0]:m[7]]), n)
		}
	}
	return ""
}

// chainedAlternative is a doubt when src sets a layer on the same input
// as another ("... and a SeparableConv2D(64, 3) on the same input
// instead?") and the reading is one chain of two weighted layers or more:
// the alternative was put after the first; or "".
func chainedAlternative(src string, q *Question) string {
	if !sameInput.MatchString(proseAround(src)) {
		return ""
	}
	weighted := 0
	for _, l := range leafLayers(q) {
		switch l.(type) {
		case calc.Conv, calc.Separable, calc.Linear:
			weighted++
		}
	}
	if weighted < 2 {
		return ""
	}
	return chainedDoubt
}

// chainedDoubt is chainedAlternative's doubt.
const chainedDoubt = "the question sets a layer on the same input as another, and this reading puts one after the other"

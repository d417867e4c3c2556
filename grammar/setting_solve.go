package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A setting question asks what padding, output padding, stride, kernel or
// dilation gives one layer an output size, keeps its size, or makes two
// tensors match, however it is said: "how much zero padding do I need (per
// side) so the output is still 37x37", "k4 s2 conv, what padding turns
// 64x64 into exactly 32x32", "padding for k5 dilation 2 so output ==
// input?", "what output_padding do I need to get exactly 64", "what
// padding so the residual add works", or how much TensorFlow's 'same'
// pads at a stride. The front-ends read many of these already; this
// reading answers the ones they leave unsolved, with calc's solvers
// (calc.SolveConv, calc.SolveOutPad, calc.SolveSame).

// withSettingSolved returns the setting question src asks, solved, or nil
// when src asks none, its layer or sizes cannot be read, or the reading q
// already solved it.
func withSettingSolved(src string, q *Question, err error) *Question {
	prose := settingProse(src)
	ask := askedSetting(prose)
	if ask == nil || countsAsked.MatchString(prose) {
		return nil
	}
	l := readSettingLayer(src)
	if !oneConvSaid(src, l) {
		return nil
	}
	sq, sizesUsed := settingSolved(prose, ask, l)
	if sq == nil {
		return nil
	}
	sq.Unused = settingUnused(src, prose, l, settingValues(l, sq.Solve, sizesUsed))
	if !replaces(sq, q, err) {
		return nil
	}
	return sq
}

// settingValues are the values a setting question's reading uses: its
// layer's settings, its sizes and what it solved.
func settingValues(l settingLayer, sv *calc.Solved, sizes [][]int) map[int]bool {
	vals := map[int]bool{}
	for _, xs := range append([][]int{l.kernel, l.stride, l.pad, l.dil, l.outpad}, sizes...) {
		for _, x := range xs {
			vals[x] = true
		}
	}
	for _, v := range sv.Solutions {
		vals[int(v)] = true
	}
	for _, vs := range sv.Seconds {
		for _, v := range vs {
			vals[int(v)] = true
		}
	}
	return vals
}

// settingProse is src with its error lines blanked: the numbers of
// "size of tensor a (62) must match ... (64) at non-singleton dimension
// 3" are what ran, not what is asked.
func settingProse(src string) string {
	b := []byte(src)
	for _, m := range errorText.FindAllStringIndex(src, -1) {
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// errorText matches an error message: a line that starts as one, or its
// words inside prose ("size of tensor a (30) must match tensor b (32).").
var errorText = regexp.MustCompile(`(?m)^[ \t]*(?:\w*(?:Error|Exception)\b|Traceback|File\s)[^\n]*$|(?i)(?:the\s+)?(?:size\s+of\s+tensor|sizes\s+of\s+tensors|expected\s+size|calculated\s+(?:padded\s+)?(?:input|output)\s+size)[^\n]*?(?:[.!?](?:\s|$)|\n|$)`)

// countsAsked matches counts asked beside a setting: the layer must then
// be sized, which the front-ends do with the setting they solve.
var countsAsked = regexp.MustCompile(`(?i)\b(?:macs?|flops|params|parameters|weights|memory|receptive|connections|neurons)\b`)

// otherLayer matches a layer that is not the convolution: the question is
// then about a network, which this reading does not hold.
var otherLayer = regexp.MustCompile(`(?i)\bpool|\blinear\b|\bdense\b|\bfc\d*\b|\bflatten|\bupsample\s*\(|\binterpolate|->.*->|\bthen\b.*\bconv|\bconv\w*\b.*\bthen\b|\blayers\b|\bblocks\b`)

// oneConvSaid reports whether src describes one convolution with a kernel.
func oneConvSaid(src string, l settingLayer) bool {
	if l.calls > 1 || l.kernels > 1 || l.calls == 1 && l.kernels == 1 {
		return false
	}
	if len(l.kernel) == 0 || otherLayer.MatchString(src) {
		return false
	}
	return true
}

// replaces reports whether the setting solved, sv, is the answer to give
// rather than the reading q: q was refused, solved nothing, solved
// something else or to other values, or doubts the values sv agrees on.
func replaces(sq *Question, q *Question, err error) bool {
	sv := sq.Solve
	if err != nil || q == nil || q.Solve == nil {
		return true
	}
	if unexplained(sq.Unused) > 0 && (q.Solve.Unknown == sv.Unknown || len(sv.Solutions) == 0) {
		return false // both unsure: the front-end's reading says more
	}
	return q.Solve.Unknown != sv.Unknown || !slices.Equal(q.Solve.Solutions, sv.Solutions) || len(q.Doubts) > 0 || unexplained(q.Unused) > 0
}

// settingSolved solves the question for the setting asked, with the sizes
// it used, or returns nil when the sizes it needs are not said.
func settingSolved(prose string, ask *settingAsk, l settingLayer) (*Question, [][]int) {
	c := calc.Conv{Kernel: l.kernel, Stride: l.stride, Pad: l.pad, Dilation: l.dil, Transposed: l.transposed, In: 1, Out: 1}
	if c.Transposed {
		c.OutPad = l.outpad
	}
	if c.Validate() != nil {
		return nil, nil
	}
	sizes := settingSizes(prose, append(l.spans[:len(l.spans):len(l.spans)], l.clashes...))
	in, out := pickSizes(prose, sizes, ask.at)
	if out == nil && sameAsked(prose, l, ask) {
		return sameSolved(prose, c, in), [][]int{in}
	}
	if sizeAsked.MatchString(prose) {
		return nil, nil // a size asked too: two questions, for the front-ends to split
	}
	var notes []string
	keep := keepSaid.MatchString(prose) || keepMoreSaid.MatchString(prose) || addSaid.MatchString(prose) || l.same // setting_keep_words.go
	if keep && out == nil {
		out = in
		notes = append(notes, "the output wanted is the input's size: the size is kept")
	}
	if keep && in == nil {
		in = out
	}
	if in == nil && keep && calc.Per(c.Stride, 0, 1) == 1 && ask.unknown != "outpad" {
		in, out = []int{32}, []int{32}
		notes = append(notes, "no input size given: solved for 32; at stride 1 the setting that keeps the size is the same for every input size")
	}
	if in == nil || out == nil || !square(in) || !square(out) {
		return nil, nil
	}
	sv, err := solveSetting(c, ask.unknown, in, out)
	if err != nil {
		return nil, nil
	}
	notes = append(notes, fmt.Sprintf(settingNote+"%s, input %s, output wanted %s", settingLayerWords(c, ask.unknown), sideWords(in), sideWords(out)))
	return &Question{Solve: sv, Notes: notes}, [][]int{in, out, nowGives(c, in)}
}

// nowGives is the size the layer gives now, with the unknown as said
// or at its default: the size a question says it gets ("gives me 63x63
// but I need 64x64"); nil when the layer does not size.
func nowGives(c calc.Conv, in []int) []int {
	r, err := c.Apply(calc.Shape{1, in[0], in[0]})
	if err != nil {
		return nil
	}
	return []int{r.Output[1]}
}

// sizeAsked matches an output size asked beside the setting: "gives what
// size? and what padding ...", "what's the output shape, and ...".
var sizeAsked = regexp.MustCompile(`(?i)\bgives?\s+what\b|\bwhat(?:'s|s|\s+is|\s+will\s+be|\s+would\s+be)?\s+(?:the\s+)?(?:output\s+|spatial\s+|new\s+)?(?:size|shape|dims|dimensions|resolution)\b|\boutput\s+(?:size|shape)\s*\?|\bhow\s+big\s+is\s+the\s+output`)

// settingNote starts the note that restates a setting question's reading.
const settingNote = "read as: "

// settingAnswered reports whether q is a setting question this reading
// solved: one question, whatever "instead of" or "?" in it would split.
func settingAnswered(q *Question) bool {
	return q != nil && q.Solve != nil && q.Layers == nil && slices.ContainsFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, settingNote) })
}

// solveSetting runs calc's solver for the unknown.
func solveSetting(c calc.Conv, unknown string, in, out []int) (*calc.Solved, error) {
	if unknown == "outpad" {
		if !c.Transposed {
			return nil, fmt.Errorf("an output padding needs a transposed conv")
		}
		c.OutPad = nil
		return calc.SolveOutPad(c, []int{in[0], in[0]}, []int{out[0], out[0]})
	}
	switch unknown {
	case "pad":
		c.Pad = nil
	case "stride":
		c.Stride = nil
	case "kernel":
		c.Kernel = []int{1}
	case "dilation":
		c.Dilation = nil
	}
	return calc.SolveConv(c, unknown, 0, in[0], out[0])
}

// square reports whether a size is one side, or equal sides.
func square(d []int) bool {
	return len(d) == 1 || len(d) == 2 && d[0] == d[1]
}

// sideWords writes a size as 37×37.
func sideWords(d []int) string {
	if len(d) == 1 {
		return fmt.Sprintf("%d×%d", d[0], d[0])
	}
	return fmt.Sprintf("%d×%d", d[0], d[1])
}

// settingLayerWords restates the layer as read, without the unknown.
func settingLayerWords(c calc.Conv, unknown string) string {
	parts := []string{"conv"}
	if c.Transposed {
		parts[0] = "transposed conv"
	}
	add := func(name, u string, xs []int, def int) {
		if u == unknown {
			return
		}
		parts = append(parts, fmt.Sprintf("%s %d", name, calc.Per(xs, 0, def)))
	}
	add("kernel", "kernel", c.Kernel, 1)
	add("stride", "stride", c.Stride, 1)
	if d := calc.Per(c.Dilation, 0, 1); d > 1 {
		add("dilation", "dilation", c.Dilation, 1)
	}
	if unknown != "pad" && len(c.Pad) > 0 {
		add("padding", "pad", c.Pad, 0)
	}
	if c.Transposed && unknown != "outpad" && len(c.OutPad) > 0 {
		add("output_padding", "outpad", c.OutPad, 0)
	}
	return strings.Join(parts, " ")
}

// sameSides matches a question for the padding on each side.
var (
	sameSides = regexp.MustCompile(`(?i)\beach\s+side|\bper\s+side|\bleft\s+and\s+right|\btop\s+and\s+bottom|\bbefore\s+and\s+after|\bsplit|\basymmetric|\bon\s+(?:the\s+)?(?:left|right|top|bottom)\b`)
	sameTotal = regexp.MustCompile(`(?i)\btotal|\bin\s+all\b|\baltogether|\bleft\s*\+\s*right|\bhow\s+many\s+(?:pixels|zeros|rows|columns)`)
	tfSaid    = regexp.MustCompile(`(?i)tensorflow|\btf\b|keras|tf\.|conv2d\s*\(`)
)

// sameAsked reports whether the question asks how much 'same' padding
// adds (it says no output wanted): 'same' said, and a stride, an even kernel, TensorFlow or the
// sides make it more than PyTorch's symmetric padding.
func sameAsked(prose string, l settingLayer, ask *settingAsk) bool {
	if !l.same || l.transposed || ask.unknown != "pad" {
		return false
	}
	kd := calc.Per(l.dil, 0, 1)*(calc.Per(l.kernel, 0, 1)-1) + 1
	return calc.Per(l.stride, 0, 1) > 1 || kd%2 == 0 || tfSaid.MatchString(torchCalls.ReplaceAllString(prose, "")) || sameSides.MatchString(prose) || sameTotal.MatchString(prose)
}

// sameSolved sizes 'same' padding on the input: its total (with the
// output), or its sides when they are asked.
func sameSolved(prose string, c calc.Conv, in []int) *Question {
	if len(in) == 0 || !square(in) {
		return nil
	}
	sides := sameSides.MatchString(prose) && !sameTotal.MatchString(prose)
	sv, err := calc.SolveSame(c, 0, in[0], sides)
	if err != nil {
		return nil
	}
	notes := []string{fmt.Sprintf(settingNote+"TensorFlow/Keras padding='same', %s, input %s", settingLayerWords(c, "pad"), sideWords(in))}
	return &Question{Solve: sv, Notes: slices.Clip(notes)}
}

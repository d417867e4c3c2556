package paste

// Two readings of PyTorch's conv message: the message cut off after its
// weight ("Given groups=1, weight of size [64, 1, 7, 7], expected
// input[5, 64, 70, 70] ..."), whose conv is the weight's; and a
// channels-last tensor ("expected input[128, 32, 32, 3] to have 3
// channels, but got 32" with "my tensor is NHWC", "after
// x.permute(0, 3, 1, 2)"), whose fix is the permute, not the conv.

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var (
	// errWeightOnlyRE is the conv message to its weight's shape.
	// The "Given groups=N, " may be cut off too: "(weight of size [16,
	// 3, 5, 5])" quoted from an earlier message.
	errWeightOnlyRE = regexp.MustCompile(`(?:Given groups=(\d+), )?weight of size \[([\d, ]+)\](?:, expected input\[([\d, ]+)\])?`)
	// errChannelsLastRE are words that say the tensor is channels-last.
	errChannelsLastRE = regexp.MustCompile(`(?i)\bNHWC\b|\bchannels?[_ -]last\b|\.permute\(\s*0\s*,\s*3\s*,\s*1\s*,\s*2\s*\)`)
)

// ptWeightMessage reads a conv message cut off after its weight (or after
// the input it got); nil when src holds none.
func ptWeightMessage(src string, at func(int) lang.Position) *ptMessage {
	g := errWeightOnlyRE.FindStringSubmatchIndex(src)
	if g == nil {
		return nil
	}
	groups := 1
	if g[2] >= 0 {
		fmt.Sscan(src[g[2]:g[3]], &groups)
	}
	w := ptIntList(src[g[4]:g[5]])
	if len(w) < 3 || len(w) > 5 || groups < 1 {
		return nil
	}
	if g[6] >= 0 {
		// cut off after the input it got: the conv message, whose channels
		// are the input's second size
		in := ptIntList(src[g[6]:g[7]])
		if len(in) == len(w) && in[1] != w[1]*groups {
			return &ptMessage{kind: "conv", groups: groups, weight: w, input: in, pos: at(g[0]), nhwc: errChannelsLastRE.MatchString(src)}
		}
	}
	return &ptMessage{kind: "weight", groups: groups, weight: w, pos: at(g[0])}
}

// applyWeight: the message's conv, read from its weight alone (in
// channels = the weight's second size times the groups).
func (m *ptMessage) applyWeight(q *lang.Question) {
	if len(q.Layers) > 0 {
		return
	}
	k := m.weight[2:]
	c := calc.Conv{Dims: len(k), In: m.weight[1] * m.groups, Out: m.weight[0], Kernel: k, Groups: m.groups, NoBias: m.noBias}
	if m.groups == 1 {
		c.Groups = 0
	}
	q.Layers = []lang.Layer{{Layer: c, Pos: m.pos}}
	q.Notes = append(q.Notes, fmt.Sprintf("the conv of PyTorch's message, read from its weight %v: %d filters of %s over %d input channel(s) a group", m.weight, m.weight[0], ptKernelText(k), m.weight[1]))
}

// applyChannelsLast: the input of the message is channels-last and the
// words say so; its last size is the conv's channels. The fix is the
// permute, and the conv is sized on the permuted input. False when the
// message's input does not read that way.
func (m *ptMessage) applyChannelsLast(q *lang.Question) bool {
	in, w := m.input, m.weight
	if len(q.Layers) > 0 || len(in) != 4 || len(w) != 4 || in[3] != w[1]*max(m.groups, 1) || in[1] == in[3] {
		return false
	}
	k := w[2:]
	c := calc.Conv{Dims: 2, In: in[3], Out: w[0], Kernel: k, NoBias: m.noBias}
	if m.groups > 1 {
		c.Groups = m.groups
	}
	q.Layers = []lang.Layer{{Layer: c, Pos: m.pos}}
	q.Input = calc.Shape{in[3], in[1], in[2]}
	if q.Batch == 0 {
		q.Batch = in[0]
	}
	line := "x = x.permute(0, 3, 1, 2)"
	why := fmt.Sprintf("the input %s is channels-last (N, H, W, C): permuted it is %s, with the %d channels the conv takes", ptShapeText(in), ptShapeText([]int{in[0], in[3], in[1], in[2]}), in[3])
	q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	if len(q.Asked) == 0 {
		q.Asked = []string{"output"}
	}
	return true
}

// ptProseArgs reports whether a call's arguments are words of prose: an
// argument with two words in a row ("no padding", "stride 1" after it),
// or a word then a number ("stride 1, pad 0"), as a remark in brackets
// after a layer's name has.
func ptProseArgs(args []ptArg) bool {
	for _, a := range args {
		for i := 0; i+1 < len(a.Nodes); i++ {
			if a.Nodes[i].Ident != "" && (a.Nodes[i+1].Ident != "" || a.Nodes[i+1].Num != "") {
				// "no padding", "stride 1": a word then a word or a number is
				// not Python
				return true
			}
		}
	}
	return false
}

// errChannelsCutRE is the conv message copied from its input on, its
// weight cut off: "expected input[1, 64, 20, 20] to have 128 channels,
// but got 64 channels instead".
var errChannelsCutRE = regexp.MustCompile(`expected input\[([\d, ]+)\] to have (\d+) channels, but got (\d+) channels`)

// ptCutConvMessage reads the conv message cut before its weight; nil when
// src holds none. Its conv is the pasted one that takes the channels the
// message expected (applyCutConv).
func ptCutConvMessage(src string, at func(int) lang.Position) *ptMessage {
	g := errChannelsCutRE.FindStringSubmatchIndex(src)
	if g == nil {
		return nil
	}
	in := ptIntList(src[g[2]:g[3]])
	var want int
	fmt.Sscan(src[g[4]:g[5]], &want)
	if len(in) < 3 || len(in) > 5 || want < 1 {
		return nil
	}
	return &ptMessage{kind: "convcut", groups: 1, input: in, pos: at(g[0]), nums: []int{want},
		expected: lang.Unused{Text: src[g[4]:g[5]], Pos: at(g[4])}}
}

// applyCutConv finds the one pasted conv that takes the channels the cut
// message expected and fixes it as the whole message would: its weight
// is that conv's. Nothing is done when no conv, or several, take them.
func (m *ptMessage) applyCutConv(q *lang.Question, fx *ptFixer) {
	at := -1
	for i, l := range q.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && !c.Transposed && c.In == m.nums[0] && c.Groups <= 1 && !c.Depthwise {
			if at >= 0 {
				return
			}
			at = i
		}
	}
	if at < 0 {
		return
	}
	c := q.Layers[at].Layer.(calc.Conv)
	d := len(m.input) - 2
	w := []int{c.Out, c.In}
	for i := 0; i < d; i++ {
		w = append(w, calc.Per(c.Kernel, i, 1))
	}
	m.kind, m.weight = "conv", w
	m.applyConv(q, fx)
	if u := m.expected; q.Fix != nil {
		u.Why = "the channels the conv was written for: the fix replaces them"
		q.Unused = append(q.Unused, u)
	}
}

// settingsSaid sets the stride and padding the words give the message's
// conv when no code is pasted: "what's the output of that conv (stride 2,
// padding 3)?", "no padding, stride 1". The message does not say them.
func (m *ptMessage) settingsSaid(c calc.Conv) calc.Conv {
	if s := bkStrideRE.FindStringSubmatch(m.words); s != nil && bkInt(s) > 0 {
		c.Stride = []int{bkInt(s)}
	}
	if p := bkPadRE.FindStringSubmatch(m.words); p != nil {
		c.Pad = []int{bkInt(p)}
	}
	return c
}

// ptSettingsArgs writes a conv's stride and padding as PyTorch's keyword
// arguments, ", stride=2, padding=3", leaving out the defaults.
func ptSettingsArgs(c calc.Conv) string {
	s := ""
	if v := calc.Per(c.Stride, 0, 1); v != 1 {
		s += fmt.Sprintf(", stride=%d", v)
	}
	if v := calc.Per(c.Pad, 0, 0); v != 0 {
		s += fmt.Sprintf(", padding=%d", v)
	}
	return s
}

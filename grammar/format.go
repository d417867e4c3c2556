package grammar

import (
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// extraFormatters print layer kinds that other front-ends add to calc; each
// returns false for kinds it does not know.
var extraFormatters []func(calc.Layer) (string, bool)

// Format restates q in the canonical spec language (design.md §1): what
// the bot echoes as "understood as". For any q that ParseSpec returned,
// ParseSpec(Format(q)) describes the same layers and input.
func Format(q *Question) string {
	s := formatLayers(q)
	if q.Batch != 0 {
		s += "\nbatch " + strconv.Itoa(q.Batch)
	}
	if q.Depth != 0 {
		s += "\ndepth " + strconv.Itoa(q.Depth)
	}
	return s
}

func formatLayers(q *Question) string {
	var b strings.Builder
	if q.Network {
		if q.Input != nil {
			b.WriteString(formatNetworkInput(q))
			b.WriteString("\n")
		}
		for i, l := range q.Layers {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(FormatLayer(l.Layer))
		}
		return b.String()
	}
	for i, l := range q.Layers {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(FormatLayer(l.Layer))
		if i == 0 && q.Input != nil {
			b.WriteString(" input ")
			b.WriteString(formatLayerInput(q.Input, l.Layer))
		}
	}
	return b.String()
}

// formatNetworkInput writes a network's input channels last, adding the
// layout word where the reading rules would otherwise read it another way.
func formatNetworkInput(q *Question) string {
	s := q.Input
	var nums []int
	switch len(s) {
	case 1:
		nums = []int{s[0]}
	default:
		nums = append(append(nums, s[1:]...), s[0])
	}
	text := "input " + joinSize(nums)
	if len(s) == 3 && s[0] == 1 {
		// A single-channel image reads back from HxW alone.
		if back, _, err := networkInput(&specInput{nums: s[1:]}, q.Layers[0].Layer); err == nil && back.Equal(s) {
			return "input " + joinSize(s[1:])
		}
	}
	if back, _, err := networkInput(&specInput{nums: nums}, q.Layers[0].Layer); err != nil || !back.Equal(s) {
		switch len(s) {
		case 2:
			text += " lc"
		default:
			text += " hwc"
		}
	}
	return text
}

// formatLayerInput writes a single layer's input: its spatial sizes, then
// the channels when the layer does not say them itself.
func formatLayerInput(s calc.Shape, l calc.Layer) string {
	if len(s) == 1 {
		return strconv.Itoa(s[0])
	}
	if s[0] == 0 || layerChannels(l) == s[0] {
		return joinSize(s[1:])
	}
	text := joinSize(append(append([]int{}, s[1:]...), s[0]))
	if back, _, err := layerInput(&specInput{nums: append(append([]int{}, s[1:]...), s[0])}, l); err != nil || !back.Equal(s) {
		text += " hwc"
	}
	return text
}

// FormatLayer writes one layer in the canonical spec language; a block
// takes several lines, its layers indented by two spaces.
func FormatLayer(l calc.Layer) string {
	if isBlock(l) {
		var b strings.Builder
		formatBlock(&b, l, "")
		return b.String()
	}
	w := make([]string, 0, 16)
	add := func(parts ...string) { w = append(w, parts...) }
	switch l := l.(type) {
	case calc.Conv:
		name := "conv"
		if l.Transposed {
			name = "deconv"
		}
		if l.Dims == 1 || l.Dims == 3 {
			name += strconv.Itoa(l.Dims) + "d"
		}
		add(name, kernelText(l.Kernel, l.Dims))
		if l.In != 0 {
			add(strconv.Itoa(l.In) + "->" + strconv.Itoa(l.Out))
		} else {
			add(strconv.Itoa(l.Out))
		}
		add(formatGeometry(l.Stride, l.Pad, l.PadMode, l.Dilation)...)
		if l.Depthwise {
			add("depthwise")
		} else if l.Groups != 0 {
			add("groups", strconv.Itoa(l.Groups))
		}
		if l.OutPad != nil {
			add("outpad", joinSize(l.OutPad))
		}
		if l.NoBias {
			add("nobias")
		} else {
			add("bias")
		}
	case calc.Pool:
		name := l.Kind()
		if l.Dims == 1 || l.Dims == 3 {
			name += strconv.Itoa(l.Dims) + "d"
		}
		add(name, kernelText(l.Kernel, l.Dims))
		if l.Stride != nil {
			add("stride", joinSize(l.Stride))
		}
		if l.Pad != nil {
			add("pad", joinSize(l.Pad))
		}
		if l.Dilation != nil {
			add("dilation", joinSize(l.Dilation))
		}
		if l.Ceil {
			add("ceil")
		}
	case calc.Linear:
		if l.In != 0 {
			add("linear", strconv.Itoa(l.In)+"->"+strconv.Itoa(l.Out))
		} else {
			add("linear", strconv.Itoa(l.Out))
		}
		if l.NoBias {
			add("nobias")
		} else {
			add("bias")
		}
	case calc.BatchNorm:
		add("batchnorm")
		if l.C != 0 {
			add(strconv.Itoa(l.C))
		}
		if l.NoAffine {
			add("noaffine")
		}
	case calc.Dropout:
		add("dropout", strconv.FormatFloat(l.P, 'f', -1, 64))
	case calc.Activation:
		add(l.Kind())
	case calc.Flatten:
		add("flatten")
	case calc.GlobalAvgPool:
		add("globalavgpool")
	case calc.AdaptivePool:
		add(l.Kind(), joinSize(l.Output))
	default:
		for _, f := range extraFormatters {
			if s, ok := f(l); ok {
				return s
			}
		}
		add(l.Kind())
	}
	return strings.Join(w, " ")
}

// FormatHead writes a layer on one line: a single layer as FormatLayer
// does, a block as its first words ("repeat 3 { … }", "residual { … }
// shortcut { … }").
func FormatHead(l calc.Layer) string {
	switch b := l.(type) {
	case calc.Sequence:
		if b.Name != "" {
			return "block " + b.Name + " { … }"
		}
		return "block { … }"
	case calc.Repeat:
		return "repeat " + strconv.Itoa(b.Times) + " { … }"
	case calc.Residual:
		if b.Shortcut != nil {
			return "residual { … } shortcut { … }"
		}
		return "residual { … }"
	case calc.Concat:
		return "concat { " + strings.Repeat("branch { … } ", len(b.Branches)) + "}"
	}
	return FormatLayer(l)
}

// formatBlock writes block l at indentation ind, without a final newline.
func formatBlock(b *strings.Builder, l calc.Layer, ind string) {
	body := func(layers []calc.Layer, ind string) {
		for _, c := range layers {
			b.WriteString("\n")
			if isBlock(c) {
				formatBlock(b, c, ind+"  ")
				continue
			}
			b.WriteString(ind + "  " + FormatLayer(c))
		}
		if len(layers) > 0 {
			b.WriteString("\n" + ind)
		}
		b.WriteString("}")
	}
	b.WriteString(ind)
	switch x := l.(type) {
	case calc.Sequence:
		b.WriteString("block ")
		if x.Name != "" {
			b.WriteString(x.Name + " ")
		}
		b.WriteString("{")
		body(x.Layers, ind)
	case calc.Repeat:
		b.WriteString("repeat " + strconv.Itoa(x.Times) + " {")
		body(x.Layers, ind)
	case calc.Residual:
		b.WriteString("residual {")
		body(x.Body, ind)
		if x.Shortcut != nil {
			b.WriteString(" shortcut {")
			body(x.Shortcut, ind)
		}
	case calc.Concat:
		b.WriteString("concat {")
		for _, br := range x.Branches {
			b.WriteString("\n" + ind + "  branch {")
			body(br, ind+"  ")
		}
		b.WriteString("\n" + ind + "}")
	}
}

// formatGeometry writes a convolution's stride, padding and dilation, each
// only when set.
func formatGeometry(stride, pad []int, mode calc.Padding, dilation []int) []string {
	var w []string
	if stride != nil {
		w = append(w, "stride", joinSize(stride))
	}
	switch mode {
	case calc.PadSame:
		w = append(w, "pad", "same")
	case calc.PadValid:
		w = append(w, "pad", "valid")
	default:
		if pad != nil {
			w = append(w, "pad", joinSize(pad))
		}
	}
	if dilation != nil {
		w = append(w, "dilation", joinSize(dilation))
	}
	return w
}

// kernelText writes a kernel size in full (3x3 for a 2-D layer given 3),
// so the restatement shows what the layer really is; dims zero means 2.
func kernelText(k []int, dims int) string {
	if dims == 0 {
		dims = 2
	}
	if len(k) == 1 && dims > 1 {
		full := make([]int, dims)
		for i := range full {
			full[i] = k[0]
		}
		return joinSize(full)
	}
	return joinSize(k)
}

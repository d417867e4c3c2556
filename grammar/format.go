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

// FormatLayer writes one layer in the canonical spec language.
func FormatLayer(l calc.Layer) string {
	var w []string
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
		add(name, joinSize(l.Kernel))
		if l.In != 0 {
			add(strconv.Itoa(l.In) + "->" + strconv.Itoa(l.Out))
		} else {
			add(strconv.Itoa(l.Out))
		}
		if l.Stride != nil {
			add("stride", joinSize(l.Stride))
		}
		switch l.PadMode {
		case calc.PadSame:
			add("pad", "same")
		case calc.PadValid:
			add("pad", "valid")
		default:
			if l.Pad != nil {
				add("pad", joinSize(l.Pad))
			}
		}
		if l.Dilation != nil {
			add("dilation", joinSize(l.Dilation))
		}
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
		add(name, joinSize(l.Kernel))
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
		add("adaptiveavgpool", joinSize(l.Output))
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

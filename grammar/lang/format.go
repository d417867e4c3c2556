package lang

import (
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

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
	b := make([]byte, 0, 40*len(q.Layers)+24)
	if q.Network {
		if q.Input != nil {
			b = append(b, formatNetworkInput(q)...)
			b = append(b, '\n')
		}
		for i, l := range q.Layers {
			if i > 0 {
				b = append(b, '\n')
			}
			b = appendLayer(b, l.Layer)
		}
		return string(b)
	}
	for i, l := range q.Layers {
		if i > 0 {
			b = append(b, '\n')
		}
		b = appendLayer(b, l.Layer)
		if i == 0 && q.Input != nil {
			b = append(b, " input "...)
			b = appendLayerInput(b, q.Input, l.Layer)
		}
	}
	return string(b)
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
	text := "input " + JoinSize(nums)
	if len(s) == 3 && s[0] == 1 {
		// A single-channel image reads back from HxW alone.
		if back, _, err := NetworkInput(&Input{Nums: s[1:]}, q.Layers[0].Layer); err == nil && back.Equal(s) {
			return "input " + JoinSize(s[1:])
		}
	}
	if back, _, err := NetworkInput(&Input{Nums: nums}, q.Layers[0].Layer); err != nil || !back.Equal(s) {
		switch len(s) {
		case 2:
			text += " lc"
		default:
			text += " hwc"
		}
	}
	return text
}

// appendLayerInput appends a single layer's input to b: its spatial sizes,
// then the channels when the layer does not say them itself.
func appendLayerInput(b []byte, s calc.Shape, l calc.Layer) []byte {
	w := layerWords{b: b, bare: true}
	if len(s) == 1 {
		w.int(s[0])
		return w.b
	}
	if s[0] == 0 || LayerChannels(l) == s[0] {
		w.size(s[1:])
		return w.b
	}
	hwc := append(append([]int{}, s[1:]...), s[0])
	w.size(hwc)
	if back, _, err := LayerInput(&Input{Nums: hwc}, l); err != nil || !back.Equal(s) {
		w.word("hwc")
	}
	return w.b
}

// FormatLayer writes one layer in the canonical spec language; a block
// takes several lines, its layers indented by two spaces.
func FormatLayer(l calc.Layer) string {
	var buf [96]byte
	return string(appendLayer(buf[:0], l))
}

// appendLayer appends FormatLayer(l) to b.
func appendLayer(b []byte, l calc.Layer) []byte {
	if s, ok := l.(calc.Shared); ok {
		return append(appendLayer(b, s.Layer), sharedWords(s)...)
	}
	if IsBlock(l) {
		var sb strings.Builder
		formatBlock(&sb, l, "")
		return append(b, sb.String()...)
	}
	w := layerWords{b: b, bare: true}
	switch l := l.(type) {
	case calc.Conv:
		w.conv(l)
	case calc.Pool:
		w.pool(l)
	case calc.Linear:
		w.word("linear")
		w.channels(l.In, l.Out)
		w.bias(!l.NoBias)
	case calc.BatchNorm:
		w.word("batchnorm")
		if l.C != 0 {
			w.int(l.C)
		}
		if l.NoAffine {
			w.word("noaffine")
		}
	case calc.Dropout:
		w.word("dropout")
		w.space()
		w.b = strconv.AppendFloat(w.b, l.P, 'f', -1, 64)
	case calc.ChannelShuffle:
		w.word("channelshuffle")
		w.int(l.Groups)
	case calc.ChannelSplit:
		w.word("channelsplit")
		w.int(l.Parts)
	case calc.Permute:
		w.word("permute")
		for _, o := range l.Order {
			w.int(o)
		}
	case calc.LayerNorm2d:
		w.word("layernorm2d")
		if l.C != 0 {
			w.int(l.C)
		}
	case calc.PReLU:
		w.word("prelu")
		if l.N > 1 {
			w.int(l.N)
		}
	case calc.LayerScale:
		w.word("layerscale")
		if l.C != 0 {
			w.int(l.C)
		}
	case calc.StochasticDepth:
		w.word("stochasticdepth")
		if l.P != 0 {
			w.space()
			w.b = strconv.AppendFloat(w.b, l.P, 'f', -1, 64)
		}
	case calc.Activation:
		w.word(l.Kind())
	case calc.Flatten:
		w.word("flatten")
	case calc.GlobalAvgPool:
		w.word("globalavgpool")
	case calc.AdaptivePool:
		w.word(l.Kind())
		w.size(l.Output)
	case calc.Recurrent, calc.Embedding, calc.LayerNorm, calc.GroupNorm, calc.Separable:
		w.frontendLayer(l)
	default:
		w.word(l.Kind())
	}
	return w.b
}

// conv writes a convolution's words: kind, kernel, channels, geometry,
// groups, output padding and bias.
func (w *layerWords) conv(l calc.Conv) {
	name := "conv"
	if l.Transposed {
		name = "deconv"
	}
	w.word(name)
	w.dims(l.Dims)
	w.kernel(l.Kernel, l.Dims)
	w.channels(l.In, l.Out)
	w.geometry(l.Stride, l.Pad, l.PadMode, l.Dilation)
	if l.Depthwise {
		w.word("depthwise")
	} else if l.Groups != 0 {
		w.word("groups")
		w.int(l.Groups)
	}
	if l.OutPad != nil {
		w.word("outpad")
		w.size(l.OutPad)
	}
	w.bias(!l.NoBias)
}

// dims glues a 1-D or 3-D layer's dimension count to its kind (conv1d);
// 2-D, the default, is written bare.
func (w *layerWords) dims(d int) {
	if d == 1 || d == 3 {
		w.b = strconv.AppendInt(w.b, int64(d), 10)
		w.b = append(w.b, 'd')
	}
}

// pool writes a pooling layer's words.
func (w *layerWords) pool(l calc.Pool) {
	w.word(l.Kind())
	w.dims(l.Dims)
	w.kernel(l.Kernel, l.Dims)
	w.option("stride", l.Stride)
	w.option("pad", l.Pad)
	w.option("dilation", l.Dilation)
	if l.Ceil {
		w.word("ceil")
	}
}

// layerWords appends a layer's words to b, separated by spaces.
type layerWords struct {
	b    []byte
	bare bool // no word written yet: the next needs no space
}

func (w *layerWords) space() {
	if !w.bare {
		w.b = append(w.b, ' ')
	}
	w.bare = false
}

func (w *layerWords) word(s string) {
	w.space()
	w.b = append(w.b, s...)
}

func (w *layerWords) int(n int) {
	w.space()
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

// size writes 3x3.
func (w *layerWords) size(n []int) {
	w.space()
	for i, x := range n {
		if i > 0 {
			w.b = append(w.b, 'x')
		}
		w.b = strconv.AppendInt(w.b, int64(x), 10)
	}
}

// kernel writes a kernel size in full (3x3 for a 2-D layer given 3), so
// the restatement shows what the layer really is; dims zero means 2.
func (w *layerWords) kernel(k []int, dims int) {
	if dims == 0 {
		dims = 2
	}
	if len(k) != 1 || dims == 1 {
		w.size(k)
		return
	}
	w.space()
	for i := range dims {
		if i > 0 {
			w.b = append(w.b, 'x')
		}
		w.b = strconv.AppendInt(w.b, int64(k[0]), 10)
	}
}

// channels writes In->Out, or Out alone when In is not known.
func (w *layerWords) channels(in, out int) {
	if in != 0 {
		w.int(in)
		w.b = append(w.b, "->"...)
		w.b = strconv.AppendInt(w.b, int64(out), 10)
		return
	}
	w.int(out)
}

// option writes name and its size, when set.
func (w *layerWords) option(name string, n []int) {
	if n != nil {
		w.word(name)
		w.size(n)
	}
}

func (w *layerWords) bias(on bool) {
	if on {
		w.word("bias")
	} else {
		w.word("nobias")
	}
}

// geometry writes a convolution's stride, padding and dilation, each only
// when set.
func (w *layerWords) geometry(stride, pad []int, mode calc.Padding, dilation []int) {
	w.option("stride", stride)
	switch mode {
	case calc.PadSame:
		w.word("pad same")
	case calc.PadValid:
		w.word("pad valid")
	default:
		w.option("pad", pad)
	}
	w.option("dilation", dilation)
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
		if b.Shortcut != nil && b.ShortcutFirst {
			return "shortcut { … } residual { … }"
		}
		if b.Shortcut != nil {
			return "residual { … } shortcut { … }"
		}
		return "residual { … }"
	case calc.Concat:
		return "concat { " + strings.Repeat("branch { … } ", len(b.Branches)) + "}"
	case calc.Gate:
		return "gate { … }"
	}
	return FormatLayer(l)
}

// formatBlock writes block l at indentation ind, without a final newline.
func formatBlock(b *strings.Builder, l calc.Layer, ind string) {
	body := func(layers []calc.Layer, ind string) {
		for _, c := range layers {
			b.WriteString("\n")
			if IsBlock(c) {
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
		if x.Shortcut != nil && x.ShortcutFirst {
			b.WriteString("shortcut {")
			body(x.Shortcut, ind)
			b.WriteString(" residual {")
			body(x.Body, ind)
			break
		}
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
	case calc.Gate:
		b.WriteString("gate {")
		body(x.Layers, ind)
	}
}

// frontendLayer writes the layer kinds the PyTorch and Keras front-ends
// brought to calc, in their spec-language forms:
//
//	lstm 128->256 [layers 2] [bidirectional] [nobias] [keras]
//	gru 50->100 ..., rnn 10->20 ...
//	embedding 10000->300
//	layernorm 512 | layernorm 64x32x32 [noaffine|nobias]
//	groupnorm 32 256 [noaffine]
//	separable 3x3 64->128 [stride S] [pad P|same|valid] [multiplier M] [nobias]
//	depthwise 3x3 [multiplier M] ...
func (w *layerWords) frontendLayer(l calc.Layer) {
	switch l := l.(type) {
	case calc.Recurrent:
		w.word(l.Kind())
		w.channels(l.In, l.Hidden)
		if l.Layers > 1 {
			w.word("layers")
			w.int(l.Layers)
		}
		if l.Bidirectional {
			w.word("bidirectional")
		}
		switch {
		case l.NoBias:
			w.word("nobias")
		case l.BiasVectors == 1:
			w.word("keras")
		}
		if l.LastOnly {
			w.word("last")
		}
	case calc.Embedding:
		w.word("embedding")
		w.channels(l.Vocab, l.Dim)
	case calc.LayerNorm:
		w.word("layernorm")
		if l.Shape != nil {
			w.size(l.Shape)
		}
		if l.NoAffine {
			w.word("noaffine")
		} else if l.NoBias {
			w.word("nobias")
		}
	case calc.GroupNorm:
		w.word("groupnorm")
		w.int(l.Groups)
		if l.C != 0 {
			w.int(l.C)
		}
		if l.NoAffine {
			w.word("noaffine")
		}
	case calc.Separable:
		name := "separable"
		if l.Out == 0 {
			name = "depthwise"
		}
		w.word(name)
		if l.Dims == 1 || l.Dims == 3 {
			w.b = strconv.AppendInt(w.b, int64(l.Dims), 10)
			w.b = append(w.b, 'd')
		}
		w.kernel(l.Kernel, l.Dims)
		if l.Out != 0 {
			w.channels(l.In, l.Out)
		} else if l.In != 0 {
			w.int(l.In)
		}
		w.geometry(l.Stride, l.Pad, l.PadMode, l.Dilation)
		if l.Multiplier > 1 {
			w.word("multiplier")
			w.int(l.Multiplier)
		}
		if l.NoBias {
			w.word("nobias")
		}
	}
}

// sharedWords mark a layer applied again with an earlier layer's weights.
func sharedWords(s calc.Shared) string {
	if s.Of > 0 {
		return " (same weights as layer " + strconv.Itoa(s.Of) + ")"
	}
	return " (same weights as an earlier layer)"
}

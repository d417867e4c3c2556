package grammar

import (
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// The spec-language forms of the layer kinds the PyTorch and Keras
// front-ends add to calc. They are proposals until the spec language parses
// them (see the front-ends' report):
//
//	lstm 128->256 [layers 2] [bidirectional] [nobias] [keras]
//	gru 50->100 ..., rnn 10->20 ...
//	embedding 10000->300
//	layernorm 512 | layernorm 64x32x32 [noaffine|nobias]
//	groupnorm 32 256 [noaffine]
//	separable 3x3 64->128 [stride S] [pad P|same|valid] [multiplier M] [nobias]
//	depthwise 3x3 [multiplier M] ...
func init() {
	extraFormatters = append(extraFormatters, formatFrontendLayer)
	ptFormat = Format
}

func formatFrontendLayer(l calc.Layer) (string, bool) {
	var buf [96]byte
	w := layerWords{b: buf[:0], bare: true}
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
	default:
		return "", false
	}
	return string(w.b), true
}

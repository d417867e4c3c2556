package grammar

import (
	"fmt"
	"strconv"
	"strings"

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
	var w []string
	add := func(parts ...string) { w = append(w, parts...) }
	inOut := func(in, out int) string {
		if in == 0 {
			return strconv.Itoa(out)
		}
		return strconv.Itoa(in) + "->" + strconv.Itoa(out)
	}
	switch l := l.(type) {
	case calc.Recurrent:
		add(l.Kind(), inOut(l.In, l.Hidden))
		if l.Layers > 1 {
			add("layers", strconv.Itoa(l.Layers))
		}
		if l.Bidirectional {
			add("bidirectional")
		}
		switch {
		case l.NoBias:
			add("nobias")
		case l.BiasVectors == 1:
			add("keras")
		}
		if l.LastOnly {
			add("last")
		}
	case calc.Embedding:
		add("embedding", inOut(l.Vocab, l.Dim))
	case calc.LayerNorm:
		add("layernorm")
		if l.Shape != nil {
			add(joinSize(l.Shape))
		}
		if l.NoAffine {
			add("noaffine")
		} else if l.NoBias {
			add("nobias")
		}
	case calc.GroupNorm:
		add("groupnorm", strconv.Itoa(l.Groups))
		if l.C != 0 {
			add(strconv.Itoa(l.C))
		}
		if l.NoAffine {
			add("noaffine")
		}
	case calc.Separable:
		name := "separable"
		if l.Out == 0 {
			name = "depthwise"
		}
		if l.Dims == 1 || l.Dims == 3 {
			name += fmt.Sprintf("%dd", l.Dims)
		}
		add(name, kernelText(l.Kernel, l.Dims))
		if l.Out != 0 {
			add(inOut(l.In, l.Out))
		} else if l.In != 0 {
			add(strconv.Itoa(l.In))
		}
		add(formatGeometry(l.Stride, l.Pad, l.PadMode, l.Dilation)...)
		if l.Multiplier > 1 {
			add("multiplier", strconv.Itoa(l.Multiplier))
		}
		if l.NoBias {
			add("nobias")
		}
	default:
		return "", false
	}
	return strings.Join(w, " "), true
}

package grammar

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// The spec-language forms of the layers beyond plain CNNs, which pasted
// PyTorch and Keras code brings (format_extra.go prints them):
//
//	lstm IN->H [layers N] [bidirectional] [nobias] [keras] [last]   (gru, rnn the same)
//	embedding VOCAB->DIM
//	layernorm [SIZE] [noaffine|nobias]
//	groupnorm G [C] [noaffine]
//	separable K [IN->]OUT [stride S] [pad P|same|valid] [dilation D] [multiplier M] [nobias]
//	depthwise K [C] [stride S] [pad P|same|valid] [dilation D] [multiplier M] [nobias]
//	adaptivemaxpool SIZE
func init() {
	for _, k := range []string{"lstm", "gru", "rnn", "embedding", "layernorm", "groupnorm",
		"separable", "separable1d", "separable3d", "depthwise", "depthwise1d", "depthwise3d", "adaptivemaxpool"} {
		specKinds[k] = k
	}
	for alias, k := range map[string]string{"simplernn": "rnn", "separableconv2d": "separable", "sepconv": "separable",
		"depthwiseconv2d": "depthwise", "adaptivemaxpool2d": "adaptivemaxpool", "layer_norm": "layernorm", "group_norm": "groupnorm"} {
		specKinds[alias] = k
	}
	for alias, o := range map[string]string{"layers": "layers", "num_layers": "layers",
		"bidirectional": "bidirectional", "bi": "bidirectional", "keras": "keras", "last": "last",
		"multiplier": "multiplier", "depth_multiplier": "multiplier"} {
		specOptions[alias] = o
	}
	specTakes["recurrent"] = []string{"layers", "bidirectional", "bias", "nobias", "keras", "last", "input"}
	specTakes["layernorm"] = []string{"affine", "noaffine", "bias", "nobias", "input"}
	specTakes["groupnorm"] = []string{"affine", "noaffine", "input"}
	specTakes["separable"] = []string{"kernel", "stride", "pad", "same", "valid", "dilation", "multiplier", "bias", "nobias", "input"}
}

// numbers reads the single numbers and In->Out pairs of a line, handing
// words to word; it keeps the fields' positions.
func (b *specLayerBuilder) numbers(c *specCursor, takes []string, example string,
	bare func(n int, it *specItem) error, pair func(in, out int, it *specItem) error, word func(name string, nums []int) error) error {
	for it := c.next(); it != nil; it = c.next() {
		switch {
		case it.num != nil && it.num.Arrow:
			in, err := parseSize(it.num.Value, it.num.Pos)
			if err != nil {
				return err
			}
			out, err := parseSize(it.num.Out.Value, it.num.Out.Pos)
			if err != nil {
				return err
			}
			if len(in) != 1 || len(out) != 1 || pair == nil {
				return c.unexpected(it, example)
			}
			if in[0] < 1 || out[0] < 1 {
				return channelsError(it, in[0], out[0])
			}
			b.set("in", pos(it.num.Pos))
			b.set("out", pos(it.num.Out.Pos))
			if err := pair(in[0], out[0], it); err != nil {
				return err
			}
		case it.num != nil || it.Tuple != nil:
			n, err := itemSize(it)
			if err != nil {
				return err
			}
			for _, x := range n {
				if x < 1 {
					return &Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("a size must be at least 1 (got %d)", x), Hint: example}
				}
			}
			if bare == nil || len(n) > 1 && b.kind != "layernorm" && !strings.HasPrefix(b.kind, "separable") && !strings.HasPrefix(b.kind, "depthwise") {
				return c.unexpected(it, example)
			}
			if err := bare(len(n), it); err != nil {
				return err
			}
		case it.Eq:
		case it.Word != "":
			name, nums, at, err := b.word(c, it, takes)
			if err != nil {
				return err
			}
			b.set(name, at)
			if err := word(name, nums); err != nil {
				return err
			}
		default:
			return c.unexpected(it, example)
		}
	}
	return nil
}

func (b *specLayerBuilder) recurrent(c *specCursor) (calc.Layer, error) {
	r := calc.Recurrent{Cell: map[string]calc.Cell{"lstm": calc.LSTMCell, "gru": calc.GRUCell, "rnn": calc.RNNCell}[b.kind]}
	example := b.kind + " 128->256 layers 2"
	err := b.numbers(c, specTakes["recurrent"], example,
		func(_ int, it *specItem) error {
			if r.Hidden != 0 {
				return c.unexpected(it, example)
			}
			n, _ := itemSize(it)
			r.Hidden = n[0]
			b.set("out", pos(it.Pos))
			return nil
		},
		func(in, out int, it *specItem) error {
			if r.Hidden != 0 {
				return c.unexpected(it, example)
			}
			r.In, r.Hidden = in, out
			return nil
		},
		func(name string, nums []int) error {
			switch name {
			case "layers":
				if len(nums) != 1 || nums[0] < 1 {
					return &Error{Line: b.fields[name].Line, Col: b.fields[name].Col, Msg: "layers is one number, at least 1", Hint: example}
				}
				r.Layers = nums[0]
			case "bidirectional":
				r.Bidirectional = true
			case "nobias":
				r.NoBias = true
			case "keras":
				r.BiasVectors = 1
			case "last":
				r.LastOnly = true
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if r.Hidden == 0 {
		at := pos(c.line.Pos)
		return nil, &Error{Line: at.Line, Col: at.Col, Msg: "the hidden size is missing", Hint: example}
	}
	return r, nil
}

func (b *specLayerBuilder) embedding(c *specCursor) (calc.Layer, error) {
	var e calc.Embedding
	example := "embedding 10000->300"
	err := b.numbers(c, specTakes["plain"], example, nil,
		func(in, out int, it *specItem) error {
			if e.Vocab != 0 {
				return c.unexpected(it, example)
			}
			e.Vocab, e.Dim = in, out
			return nil
		},
		func(string, []int) error { return nil })
	if err != nil {
		return nil, err
	}
	if e.Vocab == 0 {
		at := pos(c.line.Pos)
		return nil, &Error{Line: at.Line, Col: at.Col, Msg: "an embedding needs its vocabulary size and dimension", Hint: example}
	}
	return e, nil
}

func (b *specLayerBuilder) layernorm(c *specCursor) (calc.Layer, error) {
	var l calc.LayerNorm
	example := "layernorm 768"
	err := b.numbers(c, specTakes["layernorm"], example,
		func(_ int, it *specItem) error {
			if l.Shape != nil {
				return c.unexpected(it, example)
			}
			l.Shape, _ = itemSize(it)
			b.set("shape", pos(it.Pos))
			return nil
		}, nil,
		func(name string, _ []int) error {
			switch name {
			case "noaffine":
				l.NoAffine = true
			case "nobias":
				l.NoBias = true
			}
			return nil
		})
	return l, err
}

func (b *specLayerBuilder) groupnorm(c *specCursor) (calc.Layer, error) {
	var g calc.GroupNorm
	example := "groupnorm 32 256"
	err := b.numbers(c, specTakes["groupnorm"], example,
		func(_ int, it *specItem) error {
			n, _ := itemSize(it)
			switch {
			case g.Groups == 0:
				g.Groups = n[0]
				b.set("groups", pos(it.Pos))
			case g.C == 0:
				g.C = n[0]
				b.set("in", pos(it.Pos))
			default:
				return c.unexpected(it, example)
			}
			return nil
		}, nil,
		func(name string, _ []int) error {
			if name == "noaffine" {
				g.NoAffine = true
			}
			return nil
		})
	if err == nil && g.Groups == 0 {
		at := pos(c.line.Pos)
		err = &Error{Line: at.Line, Col: at.Col, Msg: "group norm needs its number of groups", Hint: example}
	}
	return g, err
}

func (b *specLayerBuilder) separable(c *specCursor) (calc.Layer, error) {
	s := calc.Separable{Dims: 2}
	switch {
	case strings.HasSuffix(b.kind, "1d"):
		s.Dims = 1
	case strings.HasSuffix(b.kind, "3d"):
		s.Dims = 3
	}
	depthwise := strings.HasPrefix(b.kind, "depthwise")
	example := "separable 3x3 64->128"
	if depthwise {
		example = "depthwise 3x3 64"
	}
	err := b.numbers(c, specTakes["separable"], example,
		func(_ int, it *specItem) error {
			n, _ := itemSize(it)
			switch {
			case s.Kernel == nil:
				s.Kernel = n
				b.set("kernel", pos(it.Pos))
			case len(n) == 1 && depthwise && s.In == 0:
				s.In = n[0]
				b.set("in", pos(it.Pos))
			case len(n) == 1 && !depthwise && s.Out == 0 && s.In == 0:
				s.Out = n[0]
				b.set("out", pos(it.Pos))
			default:
				return c.unexpected(it, example)
			}
			return nil
		},
		func(in, out int, it *specItem) error {
			if depthwise || s.Out != 0 {
				return c.unexpected(it, example)
			}
			s.In, s.Out = in, out
			return nil
		},
		func(name string, nums []int) error {
			switch name {
			case "kernel":
				s.Kernel = nums
			case "stride":
				s.Stride = nums
			case "pad":
				s.Pad, s.PadMode = nums, calc.PadExplicit
			case "same":
				s.Pad, s.PadMode = nil, calc.PadSame
			case "valid":
				s.Pad, s.PadMode = nil, calc.PadValid
			case "dilation":
				s.Dilation = nums
			case "multiplier":
				if len(nums) != 1 || nums[0] < 1 {
					return &Error{Line: b.fields[name].Line, Col: b.fields[name].Col, Msg: "multiplier is one number, at least 1", Hint: example}
				}
				s.Multiplier = nums[0]
			case "nobias":
				s.NoBias = true
			case "bias":
				s.NoBias = false
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	at := pos(c.line.Pos)
	if s.Kernel == nil {
		return nil, &Error{Line: at.Line, Col: at.Col, Msg: "the kernel size is missing", Hint: example}
	}
	if len(s.Kernel) == 1 && s.Dims > 1 {
		s.Kernel = []int{s.Kernel[0], s.Kernel[0], s.Kernel[0]}[:s.Dims]
	}
	if !depthwise && s.Out == 0 {
		return nil, &Error{Line: at.Line, Col: at.Col, Msg: "the number of output channels is missing", Hint: example}
	}
	return s, nil
}

package spec

import (
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The spec-language forms of the layers beyond plain CNNs, which pasted
// PyTorch and Keras code brings (lang.Format prints them):
//
//	lstm IN->H [layers N] [bidirectional] [nobias] [keras] [last]   (gru, rnn the same)
//	embedding VOCAB->DIM
//	layernorm [SIZE] [noaffine|nobias]
//	groupnorm G [C] [noaffine]
//	separable K [IN->]OUT [stride S] [pad P|same|valid] [dilation D] [multiplier M] [nobias]
//	depthwise K [C] [stride S] [pad P|same|valid] [dilation D] [multiplier M] [nobias]
//	adaptivemaxpool SIZE

func (b *specLayerBuilder) recurrent(c *specCursor) (calc.Layer, error) {
	r := calc.Recurrent{Cell: map[string]calc.Cell{"lstm": calc.LSTMCell, "gru": calc.GRUCell, "rnn": calc.RNNCell}[b.kind]}
	example := b.kind + " 128->256 layers 2"
	err := b.args(c, lang.Takes["recurrent"], example, argHandlers{
		size: func(n []int, it *specItem) error {
			if r.Hidden != 0 {
				return c.unexpected(it, example)
			}
			out, err := b.outCount(c, it, n, example)
			r.Hidden = out
			return err
		},
		pair: func(in, out []int, it *specItem) error {
			if r.Hidden != 0 {
				return c.unexpected(it, example)
			}
			var err error
			r.In, r.Hidden, err = channelPair(in, out, it, example)
			return err
		},
		word: func(name string, nums []int, _ lang.Position) error {
			switch name {
			case "layers":
				if len(nums) != 1 || nums[0] < 1 {
					return &lang.Error{Line: b.fields[name].Line, Col: b.fields[name].Col, Msg: "layers is one number, at least 1", Hint: example}
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
		},
	})
	if err != nil {
		return nil, err
	}
	if r.Hidden == 0 {
		at := pos(c.line.Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the hidden size is missing", Hint: example}
	}
	return r, nil
}

func (b *specLayerBuilder) embedding(c *specCursor) (calc.Layer, error) {
	var e calc.Embedding
	example := "embedding 10000->300"
	err := b.args(c, lang.Takes["plain"], example, argHandlers{
		pair: func(in, out []int, it *specItem) error {
			if e.Vocab != 0 {
				return c.unexpected(it, example)
			}
			var err error
			e.Vocab, e.Dim, err = channelPair(in, out, it, example)
			return err
		},
	})
	if err != nil {
		return nil, err
	}
	if e.Vocab == 0 {
		at := pos(c.line.Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "an embedding needs its vocabulary size and dimension", Hint: example}
	}
	return e, nil
}

func (b *specLayerBuilder) layernorm(c *specCursor) (calc.Layer, error) {
	var l calc.LayerNorm
	example := "layernorm 768"
	err := b.args(c, lang.Takes["layernorm"], example, argHandlers{
		size: func(n []int, it *specItem) error {
			if l.Shape != nil || !allPositive(n) {
				return c.unexpected(it, example)
			}
			l.Shape = n
			b.set("shape", pos(it.Pos))
			return nil
		},
		word: func(name string, _ []int, _ lang.Position) error {
			switch name {
			case "noaffine":
				l.NoAffine = true
			case "nobias":
				l.NoBias = true
			}
			return nil
		},
	})
	return l, err
}

func (b *specLayerBuilder) groupnorm(c *specCursor) (calc.Layer, error) {
	var g calc.GroupNorm
	example := "groupnorm 32 256"
	err := b.args(c, lang.Takes["groupnorm"], example, argHandlers{
		size: func(n []int, it *specItem) error {
			switch {
			case len(n) != 1 || n[0] < 1:
				return c.unexpected(it, example)
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
		},
		word: func(name string, _ []int, _ lang.Position) error {
			if name == "noaffine" {
				g.NoAffine = true
			}
			return nil
		},
	})
	if err == nil && g.Groups == 0 {
		at := pos(c.line.Pos)
		err = &lang.Error{Line: at.Line, Col: at.Col, Msg: "group norm needs its number of groups", Hint: example}
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
	err := b.args(c, lang.Takes["separable"], example, argHandlers{
		size: func(n []int, it *specItem) error {
			if !allPositive(n) {
				return c.unexpected(it, example)
			}
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
		pair: func(in, out []int, it *specItem) error {
			if depthwise || s.Out != 0 {
				return c.unexpected(it, example)
			}
			var err error
			s.In, s.Out, err = channelPair(in, out, it, example)
			return err
		},
		word: func(name string, nums []int, _ lang.Position) error {
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
					return &lang.Error{Line: b.fields[name].Line, Col: b.fields[name].Col, Msg: "multiplier is one number, at least 1", Hint: example}
				}
				s.Multiplier = nums[0]
				if s.Multiplier == 1 {
					s.Multiplier = 0 // the default, which the canonical text leaves out
				}
			case "nobias":
				s.NoBias = true
			case "bias":
				s.NoBias = false
			}
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	at := pos(c.line.Pos)
	if s.Kernel == nil {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the kernel size is missing", Hint: example}
	}
	s.Kernel = fullKernel(s.Kernel, s.Dims)
	if !depthwise && s.Out == 0 {
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: "the number of output channels is missing", Hint: example}
	}
	return s, nil
}

func allPositive(n []int) bool {
	for _, x := range n {
		if x < 1 {
			return false
		}
	}
	return true
}

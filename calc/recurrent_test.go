package calc

import (
	"errors"
	"testing"
)

// The counts of formulas.md, worked by hand in the comments.
func TestFrontendLayers(t *testing.T) {
	for _, c := range []struct {
		name    string
		layer   Layer
		in      Shape
		params  int64
		buffers int64
		out     Shape
		macs    int64
	}{
		// 4·256·(128+256)+8·256 + 4·256·(256+256)+8·256 (phrasings lstm-pytorch).
		{"lstm pytorch 2 layers", Recurrent{In: 128, Hidden: 256, Layers: 2}, nil, 921600, 0, nil, 0},
		// 4·64·(32+64)+4·64 (phrasings lstm-keras).
		{"lstm keras", Recurrent{In: 32, Hidden: 64, BiasVectors: 1}, nil, 24832, 0, nil, 0},
		// 3·100·(50+100)+6·100 (phrasings gru-pytorch).
		{"gru pytorch", Recurrent{Cell: GRUCell, In: 50, Hidden: 100}, nil, 45600, 0, nil, 0},
		// Keras reset_after=False: 3·32·(8+32)+3·32.
		{"gru keras v1", Recurrent{Cell: GRUCell, In: 8, Hidden: 32, BiasVectors: 1}, nil, 3936, 0, nil, 0},
		// PyTorch RNN: 20·(10+20)+40 + 20·(20+20)+40; input [10, 5]: MACs = weights·5.
		{"rnn 2 layers", Recurrent{Cell: RNNCell, In: 10, Hidden: 20, Layers: 2}, Shape{10, 5}, 1480, 0, Shape{20, 5}, (600 + 800) * 5},
		// Bidirectional, last step only: [2·64].
		{"bilstm last", Recurrent{In: 128, Hidden: 64, Bidirectional: true, BiasVectors: 1, LastOnly: true}, Shape{128, 200}, 98816, 0, Shape{128}, 2 * 4 * 64 * 192 * 200},
		{"lstm nobias", Recurrent{In: 10, Hidden: 20, NoBias: true}, nil, 2400, 0, nil, 0},
		{"embedding", Embedding{Vocab: 10000, Dim: 300}, Shape{50}, 3000000, 0, Shape{300, 50}, 0},
		{"layernorm", LayerNorm{Shape: []int{10, 10}}, Shape{5, 10, 10}, 200, 0, Shape{5, 10, 10}, 0},
		{"layernorm channels", LayerNorm{}, Shape{64}, 128, 0, Shape{64}, 0},
		{"layernorm nobias", LayerNorm{Shape: []int{512}, NoBias: true}, nil, 512, 0, nil, 0},
		{"groupnorm", GroupNorm{Groups: 3, C: 6}, Shape{6, 10, 10}, 12, 0, Shape{6, 10, 10}, 0},
		// 32·9 + 32·64 + 64; valid 32 → 30; MACs 32·9·30·30 + 32·64·30·30.
		{"separable", Separable{Kernel: []int{3}, Out: 64, PadMode: PadValid}, Shape{32, 32, 32}, 2400, 0, Shape{64, 30, 30}, 32*9*900 + 32*64*900},
		// 64·9 + 64·128, no bias (phrasings separable-no-bias: 8,768).
		{"separable nobias", Separable{Kernel: []int{3}, In: 64, Out: 128, NoBias: true}, nil, 8768, 0, nil, 0},
		// Keras DepthwiseConv2D: 32·9 + 32.
		{"depthwise", Separable{Kernel: []int{3}, PadMode: PadSame}, Shape{32, 56, 56}, 320, 0, Shape{32, 56, 56}, 32 * 9 * 56 * 56},
		{"depthwise multiplier", Separable{Kernel: []int{3}, Multiplier: 2, In: 16}, nil, 16*2*9 + 32, 0, nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := c.layer.Apply(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Params != c.params || r.Buffers != c.buffers || !r.Output.Equal(c.out) || (c.macs != 0 && r.MACs != c.macs) {
				t.Errorf("got params %d buffers %d output %v macs %d, want %d %d %v %d", r.Params, r.Buffers, r.Output, r.MACs, c.params, c.buffers, c.out, c.macs)
			}
			if r.Params != r.Weights+r.Biases {
				t.Errorf("params %d != weights %d + biases %d", r.Params, r.Weights, r.Biases)
			}
			if len(r.Steps) == 0 {
				t.Error("no steps")
			}
			if r.Kind != c.layer.Kind() {
				t.Errorf("kind %q, want %q", r.Kind, c.layer.Kind())
			}
		})
	}
}

func TestFrontendLayerErrors(t *testing.T) {
	for _, c := range []struct {
		layer Layer
		in    Shape
		field string
	}{
		{Recurrent{In: 10, Hidden: 20}, Shape{12, 5}, "in"},
		{Recurrent{Hidden: 20}, nil, "in"},
		{Recurrent{In: 10, Hidden: 0}, nil, "hidden"},
		{Embedding{Vocab: 10, Dim: 3}, Shape{3, 4}, "input"},
		{LayerNorm{Shape: []int{10}}, Shape{5, 12}, "shape"},
		{GroupNorm{Groups: 4, C: 6}, nil, "groups"},
		{GroupNorm{Groups: 2, C: 6}, Shape{8, 3, 3}, "in"},
		{Separable{Kernel: []int{5}, Out: 8}, Shape{3, 3, 3}, "input"},
		{Separable{Kernel: []int{3}, Out: 8}, nil, "in"},
		{Recurrent{In: 1 << 23, Hidden: 1 << 23, Layers: 2000}, nil, "layers"},
	} {
		_, err := c.layer.Apply(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Field != c.field {
			t.Errorf("%T%+v on %v: err %v, want field %q", c.layer, c.layer, c.in, err, c.field)
		}
	}
}

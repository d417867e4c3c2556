package calc

import (
	"slices"
	"testing"
)

// TestPReLU checks nn.PReLU's counts against PyTorch 1.13:
// sum(p.numel() for p in nn.PReLU(n).parameters()) is n, and the output
// keeps the input's shape; nn.PReLU(64) on 32 channels raises.
func TestPReLU(t *testing.T) {
	for _, c := range []struct {
		l      PReLU
		in     Shape
		params int64
		bad    bool
	}{
		{PReLU{}, Shape{64, 8, 8}, 1, false},       // nn.PReLU(): 1
		{PReLU{N: 1}, nil, 1, false},               // nn.PReLU(1)
		{PReLU{N: 64}, Shape{64, 8, 8}, 64, false}, // nn.PReLU(num_parameters=64)
		{PReLU{N: 256}, nil, 256, false},
		{PReLU{N: 64}, Shape{32, 8, 8}, 0, true}, // RuntimeError: Mismatch of parameter numbers and input channel size
		{PReLU{N: -3}, nil, 0, true},
	} {
		r, err := c.l.Apply(c.in)
		if (err != nil) != c.bad {
			t.Errorf("%+v on %v: err %v, want error %v", c.l, c.in, err, c.bad)
			continue
		}
		if c.bad {
			continue
		}
		if r.Params != c.params {
			t.Errorf("%+v: params %d, want %d", c.l, r.Params, c.params)
		}
		if c.in != nil && !slices.Equal(r.Output, c.in) {
			t.Errorf("%+v: output %v, want %v", c.l, r.Output, c.in)
		}
	}
}

package calc

import (
	"slices"
	"testing"
)

// TestUnsizedThroughGlobalPool: a network written without its input size
// still sizes the layers after a global or adaptive pool, which fixes the
// spatial size whatever came in. Checked with torch 1.13: nn.Sequential(
// Conv2d(3,16,3), BatchNorm2d(16), ReLU(), Conv2d(16,64,3),
// AdaptiveAvgPool2d(1), Flatten(), Linear(64,10)) has 448+32+9,280+650 =
// 10,410 parameters; with AdaptiveAvgPool2d(3) the Linear reads 576 values
// (Linear(576,10): 5,770), 15,530 in all.
func TestUnsizedThroughGlobalPool(t *testing.T) {
	body := []Layer{Conv{Kernel: []int{3}, In: 3, Out: 16}, BatchNorm{C: 16}, Activation{Name: "relu"}, Conv{Kernel: []int{3}, In: 16, Out: 64}}
	for _, c := range []struct {
		name   string
		pool   Layer
		params int64
		last   Shape
	}{
		{"global", GlobalAvgPool{}, 10410, Shape{10}},
		{"adaptive 3x3", AdaptivePool{Output: []int{3}}, 15530, Shape{10}},
	} {
		layers := append(slices.Clone(body), c.pool, Flatten{}, Linear{Out: 10})
		s, err := Network{Layers: layers}.Summarize()
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if s.Params != c.params || !slices.Equal(s.Output, c.last) {
			t.Errorf("%s: %d params, output %v; want %d, %v", c.name, s.Params, s.Output, c.params, c.last)
		}
		if s.Rows[3].Output != nil {
			t.Errorf("%s: the conv before the pool has output %v, but its size is not known", c.name, s.Rows[3].Output)
		}
	}
	// Anything the channels cannot be followed through leaves the dense
	// unsized: here a residual block.
	lost := []Layer{Conv{Kernel: []int{3}, In: 3, Out: 16}, Residual{Body: []Layer{Activation{Name: "relu"}}}, GlobalAvgPool{}, Flatten{}, Linear{Out: 10}}
	if _, err := (Network{Layers: lost}).Summarize(); err == nil {
		t.Error("a dense after a block the channels were not followed through was sized")
	}
}

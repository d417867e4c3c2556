package calc

import (
	"strings"
	"testing"
)

// ConvNeXt-T's first block at 56×56×96: the Linear layers act at every
// position (torchvision: 37,248 parameters, 115,605,504 MACs for the
// first, in testdata/models-more.json).
func TestConvNeXtBlockLayers(t *testing.T) {
	in := Shape{96, 56, 56}
	last, err := Permute{Order: []int{0, 2, 3, 1}}.Apply(in)
	if err != nil || !last.Output.Equal(Shape{56, 56, 96}) {
		t.Fatalf("permute: %v %v", last.Output, err)
	}
	r, err := Linear{In: 96, Out: 384}.Apply(last.Output)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(96*384 + 384); r.Params != want {
		t.Errorf("params %d, want %d", r.Params, want)
	}
	if want := int64(56 * 56 * 96 * 384); r.MACs != want || !r.Output.Equal(Shape{56, 56, 384}) {
		t.Errorf("MACs %d output %v, want %d at every position and [56 56 384]", r.MACs, r.Output, want)
	}
	if _, err := (Linear{Out: 384}).Apply(last.Output); err == nil || !strings.Contains(err.Error(), "flat vector") {
		t.Errorf("a linear without In on [56 56 96]: %v, want the forgotten-flatten error", err)
	}
	if _, err := (Linear{In: 95, Out: 384}).Apply(last.Output); err == nil {
		t.Error("linear 95->384 on [56 56 96]: no error")
	}
	back, err := Permute{Order: []int{0, 3, 1, 2}}.Apply(Shape{56, 56, 96})
	if err != nil || !back.Output.Equal(in) {
		t.Errorf("permute back: %v %v", back.Output, err)
	}
	for _, bad := range []Permute{{Order: []int{1, 0, 2, 3}}, {Order: []int{0, 1, 1, 2}}, {Order: []int{0, 2, 1}}} {
		if _, err := bad.Apply(in); err == nil {
			t.Errorf("permute %v on %v: no error", bad.Order, in)
		}
	}
	if r, err := (LayerScale{C: 96}).Apply(in); err != nil || r.Params != 96 || !r.Output.Equal(in) {
		t.Errorf("layerscale: %d %v %v", r.Params, r.Output, err)
	}
	if r, err := (LayerNorm2d{}).Apply(in); err != nil || r.Params != 2*96 || r.Buffers != 0 {
		t.Errorf("layernorm2d: %d buffers %d %v", r.Params, r.Buffers, err)
	}
	if _, err := (LayerNorm2d{C: 64}).Apply(in); err == nil {
		t.Error("layernorm2d 64 on 96 channels: no error")
	}
}

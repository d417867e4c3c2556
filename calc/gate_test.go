package calc

import (
	"strings"
	"testing"
)

// EfficientNet-B0's first squeeze-and-excitation: 32 channels at 112×112,
// squeezed to 8 (torchvision's layers: 264 and 288 parameters, 256 MACs
// each, in testdata/models-more.json).
func TestGate(t *testing.T) {
	in := Shape{32, 112, 112}
	se := func(out int) Gate {
		return Gate{Layers: []Layer{AdaptivePool{Output: []int{1}}, Conv{Kernel: []int{1}, Out: 8}, Activation{Name: "silu"},
			Conv{Kernel: []int{1}, Out: out}, Activation{Name: "sigmoid"}}}
	}
	r, err := se(32).Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(32*8 + 8 + 8*32 + 32); r.Params != want {
		t.Errorf("params %d, want %d", r.Params, want)
	}
	if want := int64(32*8 + 8*32); r.MACs != want {
		t.Errorf("MACs %d, want %d: the 1×1 convs run at one position", r.MACs, want)
	}
	if !r.Output.Equal(in) || len(r.Children) != 5 || !IsBlock(r) {
		t.Errorf("output %v, %d children, block %v; want the input's shape, 5, true", r.Output, len(r.Children), IsBlock(r))
	}
	if got := r.Window; len(got) != 2 || got[0] != (Window{1, 1, 0}) {
		t.Errorf("window %+v, want the identity: the features keep their positions", got)
	}
	if _, err := se(16).Apply(in); err == nil || !strings.Contains(err.Error(), "one weight per channel") {
		t.Errorf("a gate ending in 16 channels on 32: error %v", err)
	}
	if _, err := (Gate{}).Apply(in); err == nil {
		t.Error("an empty gate: no error")
	}
	s, err := Network{Input: in, Layers: []Layer{se(32)}}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	if leaves := s.Leaves(); len(leaves) != 5 || leaves[1].Field[0].Size != 112 {
		t.Errorf("leaves %d, the pool's field %+v; want 5 and the whole map", len(leaves), leaves[1].Field)
	}
	if n := Leaves(se(32), 100); n != 5 {
		t.Errorf("Leaves %d, want 5", n)
	}
	if l, ok := At(se(32), []int{2}); !ok || l.Kind() != "conv2d" {
		t.Errorf("At 2: %v %v", l, ok)
	}
}

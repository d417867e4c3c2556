package calc

import (
	"strings"
	"testing"
)

// TestSeparableBiasNote says where a separable conv's biases are, and what
// a bias on the depthwise conv too would add: Keras's SeparableConv2D
// (24 -> 40, 3×3) has 216 + 960 + 40 = 1,216 parameters; two PyTorch convs,
// each with bias=True, 1,240 (torch: Conv2d(24,24,3,groups=24) +
// Conv2d(24,40,1)).
func TestSeparableBiasNote(t *testing.T) {
	r, err := Separable{Kernel: []int{3}, In: 24, Out: 40}.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Params != 1216 {
		t.Errorf("params %d, want 1,216", r.Params)
	}
	var note string
	for _, s := range r.Steps {
		if s.Quantity == "biases" {
			note = s.Note
		}
	}
	if !strings.Contains(note, "Keras") || !strings.Contains(note, "would add 24") || r.Params+24 != 1240 {
		t.Errorf("bias note %q: want Keras's one bias and the 24 a depthwise bias adds", note)
	}
	r, err = Separable{Kernel: []int{3}, In: 24, Out: 40, NoBias: true}.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Steps {
		if s.Quantity == "biases" && s.Note != "no bias" {
			t.Errorf("no bias: note %q", s.Note)
		}
	}
}

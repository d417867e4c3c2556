package calc

import "testing"

// TestShared checks that a layer applied again keeps its output and MACs
// and counts no parameters: one nn.Conv2d(16, 16, 3, padding=1) called 5
// times on 16×32×32 has 2,320 parameters (PyTorch: sum of numel) and
// 5 × 2,359,296 MACs.
func TestShared(t *testing.T) {
	c := Conv{In: 16, Out: 16, Kernel: []int{3}, Pad: []int{1}}
	layers := []Layer{c}
	for i := 0; i < 4; i++ {
		layers = append(layers, Shared{Layer: c, Of: 1})
	}
	var reps []Report
	in := Shape{16, 32, 32}
	for _, l := range layers {
		r, err := l.Apply(in)
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, r)
		in = r.Output
	}
	tot, err := Sum(reps)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tot.Params, int64(2320); got != want {
		t.Errorf("params = %d, want %d", got, want)
	}
	if got, want := tot.MACs, int64(5*16*16*9*32*32); got != want {
		t.Errorf("MACs = %d, want %d", got, want)
	}
	if !reps[4].Output.Equal(Shape{16, 32, 32}) || reps[4].Kind != "conv2d" {
		t.Errorf("shared report %+v", reps[4])
	}
}

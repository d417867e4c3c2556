package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestBatchedInputAfterSize: a batched shape the words call the input
// replaces a size said before it in passing ("doesn't give 28x28 back"),
// but not a size said to be the input. Outputs checked with torch 1.13.
func TestBatchedInputAfterSize(t *testing.T) {
	dec := "\n\nself.decoder = nn.Sequential(\n    nn.ConvTranspose2d(64, 32, 7), nn.ReLU(),\n    nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1), nn.ReLU(),\n    nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1), nn.Sigmoid())\n\n"
	for _, c := range []struct {
		src  string
		want calc.Shape
	}{
		{"my decoder doesn't give 28x28 back" + dec + "input (B,64,1,1). what H/W does this actually output?", calc.Shape{1, 25, 25}},
		{"I want 64x64 out" + dec + "input (N, 64, 1, 1). output size?", calc.Shape{1, 25, 25}},
		// the input said first stays: 2x2 -> 8 -> 15 -> 29
		{"input 2x2" + dec + "later on (B, 64, 1, 1) input. output size?", calc.Shape{1, 29, 29}},
	} {
		q, err := ParsePyTorch(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		s, err := (calc.Network{Input: q.Input, Layers: layersOf(q)}).Summarize()
		if err != nil || !s.Output.Equal(c.want) {
			t.Errorf("%q: output %v (%v), want %v", c.src, s.Output, err, c.want)
		}
	}
}

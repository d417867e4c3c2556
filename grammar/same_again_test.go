package grammar

import "testing"

// TestSameAgain reads a layer said again without its numbers as the layer
// before, on its output, and leaves alone a conv that cannot take its own
// output.
func TestSameAgain(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int // layers read
	}{
		{"input 100x100, conv k=3 s=3 p=0 -> ? then another one the same -> ?", 2},
		{"maxpool 2x2 stride 2 on 28x28x16, then the same pool again: output?", 2},
		{"conv 3x3 64->64 then another one the same, total params?", 2},
		{"a 5x5 conv with 32 filters on 3 channels, followed by another identical conv... params?", 1},
	} {
		q, err := Parse(c.src)
		if err != nil || len(q.Layers) != c.want {
			t.Errorf("%q: read as %v (%v), want %d layers", c.src, q, err, c.want)
		}
	}
}

package grammar

import "testing"

// TestKindsAskedInTurn: a depthwise separable conv and a plain one asked
// in turn ("params? and how many for a normal conv", "what about a
// regular conv?", "and for the normal version?") or set side by side by a
// bare "a 3x3 conv" are two sides, each sized (torch 1.13: 32->64 3x3
// without bias is 2,336 separable, 18,432 plain).
func TestKindsAskedInTurn(t *testing.T) {
	for _, c := range []struct {
		src  string
		want [2]int64
	}{
		{"depthwise separable conv 32 -> 64 ch, 3x3, no bias. how many params? and how many for a normal 3x3 conv same ch (also no bias)", [2]int64{2336, 18432}},
		{"depthwise separable 3x3 conv from 64 to 128 channels, no bias: params? what about a regular conv?", [2]int64{8768, 73728}},
		{"compare a 3x3 conv and a depthwise separable conv, 64 -> 128 channels, no bias. params?", [2]int64{73728, 8768}},
		{"params of a depthwise separable conv vs a 3x3 conv, 32 in 64 out, no bias", [2]int64{2336, 18432}},
	} {
		qs := kindSides(c.src)
		if len(qs) != 2 {
			t.Errorf("%q: %d sides, want 2", c.src, len(qs))
			continue
		}
		for k, q := range qs {
			var got int64
			for _, l := range q.Layers {
				r, err := l.Layer.Apply(q.Input)
				if err != nil {
					t.Fatal(err)
				}
				got += r.Params
			}
			if got != c.want[k] {
				t.Errorf("%q: side %d has %d params, want %d", c.src, k+1, got, c.want[k])
			}
		}
	}
}

package english

import (
	"slices"
	"testing"
)

// TestAskedFirst checks that what a question asks for is read, in the
// shorthand students write ("h/w", "out len", "rf?", "params vs
// connections"), so the reply's first line carries it.
func TestAskedFirst(t *testing.T) {
	cases := []struct {
		q    string
		want []string
	}{
		{"what's the h/w after a 3x3 conv stride 2 pad 1 on 64x64?", []string{"output"}},
		{"conv 5x5 then maxpool 2 on 32x32 with 8 filters, final h/w??", []string{"output"}},
		{"conv1d 16->32 k=7 s=2 on len 1000, out len?", []string{"output"}},
		{"whats the spatial size after a 2x2 max pool stride 2 on 96x96", []string{"output"}},
		{"what is the final size after conv 3x3 pad 1 on 28x28 with 6 filters", []string{"output"}},
		{"params vs connections for a 3x3 conv 1->4 on 10x10, no padding", []string{"params", "total connections"}},
		{"conv3 conv3 pool2, rf?", []string{"receptive field"}},
		{"rf of 5x5 conv s2 then 3x3 conv s1", []string{"receptive field"}},
		{"how many connections does each neuron of a 3x3 conv on 4 maps have", []string{"connections"}},
	}
	for _, c := range cases {
		q, err := ParseEnglish(c.q)
		if err != nil {
			t.Errorf("%q: %v", c.q, err)
			continue
		}
		for _, w := range c.want {
			if !slices.Contains(q.Asked, w) {
				t.Errorf("%q: asked %v, want %q among them", c.q, q.Asked, w)
			}
		}
	}
}

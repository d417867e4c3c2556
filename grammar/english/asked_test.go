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

// TestVersusNotChained checks that two designs set against each other are
// never read as one chain of layers: the front door splits the
// comparisons it knows, and the reader refuses the rest.
func TestVersusNotChained(t *testing.T) {
	for _, src := range []string{
		"a 5x5 conv vs a 3x3 conv then a 1x1 conv on 32x32x16, params?",
		"on a 28x28x192 input, a 5x5 conv to 32 channels directly versus a 1x1 conv to 16 channels then the 5x5 to 32, macs each?",
		"a 7x7 conv with 64 filters compared to a 3x3 conv with 64 filters on 56x56x64: params?",
	} {
		if q, err := ParseEnglish(src); err == nil {
			t.Errorf("%q read as one design: %s", src, q.Canonical)
		}
	}
}

// TestAskedExported checks the reading of what is asked that other
// front-ends share.
func TestAskedExported(t *testing.T) {
	for src, want := range map[string]string{
		"Conv1d(40, 80, kernel_size=5) on seq len 200 -> out len + params?": "output",
		"nn.Conv2d(3, 8, 3) then MaxPool2d(2) on 64x64, shape??":            "output",
		"model.add(Conv2D(32, 3)) ... rf?":                                  "receptive field",
		"how many params does this have":                                    "params",
	} {
		if got := Asked(src); !slices.Contains(got, want) {
			t.Errorf("Asked(%q) = %v, want %q among them", src, got, want)
		}
	}
}

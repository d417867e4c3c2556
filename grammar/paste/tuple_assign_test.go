package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestTupleAssign: modules assigned in one line to several names are
// filed each under its own name, so a forward told in words applies them
// in its order (torch 1.13: c1, pool, c2, pool on 64x64 give 32×14×14;
// the unpadded U-Net's bottom on 572x572 gives 1024×28×28).
func TestTupleAssign(t *testing.T) {
	for _, c := range []struct {
		src  string
		want calc.Shape
	}{
		{"self.c1, self.c2 = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3)\nself.pool = nn.MaxPool2d(2)\n# forward: c1 -> pool -> c2 -> pool\n\ninput 64x64 rgb, output shape?",
			calc.Shape{32, 14, 14}},
		{"def dc(i, o): return nn.Sequential(nn.Conv2d(i, o, 3), nn.ReLU(), nn.Conv2d(o, o, 3), nn.ReLU())\n" +
			"self.d1, self.d2, self.d3, self.d4 = dc(1, 64), dc(64, 128), dc(128, 256), dc(256, 512)\nself.bottom = dc(512, 1024)\nself.pool = nn.MaxPool2d(2)\n" +
			"# forward: d1 -> pool -> d2 -> pool -> d3 -> pool -> d4 -> pool -> bottom\n\ninput 572x572. output of self.bottom?", calc.Shape{1024, 28, 28}},
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

// TestTupleName: only a tuple of as many names as values names a call.
func TestTupleName(t *testing.T) {
	for src, want := range map[string]string{
		"a, b = nn.ReLU(), nn.Tanh()":    "b",
		"a = nn.ReLU(), nn.Tanh()":       "",
		"a, b, c = nn.ReLU(), nn.Tanh()": "",
	} {
		f, err := ptParseTree(src)
		if err != nil {
			t.Fatal(err)
		}
		last := len(f.Nodes) - 1
		if got := ptTupleName(f.Nodes, last); got != want {
			t.Errorf("%q: %q, want %q", src, got, want)
		}
	}
}

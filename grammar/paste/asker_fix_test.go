package paste

import (
	"errors"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestAskerFixed checks which fixes told after an error become the input,
// and that a fix that does not keep the message's values, or gives other
// channels than the layer wants, is not read.
func TestAskerFixed(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // the torch.randn line added; "" when none
	}{
		{"ValueError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [64, 784]\nfixed by x.view(-1,1,28,28). nn.Conv2d(1, 8, 3)", "x = torch.randn(64, 1, 28, 28)"},
		{"got input of size: [16, 3072]. after i reshape it to 3x32x32, nn.Conv2d(3, 8, 3)?", "x = torch.randn(16, 3, 32, 32)"},
		{"expected input[8, 500, 12] to have 12 channels, but got 500 channels instead. I'll do x.permute(0, 2, 1) before nn.Conv1d(12, 32, 3)", "x = torch.randn(8, 12, 500)"},
		{"expected input[4, 1000, 64] to have 64 channels, but got 1000 channels instead. x.transpose(1, 2) fixed it for nn.Conv1d(64, 8, 3)", "x = torch.randn(4, 64, 1000)"},
		// a view that does not keep the values is not this message's fix
		{"got input of size: [64, 784]. I did x.view(-1, 3, 32, 32)", ""},
		// a permute that still gives the wrong channels is not a fix
		{"expected input[8, 500, 12] to have 500 channels, but got 12 channels instead. I'll do x.permute(0, 2, 1)", ""},
		// the message alone names the layer (its weight): it is kept
		{"Given groups=1, weight of size [32, 3, 3, 3], expected input[128, 32, 32, 3] to have 3 channels, but got 32 channels instead. after x.permute(0, 3, 1, 2)?", ""},
		// the first layer is inside a container: the fix is still the input
		{"model = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU())\nValueError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [64, 784]\nfixed that by x.view(-1, 1, 28, 28). output shape?", "x = torch.randn(64, 1, 28, 28)"},
		// no message: nothing to set aside
		{"x = x.view(-1, 1, 28, 28) then nn.Conv2d(1, 8, 3)", ""},
	} {
		got, _, ok := ptAskerFixed(c.src)
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: read a fix, want none:\n%s", c.src, got)
		case c.want != "" && (!ok || !strings.Contains(got, c.want)):
			t.Errorf("%q: want %q added, got ok=%v:\n%s", c.src, c.want, ok, got)
		case ok && len(strings.Split(got, "\n")[0]) != len(strings.Split(c.src, "\n")[0]):
			t.Errorf("%q: the message's line changed length: positions move", c.src)
		}
	}
}

// TestComprehensionValues checks the loops read as one module a value.
func TestComprehensionValues(t *testing.T) {
	for src, want := range map[string]int{
		"nn.ModuleList([nn.Conv1d(100, 50, k) for k in (3, 4, 5)])":                    3,
		"nn.ModuleList([nn.Conv2d(1, 100, (k, 300)) for k in [3, 4, 5]])":              3,
		"nn.ModuleList([nn.Conv2d(64, 64, 3, padding=d, dilation=d) for d in (1, 2)])": 2,
		"nn.ModuleList([nn.Conv2d(64, 64, 3) for _ in range(4)])":                      0,
	} {
		f, err := ptParseTree(src)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		ptWalk(f.Nodes, func(n *ptNode) bool {
			if n.Ident == "nn.ModuleList" {
				for _, el := range ptElements(n.Calls[0].Nodes, map[string]ptValue{}) {
					if _, vals, ok := ptComprehensionValues(el.all, map[string]ptValue{}); ok {
						got = len(vals)
					}
				}
			}
			return true
		})
		if got != want {
			t.Errorf("%s: %d values, want %d", src, got, want)
		}
	}
}

// TestAskerFixedErrorInText checks that an error the fixed tensor meets
// is aimed inside the asker's text (at the fix), never at the torch.randn
// line the reading adds after it.
func TestAskerFixedErrorInText(t *testing.T) {
	src := "self.conv1 = nn.Conv2d(1, 8, 3)\nself.fc = nn.Linear(8 * 26 * 26, 10)\nValueError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [64, 784]\nfixed that by x.view(-1, 1, 1, 28, 28).\nin_features of fc?"
	_, err := ParsePyTorch(src)
	var le *lang.Error
	if !errors.As(err, &le) {
		t.Fatalf("want a positioned error, got %v", err)
	}
	if le.Line != 4 {
		t.Errorf("error at line %d, want 4 (the fix) of a 5-line paste: %v", le.Line, err)
	}
}

// TestAskerFixedLaterLayer checks that a fix for an error a later layer
// raised is never read as the model's input: the conv's output asked by
// name takes it as the conv's input, anything else sets the message aside.
func TestAskerFixedLaterLayer(t *testing.T) {
	src := "self.lstm = nn.LSTM(40, 128, batch_first=True)\nself.conv = nn.Conv1d(128, 64, 3)\nRuntimeError: Given groups=1, weight of size [64, 128, 3], expected input[16, 200, 128] to have 128 channels, but got 200 channels instead\nI added x.transpose(1, 2)."
	got, _, ok := ptAskerFixed(src + " output length of conv?")
	if !ok || strings.Contains(got, "nn.LSTM") || !strings.Contains(got, "x = torch.randn(16, 128, 200)") {
		t.Errorf("the conv's output asked: want the LSTM left out and the conv's input fixed, got ok=%v:\n%s", ok, got)
	}
	got, _, ok = ptAskerFixed(src + " how many params in total?")
	if !ok || strings.Contains(got, "torch.randn") || strings.Contains(got, "expected input") {
		t.Errorf("params asked: want the message set aside and no input, got ok=%v:\n%s", ok, got)
	}
}

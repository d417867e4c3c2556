package grammar

import (
	"slices"
	"strings"
	"testing"
)

// TestLooseSpec checks the chat forms of a spec line: each is read as the
// spec line it stands for, and a typo in a real spec line still gets the
// spec language's own error, not a guess.
func TestLooseSpec(t *testing.T) {
	for _, c := range []struct{ text, reads string }{
		{"conv 3 to 64 3x3 params", "conv 3x3 3->64"},
		{"fc 4096 to 1000 params?", "linear 4096->1000"},
		{"linear layer 784 to 128 params", "linear 784->128"},
		{"conv2d layer with 3x3 kernel 16->32 how many params", "conv 3x3 16->32"},
		{"conv layer 3 to 64 channels 3x3 no bias params", "conv 3x3 3->64 nobias"},
		{"depthwise separable 3x3 32->64 params", "separable 3x3 32->64"},
		{"maxpool layer 3x3 window stride 2 on 55x55 output", "maxpool 3x3 stride 2"},
		{"dense 300 to 50 params pls", "linear 300->50"},
		{"maxpool 3 stride 2 on 13x13 -> ?", "maxpool 3x3 stride 2"},
	} {
		r, err := choose(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if got := Format(r.q); !strings.Contains(got, c.reads) {
			t.Errorf("%q: read by %s as %q, want %q", c.text, r.front, got, c.reads)
		}
	}
	for _, c := range []struct{ text, says string }{
		{"conv 3x3 32->64 strid 2 input 56x56", `did you mean "stride"`},
		{"conv 3x3 32->64 stride 2 input 56x56 pad", "pad"},
	} {
		if _, err := choose(c.text); err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%q: error %v, want one saying %s", c.text, err, c.says)
		}
	}
	for _, src := range []string{"conv 3x3 32->64 stride 2", "how many params in conv 3 to 64", "input 224x224x3\nconv 3 to 64 3x3"} {
		if line, ok := looseSpec(src); ok {
			t.Errorf("%q rewritten to %q: it is not a loose spec line", src, line)
		}
	}
}

// TestAskedApart: the words asked after a size are not the size's name.
// "on 32x32 output size" was read as a 32x32 output given, and answered
// with the input that gives it (a confident 32, where PyTorch gives 28).
func TestAskedApart(t *testing.T) {
	for _, c := range []struct{ text, reads string }{
		{"conv 3x3 dilation 2 on 32x32 output size", "input 32x32"},
		{"conv 3x3 stride 2 on 32x32 output size?", "input 32x32"},
		{"maxpool 3 stride 2 input 55x55 output shape", "input 55x55"},
	} {
		r, err := choose(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if got := Format(r.q); !strings.Contains(got, c.reads) {
			t.Errorf("%q: read by %s as %q, want %q", c.text, r.front, got, c.reads)
		}
	}
	for _, src := range []string{"conv 3x3 32->64 params", "conv 3x3 dilation 2 on 32x32 output size"} {
		if got := askedApart(src); len(got) != len(src) {
			t.Errorf("%q changed to %q: the positions moved", src, got)
		}
	}
	if got := askedApart("what input gives 32x32 output"); got != "what input gives 32x32 output" {
		t.Errorf("a prose question was changed: %q", got)
	}
}

// TestLooseAskedAnywhere: a chat follow-up puts its change after what was
// asked ("conv 3->64 3x3, params, with bias?"); the asked words are read
// wherever they are.
func TestLooseAskedAnywhere(t *testing.T) {
	for _, c := range []struct{ text, reads, asked string }{
		{"conv layer 3 to 64 channels 3x3, , params, with bias?", "conv 3x3 3->64 bias", "params"},
		{"conv 5x5 1 to 6, macs, input 28x28", "conv 5x5 1->6", "macs"},
	} {
		q, err := parseSpecLoose(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if got := Format(q); !strings.Contains(got, c.reads) || !slices.Contains(q.Asked, c.asked) {
			t.Errorf("%q: read as %q asking %v, want %q asking %s", c.text, got, q.Asked, c.reads, c.asked)
		}
	}
}

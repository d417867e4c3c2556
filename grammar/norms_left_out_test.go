package grammar

import (
	"strings"
	"testing"
)

// TestNormsLeftOut: words that leave the batch norms out of the count take
// them out of the reading; words that count them, or say nothing, keep
// them (torch 1.13: the two convs hold 864 + 18,432 = 19,296 parameters).
func TestNormsLeftOut(t *testing.T) {
	code := "stem = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64))\n"
	for _, c := range []struct {
		words string
		norms bool
	}{
		{"params excluding BN?", false},
		{"how many params, not counting the batchnorms?", false},
		{"ignoring the batch norm layers, how many params?", false},
		{"params with the batchnorm layers not counted?", false},
		{"how many params, batchnorm included?", true},
		{"how many params?", true},
		{"excluding BN running stats, how many params?", true},
		{"params, ignoring the bn's running mean and var?", true},
		{"how many params excluding batchnorm moving statistics?", true},
	} {
		q, err := Parse(code + c.words)
		if err != nil {
			t.Errorf("%q: %v", c.words, err)
			continue
		}
		if got := strings.Contains(q.Canonical, "batchnorm"); got != c.norms {
			t.Errorf("%q: read as\n%s\nbatch norms kept %v, want %v", c.words, q.Canonical, got, c.norms)
		}
	}
}

// TestShortTelling: a short clause that tells a value is said of the
// question before it, not asked on its own.
func TestShortTelling(t *testing.T) {
	for s, want := range map[string]bool{
		"expansion factor is 6 here": true,
		"batch size = 32":            true,
		"the stride is 2.":           true,
		"what is 6":                  false,
		"params of conv 3x3 64->128": false,
	} {
		if got := tells(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestWantedBack: the size the asker wants out is named as their own
// figure.
func TestWantedBack(t *testing.T) {
	for _, c := range []struct {
		before, after string
		want          bool
	}{
		{"my decoder doesn't give ", "x28 back, the loss", true},
		{"i want ", " out of it", true},
		{"it is supposed to be ", " wide", true},
		{"input ", "x28 images", false},
	} {
		if got := wantedBack(lastWords(c.before, 3), c.after); got != c.want {
			t.Errorf("%q…%q: %v, want %v", c.before, c.after, got, c.want)
		}
	}
}

package grammar

import "testing"

func TestYearCited(t *testing.T) {
	for _, c := range []struct {
		before, text string
		want         bool
	}{
		{"from the original paper (LeCun ", "98", true},
		{"Krizhevsky et al. ", "2012", true},
		{"the VGG paper (", "2014", true},
		{"ResNet ('", "15", true},
		{"a conv with ", "98", false},
		{"input ", "2012", false},
		{"LeCun ", "64", false},
	} {
		w := written{text: c.text, val: float64(atoiOr(c.text))}
		if got := yearCited(c.before, w); got != c.want {
			t.Errorf("yearCited(%q, %q) = %v, want %v", c.before, c.text, got, c.want)
		}
	}
}

func atoiOr(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

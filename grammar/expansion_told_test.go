package grammar

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestExpansionTold: an expansion factor told beside layers that expand by
// it is explained, so it leaves the reading sure; a factor no layer
// expands by, and other told values, stay unexplained.
func TestExpansionTold(t *testing.T) {
	block := []lang.Layer{{Layer: calc.Sequence{Layers: []calc.Layer{
		calc.Conv{Kernel: []int{1}, In: 16, Out: 96}, calc.Conv{Kernel: []int{1}, In: 96, Out: 16}}}}}
	for _, c := range []struct {
		words, n string
		why      bool
	}{
		{"expansion factor is 6 here. total params?", "6", true},
		{"expansion is 6. params?", "6", true},
		{"params? expand_ratio=6", "6", true},
		{"expansion factor is 4 here. total params?", "4", false},
		{"stride is 6 here. total params?", "6", false},
	} {
		q := &Question{Layers: block, Unused: []Unused{{Text: c.n}}}
		if got := withExpansionTold(c.words, q).Unused[0].Why != ""; got != c.why {
			t.Errorf("%q: explained %v, want %v", c.words, got, c.why)
		}
	}
}

package grammar

import (
	"strings"
	"testing"
)

// TestItemsWithoutNumbers reads list items that hold no number of their
// own as questions asked of the text before the list, not as words said
// of every question.
func TestItemsWithoutNumbers(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // each question's restatement holds this
	}{
		// 4·(3·3·1+1) = 40 parameters; 20-3+1 = 18.
		{"My prof's exercise: input 20x20 grayscale, 4 filters 3x3, stride 1, no padding. (a) how many parameters does the layer have (b) what is the output size?",
			[]string{"conv 3x3 1->4", "conv 3x3 1->4"}},
		// 16·(5·5·3+1) = 1,216; floor((64+2·2-5)/2)+1 = 32.
		{"layer: 16 filters 5x5 on 64x64x3, stride 2, pad 2. (a) params? (b) output shape?",
			[]string{"conv 5x5 3->16", "conv 5x5 3->16"}},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if len(qs) != len(c.want) {
			t.Errorf("%q: %d questions, want %d", c.src, len(qs), len(c.want))
			continue
		}
		for i, q := range qs {
			if !strings.Contains(q.Canonical, c.want[i]) {
				t.Errorf("%q: question %d reads %q, want %q", c.src, i+1, q.Canonical, c.want[i])
			}
		}
		if qs[0].Asked == nil || strings.Join(qs[0].Asked, ",") == strings.Join(qs[1].Asked, ",") {
			t.Errorf("%q: both questions ask %v", c.src, qs[0].Asked)
		}
	}
}

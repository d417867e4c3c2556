package grammar

import (
	"strings"
	"testing"
)

// TestOwnFigure names a number the asker says they answered as their own
// figure, not a number the reading cannot explain.
func TestOwnFigure(t *testing.T) {
	for _, c := range []struct {
		src, num string
	}{
		{"params of a 5x5 conv with 8 filters on rgb? I put 600 and it marked me wrong", "600"},
		{"3x3 conv 16->32 params, i entered 4608 but the grader says no", "4608"},
		{"output of a 7x7 kernel on 30x30? I wrote 23 on the quiz", "23"},
	} {
		var found bool
		for _, u := range account(c.src, &Question{}, map[float64]bool{}) {
			if u.Text == c.num {
				found = true
				if !strings.Contains(u.Why, "your own figure") {
					t.Errorf("%q: %s unused because %q, want the asker's own figure", c.src, u.Text, u.Why)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found as unused", c.src, c.num)
		}
	}
}

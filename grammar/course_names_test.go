package grammar

import "testing"

// TestCourseNames writes a course's names for sizes as the letters the
// English front-end reads, keeping every position, and leaves words that
// only look like them.
func TestCourseNames(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"n_H_prev = 28, f = 3", "W        = 28, f = 3"},
		{"W1=32, F=5", "W =32, F=5"},
		{"n_C_prev = 16, n_C = 32", "C        = 16, K   = 32"},
		{"D1: 3", "C : 3"},
		{"n_in = 5", "W    = 5"},
		{"hi: how many params", "hi: how many params"},
		{"win= 3", "win= 3"},
	} {
		got := courseNames(c.src)
		if got != c.want {
			t.Errorf("courseNames(%q) = %q, want %q", c.src, got, c.want)
		}
		if len(got) != len(c.src) {
			t.Errorf("courseNames(%q) moved positions: %d bytes for %d", c.src, len(got), len(c.src))
		}
	}
}

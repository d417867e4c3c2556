package grammar

import "testing"

// TestCourseNames writes a course's names for sizes as the letters the
// English front-end reads, keeping every position, and leaves words that
// only look like them.
func TestCourseNames(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"n_H_prev = 28, f = 3", "W        = 28, f = 3"},
		{"W1=32, F=5", "W =32, F=5"},
		{"n_C_prev = 16, n_C = 32, f = 3", "C        = 16, K   = 32, f = 3"},
		{"n_H = 64, n_W = 64, n_C = 3 input, conv with f = 5", "W   = 64, W   = 64, C   = 3 input, conv with f = 5"},
		{"transposed conv: n_in = 5, s = 2", "transposed conv: W    = 5, s = 2"},
		// No conv's settings: an MLP's names, a weight matrix.
		{"MLP with n_in = 784, h1 = 256, n_out = 10. params?", "MLP with n_in = 784, h1 = 256, n_out = 10. params?"},
		{"fc layer, W1 = 784x128 weight matrix, conv? no", "fc layer, W1 = 784x128 weight matrix, conv? no"},
		{"hi: how many params in a conv", "hi: how many params in a conv"},
		{"win= 3, conv", "win= 3, conv"},
		{"W1 = 40, D1 = 3, F = 5", "W  = 40, C  = 3, F = 5"},
		{"conv 3x3, dilation d1 = 2", "conv 3x3, dilation d1 = 2"},
		// CS231n's output volume asked by its names.
		{"W1=32, F=5, S=1. what are W2, H2, D2?", "W =32, F=5, S=1. what are output    ?"},
		{"W1=7 F=3 S=2 P=1, W2,H2?", "W =7 F=3 S=2 P=1, out  ?"},
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

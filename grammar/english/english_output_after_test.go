package english

import "testing"

// TestOutputNamedAfter: a three-sided size before "conv output" is the
// conv's output, counted as a tensor; a size before "conv" alone is its
// kernel.
func TestOutputNamedAfter(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"how many neurons in a 55x55x96 conv output, like total", "identity input 55x55x96"},
		{"how many activations in a 28x28x6 conv output", "identity input 28x28x6"},
		{"memory of a 55x55x96 conv output in float32", "identity input 55x55x96"},
		{"a 3x3 conv output on 32x32x3 with 16 filters: how many neurons", "conv 3x3 3->16 bias input 32x32"},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
	}
}

package grammar

import "testing"

// TestSameAt finds a follow-up said as the same thing again with a
// change, and nothing in a comparison of two designs.
func TestSameAt(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // the follow-up's text, "" for none
	}{
		{"nn.MaxPool2d(3, stride=2, ceil_mode=True) on 112 vs the same without ceil_mode?", "vs the same without ceil_mode?"},
		{"conv 3x3 64->64 on 32x32 versus the same layer but with stride 2", "versus the same layer but with stride 2"},
		{"a 5x5 conv vs two 3x3 convs", ""},
	} {
		got := ""
		if at := sameAt(c.src); at >= 0 {
			got = c.src[at:]
		}
		if got != c.want {
			t.Errorf("%q: follow-up %q, want %q", c.src, got, c.want)
		}
	}
}

package english

import (
	"slices"
	"testing"
)

// TestWithoutKeepClaims takes a size the asker says is kept out of the
// setup, and leaves one asked for.
func TestWithoutKeepClaims(t *testing.T) {
	for _, c := range []struct {
		src, setup string
		claims     []string
	}{
		{"conv 3x3 pad 1 on 28x28 keeps 28, what if", "conv 3x3 pad 1 on 28x28 , what if", []string{"28"}},
		{"a 3x3 conv on a 32x32 image stays at 32.", "a 3x3 conv on a 32x32 image .", []string{"32"}},
		{"3x3 dilation 6 on 33x33: what padding keeps 33?", "3x3 dilation 6 on 33x33: what padding keeps 33?", nil},
	} {
		setup, claims := withoutKeepClaims(c.src)
		if setup != c.setup || !slices.Equal(claims, c.claims) {
			t.Errorf("%q: %q %q, want %q %q", c.src, setup, claims, c.setup, c.claims)
		}
	}
}

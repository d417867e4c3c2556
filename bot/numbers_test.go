package bot

import (
	"math"
	"strings"
	"testing"
)

func TestGroup(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {18496, "18,496"}, {100000, "100,000"},
		{1234567, "1,234,567"}, {-1, "−1"}, {-1000, "−1,000"},
		{math.MaxInt64, "9,223,372,036,854,775,807"}, {math.MinInt64, "−9,223,372,036,854,775,808"},
	} {
		if got := group(c.n); got != c.want {
			t.Errorf("group(%d) = %q, want %q", c.n, got, c.want)
		}
		var b strings.Builder
		writeGroup(&b, c.n)
		if b.String() != c.want {
			t.Errorf("writeGroup(%d) wrote %q, want %q", c.n, b.String(), c.want)
		}
	}
}

package english

import "testing"

// TestFCPairStack reads fully connected layers said once, then a pair of
// sizes each, as one layer a pair; a count said that disagrees is no
// such reading.
func TestFCPairStack(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"fc 256->16 and 16->256, params?", "linear 256->16 bias\nlinear 16->256 bias"},
		{"dense 512->32 then 32->512, params", "linear 512->32 bias\nlinear 32->512 bias"},
		{"fc 512->256, 256->10 no bias, weights?", "linear 512->256 nobias\nlinear 256->10 nobias"},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
		} else if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
	}
	if q, err := ParseEnglish("three fc layers 256->16 and 16->256, params?"); err == nil && len(q.Layers) == 2 {
		t.Errorf("three fc layers said, two pairs: read as %q", q.Canonical)
	}
}

package english

import "testing"

// TestCountOfBias: "MACs (no bias)" leaves the layer its bias when the
// parameters are asked with theirs or not asked; "no bias" said of the
// layer, or of parameters and MACs together, leaves it out.
func TestCountOfBias(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"1x1 conv from 2048 to 512 channels on a 7x7 map. params (with bias) and MACs (no bias)?", "conv 1x1 2048->512 bias input 7x7"},
		{"conv 3x3 64->128 on 56x56, MACs without bias?", "conv 3x3 64->128 bias input 56x56"},
		{"conv 3x3 64->128 on 56x56: params and MACs (no bias)", "conv 3x3 64->128 nobias input 56x56"},
		{"conv 3x3 64->128 with no bias on 56x56: MACs?", "conv 3x3 64->128 nobias input 56x56"},
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

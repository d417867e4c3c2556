package lang

import "testing"

// TestCountBias: "no bias" said right after a MAC or FLOP count is the
// count's convention, and the layer keeps its bias, unless the parameters
// asked may be meant without it too.
func TestCountBias(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // the span's text, "" for none
	}{
		{"conv 1x1 2048->512 on 7x7: params (with bias) and MACs (no bias)?", " (no bias)"},
		{"conv 3x3 64->128 on 56x56, MACs without bias?", " without bias"},
		{"dense 512 -> 256: flops (no biases), params incl. bias?", " (no biases)"},
		{"conv 3x3 64->128: params including bias and MACs excluding bias", " excluding bias"},
		{"conv 3x3 64->128 s2 p1 on 56x56: MACs (bias not counted) and params (bias counted)", " (bias not counted)"},
		{"conv 3x3 64->128 on 56x56: params and MACs (no bias)", ""}, // the params may be meant without it
		{"conv 3x3 64->128 no bias on 56x56: MACs?", ""},             // said of the layer
		{"conv 3x3 64->128 on 56x56: MACs, and no bias in the conv, params?", ""},
	} {
		spans := CountBias(c.src)
		got := ""
		if len(spans) > 0 {
			got = c.src[spans[0][0]:spans[0][1]]
		}
		if got != c.want {
			t.Errorf("CountBias(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

package grammar

import (
	"testing"
)

// TestFixedAsked: an error message's fix asked about ("if I change that
// conv to take 1 channel") is answered with the fix applied, with the bias
// the words give, and the numbers the fix uses are not left unexplained.
// Counts checked with PyTorch: Conv2d(1, 32, 3, bias=False) has 288,
// Conv2d(1, 32, 3) 320, Conv2d(3, 64, 5, bias=False) 4,800, Conv2d(3,
// 64, 5) 4,864.
func TestFixedAsked(t *testing.T) {
	e1 := "RuntimeError: Given groups=1, weight of size [32, 3, 3, 3], expected input[4, 1, 64, 64] to have 3 channels, but got 1 channels instead"
	e2 := "RuntimeError: Given groups=1, weight of size [64, 1, 5, 5], expected input[16, 3, 28, 28] to have 1 channels, but got 3 channels instead"
	for _, c := range []struct {
		text   string
		params int64
	}{
		{e1 + ". if i change that conv to take 1 channel, how many params (bias=False)?", 288},
		{e1 + "\nif I change it to 1 input channel with no bias, how many parameters?", 288},
		{e1 + "\nif I change it to 1 input channel, how many params?", 320},
		{e2 + " — if I fix the conv to take 3 channels without bias, params?", 4800},
		{e2 + "\nif we change it to accept 3 channels, how many parameters?", 4864},
		{e2 + "\nafter fixing the conv, how many params does it have? it's bias-free", 4800},
	} {
		qs := readAll(t, c.text)
		q := qs[len(qs)-1]
		reports, ok := computed(q)
		if !ok || len(reports) == 0 {
			t.Errorf("%q: %s does not size", c.text, Format(q))
			continue
		}
		if got := reports[len(reports)-1].Params; got != c.params || unsure(q) {
			t.Errorf("%q: %s has %d params (doubts %q, unused %v), want %d and sure", c.text, Format(q), got, q.Doubts, q.Unused, c.params)
		}
	}
}

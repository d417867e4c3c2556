package english

import "github.com/cnnbot/cnnbot/grammar/lang"

// countOfBias reports whether the "no bias" at i is said of a MAC or FLOP
// count and not of the layer: "params (with bias) and MACs (no bias)"
// keeps the layer's bias (lang.CountBias).
func (r *enReader) countOfBias(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	at := r.toks[i].off
	for _, s := range lang.CountBias(r.src) {
		if at >= s[0] && at < s[1] {
			return true
		}
	}
	return false
}

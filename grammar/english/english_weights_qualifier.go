package english

import "strings"

// "connects to how many inputs (just weights no bias)": when the
// connections are asked, "weights" in brackets or after "just"/"only"
// says how to count them (the bias left out), not a second quantity;
// read as the layer's weights asked, the filter count was wanted and the
// question refused.

// weightsQualifier reports whether the weights word at i qualifies the
// connections asked (connect: a word of connecting is in the question).
func (r *enReader) weightsQualifier(i int, connect bool) bool {
	if !connect && !enLooksAtRE.MatchString(r.src) {
		return false
	}
	if i >= 3 && r.lem(i-1) == "many" && r.lem(i-2) == "how" && r.lem(i-3) == "to" {
		return true // "each neuron connects to how many weights": what it reads
	}
	prev := strings.ToLower(r.toks[max(i-1, 0)].raw)
	if i > 0 && (prev == "just" || prev == "only" || prev == "the" && i > 1 && strings.EqualFold(r.toks[i-2].raw, "just")) {
		return true
	}
	// "(weights, no bias)", "(weights only)": in brackets opened just before.
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if r.toks[j].raw == "(" {
			return true
		}
		if r.toks[j].kind != 'w' {
			break
		}
	}
	return false
}

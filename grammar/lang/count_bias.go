package lang

import "regexp"

// CountBias returns the byte spans of src that leave the bias out of a
// MAC or FLOP count rather than out of the layer: "params (with bias) and
// MACs (no bias)", "FLOPs without biases", "MACs, excluding bias". A
// multiply-accumulate count leaves the bias out by its own convention, so
// these words only name the convention; the layer keeps its bias unless
// the parameters asked may be meant without it too ("params and MACs (no
// bias)"), and then CountBias returns none. Each span runs from after
// the count word to the end of the qualifier, its brackets included.
func CountBias(src string) [][2]int {
	ms := countBiasRE.FindAllStringSubmatchIndex(src, -1)
	if len(ms) == 0 || paramsAskedRE.MatchString(src) && !paramsWithBiasRE.MatchString(src) {
		return nil
	}
	out := make([][2]int, len(ms))
	for i, m := range ms {
		out[i] = [2]int{m[2], m[3]}
	}
	return out
}

var (
	// countBiasRE matches a MAC or FLOP count and the words after it
	// that leave the bias out (group 1): "(no bias)", "without biases",
	// "(bias not counted)".
	countBiasRE = regexp.MustCompile(`(?i)\b(?:g?macs?|g?flops?|mult-?adds|multiply[- ]?(?:accumulates?|adds)|multiplications|madds)\b(\s*[(,:-]?\s*(?:(?:but|are|is|only)\s+)?(?:(?:no|without|w/o|excluding|excl\.?|ignoring|not\s+counting|minus)\s+(?:the\s+|any\s+)?bias(?:es)?\b|bias(?:es)?\s+(?:(?:is|are)\s+)?(?:not\s+(?:counted|included|incl\b)|excluded|ignored|omitted|left\s+out))\s*\)?)`)
	// paramsAskedRE matches a parameter count said; paramsWithBiasRE one
	// that says its bias is in: "params (with bias)", "parameters
	// including biases", "params incl. bias", "params (bias incl)".
	paramsAskedRE    = regexp.MustCompile(`(?i)\b(?:params?|parameters?|paramters|weights)\b`)
	paramsWithBiasRE = regexp.MustCompile(`(?i)\b(?:params?|parameters?|paramters|weights)\b[\s(,:-]*(?:(?:with|incl\w*\.?|including|plus|counting|\+)\s+(?:the\s+|its\s+)?bias(?:es)?\b|bias(?:es)?\s+(?:incl\w*|included|counted|too|in)\b)`)
)

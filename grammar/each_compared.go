package grammar

import "regexp"

// Pasted layers asked against each other are asked each:
//
//	a = nn.Conv2d(3, 16, 3)
//	b = nn.Conv2d(3, 16, 5)
//	which has more params?      how many params does each have?
//
// The answer is each layer's count, which the asker compares; their sum
// answers nothing asked.

// layersCompared matches a question that compares the pasted layers or
// asks each one: "which has more params", "which one is bigger", "does
// each have", "compare their params".
var layersCompared = regexp.MustCompile(`(?i)\bwhich\s+(?:one\s+|layer\s+|conv\s+|of\s+(?:them|the\s+two)\s+)?(?:has|have|needs?|uses?|is|would\s+have)\s+(?:more|fewer|less|the\s+most|the\s+fewest|the\s+least|bigger|smaller|larger|heavier|cheaper)\b|` +
	`\b(?:does|do|did|would|will)\s+each\s+(?:one\s+)?(?:have|has|need|use|take|cost)\b|\bcompare\s+(?:their\s+|the\s+)?(?:params|parameters|weights|param\s+counts?)\b`)

// eachCompared reports whether src compares the layers of a paste q, two
// to six of them answered each (eachLayer).
func eachCompared(src string, q *Question) bool {
	return q.Framework != "" && !q.Network && layersCompared.MatchString(src)
}

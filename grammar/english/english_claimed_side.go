package english

import (
	"regexp"
	"strings"
)

// A comparison may set the asked design against one whose count the asker
// already has: "SeparableConv2D(32, 3) on rgb, param #? vs a normal
// Conv2D(32,3) which is 896". That side is the asker's own, named and
// never answered; the question is the other side.

// claimedSide matches a side of a comparison given with the asker's own
// count: "vs a normal Conv2D(32,3) which is 896", "compared to the plain
// conv (that one has 896 params)".
var claimedSide = regexp.MustCompile(`(?i)[,;]?\s*\b(?:vs\.?|versus|compared\s+(?:to|with)|against)\s+([^?!\n]{1,80}?)[\s,(]*\b(?:which|that(?:\s+one)?|it|where\s+i\s+got)\s+(?:is|was|has|had|gives?|gave|comes?\s+to)\s+(\d[\d,]*)(?:\s*(?:params?|parameters|weights|macs|flops))?\)?[.?!]?\s*$`)

// ClaimedSide reads src as a question with, at its end, a side the asker
// gives their own count of: it returns the question without that side,
// the side as written and the count. ok is false when src ends with no
// such side or nothing is left to ask.
func ClaimedSide(src string) (rest, side, count string, ok bool) {
	if len(src) > enMaxLen {
		return "", "", "", false
	}
	m := claimedSide.FindStringSubmatchIndex(src)
	if m == nil {
		return "", "", "", false
	}
	rest = strings.TrimSpace(src[:m[0]])
	if !strings.ContainsAny(rest, "0123456789") {
		return "", "", "", false
	}
	return rest, strings.TrimSpace(src[m[2]:m[3]]), src[m[4]:m[5]], true
}

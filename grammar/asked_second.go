package grammar

import (
	"regexp"
	"slices"
	"strings"
)

// secondAsk matches a question asked after another one's question mark:
// "what padding keeps 33? and what size if i forget padding".
var secondAsk = regexp.MustCompile(`(?i)\?\s*(?:and\s+|also\s+|then\s+|plus\s+)?(?:what|how|which|whats|what's)\b[^?]*\w`)

// secondAskDoubted is q with a doubt when src asks a second question after
// a first one's question mark and q, read whole, asks at most one thing
// and has no doubt yet: one answer cannot be both, so the reply says "Not
// sure" rather than answer one with confidence. Pasted code is left to the
// paste reader, whose answers name each layer asked.
func secondAskDoubted(src string, q *Question) *Question {
	if q == nil || len(q.Doubts) > 0 || len(q.Asked) > 1 || strings.ContainsAny(src, "(\n") || !secondAsk.MatchString(src) {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), "the message asks a second question after the first, and this reading answers one")
	return &cp
}

package grammar

import (
	"regexp"
	"strconv"
)

// denseWidth matches the width a fully connected side is given, in the
// words after it names the kind: "fully connected hidden layer with 50
// neurons", "an FC layer of 100 units".
var denseWidth = regexp.MustCompile(`(?i)^[^.?;,]{0,40}?\b(?:with|of|having|has)\s+(\d+)\s+(?:hidden\s+)?(?:neurons|units|nodes|outputs)\b`)

// denseUnits is the width the words after a fully connected side's kind
// give it, or 0 when they give none (the side is the conv's output, each
// value fully connected).
func denseUnits(after string) int {
	m := denseWidth.FindStringSubmatch(after)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	return n
}

// twoAsks matches a question asked of two things in turn: "how many
// multiplications does the normal conv need and how many does the
// depthwise separable version need", "how many params? and how many for a
// normal 3x3 conv", "params? what about a plain conv", "params? and how
// many for a normal conv", "params? and a plain 5x5 conv?".
var twoAsks = regexp.MustCompile(`(?i)\bhow\s+(?:many|much)\b[^?]*(?:\?\s*)?\band\s+how\s+(?:many|much)\b|\?\s*(?:and\s+)?(?:what|how)\s+about\b|\?\s*and\s+(?:(?:for|with)\s+)?(?:an?|the)\b|\?\s*and\s+how\s+(?:many|much)\b`)

// askedOfTwoKinds reports whether src asks the same of a standard and a
// depthwise separable conv in turn, without a word that compares them.
func askedOfTwoKinds(src string) bool {
	return twoAsks.MatchString(src) && separableKind.MatchString(src) && plainKind.MatchString(src)
}

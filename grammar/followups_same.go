package grammar

import "regexp"

// A follow-up may be said as the same thing set beside the first with
// one change: "nn.MaxPool2d(3, stride=2, ceil_mode=True) on 112 vs the
// same without ceil_mode?", "versus the same layer but with stride 2",
// "compared to the same with no bias". It is read as any follow-up is:
// the first question with the change written in.

// sameBut matches where such a follow-up starts, its lead words
// included.
var sameBut = regexp.MustCompile(`(?i)\s(` + sameLead + `)`)

// sameLead is the lead of a follow-up said as the same again: "vs the
// same but", "versus the same layer", "compared to the same".
const sameLead = `(?:vs\.?|versus|compared\s+(?:to|with))\s+(?:the\s+)?same(?:\s+(?:thing|layer|one|pool|pooling|conv|setup|config))?\s*,?\s*(?:but\s+)?`

// sameAt is where a follow-up said as the same again starts in src, or
// -1.
func sameAt(src string) int {
	if m := sameBut.FindStringSubmatchIndex(src); m != nil {
		return m[2]
	}
	return -1
}

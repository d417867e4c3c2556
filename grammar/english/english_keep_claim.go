package english

import (
	"regexp"
	"strings"
)

// The asker may say what the setup gives as a size it keeps: "conv 3x3
// pad 1 on 28x28 keeps 28, what if stride 2?", "stride 1 stays at 128",
// "padding 1 preserves 56x56". The size is their own result for the
// setup as first described, as "gives 28" is; "what padding keeps 33?"
// asks for it, and is no claim.

// keepClaim matches a size said kept: "keeps 28", "stays at 56", "keeps
// it at 28x28", "preserves 56".
var keepClaim = regexp.MustCompile(`(?i)\b(?:keeps?|keeping|stays?|remains?|preserves?|maintains?)\s+(?:it\s+|the\s+(?:size|resolution)\s+)?(?:at\s+)?(\d+(?:\s*[x×]\s*\d+)?)\b(?:\s*,?\s*(?:right|correct|ok|fine|as\s+expected))?`)

// keepAsked matches the words before a kept size that make it asked:
// "what padding keeps", "which stride keeps", "how do I keep".
var keepAsked = regexp.MustCompile(`(?i)\b(?:what|which|how|whats|what's)\b[^.?!,;:\n]*$`)

// withoutKeepClaims takes the sizes the asker says the setup keeps out
// of setup and returns them as written; a kept size asked for stays.
func withoutKeepClaims(setup string) (string, []string) {
	var claims []string
	var b strings.Builder
	last := 0
	for _, m := range keepClaim.FindAllStringSubmatchIndex(setup, -1) {
		if keepAsked.MatchString(setup[:m[0]]) {
			continue
		}
		b.WriteString(setup[last:m[0]])
		claims = append(claims, setup[m[2]:m[3]])
		last = m[1]
	}
	b.WriteString(setup[last:])
	return withKeptInput(b.String(), claims), claims
}

// inputSaid matches an input size said in a setup: "on 28x28", "on a
// 32x32 image", "input 56", "224x224 images".
var inputSaid = regexp.MustCompile(`(?i)\b(?:on|input|inputs|images?|img|over)\s+(?:of\s+)?(?:an?\s+|the\s+)?\d+|\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?\s*(?:input|image|img|feature\s*map|px|pixels?)\b`)

// withKeptInput gives setup the first kept size as its input when it
// says no other: a size kept is the size going in as well as the size
// coming out ("conv 3x3 pad 1 keeps 28x28, what if pad 0").
func withKeptInput(setup string, claims []string) string {
	if len(claims) == 0 || inputSaid.MatchString(setup) {
		return setup
	}
	return strings.TrimRight(setup, " ,.;") + " on " + claims[0]
}

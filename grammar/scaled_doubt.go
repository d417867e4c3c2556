package grammar

import (
	"fmt"
	"regexp"
)

// A change said as a factor — "what if I double the stride", "halve the
// filters" — gives no number a reading could take, and no reader makes
// it. A reading of the setup as described answers another question: it
// says it is not sure.

// scaledSetting matches a setting changed by a factor.
var scaledSetting = regexp.MustCompile(`(?i)\b(?:double[ds]?|doubling|halve[ds]?|halving|triple[ds]?|tripling|quadruple[ds]?)\s+(?:the\s+|my\s+|its\s+|all\s+(?:the\s+)?)?(?:strides?|padding|pad|kernel(?:\s+size)?|filter\s+size|dilation|filters|channels|input(?:\s+size)?|image(?:\s+size)?|resolution|width|depth)\b`)

// scaledDoubt says that src changes a setting by a factor, or "".
func scaledDoubt(src string) string {
	m := scaledSetting.FindString(src)
	if m == "" {
		return ""
	}
	return fmt.Sprintf("the question changes a setting by a factor (%q), and this reading answers the setup as first described", m)
}

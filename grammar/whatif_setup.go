package grammar

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/paste"
)

// setupRead reads a what-if's setup. A setup that only states the asker's
// result ("conv 3x3 pad 1 on 56x56 keeps 56. what if stride 2") asks
// nothing in particular, and a conv whose filters are not said does not
// size until something asked lets them go; the result said is a size, so
// the setup is read again as asking its output size.
func setupRead(setup string, claims []string) (*Question, error) {
	q, err := Parse(setup)
	if err == nil || len(claims) == 0 {
		return q, err
	}
	asked := strings.TrimRight(strings.TrimSpace(setup), ".,;:!? ") + " output size"
	if q2, err2 := Parse(asked); err2 == nil && q2.Solve == nil {
		return q2, nil
	}
	return q, err
}

// keptSaid matches a size the asker says a setup keeps ("keeps 64",
// "stays at 32"): see english/english_keep_claim.go.
var keptSaid = regexp.MustCompile(`(?i)\b(?:keeps?|keeping|stays?|remains?|preserves?|maintains?)\s+(?:it\s+|the\s+(?:size|resolution)\s+)?(?:at\s+)?\d`)

// keptInCode reports whether src pastes one call, says the size it keeps,
// and asks the call again with a keyword's other value ("Conv2d(3, 32,
// 5, padding=2) on 64x64 keeps 64. what about padding=0?"): the paste
// reader answers both values, the one kept included.
func keptInCode(src string) bool {
	return keptSaid.MatchString(src) && paste.Several(src)
}

package grammar

import (
	"fmt"
	"regexp"
)

// A preset asked about in part — "VGG16's first three blocks", "the last
// two layers of resnet18" — and read as the whole network answers another
// question. Until such spans are read, the reading says it is not sure.

// presetSpan matches a span of a network's layers named by count.
var presetSpan = regexp.MustCompile(`(?i)\b(?:first|last|top|bottom)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:conv(?:olution(?:al)?)?\s+)?(?:blocks?|layers?|stages?|convs?)\b`)

// presetSpanDoubt says that src names a span of the preset q is read as
// whole, or "".
func presetSpanDoubt(src string, q *Question) string {
	if q.Preset == "" {
		return ""
	}
	m := presetSpan.FindString(src)
	if m == "" {
		return ""
	}
	return fmt.Sprintf("the question asks about part of %s (%q), and this reading is the whole network", q.Preset, m)
}

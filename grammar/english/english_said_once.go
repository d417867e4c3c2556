package english

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A comparison says a setting once for both sides: "5x5 conv 192->32 at
// 28x28 (same padding) directly vs 1x1 reduce to 16 first then 5x5" pads
// every conv the same way; no side is meant unpadded.

// paddingNumber matches a padding said as a number, of one layer: "pad
// 1", "padding=2", "p=1".
var paddingNumber = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*(?:=|of|is|:)?\s*\(?\d|\bp\s*=?\s*\d`)

// PaddingSaidOnce reads the padding a message comparing designs says once,
// as a word ("same padding", "no padding", "padding='valid'"), for every
// conv of every side. ok is false when the message says padding more than
// once, or as a number (said of one layer).
func PaddingSaidOnce(src string) (Change, bool) {
	if len(src) > enMaxLen || len(padWord.FindAllStringIndex(src, -1)) != 1 || paddingNumber.MatchString(src) {
		return Change{}, false
	}
	m := padWord.FindStringSubmatch(src)
	if m == nil {
		return Change{}, false
	}
	c := Change{Setting: "padding", Every: true, Mode: calc.PadValid, Said: strings.TrimSpace(m[0])}
	if strings.EqualFold(m[1]+m[2], "same") {
		c.Mode = calc.PadSame
	}
	return c, true
}

package paste

// A summary row quoted inside a sentence: "Keras summary shows `dense
// (Dense)  (None, 64)  1179712` right after Flatten", "torchsummary has
// `Linear-7  [-1, 256]  ???` there". The row is read as if it stood on its
// own line; the words around it stay the question's.

import (
	"regexp"
	"strings"
)

// inlineCodeRE is a span of inline code: `...`.
var inlineCodeRE = regexp.MustCompile("`([^`\n]+)`")

// inlineRowLine is line with everything but the first inline code span
// that row matches blanked out (spaces keep the span's columns), or line
// itself when the line is a row already or quotes none.
func inlineRowLine(line string, row *regexp.Regexp) string {
	if row.MatchString(line) || !strings.Contains(line, "`") {
		return line
	}
	for _, m := range inlineCodeRE.FindAllStringSubmatchIndex(line, -1) {
		span := line[m[2]:m[3]]
		if row.MatchString(span) {
			return strings.Repeat(" ", m[2]) + span
		}
	}
	return line
}

// inlineRowBlanked is line with its inline code spans blanked out, the
// words around them kept.
func inlineRowBlanked(line string) string {
	return inlineCodeRE.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
}

// tsBlankShapeRE is a torchsummary row whose output shape holds a ? to
// fill: "Conv2d-1  [-1, 20, ?, ?]  ???".
var tsBlankShapeRE = regexp.MustCompile(`(?m)\b[A-Z][A-Za-z0-9]*-\d+\s+\[\s*-1(?:\s*,\s*(?:\d+|\?+|_{2,}))*\s*,\s*(?:\?+|_{2,})\s*(?:,\s*(?:\d+|\?+|_{2,})\s*)*\]`)

// askBlankShape adds the output to what is asked when src pastes a
// summary row whose shape has a ? beside the layer's code ("Conv2d-1
// [-1, 20, ?, ?] ??? for nn.Conv2d(3, 20, 4, stride=2)"): the ? is a
// size the asker wants, whatever the words name.
func askBlankShape(src string, asked []string) []string {
	if !tsBlankShapeRE.MatchString(src) || contains(asked, "output") {
		return asked
	}
	if len(asked) == 0 {
		return []string{"output", "params"}
	}
	return append(asked, "output")
}

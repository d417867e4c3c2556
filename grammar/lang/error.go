package lang

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Position is a 1-based line and column (in runes) in the question's text.
// The zero Position means "unknown".
type Position struct {
	Line, Col int
}

// Error is a question the bot cannot answer as typed. Line and Col (1-based,
// columns in runes) locate the offending text; Layer is the 1-based index of
// the offending layer in a network (counting the layers after the input),
// or 0. Msg says what is wrong; Hint says what to type instead, ideally a
// whole example that works.
type Error struct {
	Line, Col int
	Layer     int
	Msg       string
	Hint      string
}

// Error reads "line:col: msg", as go/scanner's errors do.
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// Snippet draws the offending line of src with a caret under the column,
// or returns "" when the error has no position.
func (e *Error) Snippet(src string) string {
	if e.Line == 0 {
		return ""
	}
	lines := strings.Split(src, "\n")
	if e.Line > len(lines) {
		return ""
	}
	line := strings.TrimRight(lines[e.Line-1], "\r")
	col := e.Col
	if n := utf8.RuneCountInString(line); col > n+1 {
		col = n + 1
	}
	// Keep long lines readable: show at most 60 runes around the caret.
	runes := []rune(line)
	start := 0
	if col > 50 {
		start = col - 40
	}
	end := min(len(runes), start+70)
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(runes) {
		suffix = "…"
	}
	shown := prefix + string(runes[start:end]) + suffix
	pad := utf8.RuneCountInString(prefix) + col - 1 - start
	return shown + "\n" + strings.Repeat(" ", max(pad, 0)) + "^"
}

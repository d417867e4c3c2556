package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escaping user text for each medium. Questions are echoed (the snippet
// under a refusal, names in tables, words in messages), so whatever a user
// types must reach the screen as text: never as a terminal escape
// sequence, a right-to-left override that reorders what follows, a NUL
// byte, or Discord markdown that swallows the rest of the reply.

// unsafeRune reports whether r must not reach a terminal or a chat message
// as it is: C0 controls other than tab and newline, DEL, C1 controls (0x9B
// is CSI to some terminals), and the bidirectional controls that reorder
// text (Trojan Source, CVE-2021-42574).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == utf8.RuneError
}

// printable replaces every unsafe rune of s (and every byte that is not
// UTF-8) with U+FFFD, one rune for one, so that a caret under a snippet
// still points at the right column. It returns s itself when nothing needs
// replacing.
func printable(s string) string {
	i := unsafeIndex(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] { // invalid bytes come as RuneError, one each
		if unsafeRune(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeIndex is the byte index of the first unsafe rune in s, or -1.
func unsafeIndex(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) && !(r == utf8.RuneError && n == 3) { // a real U+FFFD is fine
			return i
		}
		i += n
	}
	return -1
}

// jsonSafe escapes, inside an encoding/json document, the runes the
// encoder leaves raw but a terminal would obey: DEL, C1 controls and the
// bidirectional controls, as \uXXXX. (The encoder already escapes C0
// controls and replaces bytes that are not UTF-8.)
func jsonSafe(doc []byte) []byte {
	if unsafeIndex(string(doc)) < 0 {
		return doc
	}
	out := make([]byte, 0, len(doc)+16)
	for _, r := range string(doc) {
		if unsafeRune(r) && r != utf8.RuneError {
			out = fmt.Appendf(out, `\u%04x`, r)
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// discordProse escapes s, a line of prose that may quote the question, for
// Discord markdown: backslashes, emphasis and spoiler marks (* ~ | and a
// doubled _; a single one inside a word, as in kernel_size, is left), the
// ]( of a masked link, and every backtick except those that pair up into a clean
// inline code span (`conv 3x3`, which the bot writes itself). A run of
// backticks such as ``` can then never open a code block that swallows the
// rest of the reply, and a masked link cannot be smuggled in.
func discordProse(s string) string {
	if !strings.ContainsAny(s, "\\*_~|`[]>#") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '`' {
			if end := codeSpanEnd(s, i); end > 0 {
				b.WriteString(s[i : end+1])
				i = end
				continue
			}
		}
		if strings.IndexByte("\\*~|`", c) >= 0 || c == ']' && i+1 < len(s) && s[i+1] == '(' || c == '_' && (i+1 < len(s) && s[i+1] == '_' || i > 0 && s[i-1] == '_') ||
			(c == '#' || c == '>') && lineStart(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// codeSpanEnd is the index of the backtick closing an inline code span
// opened at s[i], or -1: a lone backtick, then at least one character and
// no backtick, then a lone backtick.
func codeSpanEnd(s string, i int) int {
	if i > 0 && s[i-1] == '`' || i+1 >= len(s) || s[i+1] == '`' {
		return -1
	}
	j := strings.IndexByte(s[i+1:], '`')
	if j < 0 {
		return -1
	}
	end := i + 1 + j
	if end+1 < len(s) && s[end+1] == '`' || strings.IndexByte(s[i+1:end], '\n') >= 0 {
		return -1
	}
	return end
}

// lineStart reports whether s[i] starts a line, spaces aside.
func lineStart(s string, i int) bool {
	for i--; i >= 0 && s[i] == ' '; i-- {
	}
	return i < 0 || s[i] == '\n'
}

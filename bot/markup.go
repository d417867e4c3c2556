package bot

import "strings"

// markup is how a medium marks text up; the terminal and Discord share one
// walk over a Reply (explain) and differ only here.
type markup struct {
	strong string // bold text is wrapped in it: "**" on Discord
	quote  string // code is wrapped in it: "`" on Discord
	fence  string // a preformatted block is fenced with it: "```" on Discord,
	indent string // or each of its lines indented with it: a terminal's 4 spaces
	// escape, when set, escapes prose that may quote the question (see
	// discordProse); code and blocks are made safe by code and block.
	escape func(string) string
}

var plain = markup{indent: "    "}

// prose returns s, a line of prose that may quote the question, escaped
// for the medium.
func (m markup) prose(s string) string {
	if m.escape == nil {
		return s
	}
	return m.escape(s)
}

// code marks s up as code.
func (m markup) code(s string) string {
	var b strings.Builder
	m.writeCode(&b, s)
	return b.String()
}

// writeCode writes s to b, marked up as code.
func (m markup) writeCode(b *strings.Builder, s string) {
	if m.quote == "" {
		b.WriteString(s)
		return
	}
	b.WriteString(m.quote)
	if strings.Contains(s, m.quote) {
		s = strings.ReplaceAll(s, m.quote, "'")
	}
	b.WriteString(s)
	b.WriteString(m.quote)
}

// block marks s up as a preformatted block.
func (m markup) block(s string) string {
	var b strings.Builder
	m.writeBlock(&b, s)
	return b.String()
}

// writeBlock writes s to b, marked up as a preformatted block.
func (m markup) writeBlock(b *strings.Builder, s string) {
	m.openBlock(b)
	if m.fence != "" && strings.Contains(s, m.fence) {
		s = strings.ReplaceAll(s, m.fence, strings.Repeat("'", len(m.fence)))
	}
	writeIndented(b, s, m.indent)
	m.closeBlock(b)
}

// openBlock and closeBlock frame a preformatted block written between them
// (its lines indented with m.indent).
func (m markup) openBlock(b *strings.Builder) {
	if m.fence != "" {
		b.WriteString(m.fence)
		b.WriteByte('\n')
	}
}

func (m markup) closeBlock(b *strings.Builder) {
	if m.fence != "" {
		b.WriteByte('\n')
		b.WriteString(m.fence)
	}
}

// bold marks s up as bold.
func (m markup) bold(s string) string {
	if m.strong == "" {
		return s
	}
	return m.strong + s + m.strong
}

// writeBold writes s to b, marked up as bold.
func (m markup) writeBold(b *strings.Builder, s string) {
	b.WriteString(m.strong)
	b.WriteString(s)
	b.WriteString(m.strong)
}

// writeBoldGroup writes n to b, grouped and marked up as bold.
func (m markup) writeBoldGroup(b *strings.Builder, n int64) {
	b.WriteString(m.strong)
	writeGroup(b, n)
	b.WriteString(m.strong)
}

// writeIndented writes s to b with prefix before each of its lines.
func writeIndented(b *strings.Builder, s, prefix string) {
	if prefix == "" {
		b.WriteString(s)
		return
	}
	b.Grow(len(s) + len(prefix)*(strings.Count(s, "\n")+1))
	for {
		b.WriteString(prefix)
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
}

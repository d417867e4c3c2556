package bot

import (
	"strings"
	"unicode/utf8"
)

var discordMarkup = markup{strong: "**", quote: "`", fence: "```"}

// RenderMarkdown renders a reply for Discord: markdown within Discord's
// 2,000-character limit. When the whole answer is longer, the message
// holds a compact answer and the whole one is attached as answer.md.
func RenderMarkdown(r Reply) Message {
	msg := Message{Err: !r.OK(), Ephemeral: !r.OK() && r.Summary == nil && len(r.Reports) == 0}
	lines := explainLines(r, discordMarkup, true)
	full := strings.TrimSuffix(lines, "\n")
	if fitsRunes(full, MaxContent) {
		msg.Content = full
		return msg
	}
	compact := explain(r, discordMarkup, false)
	const attached = "\n*(the whole answer is attached: answer.md)*"
	if utf8.RuneCountInString(compact)+utf8.RuneCountInString(attached) > MaxContent {
		compact = truncateRunes(compact, MaxContent-utf8.RuneCountInString(attached)-10)
		if strings.Count(compact, "```")%2 == 1 {
			compact += "\n```"
		}
	}
	msg.Content = compact + attached
	msg.Files = []File{{Name: "answer.md", ContentType: "text/markdown; charset=utf-8", Data: []byte(lines)}}
	return msg
}

// fitsRunes reports whether s is at most n runes long, without counting
// them when its bytes already fit.
func fitsRunes(s string, n int) bool {
	switch {
	case len(s) <= n:
		return true
	case len(s) > utf8.UTFMax*n:
		return false
	}
	return utf8.RuneCountInString(s) <= n
}

func truncateRunes(s string, n int) string {
	if fitsRunes(s, n) {
		return s
	}
	rs := []rune(s)[:n]
	cut := string(rs)
	if i := strings.LastIndex(cut, "\n"); i > 0 {
		cut = cut[:i]
	}
	return cut + "\n…"
}

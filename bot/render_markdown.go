package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

var discordMarkup = markup{strong: "**", quote: "`", fence: "```", escape: discordProse}

// attachedNote ends a compact message whose whole answer is attached;
// unattachedNote replaces it when the upload failed.
const (
	attachedNote   = "\n*(the whole answer is attached: answer.md)*"
	unattachedNote = "\n*(the whole answer did not fit and could not be attached; `cnnbot ask` in a terminal prints it all)*"
)

// RenderMarkdown renders a reply for Discord: markdown within Discord's
// 2,000-character limit. When the whole answer is longer, the message
// holds a compact answer and the whole one is attached as answer.md, at
// most MaxAnswerBytes (what was cut is said in it). User text is escaped
// (see discordProse and printable).
func RenderMarkdown(r Reply) Message {
	msg := Message{Err: !r.OK(), Ephemeral: !r.OK() && r.Summary == nil && len(r.Reports) == 0}
	lines := printable(capAnswer(explainLines(r, discordMarkup, true)))
	full := strings.TrimSuffix(lines, "\n")
	if fitsRunes(full, MaxContent) {
		msg.Content = full
		return msg
	}
	compact := printable(explain(r, discordMarkup, false))
	if utf8.RuneCountInString(compact)+utf8.RuneCountInString(unattachedNote) > MaxContent {
		compact = truncateRunes(compact, MaxContent-utf8.RuneCountInString(unattachedNote)-10)
		if strings.Count(compact, "```")%2 == 1 {
			compact += "\n```"
		}
	}
	msg.Content = compact + attachedNote
	msg.Files = []File{{Name: "answer.md", ContentType: "text/markdown; charset=utf-8", Data: []byte(lines)}}
	return msg
}

// withoutFiles is msg for when its attachment could not be uploaded: the
// compact answer, saying the whole one is missing.
func withoutFiles(msg Message) Message {
	msg.Content = strings.TrimSuffix(msg.Content, attachedNote) + unattachedNote
	msg.Files = nil
	return msg
}

// capAnswer cuts s to at most MaxAnswerBytes at a line's end, saying what
// was cut. The table already stops at that size; this bounds the rest.
func capAnswer(s string) string {
	if len(s) <= MaxAnswerBytes {
		return s
	}
	const note = "… (the rest, %s, cut: an answer holds at most %s)\n"
	cut := s[:MaxAnswerBytes-200]
	if i := strings.LastIndexByte(cut, '\n'); i > 0 {
		cut = cut[:i+1]
	}
	return cut + fmt.Sprintf(note, byteSize(len(s)-len(cut)), byteSize(MaxAnswerBytes))
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

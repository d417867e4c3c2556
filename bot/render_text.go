package bot

// RenderText renders a reply for a terminal: plain text, every step and
// the whole table (at most MaxAnswerBytes). Control characters and
// bidirectional overrides the question held are shown as U+FFFD, never
// sent to the terminal.
func RenderText(r Reply) string {
	return printable(capAnswer(explainLines(r, plain, true)))
}

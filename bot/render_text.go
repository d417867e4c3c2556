package bot

// RenderText renders a reply for a terminal: plain text, every step and
// the whole table.
func RenderText(r Reply) string {
	return explainLines(r, plain, true)
}

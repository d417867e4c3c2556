package bot

import "fmt"

// renderMarkdown stands in for RenderMarkdown (render_markdown.go, being
// written on main) until it lands; it is deleted then.
func renderMarkdown(r Reply) Message {
	if !r.OK() {
		return Message{Content: "Sorry, I could not read that: " + r.Err.Error(), Err: true, Ephemeral: true}
	}
	return Message{Content: fmt.Sprintf("%+v", r)}
}

package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestEscapedForTheMedium: what a question holds reaches the asker as
// text — backticks cannot open a code block in the bold headline, and NUL
// bytes, terminal escape sequences and right-to-left overrides never reach
// a message, a terminal or a JSON document raw (issue 9, item 7).
func TestEscapedForTheMedium(t *testing.T) {
	b := bot.New(bot.Options{})
	questions := []string{
		"nn.Conv2d(3, 8, 3, padding='```@everyone')",
		"conv 3x3 3->8 \x00 stride 2",
		"conv 3x3 3->8 \x1b]0;pwned\x07 stride 2",
		"conv 3x3 3->8 stride \u202e2",
		"input 8x8x3\nblock a```b\x1b[2J\u202e { relu }",
		"covn 3x3 3->8 [click](https://example.com) **bold** ||spoiler||",
		"conv 3x3 3->8 \xff\xfe\x9b31m",
	}
	bad := []string{"\x00", "\x1b", "\x07", "\u202e", "\u009b", "\xff"}
	for _, q := range questions {
		r := b.Answer(context.Background(), q)
		msg := bot.RenderMarkdown(r)
		media := map[string]string{"discord": msg.Content, "text": bot.RenderText(r), "json": string(bot.RenderJSON(r))}
		for _, f := range msg.Files {
			media["attachment"] = string(f.Data)
		}
		for medium, out := range media {
			for _, c := range bad {
				if strings.Contains(out, c) {
					t.Errorf("%q: the %s reply holds %q raw:\n%s", q, medium, c, out)
				}
			}
		}
		inBlock := false
		for _, line := range strings.Split(msg.Content, "\n") {
			if line == "```" {
				inBlock = !inBlock
				continue
			}
			if inBlock {
				continue
			}
			if strings.Contains(line, "```") {
				t.Errorf("%q: a code fence inside a line of the Discord reply: %q", q, line)
			}
			if strings.Contains(line, "](") && !strings.Contains(line, `\](`) {
				t.Errorf("%q: a masked link in prose: %q", q, line)
			}
		}
	}
}

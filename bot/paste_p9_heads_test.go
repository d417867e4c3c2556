package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestPasteP9Heads answers the p9- questions of
// testdata/questions/code.jsonl (a summary row's blank said in words, a
// kernel asked from a row's count, an error message with the asker's fix
// after it, a Keras layer's input in the words) and checks that the
// reply's first Answer line holds the numbers asked, confidently.
func TestPasteP9Heads(t *testing.T) {
	b := bot.New(bot.Options{})
	n := 0
	readJSONL(t, "../testdata/questions/code.jsonl", func(line []byte) {
		var c pasteCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.ID, "p9-") {
			return
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			text := bot.RenderText(b.Answer(context.Background(), c.Text))
			if strings.HasPrefix(text, "Not sure") || strings.HasPrefix(text, "I can't") {
				t.Fatalf("not answered with confidence:\n%s", text)
			}
			head := answerLine(text)
			for _, want := range c.MustContain {
				if !containsNumber(head, want) {
					t.Errorf("first line %q lacks %d (%s)\n%s", head, want, c.Working, text)
				}
			}
		})
	})
	if n < 10 {
		t.Errorf("%d p9- cases; want at least 10", n)
	}
}

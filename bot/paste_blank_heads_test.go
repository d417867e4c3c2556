package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestPasteBlankHeads answers the p8- questions of
// testdata/questions/code.jsonl (a blank in a pasted summary, a view
// message's batch, a module applied several times, a Keras layer's input
// beside it) and checks that the reply's first Answer line holds the
// numbers asked, confidently: the blank, not the network's total.
func TestPasteBlankHeads(t *testing.T) {
	b := bot.New(bot.Options{})
	n := 0
	readJSONL(t, "../testdata/questions/code.jsonl", func(line []byte) {
		var c pasteCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.ID, "p8-") {
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
	if n < 22 {
		t.Errorf("%d p8- cases; want at least 22", n)
	}
}

package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestPasteHeads answers the code questions of our own whose first line
// must carry the numbers asked, and checks that the reply's first Answer
// line holds them, confidently: the p8- cases (a blank in a pasted
// summary, a view message's batch, a module applied several times, a
// Keras layer's input beside it) and the p9- cases (a summary row's blank
// said in words, a kernel asked from a row's count, an error message with
// the asker's fix after it, a Keras layer's input in the words) and the
// p10- cases (an ellipsis argument, a quoted count, Keras's Dense on the
// last axis, a summary row quoted inline or filled from the words, pools
// said for each conv, a checkpoint's mismatch asked from the model's side).
func TestPasteHeads(t *testing.T) {
	b := bot.New(bot.Options{})
	least := map[string]int{"p8-": 22, "p9-": 10, "p10-": 22} // cases of each prefix, at least
	n := map[string]int{}
	readJSONL(t, "../testdata/questions/code.jsonl", func(line []byte) {
		var c pasteCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		prefix, _, _ := strings.Cut(c.ID, "-")
		prefix += "-"
		if _, ok := least[prefix]; !ok {
			return
		}
		n[prefix]++
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
	for prefix, want := range least {
		if n[prefix] < want {
			t.Errorf("%d %s cases; want at least %d", n[prefix], prefix, want)
		}
	}
}

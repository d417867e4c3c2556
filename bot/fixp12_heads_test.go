package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// fixp12Case is a fixp12- row of testdata/questions/code.jsonl: Head holds
// the numbers the first Answer line must give with confidence, Wrong
// those of a misreading it must not give; Unsure
// asks for a reply that starts "Not sure" or refuses.
type fixp12Case struct {
	ID      string  `json:"id"`
	Text    string  `json:"text"`
	Head    []int64 `json:"head"`
	Wrong   []int64 `json:"wrong"`
	Unsure  bool    `json:"unsure"`
	Working string  `json:"working"`
}

// TestFixp12Heads answers the fixp12- cases (confident wrong answers of
// round 12's paste review: a Keras layer named again by its first
// arguments, "excluding BN running stats", a clause telling a value before
// the question, ...) and checks the first line: the numbers asked, or
// "Not sure" where the reading cannot tell
// (testdata/questions/fixp12_cases.py computes them with PyTorch).
func TestFixp12Heads(t *testing.T) {
	b := bot.New(bot.Options{})
	n := 0
	readJSONL(t, "../testdata/questions/code.jsonl", func(line []byte) {
		var c fixp12Case
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.ID, "fixp12-") {
			return
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			reply := b.Answer(context.Background(), c.Text)
			text := bot.RenderText(reply)
			unsure := !reply.OK() || strings.HasPrefix(text, "Not sure")
			if c.Unsure != unsure {
				t.Fatalf("%s\nunsure %v, want %v (%s):\n%s", c.Text, unsure, c.Unsure, c.Working, firstLine(text))
			}
			head := answerLine(text)
			for _, want := range c.Head {
				if !containsNumber(head, want) {
					t.Errorf("%s\nfirst line %q lacks %d (%s)", c.Text, head, want, c.Working)
				}
			}
			for _, bad := range c.Wrong {
				if containsNumber(head, bad) {
					t.Errorf("%s\nfirst line %q gives %d, a misreading (%s)", c.Text, head, bad, c.Working)
				}
			}
		})
	})
	if n < 10 {
		t.Errorf("%d fixp12- cases; want at least 10", n)
	}
}

package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestCardBeginsLikeTheConsole answers every question of the question
// corpora and checks that the Discord card begins as the console's reply
// does: a reading the console doubts ("Not sure I read this right") is
// doubted on the card too, and a fix to the asker's code comes before the
// numbers. A card that showed with confidence what the console doubts
// would hide a misreading from the very people the doubt is for.
func TestCardBeginsLikeTheConsole(t *testing.T) {
	b := bot.New(bot.Options{})
	var texts []string
	for _, path := range []string{"../testdata/questions/prose.jsonl", "../testdata/questions/code.jsonl", "../testdata/phrasings-hard.jsonl"} {
		readJSONL(t, path, func(line []byte) {
			var c struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(line, &c); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			texts = append(texts, c.Text)
		})
	}
	doubted, fixed := 0, 0
	for _, text := range texts {
		r := b.Answer(context.Background(), text)
		if !r.OK() || len(r.Answers) > 0 {
			continue
		}
		console := bot.RenderText(r)
		card := bot.RenderCard(r, "42").Content
		if strings.HasPrefix(console, "Not sure I read this right") {
			doubted++
			if !strings.HasPrefix(card, "**Not sure I read this right:**") {
				t.Errorf("the console doubts %.80q but the card does not:\n%s", text, card)
			}
		} else if strings.Contains(card, "Not sure") {
			t.Errorf("the card doubts %.80q but the console does not:\n%s", text, card)
		}
		if strings.Contains(console, "Fix:") {
			fixed++
			if !strings.HasPrefix(afterDoubts(card), "**Fix:**") {
				t.Errorf("the console fixes %.80q but the card does not, first:\n%s", text, card)
			}
		}
	}
	if doubted == 0 || fixed == 0 {
		t.Fatalf("the corpora hold %d doubted and %d fixed readings: the test checks nothing", doubted, fixed)
	}
	t.Logf("%d questions, %d doubted, %d fixed", len(texts), doubted, fixed)
}

// afterDoubts is a card's text after its "Not sure" paragraphs.
func afterDoubts(card string) string {
	for strings.HasPrefix(card, "**Not sure") {
		_, rest, ok := strings.Cut(card, "\n\n")
		if !ok {
			return ""
		}
		card = rest
	}
	return card
}

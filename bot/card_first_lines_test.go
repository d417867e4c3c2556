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
// doubted on the card too, a fix to the asker's code comes next, and the
// card's answer line is the console's. A card that showed with confidence
// what the console doubts, or the headline numbers in place of the bytes
// or the connections asked for, would mislead the very people the
// console's reply is careful with.
func TestCardBeginsLikeTheConsole(t *testing.T) {
	skipCorpusWhenShort(t)
	b := bot.New(bot.Options{})
	texts := corpusTexts(t)
	doubted, fixed, answered := 0, 0, 0
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
		rest := afterDoubts(card)
		if strings.Contains(console, "Fix:") {
			fixed++
			if !strings.HasPrefix(rest, "**Fix:**") {
				t.Errorf("the console fixes %.80q but the card does not, first:\n%s", text, card)
			}
			_, rest, _ = strings.Cut(rest, "\n\n")
		}
		if answer := answerLine(console); answer != "" {
			answered++
			if got, _, _ := strings.Cut(strings.ReplaceAll(rest, "**", ""), "\n"); got != answer {
				t.Errorf("%.80q: the console answers\n%s\nthe card\n%s", text, answer, got)
			}
		}
	}
	if doubted == 0 || fixed == 0 || answered == 0 {
		t.Fatalf("the corpora hold %d doubted, %d fixed and %d answered readings: the test checks nothing", doubted, fixed, answered)
	}
	t.Logf("%d questions: %d doubted, %d fixed, %d answered", len(texts), doubted, fixed, answered)
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

// answerLine is the console reply's "Answer:" line, or "".
func answerLine(console string) string {
	for _, line := range strings.Split(console, "\n") {
		if strings.HasPrefix(line, "Answer:") {
			return line
		}
	}
	return ""
}

// corpusTexts are the questions of the question corpora.
func corpusTexts(t *testing.T) []string {
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
	return texts
}

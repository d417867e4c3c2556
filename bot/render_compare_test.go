package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestComparedFirst answers a comparison on the first line, with the
// difference the asker asked for, before each side's working.
func TestComparedFirst(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, first string }{
		{"if i use 2 3x3 conv layers instead of one 5x5, how many params do i save with 64 channels in and out?",
			"Answer: 73,856 (73.9 k) vs 102,464 (102 k) learnable parameters: the first has 28,608 (28.6 k) fewer"},
		{"one 7x7 conv vs three 3x3 convs, 64 channels in and out, no bias",
			"Answer: 200,704 (201 k) vs 110,592 (111 k) learnable parameters: the first has 90,112 (90.1 k) more"},
	} {
		text := bot.RenderText(b.Answer(context.Background(), c.text))
		if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, c.first) {
			t.Errorf("%q:\nfirst line %q\nwant       %q…", c.text, first, c.first)
		}
	}
	// Two questions that compare nothing are answered side by side.
	text := bot.RenderText(b.Answer(context.Background(), "1) params of conv 3x3 3->16? 2) params of conv 5x5 16->32?"))
	if first, _, _ := strings.Cut(text, "\n"); first != "Answer: (1) learnable parameters = 448 — (2) learnable parameters = 12,832 (12.8 k)" {
		t.Errorf("two separate questions: first line %q, want each answered after its number", first)
	}
}

// TestAnswersCard renders a message of several questions as one Discord
// card: the comparison first, a line for each question, within Discord's
// limits (it panicked before: a card read the first question's notes).
func TestAnswersCard(t *testing.T) {
	b := bot.New(bot.Options{})
	for _, c := range []struct{ text, first string }{
		{"1) params of conv 3x3 3->16? 2) params of conv 5x5 16->32?", "**Q1** "},
		{"two 3x3 convs instead of a 5x5, 64 channels in and out: params saved?", "**Answer:** 73,856 (73.9 k) vs 102,464 (102 k)"},
	} {
		card := bot.RenderCard(b.Answer(context.Background(), c.text), "42")
		if !strings.HasPrefix(card.Content, c.first) || !strings.Contains(card.Content, "**Q2** ") {
			t.Errorf("%q: card content\n%s", c.text, card.Content)
		}
		if n := len([]rune(card.Content)); n > bot.MaxContent || len(card.Embeds) != 1 || len([]rune(card.Embeds[0].Description)) > 4096 {
			t.Errorf("%q: %d runes of content, %d embeds: over Discord's limits", c.text, n, len(card.Embeds))
		}
	}
}

// TestComparedAlike says a comparison whose sides come out alike is likely
// misread, first, instead of answering "the same".
func TestComparedAlike(t *testing.T) {
	b := bot.New(bot.Options{})
	side := b.Answer(context.Background(), "conv 3x3 64->64 bias")
	text := bot.RenderText(bot.Reply{Text: "this conv vs that conv", Answers: []bot.Reply{side, side}})
	if !strings.HasPrefix(text, "Not sure I read this right: both sides come out with 36,928") {
		t.Errorf("two sides alike answered as a comparison:\n%s", text)
	}
}

// TestAnswersUnsureFirst says first when one question of several is not
// read with confidence.
func TestAnswersUnsureFirst(t *testing.T) {
	b := bot.New(bot.Options{})
	sure := b.Answer(context.Background(), "conv 3x3 3->16 bias")
	doubted := b.Answer(context.Background(), "conv 3x3 3->16 bias")
	q := *doubted.Question
	q.Doubts = []string{"the question asks for the receptive field, and this reading does not answer it"}
	doubted.Question = &q
	text := bot.RenderText(bot.Reply{Text: "1) ... 2) ...", Answers: []bot.Reply{sure, doubted}})
	if !strings.HasPrefix(text, "Not sure I read this right: question 2 of 2") {
		t.Errorf("first line %q, want the doubt about question 2", strings.SplitN(text, "\n", 2)[0])
	}
}

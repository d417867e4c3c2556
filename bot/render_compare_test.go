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
	// Two questions that compare nothing get no comparison.
	text := bot.RenderText(b.Answer(context.Background(), "1) params of conv 3x3 3->16? 2) params of conv 5x5 16->32?"))
	if strings.HasPrefix(text, "Answer:") {
		t.Errorf("two separate questions answered as a comparison:\n%s", text)
	}
}

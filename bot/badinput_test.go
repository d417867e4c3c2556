package bot_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/bot"
)

// TestBadInput: anything a person can type gets a clear, specific refusal —
// what was wrong, where, and something that works — never a panic or a
// silent guess.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("input 32x32x3\n", 1) + strings.Repeat("relu\n", 5000)
	tests := []struct {
		name, question string
		msg            string // the refusal must contain this
		hint           string // and its hint this
		line, col      int
	}{
		{"unknown layer", "covn 3x3 32->64", `did you mean "conv"`, "conv", 1, 1},
		{"unknown option", "conv 3x3 32->64 strdie 2", `did you mean "stride"`, "stride", 1, 17},
		{"missing number", "conv 3x3 32->64 stride", "stride needs a number", "stride 2", 1, 17},
		{"missing kernel", "conv 32->64", "kernel size is missing", "conv 3x3", 1, 1},
		{"missing channels", "conv 3x3 stride 2", "output channels", "32->64", 1, 1},
		{"zero channels", "conv 3x3 0->64", "at least 1", "", 1, 10},
		{"zero kernel", "conv 0x3 3->64", "at least 1", "", 1, 6},
		{"negative padding", "conv 3x3 32->64 pad -1", "cannot be negative", "", 1, 17},
		{"zero input", "conv 3x3 3->8 input 0x32", "at least 1", "", 1, 21},
		{"groups do not divide", "conv 3x3 32->64 groups 3", "groups 3 does not divide the 32 input channels", "G must divide both", 1, 17},
		{"output shrinks below 1", "conv 7x7 3->8 stride 2 input 5x5", "floor((5 + 2·0 − 7) / 2) + 1", "larger input", 1, 30},
		{"overflow", "conv 16777216x16777216 16777216->16777216 input 16777216x16777216", "overflow", "", 1, 1},
		{"number too large", "conv 3x3 3->99999999999999999999999", "larger than any real layer", "", 1, 13},
		{"outpad too large", "deconv 3x3 16->8 stride 2 outpad 2", "smaller than the stride", "", 1, 27},
		{"pool padding", "maxpool 2 pad 2 input 8x8x3", "more than half the kernel", "kernel/2 = 1", 1, 11},
		{"channel mismatch", "input 32x32x3\nconv 3x3 4->8", "expects 4 input channels but the input has 3", "3->8", 2, 10},
		{"linear after a volume", "input 8x8x4\nlinear 10", "flat vector", "flatten", 2, 1},
		{"junk", strings.Repeat("#$%^&*", 500) + "€", "", "", 0, 0},
		{"too long", strings.Repeat("a", 10000), "10,000 characters long", "", 1, 4001},
		{"too many layers", long, "", "", 0, 0},
		{"empty", "   \n ", "empty", "conv", 0, 0},
		// A dimension count past 3 is refused before anything is sized or
		// formatted per dimension: Conv4294967296d once wrote its kernel
		// 4 billion times and took the process down.
		{"conv with 2^32 dimensions", "Conv4294967296d(3, 8, 3)", "1, 2 or 3 spatial dimensions, not 4294967296", "conv2d", 1, 1},
		{"conv with 10^7 dimensions", "Conv10000000d(3, 8, 3)", "1, 2 or 3 spatial dimensions, not 10000000", "conv2d", 1, 1},
		{"pool with 4 dimensions", "what is the output of MaxPool4d(2) on 8x8x3", "pooling has 1, 2 or 3 spatial dimensions, not 4", "", 1, 23},
	}
	b := bot.New(bot.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(context.Background(), tt.question)
			if r.OK() {
				t.Fatalf("answered %q; want a refusal", tt.question)
			}
			if r.Internal {
				t.Fatalf("an internal error (a bug) instead of a refusal: %v", r.Err.Msg)
			}
			if !strings.Contains(r.Err.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", r.Err.Msg, tt.msg)
			}
			if !strings.Contains(r.Err.Hint, tt.hint) {
				t.Errorf("hint %q does not suggest %q", r.Err.Hint, tt.hint)
			}
			if tt.line != 0 && (r.Err.Line != tt.line || r.Err.Col != tt.col) {
				t.Errorf("positioned at %d:%d, want %d:%d", r.Err.Line, r.Err.Col, tt.line, tt.col)
			}
			msg := bot.RenderMarkdown(r)
			if n := utf8.RuneCountInString(msg.Content); n > bot.MaxContent {
				t.Errorf("the Discord refusal is %d characters long", n)
			}
		})
	}
}

// FuzzAnswer: whatever is typed, Answer neither panics nor hits an internal
// error, and the Discord message fits in 2,000 characters.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{"conv 3x3 32->64 stride 2 pad 1", "input 32x32x3\nconv 3x3 8\nflatten\nlinear 10",
		"maxpool 2 input 9x9", "what?", "", "conv 3x3 3->8 input 1x1", "deconv 3 3->3 outpad 1 stride 2 input 2x2"} {
		f.Add(s)
	}
	b := bot.New(bot.Options{})
	f.Fuzz(func(t *testing.T, q string) { checkAnyAnswer(t, b, q) })
}

// checkAnyAnswer holds the promises every answer keeps, whatever was
// typed: no internal error (a recovered panic), a Discord message within
// 2,000 characters, and renderers that do not fail.
func checkAnyAnswer(t *testing.T, b *bot.Bot, q string) {
	t.Helper()
	r := b.Answer(context.Background(), q)
	if r.Internal {
		t.Fatalf("%q: internal error: %s", q, r.Err.Msg)
	}
	msg := bot.RenderMarkdown(r)
	if n := utf8.RuneCountInString(msg.Content); n > bot.MaxContent {
		t.Fatalf("%q: a %d-character Discord message", q, n)
	}
	bot.RenderText(r)
	bot.RenderJSON(r)
}

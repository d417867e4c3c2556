package bot_test

import (
	"context"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// BenchmarkResNet152 measures a whole answer to "resnet152" — parse (the
// preset's parsed form is cached after the first), compute the 500-odd
// layers, render — for Discord (compact table plus the whole answer
// attached) and for the terminal. Target on the development machine: ≤ 1 ms.
func BenchmarkResNet152(b *testing.B) {
	bt := bot.New(bot.Options{})
	if r := bt.Answer(context.Background(), "resnet152"); !r.OK() {
		b.Fatalf("refused: %v", r.Err)
	}
	b.Run("discord", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			msg := bot.RenderMarkdown(bt.Answer(context.Background(), "resnet152"))
			if len(msg.Files) != 1 {
				b.Fatal("no attachment")
			}
		}
	})
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = bot.RenderText(bt.Answer(context.Background(), "resnet152"))
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = bot.RenderJSON(bt.Answer(context.Background(), "resnet152"))
		}
	})
}

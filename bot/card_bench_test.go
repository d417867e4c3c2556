package bot_test

import (
	"context"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// BenchmarkCard measures an answer rendered as a Discord card, buttons
// included (the Picture button's test draws nothing), for one layer and a
// 150-layer network.
func BenchmarkCard(b *testing.B) {
	bt := bot.New(bot.Options{})
	for _, c := range []struct{ name, q string }{
		{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"},
		{"network150", network150()},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = bot.RenderCard(bt.Answer(context.Background(), c.q), "42")
			}
		})
	}
}

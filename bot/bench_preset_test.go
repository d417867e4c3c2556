package bot_test

import (
	"context"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// BenchmarkPresetAnswer is a preset answered after its first parse (the
// parse is cached): issue 10's budget is 1 ms for the Discord reply.
func BenchmarkPresetAnswer(b *testing.B) {
	bt := bot.New(bot.Options{})
	for _, name := range []string{"resnet50", "efficientnet_b0", "convnext_tiny", "resnet152"} {
		if r := bt.Answer(context.Background(), name); !r.OK() {
			b.Fatalf("%s refused: %v", name, r.Err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = bot.RenderMarkdown(bt.Answer(context.Background(), name))
			}
		})
	}
}

// BenchmarkPresetRender is a preset's Discord reply rendered from an
// answer already made: what a preset answer would cost once its summary
// is cached too (grammar/spec.PresetSummary), besides the cached parse.
func BenchmarkPresetRender(b *testing.B) {
	bt := bot.New(bot.Options{})
	for _, name := range []string{"resnet50", "efficientnet_b0", "convnext_tiny", "resnet152"} {
		r := bt.Answer(context.Background(), name)
		if !r.OK() {
			b.Fatalf("%s refused: %v", name, r.Err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = bot.RenderMarkdown(r)
			}
		})
	}
}

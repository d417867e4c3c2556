package bot_test

import (
	"context"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
	"github.com/cnnbot/cnnbot/grammar"
)

func BenchmarkZZ(b *testing.B) {
	for _, c := range []struct{ name, q string }{{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"}, {"net", network150()}} {
		b.Run(c.name+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				grammar.Parse(c.q)
			}
		})
		bt := bot.New(bot.Options{})
		b.Run(c.name+"/answer", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bt.Answer(context.Background(), c.q)
			}
		})
		r := bt.Answer(context.Background(), c.q)
		b.Run(c.name+"/render", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bot.RenderMarkdown(r)
			}
		})
	}
}

func BenchmarkZZR(b *testing.B) {
	bt := bot.New(bot.Options{})
	b.Run("answer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bt.Answer(context.Background(), "resnet152")
		}
	})
	r := bt.Answer(context.Background(), "resnet152")
	b.Run("md", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bot.RenderMarkdown(r)
		}
	})
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bot.RenderText(r)
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bot.RenderJSON(r)
		}
	})
}

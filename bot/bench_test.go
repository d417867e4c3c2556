package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// network150 is a 150-layer network in the spec language: 30 blocks of
// conv, batch norm, relu, conv, relu, then a head.
func network150() string {
	var b strings.Builder
	b.WriteString("input 224x224x3\n")
	n := 0
	for n < 145 {
		fmt.Fprintf(&b, "conv 3x3 32 pad 1\nbatchnorm\nrelu\nconv 1x1 32\nrelu\n")
		n += 5
	}
	b.WriteString("globalavgpool\nflatten\nlinear 1000\ndropout 0.5\nlinear 10\n")
	return b.String()
}

// BenchmarkAnswer measures a whole answer — parse, compute and render for
// Discord — for one layer and for a 150-layer network. Targets on the
// development machine: ≤ 20 µs and ≤ 1 ms.
func BenchmarkAnswer(b *testing.B) {
	cases := []struct{ name, q string }{
		{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"},
		{"network150", network150()},
	}
	bt := bot.New(bot.Options{})
	for _, c := range cases {
		if r := bt.Answer(context.Background(), c.q); !r.OK() {
			b.Fatalf("%s: refused: %v", c.name, r.Err)
		} else if c.name == "network150" && len(r.Summary.Rows) != 150 {
			b.Fatalf("network150 has %d layers", len(r.Summary.Rows))
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := bt.Answer(context.Background(), c.q)
				_ = bot.RenderMarkdown(r)
			}
		})
	}
}

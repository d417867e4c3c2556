package spec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/presets"
)

// BenchmarkGrammar measures participle's part of parsing alone (the
// spec grammar over the lexer's tokens) and the whole Parse, for one
// layer, a 150-layer network and a preset's text: where the time of a
// spec question goes before anything is sized.
func BenchmarkGrammar(b *testing.B) {
	var net strings.Builder
	net.WriteString("input 224x224x3\n")
	for range 29 {
		fmt.Fprintf(&net, "conv 3x3 32 pad 1\nbatchnorm\nrelu\nconv 1x1 32\nrelu\n")
	}
	net.WriteString("globalavgpool\nflatten\nlinear 1000\ndropout 0.5\nlinear 10\n")
	resnet50, _, _ := presets.Lookup("resnet50")
	for _, c := range []struct{ name, src string }{
		{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"},
		{"network150", net.String()},
		{"resnet50", resnet50},
	} {
		b.Run("participle/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parser().ParseString("", c.src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parse/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(c.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

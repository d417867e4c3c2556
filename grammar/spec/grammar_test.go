package spec

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestBraceOnNextLine: a block's { may open on the line after its header,
// and a line may follow a block's } on the same line.
func TestBraceOnNextLine(t *testing.T) {
	for _, c := range []struct{ split, joined string }{
		{"repeat 2\n{ relu }", "repeat 2 { relu }"},
		{"repeat 2 x\n{ relu }", "repeat 2 { relu }"},
		{"input 8x8x3\nresidual {\nconv 3x3 3 pad 1\n}\nshortcut\n\n{ conv 1x1 3 }", "input 8x8x3\nresidual { conv 3x3 3 pad 1 } shortcut { conv 1x1 3 }"},
		{"input 8x8x3\nblock stem\n{\nconv 3x3 3 pad 1; relu\n}", "input 8x8x3\nblock stem { conv 3x3 3 pad 1; relu }"},
	} {
		want, err := Parse(c.joined)
		if err != nil {
			t.Fatalf("%q: %v", c.joined, err)
		}
		got, err := Parse(c.split)
		if err != nil {
			t.Errorf("%q: %v", c.split, err)
			continue
		}
		if lang.Format(got) != lang.Format(want) {
			t.Errorf("%q reads as\n%s\nwant\n%s", c.split, lang.Format(got), lang.Format(want))
		}
	}
}

// TestSyntaxErrors: what participle cannot parse is refused in words a
// student understands, at the offending token.
func TestSyntaxErrors(t *testing.T) {
	for _, tt := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{"conv 3x3 32->", 1, 12, `"->" needs a number on each side`},
		{"conv 3x3 32-> stride 2", 1, 12, `"->" needs a number on each side`},
		{"conv 3x3 → 64 ->", 1, 15, `"->" needs a number on each side`},
		{"linear ->10", 1, 8, `"->" needs a number on each side`},
		{"32 conv", 1, 1, `a line starts with a layer's name, not "32"`},
		{"conv 3x3 3->4\n5x5", 2, 1, `a line starts with a layer's name, not "5"`},
		{"conv 3x3 3->4 )", 1, 15, `")" closes nothing`},
		{"conv (3, relu) 3->4", 1, 10, "brackets hold sizes only"},
		{"conv 3x3 3->4 $", 1, 15, `"$" is not part of the spec language`},
		{"repeat 2 { relu", 1, 16, "a block's { is not closed"},
		{"input 8x8x3\nrepeat 3 {\n  relu\n", 4, 1, "a block's { is not closed"},
	} {
		_, err := Parse(tt.src)
		e, ok := err.(*lang.Error)
		if !ok {
			t.Errorf("%q: error %v, want a *lang.Error", tt.src, err)
			continue
		}
		if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%q: %d:%d %s, want %d:%d %s", tt.src, e.Line, e.Col, e.Msg, tt.line, tt.col, tt.msg)
		}
	}
}

// TestGrammarPrints: help can show the grammar; it names the productions.
func TestGrammarPrints(t *testing.T) {
	g := Grammar()
	for _, production := range []string{"File", "Line", "Item", "Size", "Tuple", "Block"} {
		if !strings.Contains(g, production+" = ") {
			t.Errorf("the grammar has no production %s:\n%s", production, g)
		}
	}
}

// BenchmarkParse measures the spec language's parse alone (participle and
// lowering) for one layer, for a 150-layer network, and for a preset
// (parsed once, then served from the cache).
func BenchmarkParse(b *testing.B) {
	var net strings.Builder
	net.WriteString("input 224x224x3\n")
	for range 29 {
		net.WriteString("conv 3x3 32 pad 1\nbatchnorm\nrelu\nconv 1x1 32\nrelu\n")
	}
	net.WriteString("globalavgpool\nflatten\nlinear 1000\ndropout 0.5\nlinear 10\n")
	for _, c := range []struct{ name, src string }{
		{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"},
		{"network150", net.String()},
		{"preset", "resnet152"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(c.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWordsStartingWithX: a word that starts with x is one word; an x
// between numbers joins a size.
func TestWordsStartingWithX(t *testing.T) {
	_, err := Parse("conv 3x3 3->4 xyz")
	if e, ok := err.(*lang.Error); !ok || !strings.Contains(e.Msg, `"xyz"`) || e.Col != 15 {
		t.Errorf("conv 3x3 3->4 xyz: %v, want an error about \"xyz\" at 1:15", err)
	}
	q, err := Parse("conv 3 x 3 3->4 input 8 X 8")
	if err != nil || lang.Format(q) != "conv 3x3 3->4 bias input 8x8" {
		t.Errorf("conv 3 x 3 3->4 input 8 X 8: %v, %v", q, err)
	}
}

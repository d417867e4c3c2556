package spec

import (
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cnnbot/cnnbot/grammar/presets"
)

// scannerSeeds are texts where the two lexers could part: every rule's
// edges, Unicode, invalid UTF-8.
var scannerSeeds = []string{
	"", "3x3", "xyz", "x3", "Xa", "x_1", "×", "a*b", "-5", "-.5", ".5", "3.", "3.x", "1.2.3", "->", "=>", "= >", "- >",
	"→⟶", "⟶", "-", "--1", "-x", "x", "xx", "ﬁ", "é3", "Ⅻ", "a٣", "٣", "\xff", "a\xffb", "#c\nd", "# only", ";;\n\n", "\r\n,\t",
	"{}[]()", "k=3:4", "conv 3x3 32->64 stride=2, pad (1, 1) # c", "\u00a0x", "x\u0301", "_", "__x", "3x", "3xx3",
}

func tokens(t *testing.T, def lexer.Definition, src string) []lexer.Token {
	t.Helper()
	lx, err := def.(lexer.StringDefinition).LexString("", src)
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	var out []lexer.Token
	for {
		tok, err := lx.Next()
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		out = append(out, tok)
		if tok.EOF() {
			return out
		}
	}
}

func checkScanner(t *testing.T, src string) {
	want := tokens(t, ruleLexer(), src)
	got := tokens(t, scanner(), src)
	for i := 0; i < max(len(want), len(got)); i++ {
		if i >= len(want) || i >= len(got) || got[i] != want[i] {
			var g, w lexer.Token
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			t.Fatalf("%q: token %d is %#v, the rules give %#v", src, i, g, w)
		}
	}
}

// TestScannerMatchesRules checks that the hand-written scanner gives the
// tokens of lexerRules, position included, on every seed and preset.
func TestScannerMatchesRules(t *testing.T) {
	all := append(append(append([]string{}, scannerSeeds...), seeds...), blockSeeds...)
	for _, name := range presets.Names() {
		text, _, _ := presets.Lookup(name)
		all = append(all, text)
	}
	for _, src := range all {
		checkScanner(t, src)
	}
}

// FuzzScanner checks the scanner against lexerRules on any text.
func FuzzScanner(f *testing.F) {
	for _, s := range append(append([]string{}, scannerSeeds...), seeds...) {
		f.Add(s)
	}
	f.Fuzz(checkScanner)
}

// BenchmarkLex lexes one layer and the resnet152 preset with the rules'
// regular expressions and with the scanner.
func BenchmarkLex(b *testing.B) {
	text, _, _ := presets.Lookup("resnet152")
	for _, src := range []struct{ name, text string }{{"layer", "conv 3x3 32->64 stride 2 pad 1 bias input 56x56"}, {"resnet152", text}} {
		for _, def := range []struct {
			name string
			def  lexer.Definition
		}{{"rules", ruleLexer()}, {"scanner", scanner()}} {
			b.Run(src.name+"/"+def.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					lx, _ := def.def.(lexer.StringDefinition).LexString("", src.text)
					for tok, err := lx.Next(); err == nil && !tok.EOF(); tok, err = lx.Next() {
					}
				}
			})
		}
	}
}

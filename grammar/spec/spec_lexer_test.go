package spec

import (
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// specRegexLexer is the spec language's lexer written as participle's
// regexp rules: the definition specLexer implements by hand for speed.
var specRegexLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Comment", Pattern: `#[^\n]*`},
	{Name: "Sep", Pattern: `[\n;]`},
	{Name: "Space", Pattern: `[ \t\r,]+`},
	{Name: "Arrow", Pattern: `->|→|=>|⟶`},
	{Name: "Float", Pattern: `-?\d*\.\d+`},
	{Name: "Size", Pattern: `-?\d+(?:[ \t]*[xX×*][ \t]*-?\d+)*`},
	{Name: "Ident", Pattern: `[\p{L}_][\p{L}\p{N}_]*`},
	{Name: "Eq", Pattern: `[=:]`},
	{Name: "LBrace", Pattern: `\{`},
	{Name: "RBrace", Pattern: `\}`},
	{Name: "Open", Pattern: `[(\[]`},
	{Name: "Close", Pattern: `[)\]]`},
	{Name: "Junk", Pattern: `.`},
})

// FuzzSpecLexer checks the hand-written lexer against the regexp rules it
// implements: the same tokens, values and positions for any text.
func FuzzSpecLexer(f *testing.F) {
	for _, s := range specSeeds {
		f.Add(s)
	}
	for _, s := range []string{"3 x 3 x", "-", ".", "-.5", "5.", "3x-2", "→⟶=>", "a\xffb", "x3 3x", "56 × 56", "1*2 *3"} {
		f.Add(s)
	}
	names := map[lexer.TokenType]string{}
	for name, typ := range specRegexLexer.Symbols() {
		names[typ] = name
	}
	f.Fuzz(func(t *testing.T, src string) {
		want := []lexer.Token{}
		lx, err := specRegexLexer.LexString("", src)
		if err != nil {
			return // the regexp rules cover every rune; nothing to compare
		}
		for {
			tok, err := lx.Next()
			if err != nil {
				return
			}
			if n := names[tok.Type]; n == "Space" || n == "Comment" {
				continue
			}
			want = append(want, tok)
			if tok.EOF() {
				break
			}
		}
		got := specTokenize(src)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, the regexp rules give %d:\n%v\n%v", src, len(got), len(want), got, want)
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Value != w.Value || g.Pos.Line != w.Pos.Line || g.Pos.Column != w.Pos.Column || names[w.Type] != specNameOf(g.Type) {
				t.Fatalf("%q: token %d is %s %q at %d:%d, the regexp rules give %s %q at %d:%d",
					src, i, specNameOf(g.Type), g.Value, g.Pos.Line, g.Pos.Column, names[w.Type], w.Value, w.Pos.Line, w.Pos.Column)
			}
		}
	})
}

func specNameOf(t lexer.TokenType) string {
	for name, typ := range specSymbols() {
		if typ == t {
			return name
		}
	}
	return "?"
}

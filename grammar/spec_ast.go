package grammar

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The spec language's tokens, in the order they are tried. A size such as
// 3x3 or 56 x 56 x 3 is one token (the default lexer would read 3, x3);
// commas and spaces separate, a newline or ";" ends a layer.
var specLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Comment", Pattern: `#[^\n]*`},
	{Name: "Sep", Pattern: `[\n;]`},
	{Name: "Space", Pattern: `[ \t\r,]+`},
	{Name: "Arrow", Pattern: `->|→|=>|⟶`},
	{Name: "Float", Pattern: `-?\d*\.\d+`},
	{Name: "Size", Pattern: `-?\d+(?:[ \t]*[xX×*][ \t]*-?\d+)*`},
	{Name: "Ident", Pattern: `[\p{L}_][\p{L}\p{N}_]*`},
	{Name: "Eq", Pattern: `[=:]`},
	{Name: "Open", Pattern: `[(\[{]`},
	{Name: "Close", Pattern: `[)\]}]`},
	{Name: "Junk", Pattern: `.`},
})

// specFile is a whole question in the spec language:
//
//	File = (Line | Sep)* .
type specFile struct {
	Items []*specLine `parser:"( @@ | Sep )*"`
}

// specLine is one layer (or the input line):
//
//	Line = Ident Item* .
type specLine struct {
	Pos   lexer.Position
	Kind  string      `parser:"@Ident"`
	Items []*specItem `parser:"@@*"`
}

// specItem is one argument of a layer, in any order:
//
//	Item = Num | Tuple | Ident | "=" .
type specItem struct {
	Pos   lexer.Position
	Num   *specNum   `parser:"  @@"`
	Tuple *specTuple `parser:"| @@"`
	Word  string     `parser:"| @Ident"`
	Eq    bool       `parser:"| @Eq"`
}

// specNum is a number or size, with an optional output after an arrow:
//
//	Num = (Size | Float) ("->" Size)? .
type specNum struct {
	Pos   lexer.Position
	Value string          `parser:"@(Size | Float)"`
	Arrow bool            `parser:"( @Arrow"`
	Out   *specOutChannel `parser:"  @@ )?"`
}

// specOutChannel is the number after an arrow.
type specOutChannel struct {
	Pos   lexer.Position
	Value string `parser:"@Size"`
}

// specTuple is a parenthesised list, Python style: (2, 2).
//
//	Tuple = "(" Size* ")" .
type specTuple struct {
	Pos    lexer.Position
	Values []string `parser:"Open @Size* Close"`
}

var specParser = participle.MustBuild[specFile](
	participle.Lexer(specLexer),
	participle.Elide("Space", "Comment"),
)

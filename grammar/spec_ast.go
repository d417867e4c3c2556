package grammar

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// specFile is a whole question in the spec language:
//
//	File = (Line | Sep)* .
type specFile struct {
	Items []*specLine `parser:"( @@ | Sep )*"`
}

// specLine is one layer (or the input line), or a block with its body in
// braces — repeat 3 { ... }, residual { ... } shortcut { ... },
// concat { branch { ... } branch { ... } }:
//
//	Line = Ident Item* Body? .
type specLine struct {
	Pos   lexer.Position
	Kind  string      `parser:"@Ident"`
	Items []*specItem `parser:"@@*"`
	Body  *specBody   `parser:"@@?"`
}

// specBody is the lines of a block, in braces. A line may follow the
// closing brace on the same line (} shortcut {).
//
//	Body = "{" (Line | Sep)* "}" .
type specBody struct {
	Pos   lexer.Position
	Lines []*specLine `parser:"'{' ( @@ | Sep )* '}'"`
}

// specItem is one argument of a layer, in any order:
//
//	Item = Ident | Num | Tuple | "=" .
//	Num  = (Size | Float) ("->" Size)? .
//
// The alternatives are plain token captures, most frequent first: each
// alternative tried costs the parser a branch, and a nested struct costs
// it reflection, which were most of an answer's time. The number is
// gathered into num after the parse (see specGather).
type specItem struct {
	Pos   lexer.Position
	Word  string          `parser:"  @Ident"`
	Value string          `parser:"| ( @(Size | Float)"`
	Arrow bool            `parser:"    ( @Arrow"`
	Out   *specOutChannel `parser:"      @@ )? )"`
	Tuple *specTuple      `parser:"| @@"`
	Eq    bool            `parser:"| @Eq"`

	num *specNum // the number, with its arrow, when Value is set (not parsed: gathered)
}

// specNum is a number or size with an optional output after an arrow.
type specNum struct {
	Pos   lexer.Position
	Value string
	Arrow bool
	Out   *specOutChannel
}

// specGather fills in the num of every item of lines, in blocks too.
func specGather(lines []*specLine) {
	for _, l := range lines {
		if l == nil {
			continue
		}
		for _, it := range l.Items {
			if it.Value != "" {
				it.num = &specNum{Pos: it.Pos, Value: it.Value, Arrow: it.Arrow, Out: it.Out}
			}
		}
		if l.Body != nil {
			specGather(l.Body.Lines)
		}
	}
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

package spec

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The spec language's tokens, tried in this order at each position. The
// parser reads them with scanner (scanner.go), which gives the same tokens
// without a regular expression per rule; a test and a fuzz target hold
// the two together.
// Numbers come before words, and a word may start with x only when a
// letter follows, so 3x3 lexes as 3, x, 3 (not 3, x3) while xyz stays one
// word. Lowercase rules are dropped.
var lexerRules = []lexer.SimpleRule{
	{Name: "space", Pattern: `[ \t\r,]+`},
	{Name: "Sep", Pattern: `[\n;]`},
	{Name: "comment", Pattern: `#[^\n]*`},
	{Name: "Arrow", Pattern: `->|=>|→|⟶`},
	{Name: "Float", Pattern: `-?\d*\.\d+`},
	{Name: "Int", Pattern: `-?\d+`},
	{Name: "Ident", Pattern: `(?:[xX][\p{L}_]|[^\P{L}xX]|_)[\p{L}\p{N}_]*`},
	{Name: "X", Pattern: `[xX×*]`},
	{Name: "Eq", Pattern: `[=:]`},
	{Name: "Brace", Pattern: `[{}]`},
	{Name: "Open", Pattern: `[(\[]`},
	{Name: "Close", Pattern: `[)\]]`},
	{Name: "Junk", Pattern: `.`},
}

// file is a whole question: layers (or the input line, or settings), one a
// line; lines end at a newline or ";".
//
//	file = Sep* line* .
type file struct {
	Lines []*line `parser:"Sep* @@*"`
}

// line is one layer, the input line, a setting, or a block's header with
// its body. The body's "{" may open on the header's line or a later one,
// and another line may follow its "}" on the same line (} shortcut {).
//
//	line = Ident item* Sep* (block Sep*)? .
type line struct {
	Pos   lexer.Position
	Kind  string  `parser:"@Ident"`
	Items []*item `parser:"@@* Sep*"`
	Body  *block  `parser:"(@@ Sep*)?"`
}

// block is the lines of a block, in braces.
//
//	block = "{" Sep* line* "}" .
type block struct {
	Pos   lexer.Position
	Lines []*line `parser:"'{' Sep* @@* '}'"`
}

// item is one argument of a layer: a word (an option, a value such as
// same, the x of repeat 3 x), a size with the output channels after an
// arrow (32->64), a decimal, a tuple, or the "=" of stride=2.
//
//	item = size (Arrow size)? | Ident | X | Float | tuple | Eq .
//
// The alternatives start with different tokens, so their order changes
// nothing but speed: sizes, the commonest, are tried first.
type item struct {
	Pos   lexer.Position
	Size  *size  `parser:"  ( @@"`
	Out   *size  `parser:"    ( Arrow @@ )? )"`
	Word  string `parser:"| @Ident | @X"`
	Float string `parser:"| @Float"`
	Tuple *tuple `parser:"| @@"`
	Eq    bool   `parser:"| @Eq"`
}

// size is one number or several joined by x: 3, 3x3, 56 x 56 x 3.
//
//	size = Int ("x" Int)* .
type size struct {
	Pos  lexer.Position
	Nums []string `parser:"@Int ( X @Int )*"`
}

// tuple is a bracketed list of sizes, Python style: (2, 2) or [3, 3].
//
//	tuple = "(" size* ")" .
type tuple struct {
	Pos   lexer.Position
	Sizes []*size `parser:"Open @@* Close"`
}

// parser reads the spec language, built on first use so that a process
// that never reads the spec language does not pay for it. The lookahead
// lets a size end before an x that is not followed by a number
// (repeat 3 x { ... }).
var parser = sync.OnceValue(func() *participle.Parser[file] {
	return participle.MustBuild[file](
		participle.Lexer(scanner()),
		participle.UseLookahead(2),
	)
})

// Grammar is the spec language's grammar in EBNF, as participle prints it.
func Grammar() string { return parser().String() }

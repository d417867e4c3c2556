package grammar

import (
	"fmt"

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
//	Line = Ident Arg* Body? .
//	Arg  = Ident | Size | Float | "->" | "=" | "(" | ")" .
//
// The words of a line are matched but not captured: participle's
// reflection, per captured token, was most of an answer's time. The line's
// tokens (Tokens, which participle fills) are read after the parse
// (specGather): the first is the kind, and the shape of the rest — a
// number with its arrow (32->64), a bracketed tuple ((3, 3)) — is gathered
// with positioned errors.
type specLine struct {
	Pos    lexer.Position
	Head   bool      `parser:"Ident ( Ident | Size | Float | Arrow | Eq | Open | Close )*"` // matched, not captured: read from Tokens
	Body   *specBody `parser:"@@?"`
	Tokens []lexer.Token

	// Kind is the line's first word; Items are its arguments. Both are
	// gathered from Tokens (specGather), not captured by the parser.
	Kind  string
	Items []*specItem
}

// specBody is the lines of a block, in braces. A line may follow the
// closing brace on the same line (} shortcut {).
//
//	Body = "{" (Line | Sep)* "}" .
type specBody struct {
	Pos   lexer.Position
	Lines []*specLine `parser:"'{' ( @@ | Sep )* '}'"`
}

// specItem is one argument of a layer: a word, a number (with its output
// after an arrow), a tuple, or "=" (stride=2).
type specItem struct {
	Pos   lexer.Position
	Word  string
	Eq    bool
	Tuple *specTuple
	num   *specNum
}

// specNum is a number or size with an optional output after an arrow.
type specNum struct {
	Pos   lexer.Position
	Value string
	Arrow bool
	Out   *specOutChannel
}

// specOutChannel is the number after an arrow.
type specOutChannel struct {
	Pos   lexer.Position
	Value string
}

// specTuple is a parenthesised list, Python style: (2, 2).
type specTuple struct {
	Pos    lexer.Position
	Values []string
}

// specGather builds the Items of every line of lines, in blocks too, from
// the argument tokens the parser captured.
func specGather(lines []*specLine) error {
	for _, l := range lines {
		if l == nil {
			continue
		}
		l.Kind = l.Tokens[0].Value
		args := l.Tokens[1:]
		if l.Body != nil {
			for i, t := range args {
				if t.Pos.Offset == l.Body.Pos.Offset {
					args = args[:i]
					break
				}
			}
		}
		items, err := specItems(args)
		if err != nil {
			return err
		}
		l.Items = items
		if l.Body != nil {
			if err := specGather(l.Body.Lines); err != nil {
				return err
			}
		}
	}
	return nil
}

// specItems groups argument tokens into items:
//
//	Item = Ident | Num | Tuple | "=" .
//	Num  = (Size | Float) ("->" Size)? .
//	Tuple = "(" Size* ")" .
func specItems(toks []lexer.Token) ([]*specItem, error) {
	items := make([]*specItem, 0, len(toks))
	at := func(t lexer.Token, msg, hint string) error {
		return &Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: msg, Hint: hint}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		it := &specItem{Pos: t.Pos}
		switch t.Type {
		case specTokIdent:
			it.Word = t.Value
		case specTokEq:
			it.Eq = true
		case specTokSize, specTokFloat:
			it.num = &specNum{Pos: t.Pos, Value: t.Value}
			if i+1 < len(toks) && toks[i+1].Type == specTokArrow {
				if i+2 >= len(toks) || toks[i+2].Type != specTokSize {
					return nil, at(toks[i+1], fmt.Sprintf("%q needs a number on each side", toks[i+1].Value), "write channels as IN->OUT, e.g. 32->64")
				}
				it.num.Arrow = true
				it.num.Out = &specOutChannel{Pos: toks[i+2].Pos, Value: toks[i+2].Value}
				i += 2
			}
		case specTokOpen:
			it.Tuple = &specTuple{Pos: t.Pos}
			j := i + 1
			for ; j < len(toks) && toks[j].Type == specTokSize; j++ {
				it.Tuple.Values = append(it.Tuple.Values, toks[j].Value)
			}
			if j >= len(toks) || toks[j].Type != specTokClose {
				bad := t
				if j < len(toks) {
					bad = toks[j]
				}
				return nil, at(bad, "brackets hold sizes only, as in (3, 3), and must be closed", "kernel (3, 3) or 3x3")
			}
			i = j
		case specTokArrow:
			return nil, at(t, fmt.Sprintf("%q needs a number on each side", t.Value), "write channels as IN->OUT, e.g. 32->64")
		default: // a closing bracket with no opening one
			return nil, at(t, fmt.Sprintf("%q closes nothing", t.Value), "write a size as 3x3 or (3, 3)")
		}
		items = append(items, it)
	}
	return items, nil
}

var specParser = participle.MustBuild[specFile](
	participle.Lexer(specLexer),
	participle.Elide("Space", "Comment"),
)

package grammar

import (
	"fmt"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// specFile is a whole question in the spec language:
//
//	File = Line* .
//
// Line ends (newlines, ";") are not tokens of the parse: specFold has
// already used them to tell where each line's arguments end, and a line
// always starts with a word, so the lines need no separator between them.
type specFile struct {
	Items []*specLine `parser:"@@*"`
}

// specLine is one layer (or the input line), or a block with its body in
// braces — repeat 3 { ... }, residual { ... } shortcut { ... },
// concat { branch { ... } branch { ... } }:
//
//	Line = Ident Args? Body? .
//
// Args is one token: specFold folds a line's arguments into it before the
// parse (participle's reflection, per token, was most of an answer's
// time), and keeps the argument tokens aside. After the parse, specGather
// reads the kind from Tokens (which participle fills) and gathers the
// arguments' shape — a number with its arrow (32->64), a bracketed tuple
// ((3, 3)) — with positioned errors:
//
//	Arg  = Ident | Num | Tuple | "=" .
//	Num  = (Size | Float) ("->" Size)? .
//	Tuple = "(" Size* ")" .
type specLine struct {
	Pos    lexer.Position
	Head   bool      `parser:"Ident Args?"` // matched, not captured: read from Tokens
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
//	Body = "{" Line* "}" .
type specBody struct {
	Pos   lexer.Position
	Lines []*specLine `parser:"'{' @@* '}'"`
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

// specGather builds the Kind and Items of every line of lines, in blocks
// too, from the tokens the parser matched and the argument tokens specFold
// set aside (by the offset of their Args token).
func specGather(lines []*specLine, args map[int][]lexer.Token) error {
	for _, l := range lines {
		if l == nil {
			continue
		}
		l.Kind = l.Tokens[0].Value
		if len(l.Tokens) > 1 && l.Tokens[1].Type == specTokArgs {
			items, err := specItems(args[l.Tokens[1].Pos.Offset])
			if err != nil {
				return err
			}
			l.Items = items
		}
		if l.Body != nil {
			if err := specGather(l.Body.Lines, args); err != nil {
				return err
			}
		}
	}
	return nil
}

// specFold folds the arguments of each line — the tokens after a line's
// first word, up to the end of the line or a brace — into one Args token,
// and returns them by that token's offset. The line ends themselves are
// dropped.
func specFold(toks []lexer.Token) ([]lexer.Token, map[int][]lexer.Token) {
	out := make([]lexer.Token, 0, len(toks))
	args := map[int][]lexer.Token{}
	lineStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Type == specTokSep {
			lineStart = true
			continue
		}
		out = append(out, t)
		switch t.Type {
		case specTokLBrace, specTokRBrace:
			lineStart = true
			continue
		case specTokIdent:
			if !lineStart {
				break
			}
			j := i + 1
			for j < len(toks) && !specEndsArgs(toks[j].Type) {
				j++
			}
			if j > i+1 {
				first := toks[i+1]
				args[first.Pos.Offset] = toks[i+1 : j]
				out = append(out, lexer.Token{Type: specTokArgs, Value: first.Value, Pos: first.Pos})
				i = j - 1
			}
		}
		lineStart = false
	}
	return out, args
}

func specEndsArgs(t lexer.TokenType) bool {
	return t == specTokSep || t == specTokLBrace || t == specTokRBrace || t == specTokEOF
}

// specItems groups argument tokens into items:
//
//	Item = Ident | Num | Tuple | "=" .
//	Num  = (Size | Float) ("->" Size)? .
//	Tuple = "(" Size* ")" .
func specItems(toks []lexer.Token) ([]*specItem, error) {
	items := make([]*specItem, 0, len(toks))
	// One allocation each for the items and numbers of a line: the
	// pointers stay valid because neither slice outgrows its capacity.
	store := make([]specItem, 0, len(toks))
	nums := make([]specNum, 0, len(toks))
	at := func(t lexer.Token, msg, hint string) error {
		return &Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: msg, Hint: hint}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		store = append(store, specItem{Pos: t.Pos})
		it := &store[len(store)-1]
		switch t.Type {
		case specTokIdent:
			it.Word = t.Value
		case specTokEq:
			it.Eq = true
		case specTokSize, specTokFloat:
			nums = append(nums, specNum{Pos: t.Pos, Value: t.Value})
			it.num = &nums[len(nums)-1]
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
		case specTokClose:
			return nil, at(t, fmt.Sprintf("%q closes nothing", t.Value), "write a size as 3x3 or (3, 3)")
		default:
			return nil, at(t, fmt.Sprintf("%q is not part of the spec language", t.Value), specExample)
		}
		items = append(items, it)
	}
	return items, nil
}

var specParser = participle.MustBuild[specFile](
	participle.Lexer(specLexer),
	participle.Elide("Space", "Comment"),
)

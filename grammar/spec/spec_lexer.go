package spec

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the spec language.
const (
	specTokEOF lexer.TokenType = lexer.EOF - iota
	specTokComment
	specTokSep
	specTokSpace
	specTokArrow
	specTokFloat
	specTokSize
	specTokIdent
	specTokEq
	specTokLBrace
	specTokRBrace
	specTokOpen
	specTokClose
	specTokJunk
	specTokArgs  // a block header's arguments, folded into one token by specFold
	specTokLines // a run of plain lines, folded into one token by specFold
)

// specLexer is the spec language's lexer, written by hand (a regexp lexer
// tries every rule at every token, and was a fifth of a whole answer's
// time). It reads, in this order:
//
//	Comment  #[^\n]*                        (dropped)
//	Sep      [\n;]                          ends a layer
//	Space    [ \t\r,]+                      (dropped)
//	Arrow    -> | → | => | ⟶
//	Float    -?\d*\.\d+
//	Size     -?\d+([ \t]*[xX×*][ \t]*-?\d+)*  3x3 and 56 x 56 x 3 are one token
//	Ident    [\p{L}_][\p{L}\p{N}_]*
//	Eq       [=:]
//	LBrace {, RBrace }, Open ( [, Close ) ]
//	Junk     any other rune
var specLexer = &specLexDef{symbols: specSymbols()}

type specLexDef struct {
	symbols map[string]lexer.TokenType
}

// specSymbols names the token types. The map lives in specLexer, which the
// parser's initialisation depends on, so it is set before the parser is
// built (a package variable of its own might not be), and is made once:
// participle asks for it at every parse.
func specSymbols() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{"EOF": specTokEOF, "Comment": specTokComment, "Sep": specTokSep,
		"Space": specTokSpace, "Arrow": specTokArrow, "Float": specTokFloat, "Size": specTokSize, "Ident": specTokIdent,
		"Eq": specTokEq, "LBrace": specTokLBrace, "RBrace": specTokRBrace, "Open": specTokOpen, "Close": specTokClose, "Junk": specTokJunk, "Args": specTokArgs, "Lines": specTokLines}
}

// Symbols names the token types for the grammar.
func (d *specLexDef) Symbols() map[string]lexer.TokenType { return d.symbols }

// Lex lexes r.
func (d *specLexDef) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString lexes s.
func (*specLexDef) LexString(_ string, s string) (lexer.Lexer, error) {
	return &sliceLexer{toks: specTokenize(s)}, nil
}

// advance moves pos past v, a token's text, as pos.Advance does: only a
// newline token holds a newline, and most tokens are ASCII.
func advance(pos *lexer.Position, v string) {
	pos.Offset += len(v)
	if v == "\n" {
		pos.Line++
		pos.Column = 1
		return
	}
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			pos.Column += utf8.RuneCountInString(v)
			return
		}
	}
	pos.Column += len(v)
}

// specTokenize lexes src into tokens, spaces and comments dropped, ending
// with EOF.
func specTokenize(src string) []lexer.Token {
	toks := make([]lexer.Token, 0, len(src)/3+1)
	pos := lexer.Position{Line: 1, Column: 1}
	i := 0
	emit := func(typ lexer.TokenType, n int) {
		v := src[i : i+n]
		if typ != specTokSpace && typ != specTokComment {
			toks = append(toks, lexer.Token{Type: typ, Value: v, Pos: pos})
		}
		advance(&pos, v)
		i += n
	}
	digits := func(j int) int {
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		return j
	}
	blanks := func(j int) int {
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		return j
	}
	for i < len(src) {
		c := src[i]
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case c == '#':
			n := strings.IndexByte(src[i:], '\n')
			if n < 0 {
				n = len(src) - i
			}
			emit(specTokComment, n)
		case c == '\n' || c == ';':
			emit(specTokSep, 1)
		case c == ' ' || c == '\t' || c == '\r' || c == ',':
			j := i
			for j < len(src) && strings.IndexByte(" \t\r,", src[j]) >= 0 {
				j++
			}
			emit(specTokSpace, j-i)
		case strings.HasPrefix(src[i:], "->") || strings.HasPrefix(src[i:], "=>"):
			emit(specTokArrow, 2)
		case r == '→' || r == '⟶':
			emit(specTokArrow, size)
		case c == '-' || c == '.' || c >= '0' && c <= '9':
			j := i
			if c == '-' {
				j++
			}
			k := digits(j)
			if k < len(src) && src[k] == '.' && k+1 < len(src) && src[k+1] >= '0' && src[k+1] <= '9' {
				emit(specTokFloat, digits(k+1)-i)
				continue
			}
			if k == j { // a lone "-" or "."
				emit(specTokJunk, 1)
				continue
			}
			end := k
			for {
				m := blanks(end)
				x, xs := utf8.DecodeRuneInString(src[m:])
				if m >= len(src) || !(x == 'x' || x == 'X' || x == '×' || x == '*') {
					break
				}
				m = blanks(m + xs)
				if m < len(src) && src[m] == '-' {
					m++
				}
				if e := digits(m); e > m {
					end = e
					continue
				}
				break
			}
			emit(specTokSize, end-i)
		case r == '_' || unicode.IsLetter(r):
			j := i + size
			for j < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[j:])
				if !(r2 == '_' || unicode.IsLetter(r2) || unicode.IsNumber(r2)) {
					break
				}
				j += s2
			}
			emit(specTokIdent, j-i)
		case c == '=' || c == ':':
			emit(specTokEq, 1)
		case c == '{':
			emit(specTokLBrace, 1)
		case c == '}':
			emit(specTokRBrace, 1)
		case c == '(' || c == '[':
			emit(specTokOpen, 1)
		case c == ')' || c == ']':
			emit(specTokClose, 1)
		default:
			emit(specTokJunk, size)
		}
	}
	return append(toks, lexer.Token{Type: specTokEOF, Pos: pos})
}

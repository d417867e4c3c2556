package spec

import (
	"io"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// The spec language's lexer. lexerRules (grammar.go) say what the tokens
// are; scanner produces the same tokens by looking at each character's
// class once, where a rule-by-rule lexer tries up to 13 regular expressions
// at every position — the larger part of parsing one layer. A test and a
// fuzz target check that the two agree on every input.

// ruleLexer is the lexer built from lexerRules: the reference the scanner
// must agree with, and the source of the token types.
var ruleLexer = sync.OnceValue(func() *lexer.StatefulDefinition { return lexer.MustSimple(lexerRules) })

// scanDefinition is the scanner as a participle lexer definition.
type scanDefinition struct {
	symbols map[string]lexer.TokenType
	types   [numKinds]lexer.TokenType
}

// The token kinds, in lexerRules' order; space and comment are dropped.
type tokenKind int

const (
	kindSpace tokenKind = iota
	kindSep
	kindComment
	kindArrow
	kindFloat
	kindInt
	kindIdent
	kindX
	kindEq
	kindBrace
	kindOpen
	kindClose
	kindJunk
	numKinds
)

var scanner = sync.OnceValue(func() *scanDefinition {
	d := &scanDefinition{symbols: ruleLexer().Symbols()}
	for i, r := range lexerRules {
		d.types[i] = d.symbols[r.Name]
	}
	return d
})

// Symbols are lexerRules' token types.
func (d *scanDefinition) Symbols() map[string]lexer.TokenType { return d.symbols }

// Lex reads r whole and scans it.
func (d *scanDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString scans s.
func (d *scanDefinition) LexString(filename, s string) (lexer.Lexer, error) {
	return &scan{def: d, src: s, pos: lexer.Position{Filename: filename, Line: 1, Column: 1}}, nil
}

// LexBytes scans b.
func (d *scanDefinition) LexBytes(filename string, b []byte) (lexer.Lexer, error) {
	return d.LexString(filename, string(b))
}

// scan is one scanning of a text.
type scan struct {
	def *scanDefinition
	src string
	off int
	pos lexer.Position
}

// Next returns the next token that is not space or a comment.
func (s *scan) Next() (lexer.Token, error) {
	for s.off < len(s.src) {
		start, pos := s.off, s.pos
		kind := s.token()
		span := s.src[start:s.off]
		s.pos.Offset = s.off
		if span == "\n" {
			s.pos.Line++
			s.pos.Column = 1
		} else {
			s.pos.Column += utf8.RuneCountInString(span)
		}
		if kind == kindSpace || kind == kindComment {
			continue
		}
		return lexer.Token{Type: s.def.types[kind], Value: span, Pos: pos}, nil
	}
	return lexer.EOFToken(s.pos), nil
}

// token moves past the token at s.off and says its kind, trying the kinds
// in lexerRules' order.
func (s *scan) token() tokenKind {
	rest := s.src[s.off:]
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case r == ' ' || r == '\t' || r == '\r' || r == ',':
		s.off += spaceLen(rest)
		return kindSpace
	case r == '\n' || r == ';':
		s.off++
		return kindSep
	case r == '#':
		s.off += commentLen(rest)
		return kindComment
	}
	if n := arrowLen(rest); n > 0 {
		s.off += n
		return kindArrow
	}
	if n, float := numberLen(rest); n > 0 {
		s.off += n
		if float {
			return kindFloat
		}
		return kindInt
	}
	if n := identLen(rest); n > 0 {
		s.off += n
		return kindIdent
	}
	s.off += size
	return punctuation(r)
}

// punctuation is the kind of a one-character token.
func punctuation(r rune) tokenKind {
	switch r {
	case 'x', 'X', '×', '*':
		return kindX
	case '=', ':':
		return kindEq
	case '{', '}':
		return kindBrace
	case '(', '[':
		return kindOpen
	case ')', ']':
		return kindClose
	}
	return kindJunk
}

// spaceLen is the length of the run of [ \t\r,] that starts s.
func spaceLen(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t' || s[n] == '\r' || s[n] == ',') {
		n++
	}
	return n
}

// commentLen is the length of the comment that starts s: up to the newline.
func commentLen(s string) int {
	for n := 0; n < len(s); n++ {
		if s[n] == '\n' {
			return n
		}
	}
	return len(s)
}

// arrowLen matches ->|=>|→|⟶ at the start of s.
func arrowLen(s string) int {
	switch {
	case len(s) >= 2 && (s[0] == '-' || s[0] == '=') && s[1] == '>':
		return 2
	case len(s) >= 3 && (s[:3] == "→" || s[:3] == "⟶"):
		return 3
	}
	return 0
}

// numberLen matches -?\d*\.\d+ (a Float) or else -?\d+ (an Int) at the
// start of s; \d is ASCII, as in Go's regular expressions.
func numberLen(s string) (n int, float bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intEnd := i
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j > i+1 {
			return j, true
		}
	}
	if intEnd > digits {
		return intEnd, false
	}
	return 0, false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// identLen matches (?:[xX][\p{L}_]|[^\P{L}xX]|_)[\p{L}\p{N}_]* at the
// start of s: a word, which starts with x only when a letter follows (so
// 3x3 lexes as 3, x, 3).
func identLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == 'x' || r == 'X':
		next, m := utf8.DecodeRuneInString(s[n:])
		if m == 0 || !(unicode.IsLetter(next) || next == '_') {
			return 0
		}
		n += m
	case r == '_' || unicode.IsLetter(r):
	default:
		return 0
	}
	for n < len(s) {
		r, m := utf8.DecodeRuneInString(s[n:])
		if !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_') {
			break
		}
		n += m
	}
	return n
}

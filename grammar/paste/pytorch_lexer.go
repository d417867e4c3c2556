package paste

import (
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the paste lexer.
const (
	ptTokEOF lexer.TokenType = lexer.EOF - iota
	ptTokComment
	ptTokString
	ptTokDims
	ptTokNumber
	ptTokIdent
	ptTokOpen
	ptTokClose
	ptTokPunct
	ptTokOther
	ptTokCallee
)

// ptLexer is a hand-written, ordered lexer for pastes (a regexp lexer tries
// every rule at every token and was most of the parse time): comments,
// strings, `3x224x224` as one Dims token (the default lexer reads `3`,
// `x224x224`), numbers, dotted names, brackets and operators. Any other
// rune is a token of its own, so markdown fences, box-drawing table borders
// and emoji never stop it.
var ptLexer = ptLexDef{}

type ptLexDef struct{}

// Symbols names the token types for the grammar.
func (ptLexDef) Symbols() map[string]lexer.TokenType {
	// a literal, not a package variable: parsers built while the package's
	// variables are initialised call this before such a variable is set
	return map[string]lexer.TokenType{"EOF": ptTokEOF, "Comment": ptTokComment, "String": ptTokString, "Dims": ptTokDims,
		"Number": ptTokNumber, "Ident": ptTokIdent, "Open": ptTokOpen, "Close": ptTokClose, "Punct": ptTokPunct, "Other": ptTokOther, "Callee": ptTokCallee}
}

// Lex lexes r.
func (d ptLexDef) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString lexes s.
func (ptLexDef) LexString(filename string, s string) (lexer.Lexer, error) {
	return &ptSliceLexer{toks: ptTokenize(s, true)}, nil
}

// ptSliceLexer serves tokens already lexed.
type ptSliceLexer struct {
	toks []lexer.Token
	i    int
}

func (l *ptSliceLexer) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return l.toks[len(l.toks)-1], nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

func ptIsWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// ptTokenize lexes src, spaces dropped, ending with EOF; comments are kept
// when keepComments is set.
func ptTokenize(src string, keepComments bool) []lexer.Token {
	src = ptParamHash(src)
	toks := make([]lexer.Token, 0, len(src)/3+1)
	pos := lexer.Position{Line: 1, Column: 1}
	i := 0
	emit := func(typ lexer.TokenType, n int) {
		v := src[i : i+n]
		if typ != ptTokComment || keepComments {
			toks = append(toks, lexer.Token{Type: typ, Value: v, Pos: pos})
		}
		pos.Advance(v)
		i += n
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			j := i
			for j < len(src) && strings.IndexByte(" \t\n\r\f\v", src[j]) >= 0 {
				j++
			}
			pos.Advance(src[i:j])
			i = j
		case c == '#':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			emit(ptTokComment, j)
		case c == '"' || c == '\'' || (strings.IndexByte("rRbBfFuU", c) >= 0 && ptQuoteAfterPrefix(src, i) > 0):
			if n := ptStringLen(src, i); n > 0 {
				emit(ptTokString, n)
			} else if c == '"' || c == '\'' {
				emit(ptTokOther, 1)
			} else {
				emit(ptTokIdent, ptIdentLen(src, i))
			}
		case c >= '0' && c <= '9':
			if n := ptDimsLen(src, i); n > 0 {
				emit(ptTokDims, n)
				continue
			}
			emit(ptTokNumber, ptNumberLen(src, i))
		case c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			emit(ptTokNumber, ptNumberLen(src, i))
		case c == '(' || c == '[' || c == '{':
			emit(ptTokOpen, 1)
		case c == ')' || c == ']' || c == '}':
			emit(ptTokClose, 1)
		default:
			typ, n := ptWordOrSymbol(src, i)
			emit(typ, n)
		}
	}
	toks = append(toks, lexer.EOFToken(pos))
	return toks
}

// ptQuoteAfterPrefix is the length of a string prefix (r, b, f, rb, ...)
// directly followed by a quote, or 0.
func ptQuoteAfterPrefix(src string, i int) int {
	for n := 1; n <= 2 && i+n < len(src); n++ {
		c := src[i+n]
		if c == '"' || c == '\'' {
			if i > 0 {
				if r, _ := utf8.DecodeLastRuneInString(src[:i]); ptIsWord(r) {
					return 0
				}
			}
			return n
		}
		if strings.IndexByte("rRbBfFuU", c) < 0 {
			return 0
		}
	}
	return 0
}

// ptStringLen is the length of the string literal at i (with its prefix),
// or 0 when it is not terminated.
func ptStringLen(src string, i int) int {
	j := i + ptQuoteAfterPrefix(src, i)
	q := src[j]
	if strings.HasPrefix(src[j:], strings.Repeat(string(q), 3)) {
		end := strings.Index(src[j+3:], strings.Repeat(string(q), 3))
		if end < 0 {
			return 0
		}
		return j + 3 + end + 3 - i
	}
	for k := j + 1; k < len(src); k++ {
		switch src[k] {
		case '\\':
			k++
		case '\n':
			return 0
		case q:
			return k + 1 - i
		}
	}
	return 0
}

func ptIdentLen(src string, i int) int {
	j := i
	for {
		for j < len(src) {
			r, size := utf8.DecodeRuneInString(src[j:])
			if !ptIsWord(r) {
				break
			}
			j += size
		}
		// a dotted name: nn.Conv2d, tf.keras.layers.Dense
		if j+1 < len(src) && src[j] == '.' {
			if r, _ := utf8.DecodeRuneInString(src[j+1:]); r == '_' || unicode.IsLetter(r) {
				j++
				continue
			}
		}
		return j - i
	}
}

func ptNumberLen(src string, i int) int {
	j := i
	for j < len(src) && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	if j < len(src) && src[j] == '.' {
		j++
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && src[k] >= '0' && src[k] <= '9' {
			for k < len(src) && src[k] >= '0' && src[k] <= '9' {
				k++
			}
			j = k
		}
	}
	return j - i
}

// ptDigits is the end of the run of digits from j.
func ptDigits(src string, j int) int {
	for j < len(src) && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	return j
}

// ptDimsLen is the length of sizes written with x at i (3x224x224, 32 x
// 32, 28×28), or 0 when there is only one number.
func ptDimsLen(src string, i int) int {
	k, parts := ptDigits(src, i), 1
	for {
		m := k
		for m < len(src) && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		w := 0
		if m < len(src) && (src[m] == 'x' || src[m] == 'X') {
			w = 1
		} else if strings.HasPrefix(src[m:], "×") {
			w = len("×")
		}
		if w == 0 {
			break
		}
		m += w
		for m < len(src) && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		e := ptDigits(src, m)
		if e == m {
			break
		}
		k, parts = e, parts+1
	}
	if parts > 1 {
		if r, _ := utf8.DecodeRuneInString(src[k:]); k == len(src) || !ptIsWord(r) {
			return k - i
		}
	}
	return 0
}

// ptWordOrSymbol lexes a name (a Callee when a bracket follows on its
// line), an operator, or any other rune as a token of its own.
func ptWordOrSymbol(src string, i int) (lexer.TokenType, int) {
	r, size := utf8.DecodeRuneInString(src[i:])
	if r == '_' || unicode.IsLetter(r) {
		n := ptIdentLen(src, i)
		j := i + n
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && (src[j] == '(' || src[j] == '[') {
			return ptTokCallee, n
		}
		return ptTokIdent, n
	}
	if i+1 < len(src) {
		switch src[i : i+2] {
		case "**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=", "*=", "/=":
			return ptTokPunct, 2
		}
	}
	if strings.IndexByte("-+*/%=,:.;<>@&|^~!?", src[i]) >= 0 {
		return ptTokPunct, 1
	}
	return ptTokOther, size
}

// paramHashRE is Keras's summary column named in words: "the Param # of
// my Dense(64)", "param# is 0".
var paramHashRE = regexp.MustCompile(`(?i)\bparams?\s?#`)

// ptParamHash blanks the '#' of "Param #" (same length, so positions
// hold): it names Keras's column and starts no comment, and the words
// after it ("of my Dense(64) layer") are the question.
func ptParamHash(src string) string {
	if !strings.Contains(src, "#") {
		return src
	}
	return paramHashRE.ReplaceAllStringFunc(src, func(m string) string { return strings.Replace(m, "#", " ", 1) })
}

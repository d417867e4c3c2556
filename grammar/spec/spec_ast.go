package spec

import (
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The spec language's grammar, as participle reads it, is its block
// structure:
//
//	File  = Node* .
//	Node  = Lines | Ident Args? Block .
//	Block = "{" Node* "}" .
//
// Before the parse, specFold folds each run of plain lines (one layer a
// line, no braces) into one Lines token, and a block header's arguments
// into one Args token, and keeps their tokens aside: participle's
// reflection, per token and per line, was most of an answer's time. After
// the parse, specGather reads the lines back from those tokens, each line
// a word and its arguments:
//
//	Line = Ident Item* .
//	Item = Ident | Num | Tuple | "=" .
//	Num  = (Size | Float) ("->" Size)? .
//	Tuple = "(" Size* ")" .
type specFile struct {
	Nodes []*specNode `parser:"@@*"`
}

// specNode is a run of plain lines, or a block: repeat 3 { ... },
// residual { ... } shortcut { ... }, concat { branch { ... } ... }.
type specNode struct {
	Lines  bool       `parser:"  Lines"`          // matched, not captured: read from Tokens
	Block  *specBlock `parser:"| Ident Args? @@"` // the header's word and arguments are in Tokens
	Tokens []lexer.Token
}

// specBlock is a block's body in braces. A line may follow the closing
// brace on the same line (} shortcut {).
type specBlock struct {
	Pos   lexer.Position
	Nodes []*specNode `parser:"'{' @@* '}'"`
}

// specLine is one layer (or the input line, or a setting), or a block's
// header with its body: what lowering reads.
type specLine struct {
	Pos   lexer.Position
	Kind  string // the line's first word
	Items []*specItem
	Body  *specBody
	arena *specArena // where its items are, and room for its sizes' numbers
}

// specBody is the lines of a block.
type specBody struct {
	Pos   lexer.Position // of the "{"
	Lines []*specLine
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
	Out   specOutChannel // when Arrow
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

// specFold folds each run of plain lines into one Lines token and each
// block header's arguments into one Args token, returning the tokens for
// participle and, in the order of the text, the tokens each fold holds.
// A plain line starts with a word and ends at a newline, ";", "}" or the
// end; a line followed by "{" (on it or on the next line) is a block's
// header. Line ends
// are dropped; anything else (a line that starts with a number, say) is
// left for participle to report where it stands.
func specFold(toks []lexer.Token) ([]lexer.Token, [][]lexer.Token) {
	out := make([]lexer.Token, 0, 8)
	var folded [][]lexer.Token
	run := -1 // where the current run of plain lines starts, or -1
	runEnd := 0
	endRun := func() {
		if run >= 0 {
			first := toks[run]
			out = append(out, lexer.Token{Type: specTokLines, Value: first.Value, Pos: first.Pos})
			folded = append(folded, toks[run:runEnd])
			run = -1
		}
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.Type {
		case specTokSep:
			i++
			continue
		case specTokIdent:
			j := i + 1
			for j < len(toks) && !specEndsArgs(toks[j].Type) {
				j++
			}
			k := j // a block's { may open on a line of its own
			for k < len(toks) && toks[k].Type == specTokSep {
				k++
			}
			if k < len(toks) && toks[k].Type == specTokLBrace {
				endRun()
				out = append(out, t)
				if j > i+1 {
					first := toks[i+1]
					out = append(out, lexer.Token{Type: specTokArgs, Value: first.Value, Pos: first.Pos})
					folded = append(folded, toks[i+1:j])
				}
			} else {
				if run < 0 {
					run = i
				}
				runEnd = j
			}
			i = j
			continue
		}
		endRun()
		out = append(out, t)
		i++
	}
	endRun()
	return out, folded
}

func specEndsArgs(t lexer.TokenType) bool {
	return t == specTokSep || t == specTokLBrace || t == specTokRBrace || t == specTokEOF
}

// specGather reads back the lines of nodes from the tokens specFold set
// aside, which it takes from the front of *folded.
func specGather(nodes []*specNode, folded *[][]lexer.Token) ([]*specLine, error) {
	var lines []*specLine
	take := func(t lexer.Token) ([]lexer.Token, error) {
		if len(*folded) == 0 || (*folded)[0][0].Pos.Offset != t.Pos.Offset {
			return nil, &lang.Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: "I lost track of this line (a bug on my side)", Hint: lang.Example}
		}
		toks := (*folded)[0]
		*folded = (*folded)[1:]
		return toks, nil
	}
	for _, n := range nodes {
		if n == nil || len(n.Tokens) == 0 {
			continue
		}
		head := n.Tokens[0]
		if head.Type == specTokLines {
			toks, err := take(head)
			if err != nil {
				return nil, err
			}
			if lines, err = specRun(lines, toks); err != nil {
				return nil, err
			}
			continue
		}
		l := &specLine{Pos: head.Pos, Kind: head.Value}
		if len(n.Tokens) > 1 && n.Tokens[1].Type == specTokArgs {
			toks, err := take(n.Tokens[1])
			if err != nil {
				return nil, err
			}
			a := newSpecArena(toks)
			if l.Items, err = a.items(toks); err != nil {
				return nil, err
			}
			l.arena = a
		}
		if n.Block != nil {
			body, err := specGather(n.Block.Nodes, folded)
			if err != nil {
				return nil, err
			}
			l.Body = &specBody{Pos: n.Block.Pos, Lines: body}
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// specRun appends the lines of a run of plain lines, folded by specFold,
// to lines. The run's lines share their allocations.
func specRun(lines []*specLine, toks []lexer.Token) ([]*specLine, error) {
	n := 1
	for _, t := range toks {
		if t.Type == specTokSep {
			n++
		}
	}
	store := make([]specLine, 0, n)
	a := newSpecArena(toks)
	for len(toks) > 0 {
		end := 0
		for end < len(toks) && toks[end].Type != specTokSep {
			end++
		}
		if end > 0 {
			items, err := a.items(toks[1:end])
			if err != nil {
				return nil, err
			}
			store = append(store, specLine{Pos: toks[0].Pos, Kind: toks[0].Value, Items: items, arena: a})
			lines = append(lines, &store[len(store)-1])
		}
		if end < len(toks) {
			end++ // the line end
		}
		toks = toks[end:]
	}
	return lines, nil
}

// specArena holds the items of some lines in one allocation each: the
// pointers handed out stay valid because no slice outgrows its capacity,
// counted from the lines' tokens. ints has room for the numbers of their
// sizes, which lowering reads (specCursor.size).
type specArena struct {
	ptrs  []*specItem
	store []specItem
	nums  []specNum
	ints  []int
}

func newSpecArena(toks []lexer.Token) *specArena {
	items, nums, ints := 0, 0, 0
	for _, t := range toks {
		switch t.Type {
		case specTokSep:
		case specTokSize, specTokFloat:
			nums++
			items++
			ints++
			for _, r := range t.Value {
				if strings.ContainsRune(sizeSeparators, r) {
					ints++
				}
			}
		default:
			items++ // an over-count by the lines' first words: no matter
		}
	}
	return &specArena{ptrs: make([]*specItem, 0, items), store: make([]specItem, 0, items), nums: make([]specNum, 0, nums),
		ints: make([]int, 0, ints)}
}

// items groups one line's argument tokens into items (Item, above).
func (a *specArena) items(toks []lexer.Token) ([]*specItem, error) {
	start := len(a.ptrs)
	at := func(t lexer.Token, msg, hint string) error {
		return &lang.Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: msg, Hint: hint}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		a.store = append(a.store, specItem{Pos: t.Pos})
		it := &a.store[len(a.store)-1]
		switch t.Type {
		case specTokIdent:
			it.Word = t.Value
		case specTokEq:
			it.Eq = true
		case specTokSize, specTokFloat:
			a.nums = append(a.nums, specNum{Pos: t.Pos, Value: t.Value})
			it.num = &a.nums[len(a.nums)-1]
			if i+1 < len(toks) && toks[i+1].Type == specTokArrow {
				if i+2 >= len(toks) || toks[i+2].Type != specTokSize {
					return nil, at(toks[i+1], fmt.Sprintf("%q needs a number on each side", toks[i+1].Value), "write channels as IN->OUT, e.g. 32->64")
				}
				it.num.Arrow = true
				it.num.Out = specOutChannel{Pos: toks[i+2].Pos, Value: toks[i+2].Value}
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
			return nil, at(t, fmt.Sprintf("%q is not part of the spec language", t.Value), lang.Example)
		}
		a.ptrs = append(a.ptrs, it)
	}
	return a.ptrs[start:len(a.ptrs):len(a.ptrs)], nil
}

// specStructure parses the block structure of folded tokens (File, above)
// with participle. A question without blocks folds to one run of lines,
// whose parse is that one node, so it is made directly: participle's fixed
// cost per parse was a third of a one-layer question's. (FuzzSpecStructure
// checks that the two agree.)
func specStructure(toks []lexer.Token) ([]*specNode, error) {
	if specSingleRun(toks) {
		return []*specNode{{Tokens: toks[:1]}}, nil
	}
	plex, err := lexer.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return nil, err
	}
	file, err := specParser.ParseFromLexer(plex)
	if err != nil {
		return nil, err
	}
	return file.Nodes, nil
}

// specSingleRun reports whether folded tokens are one run of lines and
// nothing else.
func specSingleRun(toks []lexer.Token) bool {
	return len(toks) == 2 && toks[0].Type == specTokLines && toks[1].Type == specTokEOF
}

var specParser = participle.MustBuild[specFile](
	participle.Lexer(specLexer),
	participle.Elide("Space", "Comment"),
)

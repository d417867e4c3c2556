package spec

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// Parse reads the canonical spec language of design.md §1: one layer
// (with an optional `input HxW`), or a network — `input HxWxC` then one
// layer a line. Errors are [*lang.Error], positioned in src.
func Parse(src string) (*lang.Question, error) {
	toks, folded := specFold(specTokenize(src))
	nodes, err := specStructure(toks)
	if err != nil {
		return nil, specSyntaxError(src, err)
	}
	lines, err := specGather(nodes, &folded)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, &lang.Error{Line: 1, Col: 1, Msg: "there is no layer to size", Hint: lang.Example}
	}
	q := &lang.Question{}
	if k := kindOf(lines[0].Kind); k == "preset" || k == "show" || k == "usepreset" {
		return parsePreset(q, lines)
	}
	// Settings (batch 64, depth 2) may sit on lines of their own.
	kept := lines[:0:0]
	for _, l := range lines {
		if lang.SettingWords[strings.ToLower(l.Kind)] && kindOf(l.Kind) == "" {
			if err := settingLine(q, l); err != nil {
				return nil, err
			}
			continue
		}
		kept = append(kept, l)
	}
	if len(kept) == 0 {
		at := pos(lines[0].Pos)
		return nil, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s is a setting: there is no network to size", strings.ToLower(lines[0].Kind)),
			Hint: "put it after a network or a preset: resnet50 batch 64 (or batchnorm 64 for a layer)"}
	}
	lines = kept
	var inputLine *specLine
	if kindOf(lines[0].Kind) == "input" && lines[0].Body == nil {
		inputLine, lines = lines[0], lines[1:]
		q.Network = true
		if len(lines) == 0 {
			return nil, &lang.Error{Line: inputLine.Pos.Line, Col: inputLine.Pos.Column,
				Msg:  "the network has an input but no layers",
				Hint: "put one layer a line after it, e.g.\ninput 32x32x3\nconv 3x3 3->16 pad 1\nrelu"}
		}
	} else if len(lines) > 1 {
		q.Network = true
	}
	var singleInput *lang.Input
	leaves := int64(0)
	for i := 0; i < len(lines); {
		layer, in, used, err := lowerAt(lines, i, 0)
		if err != nil {
			if e, ok := err.(*lang.Error); ok && q.Network {
				e.Layer = len(q.Layers) + 1
			}
			return nil, err
		}
		if lang.IsBlock(layer.Layer) {
			q.Network = true
		}
		if leaves += calc.Leaves(layer.Layer, MaxLeaves); leaves > MaxLeaves {
			return nil, &lang.Error{Line: layer.Pos.Line, Col: layer.Pos.Col, Layer: len(q.Layers) + 1,
				Msg:  fmt.Sprintf("the network unrolls to more than %s single layers", lang.Group(MaxLeaves)),
				Hint: "repeat fewer times; the largest preset, resnet152, has about 500"}
		}
		if in != nil {
			if q.Network && (len(q.Layers) > 0 || inputLine != nil) {
				return nil, &lang.Error{Line: in.Pos.Line, Col: in.Pos.Col, Layer: len(q.Layers) + 1,
					Msg:  "inside a network only the first line gives the input size",
					Hint: "start the network with it: input 56x56x32"}
			}
			singleInput = in
		}
		q.Layers = append(q.Layers, layer)
		i += used
	}
	// A network's input line is read channels last; a single layer's input
	// clause is its spatial sizes, then optionally its channels.
	in, read := singleInput, lang.LayerInput
	if inputLine != nil {
		var err error
		if in, err = specInputOf(inputLine, q); err != nil {
			return nil, err
		}
		read = lang.NetworkInput
	}
	if in != nil {
		shape, note, err := read(in, q.Layers[0].Layer)
		if err != nil {
			return nil, err
		}
		q.Input = shape
		if note != "" {
			q.Notes = append(q.Notes, note)
		}
	}
	q.Canonical = lang.Format(q)
	return q, nil
}

func specInputOf(l *specLine, q *lang.Question) (*lang.Input, error) {
	c := &specCursor{line: l}
	in := &lang.Input{Pos: pos(l.Pos)}
	for it := c.next(); it != nil; it = c.next() {
		switch {
		case it.Word != "" && lang.SettingWords[strings.ToLower(it.Word)]:
			if it := c.peek(); it != nil && it.Eq {
				c.next()
			}
			if err := setting(q, strings.ToLower(it.Word), c.next(), pos(it.Pos)); err != nil {
				return nil, err
			}
		case it.num != nil && !it.num.Arrow && in.Nums == nil:
			nums, err := parseSize(it.num.Value, it.num.Pos)
			if err != nil {
				return nil, err
			}
			in.Nums, in.Pos = nums, pos(it.num.Pos)
		case it.Tuple != nil && in.Nums == nil:
			nums, err := parseTuple(it.Tuple)
			if err != nil {
				return nil, err
			}
			in.Nums, in.Pos = nums, pos(it.Tuple.Pos)
		case it.Word != "" && in.Nums != nil && lang.IsLayout(it.Word):
			in.Layout = strings.ToLower(it.Word)
		case it.Eq:
		default:
			return nil, c.unexpected(it, "the input line is input HxWxC, e.g. input 224x224x3")
		}
	}
	if in.Nums == nil {
		return nil, &lang.Error{Line: l.Pos.Line, Col: l.Pos.Column, Msg: "input needs its size",
			Hint: "write input HxWxC, e.g. input 224x224x3 (height × width × channels)"}
	}
	return in, nil
}

// specSyntaxError turns participle's error into a positioned *lang.Error with
// words a student understands.
func specSyntaxError(src string, err error) error {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return &lang.Error{Msg: err.Error(), Hint: lang.Example}
	}
	p := perr.Position()
	e := &lang.Error{Line: p.Line, Col: p.Column, Hint: lang.Example}
	var unexpected *participle.UnexpectedTokenError
	if errors.As(err, &unexpected) {
		tok := unexpected.Unexpected
		switch {
		case tok.EOF() && strings.Count(src, "{") > strings.Count(src, "}"):
			e.Msg = "a block's { is not closed"
			e.Hint = "close it with } on a line of its own, e.g. repeat 2 { conv 3x3 64 pad 1; relu }"
		case tok.EOF():
			e.Msg = "the question ends too early"
		case strings.ContainsAny(tok.Value, "->→=>⟶") && len([]rune(tok.Value)) <= 2:
			e.Msg = fmt.Sprintf("%q needs a number on each side", tok.Value)
			e.Hint = "write channels as IN->OUT, e.g. 32->64"
		case startsLine(src, tok.Pos.Offset):
			e.Msg = fmt.Sprintf("a line starts with a layer's name, not %q", tok.Value)
		default:
			e.Msg = fmt.Sprintf("%q is not part of the spec language", tok.Value)
		}
	} else {
		e.Msg = perr.Message()
	}
	if e.Line == 0 {
		e.Line, e.Col = 1, 1
	}
	return e
}

// startsLine reports whether only spaces stand between the start of a line
// (or a ";") and byte offset off of src.
func startsLine(src string, off int) bool {
	if off > len(src) {
		return false
	}
	before := strings.TrimRight(src[:off], " \t\r,")
	return before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, ";")
}

func pos(p lexer.Position) lang.Position { return lang.Position{Line: p.Line, Col: p.Column} }

// sizeSeparators separate the numbers of a size: 3x3, 3X3, 3×3, 3*3.
const sizeSeparators = "xX×*"

// parseSize reads "3", "3x3" or "56 x 56 x 3" (x, X, × or *).
func parseSize(s string, at lexer.Position) ([]int, error) {
	return appendSize(make([]int, 0, 4), s, at)
}

// appendSize appends the numbers of the size s to nums.
func appendSize(nums []int, s string, at lexer.Position) ([]int, error) {
	for rest := s; rest != ""; {
		part := rest
		if i := strings.IndexAny(rest, sizeSeparators); i >= 0 {
			_, size := utf8.DecodeRuneInString(rest[i:])
			part, rest = rest[:i], rest[i+size:]
		} else {
			rest = ""
		}
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		v, err := strconv.Atoi(part)
		if err != nil && strings.Contains(part, ".") {
			return nil, &lang.Error{Line: at.Line, Col: at.Column, Msg: fmt.Sprintf("%s is not a whole number: sizes and counts are", part), Hint: lang.Example}
		}
		if err != nil || v > calc.MaxSize || v < -calc.MaxSize {
			return nil, &lang.Error{Line: at.Line, Col: at.Column,
				Msg:  fmt.Sprintf("%s is larger than any real layer uses (the limit is %d)", part, calc.MaxSize),
				Hint: lang.Example}
		}
		nums = append(nums, v)
	}
	return nums, nil
}

func parseTuple(t *specTuple) ([]int, error) {
	var nums []int
	for _, v := range t.Values {
		n, err := parseSize(v, t.Pos)
		if err != nil {
			return nil, err
		}
		nums = append(nums, n...)
	}
	if len(nums) == 0 {
		return nil, &lang.Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: "empty brackets", Hint: "write a size such as 3x3 or (3, 3)"}
	}
	return nums, nil
}

// kindOf is the canonical name of a line's first word: a layer's kind,
// "input", "preset" for a preset's name, "show" or "usepreset".
func kindOf(word string) string {
	if k := lang.KindOf(word); k != "" {
		return k
	}
	if presets.Is(word) {
		return "preset"
	}
	return ""
}

// kindNames lists the canonical line words, for "did you mean".
func kindNames() []string {
	return append(lang.KindNames(), "preset")
}

// sliceLexer serves tokens already lexed.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return l.toks[len(l.toks)-1], nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

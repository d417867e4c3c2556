package spec

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/presets"
)

// Parse reads the canonical spec language of design.md §1: one layer
// (with an optional `input HxW`), or a network — `input HxWxC` then one
// layer a line. Errors are [*lang.Error], positioned in src.
func Parse(src string) (*lang.Question, error) {
	if startsWithUnknownNetwork(src) {
		return nil, UnknownNetwork(src)
	}
	if w := firstNetWord(src); strings.Contains(w, "-") {
		if name, ok := presets.Spelled(w); ok {
			line, col := lang.RunePosition(src, utf8.RuneCountInString(src[:strings.Index(src, w)]))
			return nil, &lang.Error{Line: line, Col: col, Msg: fmt.Sprintf("%s is the preset %s: write its name as one word", w, name), Hint: name}
		}
	}
	f, err := parser().ParseString("", src)
	if err != nil {
		return nil, syntaxError(src, err)
	}
	lines := f.Lines
	if len(lines) == 0 {
		return nil, &lang.Error{Line: 1, Col: 1, Msg: "there is no layer to size", Hint: lang.Example}
	}
	q := &lang.Question{}
	if k := kindOf(lines[0].Kind); k == "preset" || k == "show" || k == "usepreset" {
		return parsePreset(q, lines)
	}
	if lines, err = settingsApart(q, lines); err != nil {
		return nil, err
	}
	var inputLine *line
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
	in, err := lowerLines(q, lines, inputLine != nil)
	if err != nil {
		return nil, err
	}
	if err := readInput(q, in, inputLine); err != nil {
		return nil, err
	}
	q.Canonical = lang.Format(q)
	return q, nil
}

// settingsApart reads the settings (batch 64, depth 2), which may sit on
// lines of their own, into q and returns the other lines.
func settingsApart(q *lang.Question, lines []*line) ([]*line, error) {
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
	return kept, nil
}

// lowerLines turns the lines after any input line into q's layers, and
// returns a single layer's input clause, if it has one.
func lowerLines(q *lang.Question, lines []*line, inputLine bool) (*lang.Input, error) {
	var single *lang.Input
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
			if q.Network && (len(q.Layers) > 0 || inputLine) {
				return nil, &lang.Error{Line: in.Pos.Line, Col: in.Pos.Col, Layer: len(q.Layers) + 1,
					Msg:  "inside a network only the first line gives the input size",
					Hint: "start the network with it: input 56x56x32"}
			}
			single = in
		}
		q.Layers = append(q.Layers, layer)
		i += used
	}
	return single, nil
}

// readInput sets q's input shape. A network's input line is read channels
// last; a single layer's input clause is its spatial sizes, then
// optionally its channels.
func readInput(q *lang.Question, in *lang.Input, inputLine *line) error {
	read := lang.LayerInput
	if inputLine != nil {
		var err error
		if in, err = inputOf(inputLine, q); err != nil {
			return err
		}
		read = lang.NetworkInput
	}
	if in == nil {
		return nil
	}
	shape, note, err := read(in, q.Layers[0].Layer)
	if err != nil {
		return err
	}
	q.Input = shape
	if note != "" {
		q.Notes = append(q.Notes, note)
	}
	return nil
}

// inputOf reads a network's input line: input 224x224x3 [hwc|chw] and any
// settings (batch 64).
func inputOf(l *line, q *lang.Question) (*lang.Input, error) {
	c := &cursor{line: l}
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
		case it.plain() && in.Nums == nil:
			nums, err := it.ints()
			if err != nil {
				return nil, err
			}
			in.Nums, in.Pos = nums, pos(it.Pos)
		case it.Tuple != nil && in.Nums == nil:
			nums, err := it.Tuple.ints()
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

// syntaxError turns participle's error into a positioned *lang.Error with
// words a student understands.
func syntaxError(src string, err error) error {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return &lang.Error{Line: 1, Col: 1, Msg: err.Error(), Hint: lang.Example}
	}
	p := perr.Position()
	e := &lang.Error{Line: p.Line, Col: p.Column, Hint: lang.Example}
	var unexpected *participle.UnexpectedTokenError
	if !errors.As(err, &unexpected) {
		e.Msg = perr.Message()
		if e.Line == 0 {
			e.Line, e.Col = 1, 1
		}
		return e
	}
	tok := unexpected.Unexpected
	before := strings.TrimRight(src[:min(tok.Pos.Offset, len(src))], " \t\r,")
	switch {
	case arrowAtEnd(before) != "":
		// 32-> with nothing after the arrow: point at the arrow.
		arrow := arrowAtEnd(before)
		e.Line, e.Col = lang.RunePosition(src, utf8.RuneCountInString(before)-utf8.RuneCountInString(arrow))
		e.Msg = fmt.Sprintf("%q needs a number on each side", arrow)
		e.Hint = "write channels as IN->OUT, e.g. 32->64"
	case tok.EOF() && strings.Count(src, "{") > strings.Count(src, "}"):
		e.Msg = "a block's { is not closed"
		e.Hint = "close it with } on a line of its own, e.g. repeat 2 { conv 3x3 64 pad 1; relu }"
	case tok.EOF():
		e.Msg = "the question ends too early"
	case arrowAtEnd(tok.Value) == tok.Value:
		e.Msg = fmt.Sprintf("%q needs a number on each side", tok.Value)
		e.Hint = "write channels as IN->OUT, e.g. 32->64"
	case openBracket(before):
		e.Msg = "brackets hold sizes only, as in (3, 3), and must be closed"
		e.Hint = "kernel (3, 3) or 3x3"
	case tok.Value == ")" || tok.Value == "]":
		e.Msg = fmt.Sprintf("%q closes nothing", tok.Value)
		e.Hint = "write a size as 3x3 or (3, 3)"
	case before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, "{") || strings.HasSuffix(before, "}"):
		e.Msg = fmt.Sprintf("a line starts with a layer's name, not %q", tok.Value)
	default:
		e.Msg = fmt.Sprintf("%q is not part of the spec language", tok.Value)
	}
	return e
}

// arrowAtEnd returns the arrow that s ends with, or "".
func arrowAtEnd(s string) string {
	for _, a := range []string{"->", "=>", "→", "⟶"} {
		if strings.HasSuffix(s, a) {
			return a
		}
	}
	return ""
}

// openBracket reports whether the last line of s has a bracket still open.
func openBracket(s string) bool {
	if i := strings.LastIndexAny(s, "\n;"); i >= 0 {
		s = s[i+1:]
	}
	return strings.Count(s, "(")+strings.Count(s, "[") > strings.Count(s, ")")+strings.Count(s, "]")
}

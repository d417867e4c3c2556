package grammar

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// The block syntax of the spec language. A block is a word, its settings,
// and its layers in braces, one a line as in a network:
//
//	repeat 3 { ... }                      the body three times in a row
//	block layer1 { ... }                  a named group (a stage), shown as one row at depth 1
//	residual { ... }                      the body added to its input
//	residual { ... } shortcut { ... }     ... or to a projection of it (ResNet's downsample)
//	concat { branch { ... } branch { ... } }   branches on one input, joined along the channels
//
// Whatever follows an addition (ResNet's relu) is written after the block.
// An empty branch is the input itself (DenseNet).

// blockWords are the words that open a block.
var blockWords = map[string]bool{"repeat": true, "residual": true, "shortcut": true, "concat": true, "branch": true, "block": true}

// MaxLeaves is the most single layers a network may unroll to (repeats
// counted once per pass).
const MaxLeaves = 10000

// maxNesting is how deep blocks may nest.
const maxNesting = 16

const blockHint = "blocks: repeat 3 { ... }, block NAME { ... }, residual { ... } shortcut { ... }, concat { branch { ... } branch { ... } }"

// lowerAt lowers lines[i] — a layer or a block — into a Layer, with its
// input clause when it has one, and says how many lines it used (a residual
// takes the shortcut line after it).
func lowerAt(lines []*specLine, i, nesting int) (Layer, *specInput, int, error) {
	l := lines[i]
	w := strings.ToLower(l.Kind)
	at := pos(l.Pos)
	if !blockWords[w] {
		if l.Body != nil {
			return Layer{}, nil, 0, &Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column,
				Msg: fmt.Sprintf("%s is a single layer: it takes no { }", l.Kind), Hint: blockHint}
		}
		if k := specKindOf(l.Kind); k == "preset" || k == "show" || k == "usepreset" {
			return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col,
				Msg:  fmt.Sprintf("%s is a whole network (a preset), not a layer", l.Kind),
				Hint: fmt.Sprintf("ask for it on its own: %s (or show %s to see its layers)", strings.ToLower(l.Kind), strings.ToLower(l.Kind))}
		}
		layer, in, err := lowerSpecLine(l)
		return layer, in, 1, err
	}
	if nesting >= maxNesting {
		return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("blocks nest at most %d deep", maxNesting), Hint: blockHint}
	}
	if l.Body == nil {
		return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col,
			Msg: fmt.Sprintf("%s needs its layers in braces", w),
			Hint: map[string]string{"repeat": "repeat 3 { conv 3x3 64 pad 1; relu }", "block": "block stage1 { conv 3x3 64 pad 1; relu }",
				"residual": "residual { conv 3x3 64 pad 1; batchnorm; relu; conv 3x3 64 pad 1; batchnorm }",
				"shortcut": "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }",
				"concat":   "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }", "branch": "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}[w]}
	}
	fields := map[string]Position{}
	out := Layer{Pos: at, Fields: fields}
	used := 1
	switch w {
	case "repeat":
		times, err := repeatCount(l)
		if err != nil {
			return Layer{}, nil, 0, err
		}
		fields["times"] = pos(l.Items[0].Pos)
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return Layer{}, nil, 0, err
		}
		out.Layer = calc.Repeat{Times: times, Layers: body}
	case "block":
		name := ""
		for _, it := range l.Items {
			if it.Word == "" || name != "" {
				return Layer{}, nil, 0, (&specCursor{line: l}).unexpected(it, "block takes an optional name: block layer1 { ... }")
			}
			name = it.Word
		}
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return Layer{}, nil, 0, err
		}
		out.Layer = calc.Sequence{Name: name, Layers: body}
	case "residual":
		if err := noItems(l, "residual { ... } takes no settings"); err != nil {
			return Layer{}, nil, 0, err
		}
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return Layer{}, nil, 0, err
		}
		r := calc.Residual{Body: body}
		if i+1 < len(lines) && strings.EqualFold(lines[i+1].Kind, "shortcut") {
			sl := lines[i+1]
			if err := noItems(sl, "shortcut { ... } takes no settings"); err != nil {
				return Layer{}, nil, 0, err
			}
			if sl.Body == nil {
				return Layer{}, nil, 0, &Error{Line: sl.Pos.Line, Col: sl.Pos.Column, Msg: "shortcut needs its layers in braces",
					Hint: "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }"}
			}
			if r.Shortcut, err = lowerBody(sl.Body.Lines, 1, nesting+1, fields); err != nil {
				return Layer{}, nil, 0, err
			}
			fields["shortcut"] = pos(sl.Pos)
			used = 2
		}
		out.Layer = r
	case "concat":
		if err := noItems(l, "concat { branch { ... } branch { ... } } takes no settings"); err != nil {
			return Layer{}, nil, 0, err
		}
		var c calc.Concat
		for _, bl := range l.Body.Lines {
			if bl == nil {
				continue
			}
			if !strings.EqualFold(bl.Kind, "branch") || bl.Body == nil {
				return Layer{}, nil, 0, &Error{Line: bl.Pos.Line, Col: bl.Pos.Column,
					Msg:  "inside concat, every line is a branch { ... }",
					Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
			}
			if err := noItems(bl, "branch { ... } takes no settings"); err != nil {
				return Layer{}, nil, 0, err
			}
			part := len(c.Branches)
			fields[fmt.Sprintf("branch%d", part)] = pos(bl.Pos)
			body, err := lowerBody(bl.Body.Lines, part, nesting+1, fields)
			if err != nil {
				return Layer{}, nil, 0, err
			}
			c.Branches = append(c.Branches, body)
		}
		if len(c.Branches) == 0 {
			return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col, Msg: "concat needs at least one branch",
				Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
		}
		out.Layer = c
	case "shortcut":
		return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col, Msg: "a shortcut belongs right after a residual block",
			Hint: "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }"}
	case "branch":
		return Layer{}, nil, 0, &Error{Line: at.Line, Col: at.Col, Msg: "a branch belongs inside concat { ... }",
			Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
	}
	return out, nil, used, nil
}

// lowerBody lowers the lines of a block's part (the body, a shortcut, a
// branch: numbered part) and records where each layer and its settings were
// written in fields, under the key "part:index" (and "part:index/field").
func lowerBody(lines []*specLine, part, nesting int, fields map[string]Position) ([]calc.Layer, error) {
	var out []calc.Layer
	live := lines[:0:0]
	for _, l := range lines {
		if l != nil {
			live = append(live, l)
		}
	}
	for i := 0; i < len(live); {
		layer, in, used, err := lowerAt(live, i, nesting)
		if err != nil {
			return nil, err
		}
		if in != nil {
			return nil, &Error{Line: in.pos.Line, Col: in.pos.Col, Msg: "inside a block only the network's first line gives the input size",
				Hint: "start the network with it: input 224x224x3"}
		}
		key := fmt.Sprintf("%d:%d", part, len(out))
		fields[key] = layer.Pos
		for f, p := range layer.Fields {
			fields[key+"/"+f] = p
		}
		out = append(out, layer.Layer)
		i += used
	}
	return out, nil
}

func repeatCount(l *specLine) (int, error) {
	example := "repeat 3 { conv 3x3 64 pad 1; relu }"
	at := pos(l.Pos)
	if len(l.Items) == 0 {
		return 0, &Error{Line: at.Line, Col: at.Col, Msg: "repeat needs a count", Hint: example}
	}
	it := l.Items[0]
	if it.num == nil || it.num.Arrow {
		return 0, (&specCursor{line: l}).unexpected(it, example)
	}
	n, err := parseSize(it.num.Value, it.num.Pos)
	if err != nil {
		return 0, err
	}
	if len(n) != 1 || n[0] < 1 || n[0] > calc.MaxRepeat {
		return 0, &Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("a block repeats 1 to %d times", calc.MaxRepeat), Hint: example}
	}
	for _, rest := range l.Items[1:] {
		if rest.Word != "" && (strings.EqualFold(rest.Word, "times") || strings.EqualFold(rest.Word, "x")) {
			continue
		}
		return 0, (&specCursor{line: l}).unexpected(rest, example)
	}
	return n[0], nil
}

func noItems(l *specLine, hint string) error {
	if len(l.Items) > 0 {
		return (&specCursor{line: l}).unexpected(l.Items[0], hint)
	}
	return nil
}

// isBlock reports whether l is a block of the spec language.
func isBlock(l calc.Layer) bool {
	switch l.(type) {
	case calc.Sequence, calc.Repeat, calc.Residual, calc.Concat:
		return true
	}
	return false
}

// settingWords are the lines that set how a network is answered rather
// than add a layer: batch 64, depth 2.
var settingWords = map[string]bool{"batch": true, "depth": true}

// setting reads a `batch N` or `depth N` clause starting at item i of a
// line (the word itself), or the whole line when i is -1, into q.
func setting(q *Question, word string, it *specItem, at Position) error {
	example := map[string]string{"batch": "batch 64", "depth": "depth 2"}[word]
	if it == nil || it.num == nil || it.num.Arrow {
		return &Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s needs a number", word), Hint: example}
	}
	n, err := strconv.Atoi(strings.TrimSpace(it.num.Value))
	limit := map[string]int{"batch": 1 << 20, "depth": maxNesting + 1}[word]
	if err != nil || n < 1 || n > limit {
		return &Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%s is a whole number from 1 to %d", word, limit), Hint: example}
	}
	switch word {
	case "batch":
		q.Batch = n
	case "depth":
		q.Depth = n
	}
	return nil
}

// settingLine reads a line `batch 64` or `depth 2` (both may share it).
func settingLine(q *Question, l *specLine) error {
	if l.Body != nil {
		return &Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column, Msg: fmt.Sprintf("%s takes no { }", l.Kind), Hint: "batch 64"}
	}
	word := strings.ToLower(l.Kind)
	at := pos(l.Pos)
	items := l.Items
	for {
		var it *specItem
		if len(items) > 0 {
			it = items[0]
		}
		if err := setting(q, word, it, at); err != nil {
			return err
		}
		items = items[1:]
		if len(items) == 0 {
			return nil
		}
		if w := strings.ToLower(items[0].Word); !settingWords[w] {
			return (&specCursor{line: l}).unexpected(items[0], "batch 64 depth 2")
		} else {
			word, at = w, pos(items[0].Pos)
			items = items[1:]
		}
	}
}

// LocateDeep is [Question.Locate] for errors that may come from inside a
// block ([*calc.BlockError]): it points at the innermost layer's line (or
// the setting at fault) and says where in the block the layer sits.
func (q *Question) LocateDeep(i int, err error) *Error {
	var keys, where []string
	inner := err
	var layer calc.Layer
	if i >= 0 && i < len(q.Layers) {
		layer = q.Layers[i].Layer
	}
	for {
		be, ok := inner.(*calc.BlockError)
		if !ok {
			break
		}
		keys = append(keys, fmt.Sprintf("%d:%d", be.Part, be.Index))
		var w string
		layer, w = childOf(layer, be)
		where = append(where, w)
		inner = be.Err
	}
	if len(keys) == 0 || i < 0 || i >= len(q.Layers) {
		return q.Locate(i, err)
	}
	l := q.Layers[i]
	e := &Error{Msg: inner.Error()}
	field := ""
	if ce, ok := inner.(*calc.Error); ok {
		e.Msg, e.Hint, field = ce.Msg, ce.Hint, ce.Field
	}
	path := strings.Join(keys, "/")
	p, ok := l.Fields[path+"/"+field]
	if !ok || field == "" {
		p, ok = l.Fields[path]
	}
	if !ok {
		p = l.Pos
	}
	e.Line, e.Col = p.Line, p.Col
	if q.Network {
		e.Layer = i + 1
	}
	name := "?"
	if layer != nil {
		name = FormatHead(layer)
	}
	e.Msg = fmt.Sprintf("inside it, %s `%s`: %s", strings.Join(where, ", "), name, e.Msg)
	return e
}

// childOf returns the layer a BlockError points at inside l, and words for
// where it is.
func childOf(l calc.Layer, be *calc.BlockError) (calc.Layer, string) {
	var part []calc.Layer
	what := fmt.Sprintf("layer %d", be.Index+1)
	switch b := l.(type) {
	case calc.Sequence:
		part = b.Layers
	case calc.Repeat:
		part = b.Layers
		what = fmt.Sprintf("pass %d, layer %d", be.Pass, be.Index+1)
	case calc.Residual:
		part = b.Body
		if be.Part == 1 {
			part = b.Shortcut
			what = fmt.Sprintf("shortcut layer %d", be.Index+1)
		}
	case calc.Concat:
		if be.Part < len(b.Branches) {
			part = b.Branches[be.Part]
		}
		what = fmt.Sprintf("branch %d, layer %d", be.Part+1, be.Index+1)
	}
	if be.Index < len(part) {
		return part[be.Index], what
	}
	return nil, what
}

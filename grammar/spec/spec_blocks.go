package spec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
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

// MaxLeaves is the most single layers a network may unroll to (repeats
// counted once per pass).
const MaxLeaves = 10000

// maxNesting is how deep blocks may nest.
const maxNesting = 16

const blockHint = "blocks: repeat 3 { ... }, block NAME { ... }, residual { ... } shortcut { ... }, concat { branch { ... } branch { ... } }"

// lowerAt lowers lines[i] — a layer or a block — into a lang.Layer, with its
// input clause when it has one, and says how many lines it used (a residual
// takes the shortcut line after it).
func lowerAt(lines []*specLine, i, nesting int) (lang.Layer, *lang.Input, int, error) {
	l := lines[i]
	w := strings.ToLower(l.Kind)
	at := pos(l.Pos)
	if !lang.BlockWords[w] {
		if l.Body != nil {
			return lang.Layer{}, nil, 0, &lang.Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column,
				Msg: fmt.Sprintf("%s is a single layer: it takes no { }", l.Kind), Hint: blockHint}
		}
		if k := kindOf(l.Kind); k == "preset" || k == "show" || k == "usepreset" {
			return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col,
				Msg:  fmt.Sprintf("%s is a whole network (a preset), not a layer", l.Kind),
				Hint: fmt.Sprintf("ask for it on its own: %s (or show %s to see its layers)", strings.ToLower(l.Kind), strings.ToLower(l.Kind))}
		}
		layer, in, err := lowerSpecLine(l)
		return layer, in, 1, err
	}
	if nesting >= maxNesting {
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("blocks nest at most %d deep", maxNesting), Hint: blockHint}
	}
	if l.Body == nil {
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col,
			Msg: fmt.Sprintf("%s needs its layers in braces", w),
			Hint: map[string]string{"repeat": "repeat 3 { conv 3x3 64 pad 1; relu }", "block": "block stage1 { conv 3x3 64 pad 1; relu }",
				"residual": "residual { conv 3x3 64 pad 1; batchnorm; relu; conv 3x3 64 pad 1; batchnorm }",
				"shortcut": "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }",
				"concat":   "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }", "branch": "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}[w]}
	}
	fields := map[string]lang.Position{}
	out := lang.Layer{Pos: at, Fields: fields}
	used := 1
	switch w {
	case "repeat":
		times, err := repeatCount(l)
		if err != nil {
			return lang.Layer{}, nil, 0, err
		}
		fields["times"] = pos(l.Items[0].Pos)
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return lang.Layer{}, nil, 0, err
		}
		out.Layer = calc.Repeat{Times: times, Layers: body}
	case "block":
		name := ""
		for _, it := range l.Items {
			if it.Word == "" || name != "" {
				return lang.Layer{}, nil, 0, (&specCursor{line: l}).unexpected(it, "block takes an optional name: block layer1 { ... }")
			}
			name = it.Word
		}
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return lang.Layer{}, nil, 0, err
		}
		out.Layer = calc.Sequence{Name: name, Layers: body}
	case "residual":
		if err := noItems(l, "residual { ... } takes no settings"); err != nil {
			return lang.Layer{}, nil, 0, err
		}
		body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
		if err != nil {
			return lang.Layer{}, nil, 0, err
		}
		r := calc.Residual{Body: body}
		if i+1 < len(lines) && strings.EqualFold(lines[i+1].Kind, "shortcut") {
			sl := lines[i+1]
			if err := noItems(sl, "shortcut { ... } takes no settings"); err != nil {
				return lang.Layer{}, nil, 0, err
			}
			if sl.Body == nil {
				return lang.Layer{}, nil, 0, &lang.Error{Line: sl.Pos.Line, Col: sl.Pos.Column, Msg: "shortcut needs its layers in braces",
					Hint: "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }"}
			}
			if r.Shortcut, err = lowerBody(sl.Body.Lines, 1, nesting+1, fields); err != nil {
				return lang.Layer{}, nil, 0, err
			}
			fields["shortcut"] = pos(sl.Pos)
			used = 2
		}
		out.Layer = r
	case "concat":
		if err := noItems(l, "concat { branch { ... } branch { ... } } takes no settings"); err != nil {
			return lang.Layer{}, nil, 0, err
		}
		var c calc.Concat
		for _, bl := range l.Body.Lines {
			if bl == nil {
				continue
			}
			if !strings.EqualFold(bl.Kind, "branch") || bl.Body == nil {
				return lang.Layer{}, nil, 0, &lang.Error{Line: bl.Pos.Line, Col: bl.Pos.Column,
					Msg:  "inside concat, every line is a branch { ... }",
					Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
			}
			if err := noItems(bl, "branch { ... } takes no settings"); err != nil {
				return lang.Layer{}, nil, 0, err
			}
			part := len(c.Branches)
			fields[fmt.Sprintf("branch%d", part)] = pos(bl.Pos)
			body, err := lowerBody(bl.Body.Lines, part, nesting+1, fields)
			if err != nil {
				return lang.Layer{}, nil, 0, err
			}
			c.Branches = append(c.Branches, body)
		}
		if len(c.Branches) == 0 {
			return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: "concat needs at least one branch",
				Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
		}
		out.Layer = c
	case "shortcut":
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: "a shortcut belongs right after a residual block",
			Hint: "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }"}
	case "branch":
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: "a branch belongs inside concat { ... }",
			Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
	}
	return out, nil, used, nil
}

// lowerBody lowers the lines of a block's part (the body, a shortcut, a
// branch: numbered part) and records where each layer and its settings were
// written in fields, under the key "part:index" (and "part:index/field").
func lowerBody(lines []*specLine, part, nesting int, fields map[string]lang.Position) ([]calc.Layer, error) {
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
			return nil, &lang.Error{Line: in.Pos.Line, Col: in.Pos.Col, Msg: "inside a block only the network's first line gives the input size",
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
		return 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: "repeat needs a count", Hint: example}
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
		return 0, &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("a block repeats 1 to %d times", calc.MaxRepeat), Hint: example}
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

// setting reads a `batch N` or `depth N` clause starting at item i of a
// line (the word itself), or the whole line when i is -1, into q.
func setting(q *lang.Question, word string, it *specItem, at lang.Position) error {
	example := map[string]string{"batch": "batch 64", "depth": "depth 2"}[word]
	if it == nil || it.num == nil || it.num.Arrow {
		return &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s needs a number", word), Hint: example}
	}
	n, err := strconv.Atoi(strings.TrimSpace(it.num.Value))
	limit := map[string]int{"batch": 1 << 20, "depth": maxNesting + 1}[word]
	if err != nil || n < 1 || n > limit {
		return &lang.Error{Line: it.Pos.Line, Col: it.Pos.Column, Msg: fmt.Sprintf("%s is a whole number from 1 to %d", word, limit), Hint: example}
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
func settingLine(q *lang.Question, l *specLine) error {
	if l.Body != nil {
		return &lang.Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column, Msg: fmt.Sprintf("%s takes no { }", l.Kind), Hint: "batch 64"}
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
		if w := strings.ToLower(items[0].Word); !lang.SettingWords[w] {
			return (&specCursor{line: l}).unexpected(items[0], "batch 64 depth 2")
		} else {
			word, at = w, pos(items[0].Pos)
			items = items[1:]
		}
	}
}

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
//	shortcut { ... } residual { ... }     the same, the projection run first (RegNet's proj(x) + f(x))
//	concat { branch { ... } branch { ... } }   branches on one input, joined along the channels
//	gate { ... }                          squeeze-and-excitation: the input times the body's per-channel weights
//
// Whatever follows an addition (ResNet's relu) is written after the block.
// An empty branch is the input itself (DenseNet).

// MaxLeaves is the most single layers a network may unroll to (repeats
// counted once per pass).
const MaxLeaves = 10000

// maxNesting is how deep blocks may nest.
const maxNesting = 16

const blockHint = "blocks: repeat 3 { ... }, block NAME { ... }, residual { ... } shortcut { ... }, concat { branch { ... } branch { ... } }, gate { ... }"

// blockExamples show each block word in use, for hints.
var blockExamples = map[string]string{
	"repeat": "repeat 3 { conv 3x3 64 pad 1; relu }", "block": "block stage1 { conv 3x3 64 pad 1; relu }",
	"residual": "residual { conv 3x3 64 pad 1; batchnorm; relu; conv 3x3 64 pad 1; batchnorm }",
	"shortcut": "residual { ... } shortcut { conv 1x1 128 stride 2 nobias; batchnorm }",
	"concat":   "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }",
	"branch":   "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }",
	"gate":     "gate { adaptiveavgpool 1; conv 1x1 8; relu; conv 1x1 32; sigmoid }",
}

// lowerAt lowers lines[i] — a layer or a block — into a lang.Layer, with its
// input clause when it has one, and says how many lines it used (a residual
// takes the shortcut line after it).
func lowerAt(lines []*line, i, nesting int) (lang.Layer, *lang.Input, int, error) {
	l := lines[i]
	w := strings.ToLower(l.Kind)
	at := pos(l.Pos)
	if !lang.BlockWords[w] {
		layer, in, err := lowerLayerLine(l)
		return layer, in, 1, err
	}
	if nesting >= maxNesting {
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("blocks nest at most %d deep", maxNesting), Hint: blockHint}
	}
	if l.Body == nil {
		return lang.Layer{}, nil, 0, &lang.Error{Line: at.Line, Col: at.Col,
			Msg: fmt.Sprintf("%s needs its layers in braces", w), Hint: blockExamples[w]}
	}
	fields := map[string]lang.Position{}
	out := lang.Layer{Pos: at, Fields: fields}
	used := 1
	var err error
	switch w {
	case "repeat":
		out.Layer, err = lowerRepeat(l, nesting, fields)
	case "block":
		out.Layer, err = lowerSequence(l, nesting, fields)
	case "residual":
		var next *line
		if i+1 < len(lines) && strings.EqualFold(lines[i+1].Kind, "shortcut") {
			next, used = lines[i+1], 2
		}
		out.Layer, err = lowerResidual(l, next, nesting, fields)
	case "concat":
		out.Layer, err = lowerConcat(l, nesting, fields)
	case "gate":
		out.Layer, err = lowerGate(l, nesting, fields)
	case "shortcut":
		// shortcut { ... } residual { ... }: the shortcut runs first.
		if i+1 < len(lines) && strings.EqualFold(lines[i+1].Kind, "residual") && lines[i+1].Body != nil {
			out.Layer, err = lowerResidual(lines[i+1], l, nesting, fields)
			if rs, ok := out.Layer.(calc.Residual); ok {
				rs.ShortcutFirst = rs.Shortcut != nil // an empty shortcut is the identity
				out.Layer, used = rs, 2
			}
			break
		}
		err = &lang.Error{Line: at.Line, Col: at.Col, Msg: "a shortcut belongs right after a residual block, or right before one when it runs first", Hint: blockExamples[w]}
	case "branch":
		err = &lang.Error{Line: at.Line, Col: at.Col, Msg: "a branch belongs inside concat { ... }", Hint: blockExamples[w]}
	}
	if err != nil {
		return lang.Layer{}, nil, 0, err
	}
	return out, nil, used, nil
}

// lowerLayerLine lowers a line that is not a block: one layer.
func lowerLayerLine(l *line) (lang.Layer, *lang.Input, error) {
	if l.Body != nil {
		return lang.Layer{}, nil, &lang.Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column,
			Msg: fmt.Sprintf("%s is a single layer: it takes no { }", l.Kind), Hint: blockHint}
	}
	if k := kindOf(l.Kind); k == "preset" || k == "show" || k == "usepreset" {
		name := strings.ToLower(l.Kind)
		return lang.Layer{}, nil, &lang.Error{Line: l.Pos.Line, Col: l.Pos.Column,
			Msg:  fmt.Sprintf("%s is a whole network (a preset), not a layer", l.Kind),
			Hint: fmt.Sprintf("ask for it on its own: %s (or show %s to see its layers)", name, name)}
	}
	return lowerLine(l)
}

// lowerRepeat lowers repeat N { ... }.
func lowerRepeat(l *line, nesting int, fields map[string]lang.Position) (calc.Layer, error) {
	times, err := repeatCount(l)
	if err != nil {
		return nil, err
	}
	fields["times"] = pos(l.Items[0].Pos)
	body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
	if err != nil {
		return nil, err
	}
	return calc.Repeat{Times: times, Layers: body}, nil
}

// lowerSequence lowers block [NAME] { ... }.
func lowerSequence(l *line, nesting int, fields map[string]lang.Position) (calc.Layer, error) {
	name := ""
	for _, it := range l.Items {
		if it.Word == "" || name != "" {
			return nil, (&cursor{line: l}).unexpected(it, "block takes an optional name: block layer1 { ... }")
		}
		name = it.Word
	}
	body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
	if err != nil {
		return nil, err
	}
	return calc.Sequence{Name: name, Layers: body}, nil
}

// lowerResidual lowers residual { ... } and the shortcut { ... } line
// after it, when there is one (sl, else nil).
func lowerResidual(l, sl *line, nesting int, fields map[string]lang.Position) (calc.Layer, error) {
	if err := noItems(l, "residual { ... } takes no settings"); err != nil {
		return nil, err
	}
	body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
	if err != nil {
		return nil, err
	}
	r := calc.Residual{Body: body}
	if sl == nil {
		return r, nil
	}
	if err := noItems(sl, "shortcut { ... } takes no settings"); err != nil {
		return nil, err
	}
	if sl.Body == nil {
		return nil, &lang.Error{Line: sl.Pos.Line, Col: sl.Pos.Column, Msg: "shortcut needs its layers in braces", Hint: blockExamples["shortcut"]}
	}
	if r.Shortcut, err = lowerBody(sl.Body.Lines, 1, nesting+1, fields); err != nil {
		return nil, err
	}
	fields["shortcut"] = pos(sl.Pos)
	return r, nil
}

// lowerConcat lowers concat { branch { ... } ... }.
func lowerConcat(l *line, nesting int, fields map[string]lang.Position) (calc.Layer, error) {
	if err := noItems(l, "concat { branch { ... } branch { ... } } takes no settings"); err != nil {
		return nil, err
	}
	var c calc.Concat
	for _, bl := range l.Body.Lines {
		if !strings.EqualFold(bl.Kind, "branch") || bl.Body == nil {
			return nil, &lang.Error{Line: bl.Pos.Line, Col: bl.Pos.Column,
				Msg: "inside concat, every line is a branch { ... }", Hint: blockExamples["concat"]}
		}
		if err := noItems(bl, "branch { ... } takes no settings"); err != nil {
			return nil, err
		}
		part := len(c.Branches)
		fields[fmt.Sprintf("branch%d", part)] = pos(bl.Pos)
		body, err := lowerBody(bl.Body.Lines, part, nesting+1, fields)
		if err != nil {
			return nil, err
		}
		c.Branches = append(c.Branches, body)
	}
	if len(c.Branches) == 0 {
		return nil, &lang.Error{Line: l.Pos.Line, Col: l.Pos.Column, Msg: "concat needs at least one branch", Hint: blockExamples["concat"]}
	}
	return c, nil
}

// lowerGate lowers gate { ... }: squeeze-and-excitation, the input
// multiplied by the per-channel weights its body computes.
func lowerGate(l *line, nesting int, fields map[string]lang.Position) (calc.Layer, error) {
	if err := noItems(l, "gate { ... } takes no settings: "+blockExamples["gate"]); err != nil {
		return nil, err
	}
	if len(l.Body.Lines) == 0 {
		return nil, &lang.Error{Line: l.Pos.Line, Col: l.Pos.Column, Msg: "a gate needs the layers that compute its weights", Hint: blockExamples["gate"]}
	}
	body, err := lowerBody(l.Body.Lines, 0, nesting+1, fields)
	if err != nil {
		return nil, err
	}
	return calc.Gate{Layers: body}, nil
}

// lowerBody lowers the lines of a block's part (the body, a shortcut, a
// branch: numbered part) and records where each layer and its settings were
// written in fields, under the key "part:index" (and "part:index/field").
func lowerBody(lines []*line, part, nesting int, fields map[string]lang.Position) ([]calc.Layer, error) {
	var out []calc.Layer
	for i := 0; i < len(lines); {
		layer, in, used, err := lowerAt(lines, i, nesting)
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

func repeatCount(l *line) (int, error) {
	example := "repeat 3 { conv 3x3 64 pad 1; relu }"
	at := pos(l.Pos)
	if len(l.Items) == 0 {
		return 0, &lang.Error{Line: at.Line, Col: at.Col, Msg: "repeat needs a count", Hint: example}
	}
	it := l.Items[0]
	if !it.plain() {
		return 0, (&cursor{line: l}).unexpected(it, example)
	}
	n, err := it.ints()
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
		return 0, (&cursor{line: l}).unexpected(rest, example)
	}
	return n[0], nil
}

func noItems(l *line, hint string) error {
	if len(l.Items) > 0 {
		return (&cursor{line: l}).unexpected(l.Items[0], hint)
	}
	return nil
}

// setting reads a `batch N` or `depth N` clause starting at item i of a
// line (the word itself), or the whole line when i is -1, into q.
func setting(q *lang.Question, word string, it *item, at lang.Position) error {
	example := map[string]string{"batch": "batch 64", "depth": "depth 2"}[word]
	if it == nil || !it.plain() {
		return &lang.Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s needs a number", word), Hint: example}
	}
	n, err := strconv.Atoi(it.text())
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
func settingLine(q *lang.Question, l *line) error {
	if l.Body != nil {
		return &lang.Error{Line: l.Body.Pos.Line, Col: l.Body.Pos.Column, Msg: fmt.Sprintf("%s takes no { }", l.Kind), Hint: "batch 64"}
	}
	word := strings.ToLower(l.Kind)
	at := pos(l.Pos)
	items := l.Items
	for {
		var it *item
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
			return (&cursor{line: l}).unexpected(items[0], "batch 64 depth 2")
		} else {
			word, at = w, pos(items[0].Pos)
			items = items[1:]
		}
	}
}

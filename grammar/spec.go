package grammar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cnnbot/cnnbot/calc"
)

// specExample is a whole question that works, for hints.
const specExample = "conv 3x3 32->64 stride 2 pad 1 input 56x56"

// ParseSpec reads the canonical spec language of design.md §1: one layer
// (with an optional `input HxW`), or a network — `input HxWxC` then one
// layer a line. Errors are [*Error], positioned in src.
func ParseSpec(src string) (*Question, error) {
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
		return nil, &Error{Line: 1, Col: 1, Msg: "there is no layer to size", Hint: specExample}
	}
	q := &Question{}
	if k := specKindOf(lines[0].Kind); k == "preset" || k == "show" || k == "usepreset" {
		return parsePreset(q, lines)
	}
	// Settings (batch 64, depth 2) may sit on lines of their own.
	kept := lines[:0:0]
	for _, l := range lines {
		if settingWords[strings.ToLower(l.Kind)] && specKindOf(l.Kind) == "" {
			if err := settingLine(q, l); err != nil {
				return nil, err
			}
			continue
		}
		kept = append(kept, l)
	}
	if len(kept) == 0 {
		at := pos(lines[0].Pos)
		return nil, &Error{Line: at.Line, Col: at.Col, Msg: fmt.Sprintf("%s is a setting: there is no network to size", strings.ToLower(lines[0].Kind)),
			Hint: "put it after a network or a preset: resnet50 batch 64 (or batchnorm 64 for a layer)"}
	}
	lines = kept
	var inputLine *specLine
	if specKindOf(lines[0].Kind) == "input" && lines[0].Body == nil {
		inputLine, lines = lines[0], lines[1:]
		q.Network = true
		if len(lines) == 0 {
			return nil, &Error{Line: inputLine.Pos.Line, Col: inputLine.Pos.Column,
				Msg:  "the network has an input but no layers",
				Hint: "put one layer a line after it, e.g.\ninput 32x32x3\nconv 3x3 3->16 pad 1\nrelu"}
		}
	} else if len(lines) > 1 {
		q.Network = true
	}
	var singleInput *specInput
	leaves := int64(0)
	for i := 0; i < len(lines); {
		layer, in, used, err := lowerAt(lines, i, 0)
		if err != nil {
			if e, ok := err.(*Error); ok && q.Network {
				e.Layer = len(q.Layers) + 1
			}
			return nil, err
		}
		if isBlock(layer.Layer) {
			q.Network = true
		}
		if leaves += calc.Leaves(layer.Layer, MaxLeaves); leaves > MaxLeaves {
			return nil, &Error{Line: layer.Pos.Line, Col: layer.Pos.Col, Layer: len(q.Layers) + 1,
				Msg:  fmt.Sprintf("the network unrolls to more than %s single layers", group(MaxLeaves)),
				Hint: "repeat fewer times; the largest preset, resnet152, has about 500"}
		}
		if in != nil {
			if q.Network && (len(q.Layers) > 0 || inputLine != nil) {
				return nil, &Error{Line: in.pos.Line, Col: in.pos.Col, Layer: len(q.Layers) + 1,
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
	in, read := singleInput, layerInput
	if inputLine != nil {
		var err error
		if in, err = specInputOf(inputLine, q); err != nil {
			return nil, err
		}
		read = networkInput
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
	q.Canonical = Format(q)
	return q, nil
}

// specInput is the numbers of an `input` clause and where they were.
type specInput struct {
	pos    Position
	nums   []int
	layout string // "", "chw", "hwc"
}

func specInputOf(l *specLine, q *Question) (*specInput, error) {
	c := &specCursor{line: l}
	in := &specInput{pos: pos(l.Pos)}
	for it := c.next(); it != nil; it = c.next() {
		switch {
		case it.Word != "" && settingWords[strings.ToLower(it.Word)]:
			if it := c.peek(); it != nil && it.Eq {
				c.next()
			}
			if err := setting(q, strings.ToLower(it.Word), c.next(), pos(it.Pos)); err != nil {
				return nil, err
			}
		case it.num != nil && !it.num.Arrow && in.nums == nil:
			nums, err := parseSize(it.num.Value, it.num.Pos)
			if err != nil {
				return nil, err
			}
			in.nums, in.pos = nums, pos(it.num.Pos)
		case it.Tuple != nil && in.nums == nil:
			nums, err := parseTuple(it.Tuple)
			if err != nil {
				return nil, err
			}
			in.nums, in.pos = nums, pos(it.Tuple.Pos)
		case it.Word != "" && in.nums != nil && isLayout(it.Word):
			in.layout = strings.ToLower(it.Word)
		case it.Eq:
		default:
			return nil, c.unexpected(it, "the input line is input HxWxC, e.g. input 224x224x3")
		}
	}
	if in.nums == nil {
		return nil, &Error{Line: l.Pos.Line, Col: l.Pos.Column, Msg: "input needs its size",
			Hint: "write input HxWxC, e.g. input 224x224x3 (height × width × channels)"}
	}
	return in, nil
}

func isLayout(w string) bool {
	switch strings.ToLower(w) {
	case "chw", "hwc", "lc", "cl":
		return true
	}
	return false
}

// networkInput reads a network's input size, channels last (HxWxC, LxC,
// DxHxWxC, or N for a vector), into a channels-first shape. A size like
// 3x224x224 is read as C×H×W, PyTorch's order, and the reading is named.
func networkInput(in *specInput, first calc.Layer) (calc.Shape, string, error) {
	n := in.nums
	for _, x := range n {
		if x < 1 {
			return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col, Msg: fmt.Sprintf("an input size must be at least 1 (got %d)", x), Hint: "input 224x224x3"}
		}
	}
	text := joinSize(n)
	switch len(n) {
	case 1:
		return calc.Shape{n[0]}, "", nil
	case 2:
		if in.layout == "cl" {
			return calc.Shape{n[0], n[1]}, "", nil
		}
		if in.layout == "lc" || layerDims(first) == 1 {
			return calc.Shape{n[1], n[0]}, "", nil
		}
		return calc.Shape{1, n[0], n[1]}, fmt.Sprintf("input %s read as a %s single-channel image; for a sequence of length %d with %d channels write input %s lc", text, strings.ReplaceAll(text, "x", "×"), n[0], n[1], text), nil
	case 3:
		chw := in.layout == "chw" || (in.layout == "" && n[0] <= 4 && n[2] > 4)
		if chw {
			note := ""
			if in.layout == "" {
				note = fmt.Sprintf("input %s read as channels × height × width (%d channels, PyTorch's order); for height × width × channels write input %s hwc", text, n[0], text)
			}
			return calc.Shape{n[0], n[1], n[2]}, note, nil
		}
		return calc.Shape{n[2], n[0], n[1]}, "", nil
	case 4:
		if in.layout == "chw" {
			return calc.Shape{n[0], n[1], n[2], n[3]}, "", nil
		}
		return calc.Shape{n[3], n[0], n[1], n[2]}, "", nil
	}
	return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col,
		Msg:  fmt.Sprintf("an input has 1 to 4 sizes, not %d", len(n)),
		Hint: "input 224x224x3 (an image), input 100x12 (a sequence), input 16x112x112x3 (a video)"}
}

// layerInput reads the input clause of a single layer: its spatial sizes,
// optionally followed by the channel count.
func layerInput(in *specInput, layer calc.Layer) (calc.Shape, string, error) {
	n := in.nums
	for _, x := range n {
		if x < 1 {
			return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col, Msg: fmt.Sprintf("an input size must be at least 1 (got %d)", x), Hint: specExample}
		}
	}
	dims := layerDims(layer)
	channels := layerChannels(layer)
	text := func() string { return joinSize(n) } // for messages
	switch layer.(type) {
	case calc.Embedding:
		if len(n) == 1 {
			return calc.Shape{n[0]}, "", nil
		}
		return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col,
			Msg:  "an embedding's input is a sequence of token indices: give its length",
			Hint: "embedding 10000->300 input 100"}
	case calc.LayerNorm:
		return append(calc.Shape{}, n...), "", nil
	case calc.Linear:
		if len(n) == 1 {
			return calc.Shape{n[0]}, "", nil
		}
		total := 1
		for _, x := range n {
			total *= x
		}
		return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col,
			Msg:  fmt.Sprintf("a linear layer takes a flat vector, not a %s volume", strings.ReplaceAll(text(), "x", "×")),
			Hint: fmt.Sprintf("flattened, %s is %d values: linear %d->OUT, or write a network:\ninput %s\nflatten\nlinear %d", text(), total, total, text(), total)}
	}
	switch len(n) {
	case dims:
		if in.layout != "" && in.layout != "hwc" {
			break
		}
		if channels == 0 {
			if _, ok := layer.(calc.Pool); ok {
				return append(calc.Shape{0}, n...), "", nil
			}
			return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col,
				Msg:  "the number of input channels is not known",
				Hint: fmt.Sprintf("add it to the input (input %sx32) or to the layer (32->64)", text())}
		}
		return append(calc.Shape{channels}, n...), "", nil
	case dims + 1:
		if in.layout == "chw" || (in.layout == "" && channels != 0 && n[0] == channels && n[dims] != channels) {
			note := ""
			if in.layout == "" {
				note = fmt.Sprintf("input %s read as channels first (%d channels, as the layer expects)", text(), n[0])
			}
			return append(calc.Shape{}, n...), note, nil
		}
		return append(calc.Shape{n[dims]}, n[:dims]...), "", nil
	}
	want := map[int]string{1: "L or LxC", 2: "HxW or HxWxC", 3: "DxHxW or DxHxWxC"}[dims]
	return nil, "", &Error{Line: in.pos.Line, Col: in.pos.Col,
		Msg:  fmt.Sprintf("this %d-D layer takes an input of %s, but %s has %d sizes", dims, want, text(), len(n)),
		Hint: specExample}
}

// layerDims is the number of spatial dimensions a layer works in (2 for
// layers that do not care).
func layerDims(l calc.Layer) int {
	switch l := l.(type) {
	case calc.Recurrent:
		return 1
	case calc.Separable:
		if l.Dims != 0 {
			return l.Dims
		}
	case calc.Conv:
		if l.Dims != 0 {
			return l.Dims
		}
	case calc.Pool:
		if l.Dims != 0 {
			return l.Dims
		}
	}
	return 2
}

// layerChannels is the input channel count (or features) a layer states,
// 0 when it does not.
func layerChannels(l calc.Layer) int {
	switch l := l.(type) {
	case calc.Conv:
		return l.In
	case calc.Linear:
		return l.In
	case calc.BatchNorm:
		return l.C
	case calc.Recurrent:
		return l.In
	case calc.Separable:
		return l.In
	case calc.GroupNorm:
		return l.C
	}
	return 0
}

// specSyntaxError turns participle's error into a positioned *Error with
// words a student understands.
func specSyntaxError(src string, err error) error {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return &Error{Msg: err.Error(), Hint: specExample}
	}
	p := perr.Position()
	e := &Error{Line: p.Line, Col: p.Column, Hint: specExample}
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

func pos(p lexer.Position) Position { return Position{Line: p.Line, Col: p.Column} }

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
			return nil, &Error{Line: at.Line, Col: at.Column, Msg: fmt.Sprintf("%s is not a whole number: sizes and counts are", part), Hint: specExample}
		}
		if err != nil || v > calc.MaxSize || v < -calc.MaxSize {
			return nil, &Error{Line: at.Line, Col: at.Column,
				Msg:  fmt.Sprintf("%s is larger than any real layer uses (the limit is %d)", part, calc.MaxSize),
				Hint: specExample}
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
		return nil, &Error{Line: t.Pos.Line, Col: t.Pos.Column, Msg: "empty brackets", Hint: "write a size such as 3x3 or (3, 3)"}
	}
	return nums, nil
}

func joinSize(n []int) string {
	parts := make([]string, len(n))
	for i, x := range n {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, "x")
}

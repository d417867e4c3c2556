package lang

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Input is the numbers of an input clause (input 56x56x32) and where they
// were written. Layout is "", "chw", "hwc", "lc" or "cl": the order the
// asker named, if any.
type Input struct {
	Pos    Position
	Nums   []int
	Layout string
}

// NetworkInput reads a network's input size, channels last (HxWxC, LxC,
// DxHxWxC, or N for a vector), into a channels-first shape. A size like
// 3x224x224 is read as C×H×W, PyTorch's order, and the reading is named.
func NetworkInput(in *Input, first calc.Layer) (calc.Shape, string, error) {
	n := in.Nums
	for _, x := range n {
		if x < 1 {
			return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col, Msg: fmt.Sprintf("an input size must be at least 1 (got %d)", x), Hint: "input 224x224x3"}
		}
	}
	text := JoinSize(n)
	switch len(n) {
	case 1:
		return calc.Shape{n[0]}, "", nil
	case 2:
		if in.Layout == "cl" {
			return calc.Shape{n[0], n[1]}, "", nil
		}
		if in.Layout == "lc" || LayerDims(first) == 1 {
			return calc.Shape{n[1], n[0]}, "", nil
		}
		return calc.Shape{1, n[0], n[1]}, fmt.Sprintf("input %s read as a %s single-channel image; for a sequence of length %d with %d channels write input %s lc", text, strings.ReplaceAll(text, "x", "×"), n[0], n[1], text), nil
	case 3:
		chw := in.Layout == "chw" || (in.Layout == "" && n[0] <= 4 && n[2] > 4)
		if chw {
			note := ""
			if in.Layout == "" {
				note = fmt.Sprintf("input %s read as channels × height × width (%d channels, PyTorch's order); for height × width × channels write input %s hwc", text, n[0], text)
			}
			return calc.Shape{n[0], n[1], n[2]}, note, nil
		}
		return calc.Shape{n[2], n[0], n[1]}, "", nil
	case 4:
		if in.Layout == "chw" {
			return calc.Shape{n[0], n[1], n[2], n[3]}, "", nil
		}
		return calc.Shape{n[3], n[0], n[1], n[2]}, "", nil
	}
	return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col,
		Msg:  fmt.Sprintf("an input has 1 to 4 sizes, not %d", len(n)),
		Hint: "input 224x224x3 (an image), input 100x12 (a sequence), input 16x112x112x3 (a video)"}
}

// LayerInput reads the input clause of a single layer: its spatial sizes,
// optionally followed by the channel count.
func LayerInput(in *Input, layer calc.Layer) (calc.Shape, string, error) {
	n := in.Nums
	for _, x := range n {
		if x < 1 {
			return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col, Msg: fmt.Sprintf("an input size must be at least 1 (got %d)", x), Hint: Example}
		}
	}
	dims := LayerDims(layer)
	channels := LayerChannels(layer)
	text := func() string { return JoinSize(n) } // for messages
	switch layer.(type) {
	case calc.Embedding:
		if len(n) == 1 {
			return calc.Shape{n[0]}, "", nil
		}
		return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col,
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
		return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col,
			Msg:  fmt.Sprintf("a linear layer takes a flat vector, not a %s volume", strings.ReplaceAll(text(), "x", "×")),
			Hint: fmt.Sprintf("flattened, %s is %d values: linear %d->OUT, or write a network:\ninput %s\nflatten\nlinear %d", text(), total, total, text(), total)}
	}
	switch len(n) {
	case dims:
		if in.Layout != "" && in.Layout != "hwc" {
			break
		}
		if channels == 0 {
			if _, ok := layer.(calc.Pool); ok {
				return append(calc.Shape{0}, n...), "", nil
			}
			return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col,
				Msg:  "the number of input channels is not known",
				Hint: fmt.Sprintf("add it to the input (input %sx32) or to the layer (32->64)", text())}
		}
		return append(calc.Shape{channels}, n...), "", nil
	case dims + 1:
		if in.Layout == "chw" || (in.Layout == "" && channels != 0 && n[0] == channels && n[dims] != channels) {
			note := ""
			if in.Layout == "" {
				note = fmt.Sprintf("input %s read as channels first (%d channels, as the layer expects)", text(), n[0])
			}
			return append(calc.Shape{}, n...), note, nil
		}
		return append(calc.Shape{n[dims]}, n[:dims]...), "", nil
	}
	want := map[int]string{1: "L or LxC", 2: "HxW or HxWxC", 3: "DxHxW or DxHxWxC"}[dims]
	return nil, "", &Error{Line: in.Pos.Line, Col: in.Pos.Col,
		Msg:  fmt.Sprintf("this %d-D layer takes an input of %s, but %s has %d sizes", dims, want, text(), len(n)),
		Hint: Example}
}

// LayerDims is the number of spatial dimensions a layer works in (2 for
// layers that do not care).
func LayerDims(l calc.Layer) int {
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

// LayerChannels is the input channel count (or features) a layer states,
// 0 when it does not.
func LayerChannels(l calc.Layer) int {
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

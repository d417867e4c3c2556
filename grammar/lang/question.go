package lang

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Question is what a text asks, in calc values, whichever front-end read it.
type Question struct {
	// Input is the input shape, channels first ([C, H, W]); nil when the
	// text gives no input size.
	Input calc.Shape
	// Network is true when the layers form a chain fed by Input (a network);
	// false for a single layer asked about on its own.
	Network bool
	Layers  []Layer
	// Canonical is the question restated in the canonical spec language, so
	// a misreading is visible and can be corrected by editing it.
	Canonical string
	// Notes are readings the front-end chose ("3x224x224 read as C×H×W")
	// and framework conventions it wants named.
	Notes []string
	// Repeats are the counts the reading unrolled layers by ("5 blocks
	// of [conv, pool]", "a 3x3 conv applied four times", "two 3x3 convs"):
	// numbers the reading used that are no size of any layer; nil when
	// nothing was repeated.
	Repeats []int
	// Asked lists the quantities the text asked for ("params",
	// "output", "connections", "macs", "flops", "neurons", "receptive field",
	// "memory", ...); empty means everything.
	Asked []string
	// Framework is "pytorch", "keras" or "" (the spec language, PyTorch's
	// conventions).
	Framework string
	// KerasCounts is true for Keras code, or a question whose words name
	// Keras: the reply gives Keras's model.summary() count beside
	// PyTorch's (Keras counts a batch norm's moving statistics).
	KerasCounts bool
	// Batch is the batch size for memory estimates (`batch 64`); zero
	// means 1.
	Batch int
	// Depth is how many levels of blocks a network's table shows
	// (`depth 2`, as torchinfo's depth); zero leaves it to the renderer.
	Depth int
	// BiasConnection is true when the question counts a neuron's bias
	// among its connections ("counting the bias as one"): the reply gives
	// that count beside calc's, which leaves the bias out.
	BiasConnection bool
	// BiasLeftOut is true when the question says the bias is not counted
	// ("weights only", "not counting the bias"); false when it does not
	// say or counts it.
	BiasLeftOut bool
	// Preset names the preset network the question is, whole (on its own
	// input or another); "" for anything else, a part of a preset included.
	Preset string
	// Bytes is the bytes of one stored number for memory answers (fp16
	// 2, fp32 4, fp64 8, int8 1); zero means float32's 4.
	Bytes int
	// MiB is true when the question counts memory in binary units ("how
	// many MiB", "the 1024*1024 kind of MB"): answers give mebibytes
	// beside the bytes.
	MiB bool
	// Solve, when set, is an inverse question ("what padding keeps 28x28?")
	// and Layers may be empty.
	Solve *calc.Solved
	// Unused are the numbers written in the question that the reading did
	// not use, each with why; nil when every number was used.
	Unused []Unused
	// Doubts are what the question says that the reading does not account
	// for besides numbers ("it asks for the receptive field; this reading
	// does not answer it"): a reply with doubts is not confident.
	Doubts []string
	// Fix, when set, is a correction the front-end proposes for a layer
	// of the asker's code (a likely mistake it noticed); nil for none.
	Fix *Fix
	// At lists the layers the question asks about by place ("conv2",
	// "after the maxpool", "in_features of fc1"), in the order asked; nil
	// when it asks about the whole reading.
	At []At
	// AtTogether is true when the layers asked about by place are asked
	// together ("conv1_1 + conv1_2 + pool1 together", "those two outputs
	// combined"): the reply sums what it gives of each; false asks each
	// apart.
	AtTogether bool
	// Effect, when set, is a yes/no question of whether a setting changes
	// what was asked ("does stride change the number of parameters?"):
	// the reply answers it first, with the number.
	Effect *Effect
}

// Effect is a yes/no question of whether a layer's setting changes a
// quantity: Setting is "stride", "padding" or "dilation"; Asked is
// "params" or "weights", as in Question.Asked.
type Effect struct {
	Setting string
	Asked   string
}

// At is one layer a question asks about by place.
type At struct {
	// Layer is the 0-based index into Question.Layers.
	Layer int
	// What is what of the layer is asked: "" the quantities in
	// Question.Asked; AtOutput its output ("the size after conv1");
	// AtInFeatures the values flattened into it, a Linear's in_features;
	// AtFlattened its output flattened, the in_features of a Linear after
	// it that the reading does not hold ("fc1 in = ?" below the convs).
	What string
	// Name is how the question names the layer: "conv2", "the maxpool",
	// "fc1".
	Name string
}

// What an At asks of its layer.
const (
	AtOutput     = "output"
	AtInFeatures = "in_features"
	AtFlattened  = "flattened"
)

// Unused is a number of the question that the reading left out. An empty
// Why means the front-end cannot say why.
type Unused struct {
	Text string   // the number as written
	Pos  Position // where it was written
	Why  string   // "the batch size does not change the parameter count"
}

// Fix is a corrected line of the asker's own code.
type Fix struct {
	Layer int    // 0-based index into Question.Layers
	Line  string // the corrected line, in the asker's framework
	Why   string // what was wrong
}

// Layer is one calc layer with where it was written.
type Layer struct {
	calc.Layer
	// Pos is where the layer starts; Fields maps a calc.Error field name
	// ("stride", "in", "groups", ...) to where that setting was written.
	Pos    Position
	Fields map[string]Position
}

// Locate turns an error from calc about layer i (0-based) of q into a
// positioned *Error, using the position of the field at fault when known.
func (q *Question) Locate(i int, err error) *Error {
	e := &Error{Msg: err.Error()}
	var pos Position
	if i >= 0 && i < len(q.Layers) {
		l := q.Layers[i]
		pos = l.Pos
		if ce, ok := err.(*calc.Error); ok {
			e.Msg, e.Hint = ce.Msg, ce.Hint
			if p, ok := l.Fields[ce.Field]; ok {
				pos = p
			}
		}
		if q.Network {
			e.Layer = i + 1
		}
	}
	e.Line, e.Col = pos.Line, pos.Col
	return e
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
	case calc.Gate:
		part = b.Layers
		what = fmt.Sprintf("gate layer %d", be.Index+1)
	}
	if be.Index < len(part) {
		return part[be.Index], what
	}
	return nil, what
}

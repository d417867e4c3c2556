package grammar

import "github.com/cnnbot/cnnbot/calc"

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
	// Asked lists the quantities the text asked for ("params",
	// "output", "connections", "macs", "flops", "neurons", "receptive field",
	// "memory", ...); empty means everything.
	Asked []string
	// Framework is "pytorch", "keras" or "" (the spec language, PyTorch's
	// conventions).
	Framework string
	// Batch is the batch size for memory estimates (`batch 64`); zero
	// means 1.
	Batch int
	// Depth is how many levels of blocks a network's table shows
	// (`depth 2`, as torchinfo's depth); zero leaves it to the renderer.
	Depth int
	// Solve, when set, is an inverse question ("what padding keeps 28x28?")
	// and Layers may be empty.
	Solve *calc.Solved
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

package calc

import (
	"fmt"
	"slices"
)

// Blocks are layers made of layers. Their Apply composes their children:
// the [Report] of a block sums its children's counts (parameters, buffers,
// MACs), holds their reports in Children (a block shows as rows of a
// table), and has as Window the window of
// the whole block — along the widest path where branches run side by side
// (Araujo et al., Distill 2019: "several paths: the largest").
//
// The kinds of the reports a block produces:
//
//	"block"     a named group of layers run in order ([Sequence])
//	"repeat"    a body run several times ([Repeat]); Children are the passes' layers, in order
//	"residual"  a body added to its input or to a shortcut ([Residual]); Children are the
//	            body's layers, then one "shortcut" report when there is a projection
//	"concat"    branches joined along channels ([Concat]); Children are one "branch" report each
//	"gate"      squeeze-and-excitation ([Gate]); Children are the layers that compute the weights
const (
	KindBlock    = "block"
	KindRepeat   = "repeat"
	KindResidual = "residual"
	KindShortcut = "shortcut"
	KindConcat   = "concat"
	KindBranch   = "branch"
)

// IsBlock reports whether r is the report of a block (its numbers are the
// sums of its Children) rather than of a single layer.
func IsBlock(r Report) bool {
	switch r.Kind {
	case KindBlock, KindRepeat, KindResidual, KindShortcut, KindConcat, KindBranch, KindGate:
		return true
	}
	return false
}

// MaxRepeat is the largest repeat count a [Repeat] accepts.
const MaxRepeat = 1000

// Sequence is layers run one after another and shown as one group: a stage
// of a network such as ResNet's "layer1". Name is optional; an empty
// Sequence passes its input through.
type Sequence struct {
	Name   string
	Layers []Layer
}

// Kind is "block".
func (Sequence) Kind() string { return KindBlock }

// Apply runs the layers in order; a failure is a [*BlockError].
func (s Sequence) Apply(in Shape) (Report, error) {
	r, err := chain(KindBlock, s.Layers, in, 0, 0)
	if err != nil {
		return Report{}, err
	}
	if s.Name != "" {
		r.Notes = append(r.Notes, s.Name)
	}
	return r, nil
}

// Repeat runs Layers Times times in a row (Times zero or below is refused):
// `repeat 3 { ... }`. Each pass takes its input from the pass before, so a
// body written without input channels adapts, as DenseNet's layers do.
type Repeat struct {
	Times  int
	Layers []Layer
}

// Kind is "repeat".
func (Repeat) Kind() string { return KindRepeat }

// Apply runs the passes in order; a failure is a [*BlockError] naming the
// pass.
func (rp Repeat) Apply(in Shape) (Report, error) {
	if rp.Times < 1 || rp.Times > MaxRepeat {
		return Report{}, &Error{Field: "times", Msg: fmt.Sprintf("a block repeats 1 to %d times, not %d", MaxRepeat, rp.Times), Hint: "repeat 3 { conv 3x3 64 pad 1; relu }"}
	}
	total := Report{Kind: KindRepeat, Input: in, Output: in, MACsKnown: true, Window: identityOf(in),
		Children: make([]Report, 0, len(rp.Layers)*rp.Times)}
	cur := in
	var last Report
	for pass := 1; pass <= rp.Times; pass++ {
		// Apply is a function of the layer and its input shape alone, so a
		// pass that gives back the shape it took (ResNet's identity blocks)
		// makes the same report for the next pass: reuse it.
		r := last
		if pass == 1 || !last.Output.Equal(last.Input) {
			var err error
			if r, err = chain(KindRepeat, rp.Layers, cur, 0, pass); err != nil {
				return Report{}, err
			}
		}
		if err := total.absorb(r, true); err != nil {
			return Report{}, err
		}
		total.Children = append(total.Children, r.Children...)
		cur = r.Output
		last = r
	}
	total.Output = cur
	total.Steps = []Step{{Quantity: "learnable parameters", Formula: "the sum over the passes", Result: total.Params,
		Note: fmt.Sprintf("each of the %d passes has its own weights", rp.Times)}}
	return total, nil
}

// Residual adds a body's output to its input — or to a shortcut's output
// when Shortcut is not nil (ResNet's projection: a strided 1×1 conv and batch
// norm). Whatever follows the addition (ResNet's relu) is written after the
// block. The two must have the same shape.
//
// ShortcutFirst runs the shortcut before the body (RegNet's forward is
// proj(x) + f(x), ResNet's f(x) + downsample(x)): it changes only the order
// of the report's Children, the shortcut's report first, never a number.
type Residual struct {
	Body          []Layer
	Shortcut      []Layer // nil: the identity
	ShortcutFirst bool
}

// Kind is "residual".
func (Residual) Kind() string { return KindResidual }

// Apply runs the body and the shortcut on in and checks that they can be
// added.
func (rs Residual) Apply(in Shape) (Report, error) {
	body, err := chain(KindResidual, rs.Body, in, 0, 0)
	if err != nil {
		return Report{}, err
	}
	r := body
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "body + shortcut", Result: body.Params,
		Note: "the addition itself learns nothing"}}
	side := Report{Kind: KindShortcut, Input: in, Output: in, MACsKnown: true, Window: identityOf(in)}
	if rs.Shortcut != nil {
		if side, err = chain(KindShortcut, rs.Shortcut, in, 1, 0); err != nil {
			return Report{}, err
		}
		if err := r.absorb(side, false); err != nil {
			return Report{}, err
		}
		if rs.ShortcutFirst {
			r.Children = append([]Report{side}, r.Children...)
		} else {
			r.Children = append(r.Children, side)
		}
		r.Steps[0] = Step{Quantity: "learnable parameters", Formula: "body + shortcut", Values: []Binding{{"body", int64(body.Params)}, {"shortcut", int64(side.Params)}}, Result: r.Params,
			Note: "the addition itself learns nothing"}
	}
	if in != nil && !body.Output.Equal(side.Output) {
		what := "its input"
		hint := fmt.Sprintf("give it a projection shortcut: residual { ... } shortcut { conv 1x1 %d stride S nobias; batchnorm }", channels(body.Output))
		if rs.Shortcut != nil {
			what = "the shortcut's output"
			hint = "make the shortcut's stride and channels match the body's"
		}
		return Report{}, &Error{Field: "add",
			Msg:  fmt.Sprintf("the body gives %s but %s is %s: a residual block adds them, so they must have the same shape", formatShape(body.Output), what, formatShape(side.Output)),
			Hint: hint}
	}
	r.Window = widest(body.Window, side.Window)
	return r, nil
}

// Concat runs each branch on the same input and joins their outputs along
// the channels (GoogLeNet's inception, SqueezeNet's fire, DenseNet's dense
// layer). An empty branch is the input itself. The branches must agree on
// every dimension but the channels, which add up.
type Concat struct {
	Branches [][]Layer
}

// Kind is "concat".
func (Concat) Kind() string { return KindConcat }

// Apply runs the branches and joins them.
func (c Concat) Apply(in Shape) (Report, error) {
	if len(c.Branches) == 0 {
		return Report{}, &Error{Field: "branch", Msg: "concat needs at least one branch", Hint: "concat { branch { conv 1x1 64 } branch { conv 3x3 64 pad 1 } }"}
	}
	r := Report{Kind: KindConcat, Input: in, MACsKnown: true}
	var out Shape
	var win []Window
	for i, layers := range c.Branches {
		b, err := chain(KindBranch, layers, in, i, 0)
		if err != nil {
			return Report{}, err
		}
		if err := r.absorb(b, false); err != nil {
			return Report{}, err
		}
		r.Children = append(r.Children, b)
		win = widest(win, b.Window)
		switch {
		case in == nil:
		case i == 0:
			out = append(Shape{}, b.Output...)
		case len(b.Output) < 2 || len(b.Output) != len(out) || !Shape(b.Output[1:]).Equal(out[1:]):
			return Report{}, &Error{Field: "branch",
				Msg: fmt.Sprintf("branch %d gives %s but branch 1 gives %s: concatenation along the channels needs the same size in every other dimension",
					i+1, formatShape(b.Output), formatShape(r.Children[0].Output)),
				Hint: "give the branches the same stride and padding (a 3×3 conv keeps the size with pad 1, a 5×5 with pad 2)"}
		default:
			sum, err := add(int64(out[0]), int64(b.Output[0]))
			if err != nil || sum > MaxSize {
				return Report{}, errorf("branch", "the concatenation has more channels than any real layer")
			}
			out[0] = int(sum)
		}
	}
	if in != nil && len(out) < 2 {
		return Report{}, &Error{Field: "branch", Msg: fmt.Sprintf("the branches give %s: concatenation joins channels of maps, not flat vectors", formatShape(out)), Hint: "concatenate before flatten"}
	}
	r.Output = out
	r.Window = win
	r.Steps = []Step{{Quantity: "output channels", Formula: "the sum of the branches' channels", Result: int64(channels(out)),
		Note: "the branches see the same input and their outputs are stacked along the channels"}}
	return r, nil
}

// BlockError is a failure inside a block: Part is the branch of a concat
// (0-based) or, in a residual, 0 for the body and 1 for the shortcut (0
// elsewhere); Index is the 0-based position of the failing layer within its
// part; Pass is the 1-based pass of a repeat (0 elsewhere); Name is the
// failing layer's kind. Err may itself be a *BlockError, one level deeper.
type BlockError struct {
	Part, Index, Pass int
	Name              string
	Err               error
}

// Error reads "pass 2, layer 3 (conv2d): ...", innermost last.
func (e *BlockError) Error() string {
	where := fmt.Sprintf("layer %d (%s)", e.Index+1, e.Name)
	if e.Pass > 0 {
		where = fmt.Sprintf("pass %d, %s", e.Pass, where)
	}
	return where + ": " + e.Err.Error()
}

// Unwrap returns the failure one level down.
func (e *BlockError) Unwrap() error { return e.Err }

// chain runs layers in order on in and returns a report of kind with their
// sums and composed window; part and pass locate a failure.
func chain(kind string, layers []Layer, in Shape, part, pass int) (Report, error) {
	r := Report{Kind: kind, Input: in, Output: in, MACsKnown: true, Window: identityOf(in), Children: make([]Report, 0, len(layers))}
	cur := in
	for i, l := range layers {
		c, err := l.Apply(cur)
		if err == nil {
			err = r.absorb(c, true)
		}
		if err != nil {
			return Report{}, &BlockError{Part: part, Index: i, Pass: pass, Name: l.Kind(), Err: err}
		}
		r.Children = append(r.Children, c)
		cur = c.Output
	}
	r.Output = cur
	return r, nil
}

// absorb adds c's counts to r; seq composes c's window after r's (c runs
// after what r holds) instead of keeping r's own.
func (r *Report) absorb(c Report, seq bool) error {
	var a acc
	r.Weights = a.add(r.Weights, c.Weights)
	r.Biases = a.add(r.Biases, c.Biases)
	r.Params = a.add(r.Params, c.Params)
	r.Buffers = a.add(r.Buffers, c.Buffers)
	r.MACs = a.add(r.MACs, c.MACs)
	r.MACsKnown = r.MACsKnown && c.MACsKnown
	if seq {
		r.Window = follow(r.Window, c)
	}
	return a.err
}

// follow is the field of a stack with field w after a layer with report c:
// composed where both have windows of the same dimensions, nil once the
// spatial layout is gone.
func follow(w []Window, c Report) []Window {
	switch {
	case w != nil && c.Window != nil && len(c.Window) == len(w):
		return Compose(w, c.Window)
	case w != nil && len(w) == 0 && c.Window != nil:
		// The input size is unknown: the field still starts at the
		// first layer with a window ("receptive field of three 3×3 convs").
		return Compose(identityWindows(len(c.Window)), c.Window)
	case c.Output == nil && c.Input == nil:
		return w // sizes unknown, layout kept
	case len(c.Output) < 2:
		return nil
	}
	return w
}

// widest keeps, per dimension, the larger of two windows (the receptive
// field of parallel paths is that of the widest).
func widest(a, b []Window) []Window {
	if a == nil || len(a) != len(b) {
		if a == nil {
			return slices.Clone(b)
		}
		return slices.Clone(a)
	}
	out := make([]Window, len(a))
	for i := range a {
		out[i] = a[i]
		if b[i].Size > a[i].Size {
			out[i] = b[i]
		}
	}
	return out
}

func identityOf(in Shape) []Window {
	if len(in) < 2 {
		return nil
	}
	return identityWindows(len(in) - 1)
}

func channels(s Shape) int {
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

// Leaves counts the single layers of l once its blocks are unrolled (a
// repeat counts its body once per pass), saturating at limit+1 so that a
// nest of repeats cannot overflow.
func Leaves(l Layer, limit int64) int64 {
	count := func(ls []Layer) int64 {
		var n int64
		for _, c := range ls {
			n += Leaves(c, limit)
			if n > limit {
				return limit + 1
			}
		}
		return n
	}
	switch b := l.(type) {
	case Sequence:
		return count(b.Layers)
	case Repeat:
		n := count(b.Layers)
		if n > 0 && int64(b.Times) > (limit+1)/n {
			return limit + 1
		}
		return min(n*int64(max(b.Times, 0)), limit+1)
	case Residual:
		return min(count(b.Body)+count(b.Shortcut), limit+1)
	case Concat:
		var n int64
		for _, br := range b.Branches {
			n += count(br)
			if n > limit {
				return limit + 1
			}
		}
		return n
	case Gate:
		return count(b.Layers)
	}
	return 1
}

// At returns the layer at path below l, as [Row.Path] numbers a summary's
// rows: the 1-based child at each level, where a repeat's children run
// through its passes, a residual's last child is its shortcut (when it has
// one; its first with ShortcutFirst) and a concat's children are its
// branches. A shortcut or a branch is
// returned as a [Sequence] of its layers. ok is false when path leads
// nowhere.
func At(l Layer, path []int) (layer Layer, ok bool) {
	for _, p := range path {
		i := p - 1
		if i < 0 {
			return nil, false
		}
		switch b := l.(type) {
		case Sequence:
			if i >= len(b.Layers) {
				return nil, false
			}
			l = b.Layers[i]
		case Repeat:
			if len(b.Layers) == 0 || i >= len(b.Layers)*b.Times {
				return nil, false
			}
			l = b.Layers[i%len(b.Layers)]
		case Residual:
			if b.ShortcutFirst && b.Shortcut != nil && i <= len(b.Body) {
				// The shortcut is the first child: number it last, as
				// without ShortcutFirst.
				i = (i + len(b.Body)) % (len(b.Body) + 1)
			}
			switch {
			case i < len(b.Body):
				l = b.Body[i]
			case i == len(b.Body) && b.Shortcut != nil:
				l = Sequence{Name: KindShortcut, Layers: b.Shortcut}
			default:
				return nil, false
			}
		case Concat:
			if i >= len(b.Branches) {
				return nil, false
			}
			l = Sequence{Name: KindBranch, Layers: b.Branches[i]}
		case Gate:
			if i >= len(b.Layers) {
				return nil, false
			}
			l = b.Layers[i]
		default:
			return nil, false
		}
	}
	return l, true
}

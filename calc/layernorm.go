package calc

import "fmt"

// LayerNorm normalizes over the trailing dimensions Shape of its input
// (PyTorch nn.LayerNorm(normalized_shape)). A nil Shape normalizes over the
// channels alone (Keras LayerNormalization's axis=-1 on channels-last data).
// It learns a scale and a shift per normalized value.
type LayerNorm struct {
	Shape    []int
	NoAffine bool // elementwise_affine=False: nothing learned
	NoBias   bool // bias=False: the scale only
}

// Kind is "layernorm".
func (LayerNorm) Kind() string { return "layernorm" }

// Apply checks in's trailing dimensions against Shape and counts.
func (l LayerNorm) Apply(in Shape) (Report, error) {
	for _, d := range l.Shape {
		if err := checkCount("shape", d, 1); err != nil {
			return Report{}, err
		}
	}
	shape := l.Shape
	if shape == nil {
		if in == nil {
			return Report{}, &Error{Field: "shape", Msg: "the normalized size is not known", Hint: "give it, e.g. LayerNorm(512)"}
		}
		shape = []int{in[0]}
	} else if in != nil {
		if len(shape) > len(in) {
			return Report{}, &Error{Field: "shape", Msg: fmt.Sprintf("normalized shape %s has more dimensions than the input %s", formatShape(shape), formatShape(in))}
		}
		tail := in[len(in)-len(shape):]
		if !Shape(shape).Equal(tail) {
			return Report{}, &Error{Field: "shape", Msg: fmt.Sprintf("normalized shape %s must match the input's last dimensions %s", formatShape(shape), formatShape(tail)),
				Hint: fmt.Sprintf("write LayerNorm(%s)", formatShape(tail))}
		}
	}
	xs := make([]int64, len(shape))
	for i, d := range shape {
		xs[i] = int64(d)
	}
	n, err := product(xs...)
	if err != nil {
		return Report{}, err
	}
	r := Report{Kind: l.Kind(), Input: in, Output: in, MACsKnown: in != nil}
	if len(in) > 1 {
		r.Window = identityWindows(len(in) - 1)
	}
	if !l.NoAffine {
		r.Weights = n
		if !l.NoBias {
			r.Biases = n
		}
	}
	r.Params = r.Weights + r.Biases
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "2·N", Values: []Binding{{"N", int64(n)}}, Result: r.Params,
		Note: "a scale and a shift for each normalized value; unlike batch norm, no running statistics"}}
	if l.NoAffine {
		r.Steps[0].Formula, r.Steps[0].Values, r.Steps[0].Note = "0", nil, "elementwise_affine=False: nothing learned"
	} else if l.NoBias {
		r.Steps[0].Formula, r.Steps[0].Note = "N", "bias=False: a scale only"
	}
	return r, nil
}

// GroupNorm normalizes C channels in Groups groups (PyTorch nn.GroupNorm).
// C zero means "the channels of the input".
type GroupNorm struct {
	Groups, C int
	NoAffine  bool // affine=False: nothing learned
}

// Kind is "groupnorm".
func (GroupNorm) Kind() string { return "groupnorm" }

// Apply checks the channels and counts.
func (g GroupNorm) Apply(in Shape) (Report, error) {
	if err := checkCount("groups", g.Groups, 1); err != nil {
		return Report{}, err
	}
	c := g.C
	if in != nil {
		if c == 0 {
			c = in[0]
		} else if c != in[0] {
			return Report{}, &Error{Field: "in", Msg: fmt.Sprintf("group norm over %d channels, but the input has %d", c, in[0]),
				Hint: fmt.Sprintf("write GroupNorm(%d, %d)", g.Groups, in[0])}
		}
	}
	if err := checkCount("in", c, 1); err != nil {
		return Report{}, err
	}
	if c%g.Groups != 0 {
		return Report{}, &Error{Field: "groups", Msg: fmt.Sprintf("%d groups do not divide the %d channels", g.Groups, c),
			Hint: "use a number of groups that divides the channels, e.g. 32 for 256"}
	}
	r := Report{Kind: g.Kind(), Input: in, Output: in, MACsKnown: in != nil}
	if len(in) > 1 {
		r.Window = identityWindows(len(in) - 1)
	}
	if !g.NoAffine {
		r.Weights, r.Biases = int64(c), int64(c)
	}
	r.Params = r.Weights + r.Biases
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "2·C", Values: []Binding{{"C", int64(c)}}, Result: r.Params,
		Note: "a scale and a shift per channel, whatever the number of groups; no running statistics"}}
	if g.NoAffine {
		r.Steps[0].Formula, r.Steps[0].Values, r.Steps[0].Note = "0", nil, "affine=False: nothing learned"
	}
	return r, nil
}

package calc

import "fmt"

// KindGate is the kind of a [Gate]'s report.
const KindGate = "gate"

// Gate is squeeze-and-excitation (Hu et al., 2018): its Layers — a global
// average pool, a 1×1 conv down, an activation, a 1×1 conv back up and a
// sigmoid in SENet, EfficientNet and RegNetY; hardsigmoid in MobileNetV3 —
// compute one weight per channel from the block's input, and the gate
// multiplies the input by them. The output is the input's shape; the
// parameters are the layers'; the multiplication learns nothing and counts
// no MACs (only conv and linear layers do, as torchvision counts).
//
// Layers must end in one value per channel ([C, 1, 1] for an input
// [C, H, W]) or in the input's own shape; anything else is an [*Error].
// An empty Gate is refused.
type Gate struct {
	Layers []Layer
}

// Kind is "gate".
func (Gate) Kind() string { return KindGate }

// Apply runs the layers on in and checks that their output can scale it.
//
// The receptive field: the weights come from a global average, so strictly
// every output depends on the whole input through them; the report's
// Window follows the path the features take (the gate keeps each position
// where it is), and a note says so.
func (g Gate) Apply(in Shape) (Report, error) {
	example := "gate { adaptiveavgpool 1; conv 1x1 8; relu; conv 1x1 32; sigmoid }"
	if len(g.Layers) == 0 {
		return Report{}, &Error{Field: "gate", Msg: "a gate needs the layers that compute its weights", Hint: example}
	}
	body, err := chain(KindGate, g.Layers, in, 0, 0)
	if err != nil {
		return Report{}, err
	}
	r := body
	r.Output = in
	r.Window = identityOf(in)
	if in != nil && !gateFits(in, body.Output) {
		return Report{}, &Error{Field: "gate",
			Msg: fmt.Sprintf("the gate's layers give %s but the input is %s: a gate multiplies the input by one weight per channel, so they must end in %s",
				formatShape(body.Output), formatShape(in), formatShape(perChannel(in))),
			Hint: example}
	}
	r.Steps = []Step{
		{Quantity: "learnable parameters", Formula: "the sum of the gate's layers", Result: body.Params,
			Note: "multiplying the input by the weights learns nothing"},
		{Quantity: "output shape", Formula: "the input's: each channel scaled by its weight in (0, 1)", Result: int64(channels(in)),
			Note: "squeeze (pool to one value per channel), excite (two 1×1 convs through a bottleneck), scale the input"},
	}
	r.Notes = append(r.Notes, "the gate's weights average the whole map: the receptive field shown follows the features, which keep their positions")
	return r, nil
}

// gateFits reports whether out can scale in: one value per channel, or in's
// own shape.
func gateFits(in, out Shape) bool {
	return out.Equal(in) || out.Equal(perChannel(in))
}

// perChannel is [C, 1, 1, ...] for in.
func perChannel(in Shape) Shape {
	out := Shape{channels(in)}
	for range in.Spatial() {
		out = append(out, 1)
	}
	return out
}

// StochasticDepth drops a residual branch at random while training
// (Huang et al., 2016; torchvision's StochasticDepth): P is the drop
// probability in [0, 1], 0 when not given (it changes no count). No
// parameters; the shape passes through.
type StochasticDepth struct{ P float64 }

// Kind is "stochasticdepth".
func (StochasticDepth) Kind() string { return "stochasticdepth" }

// Apply passes the shape through.
func (s StochasticDepth) Apply(in Shape) (Report, error) {
	if s.P < 0 || s.P > 1 {
		return Report{}, &Error{Field: "p", Msg: fmt.Sprintf("a drop probability is between 0 and 1, not %g", s.P), Hint: "write stochasticdepth 0.2"}
	}
	return explained(passThrough(s.Kind(), in),
		"stochastic depth has no parameters: while training it drops the whole residual branch of a sample at random, and does nothing at inference"), nil
}

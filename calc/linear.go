package calc

import "fmt"

// Linear is a fully connected layer (PyTorch nn.Linear, Keras Dense). In
// zero means "the size of the input", inside a network.
//
// On a flat input [In] it is one layer of neurons. On an input of more
// dimensions whose last is In — given explicitly — it applies the same
// weights at every position along the others, as nn.Linear does
// (ConvNeXt's pointwise layers on [H, W, C]); its MACs count every
// position. With In not given, such an input is refused: a forgotten
// flatten is the likelier mistake.
type Linear struct {
	In, Out int
	NoBias  bool // zero value: the layer has a bias
}

// Kind is "linear".
func (Linear) Kind() string { return "linear" }

// Apply sizes the layer for input [In] (nil stands for [In]).
func (l Linear) Apply(in Shape) (Report, error) {
	if l.In != 0 {
		if err := checkCount("in", l.In, 1); err != nil {
			return Report{}, err
		}
	}
	if err := checkCount("out", l.Out, 1); err != nil {
		return Report{}, err
	}
	n := l.In
	if len(in) > 1 && l.In != 0 && in[len(in)-1] == l.In {
		return l.pointwise(in)
	}
	if in != nil {
		if len(in) != 1 {
			elems, _ := in.Elements()
			return Report{}, &Error{Field: "input",
				Msg:  fmt.Sprintf("a linear layer takes a flat vector, but it receives %s", formatShape(in)),
				Hint: fmt.Sprintf("put flatten before it: %s flattens to %d values", formatShape(in), elems)}
		}
		if n == 0 {
			n = in[0]
		} else if n != in[0] {
			return Report{}, &Error{Field: "in",
				Msg:  fmt.Sprintf("the layer expects %d inputs but receives %d", n, in[0]),
				Hint: fmt.Sprintf("write linear %d->%d", in[0], l.Out)}
		}
	}
	if n == 0 {
		return Report{}, &Error{Field: "in", Msg: "the number of inputs is not known", Hint: fmt.Sprintf("give it as In->Out, e.g. linear 512->%d", l.Out)}
	}
	if in == nil {
		in = Shape{n}
	}
	var a acc
	r := Report{Kind: l.Kind(), Input: in, Output: Shape{l.Out}, MACsKnown: true}
	r.Connections = int64(n)
	b := "plus 1 bias"
	if l.NoBias {
		b = "and no bias"
	}
	r.Steps = append(r.Steps, Step{Quantity: "connections per neuron", Formula: "In", Values: []Binding{{"In", int64(n)}}, Result: int64(n),
		Note: "every output neuron reads every input, " + b})
	r.Weights = a.mul(int64(n), int64(l.Out))
	r.Steps = append(r.Steps, Step{Quantity: "weights", Formula: "In·Out", Values: []Binding{{"In", int64(n)}, {"Out", int64(l.Out)}}, Result: r.Weights})
	if !l.NoBias {
		r.Biases = int64(l.Out)
	}
	r.Steps = append(r.Steps, Step{Quantity: "biases", Formula: "Out", Values: []Binding{{"Out", int64(l.Out)}}, Result: r.Biases, Note: biasNote(!l.NoBias, "output neuron")})
	r.Params = a.add(r.Weights, r.Biases)
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "weights + biases", Values: []Binding{{"weights", int64(r.Weights)}, {"biases", int64(r.Biases)}}, Result: r.Params})
	r.MACs = r.Weights
	r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: "In·Out", Values: []Binding{{"In", int64(n)}, {"Out", int64(l.Out)}}, Result: r.MACs,
		Note: "one per weight, bias excluded; FLOPs ≈ 2 × MACs"})
	if a.err != nil {
		return Report{}, a.err
	}
	return r, nil
}

// pointwise applies l at every position of in, whose last dimension is
// l.In: the counts of a flat layer, the MACs once per position.
func (l Linear) pointwise(in Shape) (Report, error) {
	r, err := l.Apply(Shape{l.In})
	if err != nil {
		return Report{}, err
	}
	positions, err := in[:len(in)-1].Elements()
	if err != nil {
		return Report{}, err
	}
	r.Input = in
	r.Output = append(append(Shape{}, in[:len(in)-1]...), l.Out)
	var a acc
	r.MACs = a.mul(positions, r.Weights)
	if a.err != nil {
		return Report{}, a.err
	}
	r.Steps[len(r.Steps)-1] = Step{Quantity: "multiply-accumulates", Formula: "positions·In·Out",
		Values: []Binding{{"positions", positions}, {"In", int64(l.In)}, {"Out", int64(l.Out)}}, Result: r.MACs,
		Note: fmt.Sprintf("the same weights at each of the %d positions of %s (every dimension but the last), bias excluded; FLOPs ≈ 2 × MACs", positions, formatShape(in))}
	r.Notes = append(r.Notes, "a linear layer on a tensor of several dimensions acts on the last one, at every position of the others, as nn.Linear does")
	return r, nil
}

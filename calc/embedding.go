package calc

import "fmt"

// Embedding is a lookup table of Vocab vectors of Dim values (PyTorch
// nn.Embedding, Keras Embedding). Its input is [L] token indices (or nil);
// its output [Dim, L], features first like a conv1d's.
type Embedding struct {
	Vocab, Dim int
}

// Kind is "embedding".
func (Embedding) Kind() string { return "embedding" }

// Apply counts the table and sizes the output for a sequence [L].
func (e Embedding) Apply(in Shape) (Report, error) {
	if err := checkCount("in", e.Vocab, 1); err != nil {
		return Report{}, err
	}
	if err := checkCount("out", e.Dim, 1); err != nil {
		return Report{}, err
	}
	var a acc
	r := Report{Kind: e.Kind(), Input: in}
	r.Weights = a.mul(int64(e.Vocab), int64(e.Dim))
	r.Params = r.Weights
	r.Steps = []Step{
		{Quantity: "weights", Formula: "vocab·dim", Values: []Binding{{"vocab", int64(e.Vocab)}, {"dim", int64(e.Dim)}}, Result: r.Weights,
			Note: "one learned vector per token of the vocabulary; no bias"},
		{Quantity: "learnable parameters", Formula: "weights", Values: []Binding{{"weights", int64(r.Weights)}}, Result: r.Params,
			Note: "a lookup, not a multiplication: no MACs"},
	}
	if a.err != nil {
		return Report{}, a.err
	}
	if in != nil {
		if len(in) != 1 {
			return Report{}, &Error{Field: "input", Msg: fmt.Sprintf("an embedding takes a sequence of token indices [L], but it receives %s", formatShape(in)),
				Hint: "give the sequence length, e.g. input 100"}
		}
		r.Output = Shape{e.Dim, in[0]}
		r.MACsKnown = true
	}
	return r, nil
}

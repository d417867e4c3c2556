package calc

import "fmt"

// PReLU is a ReLU whose slope for negative values is learned (He et al.,
// 2015; PyTorch's nn.PReLU(num_parameters)). N is num_parameters: one
// slope shared by every channel (N zero or 1, PyTorch's default) or one
// per channel, when N must equal the input's channels, as PyTorch checks
// at the first forward. The shape is kept; N parameters, no bias.
type PReLU struct{ N int }

// Kind is "prelu".
func (PReLU) Kind() string { return "prelu" }

// Apply checks N against the input's channels and counts.
func (p PReLU) Apply(in Shape) (Report, error) {
	n := p.N
	if n == 0 {
		n = 1
	}
	if err := checkCount("in", n, 1); err != nil {
		return Report{}, err
	}
	if n > 1 && len(in) > 0 && in[0] != n {
		return Report{}, &Error{Field: "in", Msg: fmt.Sprintf("prelu learns %d slopes, one per channel, but the input has %d channels (PyTorch: \"Mismatch of parameter numbers and input channel size\")", n, in[0]),
			Hint: fmt.Sprintf("write prelu %d, or prelu 1 for one shared slope", in[0])}
	}
	r := passThrough(p.Kind(), in)
	r.Weights, r.Params = int64(n), int64(n)
	note := "one slope a for negative values, shared by every channel (num_parameters=1, PyTorch's default)"
	if n > 1 {
		note = "one slope a for negative values per channel (num_parameters = the channels); ReLU itself learns nothing"
	}
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "num_parameters", Result: r.Params, Note: note}}
	return r, nil
}

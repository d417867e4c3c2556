package calc

import "fmt"

// BatchNorm is batch normalization over channels (PyTorch BatchNorm1d/2d/3d).
// C zero means "the channels of the input", inside a network. It learns a
// scale γ and a shift β per channel and keeps a running mean and variance
// per channel as buffers.
type BatchNorm struct {
	C        int
	NoAffine bool // zero value: γ and β are learned, as in PyTorch
	// Keras adds the count Keras's model.summary() shows: the running
	// statistics too (4·C, of which 2·C non-trainable). The learnable
	// parameters are the same.
	Keras bool
}

// Kind is "batchnorm".
func (BatchNorm) Kind() string { return "batchnorm" }

// Apply checks the channels of in (which may be nil) and counts.
func (b BatchNorm) Apply(in Shape) (Report, error) {
	c := b.C
	if c != 0 {
		if err := checkCount("in", c, 1); err != nil {
			return Report{}, err
		}
	}
	if in != nil {
		if c == 0 {
			c = in[0]
		} else if c != in[0] {
			return Report{}, &Error{Field: "in",
				Msg:  fmt.Sprintf("batch norm over %d channels, but the input has %d", c, in[0]),
				Hint: fmt.Sprintf("write batchnorm %d", in[0])}
		}
	}
	if c == 0 {
		return Report{}, &Error{Field: "in", Msg: "the number of channels is not known", Hint: "write batchnorm 64"}
	}
	r := Report{Kind: b.Kind(), Input: in, Output: in, MACsKnown: in != nil}
	if in != nil {
		r.Window = identityWindows(len(in) - 1)
	}
	if !b.NoAffine {
		r.Weights, r.Biases = int64(c), int64(c)
	}
	r.Params = r.Weights + r.Biases
	r.Buffers = 2 * int64(c)
	r.Steps = append(r.Steps,
		Step{Quantity: "learnable parameters", Formula: "2·C", Values: []Binding{{"C", int64(c)}}, Result: r.Params,
			Note: "a scale γ and a shift β per channel"},
		Step{Quantity: "running statistics (buffers)", Formula: "2·C", Values: []Binding{{"C", int64(c)}}, Result: r.Buffers,
			Note: "a running mean and variance per channel, saved with the model but not learned; Keras's summary counts them too (4·C, 2·C non-trainable)"})
	if b.Keras {
		r.Steps = append(r.Steps, Step{Quantity: "Keras model.summary() params", Formula: "params + buffers",
			Values: []Binding{{"params", int64(r.Params)}, {"buffers", int64(r.Buffers)}}, Result: r.Params + r.Buffers,
			Note: fmt.Sprintf("Keras counts the running mean and variance in its total: %d of them are non-trainable", r.Buffers)})
	}
	if b.NoAffine {
		r.Steps[0].Formula, r.Steps[0].Values, r.Steps[0].Note = "0", nil, "affine=False: nothing learned"
	}
	return r, nil
}

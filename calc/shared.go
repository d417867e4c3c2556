package calc

import "fmt"

// Shared is a layer applied again with the weights of an earlier layer:
// one module object called several times (`for _ in range(5): x =
// self.conv1(x)`, a Siamese network's branch run on two inputs). It is
// sized and computed as Layer is, every time (its output and MACs), but
// its parameters belong to the first application, Of, and are counted
// there only, as PyTorch's model.parameters() counts them.
type Shared struct {
	Layer Layer
	Of    int // the 1-based layer whose weights it uses; zero means "an earlier one"
}

// Kind is the kind of the layer shared.
func (s Shared) Kind() string { return s.Layer.Kind() }

// Apply sizes the layer as Layer, with its learnable parameters and
// buffers moved out of the count (they are the first application's).
func (s Shared) Apply(in Shape) (Report, error) {
	r, err := s.Layer.Apply(in)
	if err != nil {
		return r, err
	}
	if r.Params == 0 && r.Buffers == 0 {
		return r, nil
	}
	which := "an earlier layer's"
	if s.Of > 0 {
		which = fmt.Sprintf("layer %d's", s.Of)
	}
	steps := make([]Step, 0, len(r.Steps)+1)
	for _, st := range r.Steps {
		if st.Quantity != "learnable parameters" && st.Quantity != "weights" && st.Quantity != "biases" {
			steps = append(steps, st)
		}
	}
	r.Steps = append(steps, Step{Quantity: "learnable parameters", Formula: "0 (shared)", Result: 0,
		Note: fmt.Sprintf("the same module applied again: it uses %s weights, which are counted once, there (%d parameters)", which, r.Params)})
	r.Weights, r.Biases, r.Params, r.Buffers = 0, 0, 0, 0
	r.Notes = append(r.Notes, fmt.Sprintf("shares %s weights", which))
	return r, nil
}

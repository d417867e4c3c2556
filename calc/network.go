package calc

// Network is a sequence of layers applied to an input of a known shape.
type Network struct {
	Input  Shape
	Layers []Layer
}

// Row is one layer of a [Summary]: its report, its 1-based position and the
// receptive field of one of its outputs on the network's input.
type Row struct {
	Report
	Index int
	// Field is the receptive field, effective stride and effective padding
	// of this layer's output with respect to the network's input, one entry
	// per spatial dimension; nil once the spatial layout is gone (after
	// flatten).
	Field []Window
}

// Summary is a network sized layer by layer, with its totals.
type Summary struct {
	Input  Shape
	Output Shape
	Rows   []Row

	Params  int64 // learnable parameters
	Buffers int64 // batch norm running statistics
	MACs    int64 // conv and linear multiply-accumulates, bias excluded
}

// Summarize applies the layers in order. When a layer cannot take what
// arrives, it returns the summary of the layers before it together with a
// [*LayerError] naming the layer.
func (n Network) Summarize() (Summary, error) {
	s := Summary{Input: n.Input, Output: n.Input}
	field := identityWindows(max(len(n.Input)-1, 0))
	in := n.Input
	for i, l := range n.Layers {
		r, err := l.Apply(in)
		if err == nil {
			err = s.add(r)
		}
		if err != nil {
			return s, &LayerError{Index: i + 1, Name: l.Kind(), Err: err}
		}
		if field != nil && r.Window != nil && len(r.Window) == len(field) {
			field = Compose(field, r.Window)
		} else if len(r.Output) < 2 {
			field = nil
		}
		s.Rows = append(s.Rows, Row{Report: r, Index: i + 1, Field: field})
		in = r.Output
		s.Output = in
	}
	return s, nil
}

func (s *Summary) add(r Report) error {
	var err error
	if s.Params, err = add(s.Params, r.Params); err != nil {
		return err
	}
	if s.Buffers, err = add(s.Buffers, r.Buffers); err != nil {
		return err
	}
	s.MACs, err = add(s.MACs, r.MACs)
	return err
}

// Compose returns the window of a stack: first then second, per dimension
// (Distill 2019, eq. 2 and its stride and padding companions):
// r = r1 + (k2 − 1)·s1, s = s1·s2, p = p1 + p2·s1.
func Compose(first, second []Window) []Window {
	out := make([]Window, len(first))
	for i, a := range first {
		b := second[i]
		out[i] = Window{Size: a.Size + (b.Size-1)*a.Stride, Stride: a.Stride * b.Stride, Pad: a.Pad + b.Pad*a.Stride}
	}
	return out
}

package calc

import "fmt"

// Cell is the kind of unit a [Recurrent] layer repeats.
type Cell int

const (
	// LSTMCell has four gates: input, forget, cell and output (the zero value).
	LSTMCell Cell = iota
	// GRUCell has three: reset, update and new.
	GRUCell
	// RNNCell is the simple (Elman) cell: one tanh or relu unit.
	RNNCell
)

func (c Cell) gates() int64 {
	switch c {
	case GRUCell:
		return 3
	case RNNCell:
		return 1
	}
	return 4
}

// Recurrent is an LSTM, GRU or simple RNN, possibly stacked and
// bidirectional (PyTorch nn.LSTM/GRU/RNN, Keras LSTM/GRU/SimpleRNN).
//
// Its input shape is [In, L] (features first, like a conv1d's [C, L]) or
// [In] for one step; its output is [Hidden·directions, L], or
// [Hidden·directions] when LastOnly. In zero means "the features of the
// input", inside a network.
type Recurrent struct {
	Cell          Cell
	In, Hidden    int
	Layers        int  // stacked layers; zero means 1
	Bidirectional bool // two directions, each with its own weights
	NoBias        bool // zero value: the layer has biases
	// BiasVectors is the number of bias vectors per gate: zero means 2,
	// PyTorch's b_ih and b_hh. Keras's LSTM and SimpleRNN have 1; Keras's
	// GRU has 2 with reset_after=True (the TF2 default), 1 without.
	BiasVectors int
	// LastOnly returns the last step only (Keras's return_sequences=False).
	LastOnly bool
}

// Kind is "lstm", "gru" or "rnn".
func (r Recurrent) Kind() string {
	return [...]string{"lstm", "gru", "rnn"}[r.Cell]
}

func (r Recurrent) layers() int {
	if r.Layers == 0 {
		return 1
	}
	return r.Layers
}

func (r Recurrent) biasVectors() int64 {
	if r.NoBias {
		return 0
	}
	if r.BiasVectors == 0 {
		return 2
	}
	return int64(r.BiasVectors)
}

// features checks the layer's settings and its input (nil when unknown)
// and returns the number of input features.
func (r Recurrent) features(in Shape) (int, error) {
	if r.Cell < LSTMCell || r.Cell > RNNCell {
		return 0, errorf("cell", "unknown recurrent cell %d", r.Cell)
	}
	if err := checkCount("hidden", r.Hidden, 1); err != nil {
		return 0, err
	}
	if err := checkCount("layers", r.layers(), 1); err != nil {
		return 0, err
	}
	if r.layers() > 1024 {
		return 0, errorf("layers", "%d stacked layers is more than any real network uses", r.layers())
	}
	if r.BiasVectors < 0 || r.BiasVectors > 2 {
		return 0, errorf("bias", "a gate has 1 or 2 bias vectors, not %d", r.BiasVectors)
	}
	n := r.In
	if n != 0 {
		if err := checkCount("in", n, 1); err != nil {
			return 0, err
		}
	}
	if in != nil {
		if len(in) < 1 || len(in) > 2 {
			return 0, &Error{Field: "input", Msg: fmt.Sprintf("%s takes a [features, length] input, but it receives %s", r.Kind(), formatShape(in)),
				Hint: "flatten the spatial dimensions into a sequence first"}
		}
		if n == 0 {
			n = in[0]
		} else if n != in[0] {
			return 0, &Error{Field: "in", Msg: fmt.Sprintf("the layer expects %d input features but receives %d", n, in[0]),
				Hint: fmt.Sprintf("write input_size=%d", in[0])}
		}
	}
	if n == 0 {
		return 0, &Error{Field: "in", Msg: "the number of input features is not known", Hint: "give the input size, e.g. input_size=128"}
	}
	return n, nil
}

// biasNote says how the layer's frameworks count its bias vectors.
func (r Recurrent) biasNote() string {
	switch b := r.biasVectors(); {
	case b == 0:
		return "no bias"
	case b == 2 && r.Cell == GRUCell && r.BiasVectors == 2:
		return "Keras's GRU with reset_after=True (the TF2 default) keeps two bias vectors per gate: 6·H, not 3·H"
	case b == 2:
		return "PyTorch keeps two bias vectors per gate (b_ih and b_hh); Keras keeps one, so its count is smaller by G·H per direction"
	}
	return "Keras keeps one bias vector per gate; PyTorch keeps two (b_ih and b_hh)"
}

// Apply counts the layer for input [In, L], [In] or nil (unknown).
func (r Recurrent) Apply(in Shape) (Report, error) {
	n, err := r.features(in)
	if err != nil {
		return Report{}, err
	}
	g, h, b := r.Cell.gates(), int64(r.Hidden), r.biasVectors()
	dirs := int64(1)
	if r.Bidirectional {
		dirs = 2
	}
	rep := Report{Kind: r.Kind(), Input: in}
	var a acc
	i := int64(n)
	for l := 1; l <= r.layers(); l++ {
		w := a.mul(dirs, g, h, a.add(i, h))
		bias := a.mul(dirs, b, g, h)
		rep.Weights = a.add(rep.Weights, w)
		rep.Biases = a.add(rep.Biases, bias)
		q := "weights"
		if r.layers() > 1 {
			q = fmt.Sprintf("layer %d weights", l)
		}
		note := ""
		if l == 1 {
			note = fmt.Sprintf("%d gate(s), each a matrix on the input (I) and one on the previous hidden state (H)", g)
			if dirs == 2 {
				note += "; ×2 for the two directions"
			}
		} else if l == 2 {
			note = "a stacked layer reads the layer below it: I = H·directions"
		}
		rep.Steps = append(rep.Steps, Step{Quantity: q, Formula: "dirs·G·H·(I + H)", Values: []Binding{{"dirs", int64(dirs)}, {"G", int64(g)}, {"H", int64(h)}, {"I", int64(i)}}, Result: w, Note: note})
		bq := "biases"
		if r.layers() > 1 {
			bq = fmt.Sprintf("layer %d biases", l)
		}
		bnote := ""
		if l == 1 {
			bnote = r.biasNote()
		}
		rep.Steps = append(rep.Steps, Step{Quantity: bq, Formula: "dirs·B·G·H", Values: []Binding{{"dirs", int64(dirs)}, {"B", int64(b)}, {"G", int64(g)}, {"H", int64(h)}}, Result: bias, Note: bnote})
		i = dirs * h
	}
	rep.Params = a.add(rep.Weights, rep.Biases)
	rep.Steps = append(rep.Steps, Step{Quantity: "learnable parameters", Formula: "weights + biases", Values: []Binding{{"weights", int64(rep.Weights)}, {"biases", int64(rep.Biases)}}, Result: rep.Params,
		Note: "the sequence length does not change the count: the same weights are used at every step"})
	rep.Connections = a.add(int64(n), h)
	if in != nil {
		steps := int64(1)
		if len(in) == 2 {
			steps = int64(in[1])
		}
		per := a.mul(rep.Weights, 1)
		rep.MACs = a.mul(per, steps)
		rep.MACsKnown = true
		rep.Steps = append(rep.Steps, Step{Quantity: "multiply-accumulates", Formula: "weights·L", Values: []Binding{{"weights", int64(per)}, {"L", int64(steps)}}, Result: rep.MACs,
			Note: "every weight is used once per step, bias excluded; the element-wise gate products are not counted"})
		out := Shape{int(dirs * h)}
		if len(in) == 2 && !r.LastOnly {
			out = append(out, in[1])
		}
		rep.Output = out
	}
	if a.err != nil {
		return Report{}, a.err
	}
	return rep, nil
}

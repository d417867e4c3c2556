package calc

import (
	"fmt"
	"strconv"
)

// A convolution's worked steps, written from the numbers Conv.apply
// computed (a network's layers skip them).

// convSteps writes a convolution's worked steps from the numbers apply
// computed.
type convSteps struct {
	c   Conv // resolved
	cin int
	ks  []int64
	// Every step's values come from one buffer.
	bb bindings
}

// formulas are the layer's formulas; conns is KH·KW·Cin (/G).
func (e *convSteps) formulas() *convFormula {
	g := 0
	if e.c.groups() > 1 {
		g = 1
	}
	return &convFormulas[e.c.dims()][g]
}

// connValues are the values of the connections' formula.
func (e *convSteps) connValues() []Binding {
	kn := kernelNames[e.c.dims()]
	start := len(e.bb.buf)
	for i, k := range e.ks {
		e.bb.buf = append(e.bb.buf, Binding{kn[i], k})
	}
	e.bb.buf = append(e.bb.buf, Binding{"Cin", int64(e.cin)})
	if g := e.c.groups(); g > 1 {
		e.bb.buf = append(e.bb.buf, Binding{"G", int64(g)})
	}
	return e.bb.from(start)
}

// params writes the steps that do not depend on the input size.
func (e *convSteps) params(r *Report) {
	c, cin := e.c, e.cin
	f := e.formulas()
	vals := e.connValues()
	if !c.Transposed {
		var note []byte
		if g := int64(c.groups()); g > 1 {
			note = fmt.Appendf(nil, "with %d groups a filter spans only its group's %d of the %d input channels", g, int64(cin)/g, cin)
		} else {
			note = make([]byte, 0, 96)
			note = append(note, "each output neuron reads a "...)
			note = appendShapeWords(note, e.ks)
			note = append(note, "×"...)
			note = strconv.AppendInt(note, int64(cin), 10)
			if cin == 1 {
				note = append(note, " block: a filter spans the input's single channel"...)
			} else {
				note = append(note, " block: a filter spans all "...)
				note = strconv.AppendInt(note, int64(cin), 10)
				note = append(note, " input channels"...)
			}
		}
		if !c.NoBias {
			note = append(note, ", plus 1 bias"...)
		}
		r.Steps = append(r.Steps, Step{Quantity: "connections per neuron", Formula: f.conns, Values: vals, Result: r.Connections, Note: string(note)})
	}
	wnote := ""
	if c.Transposed {
		wnote = f.storedAs
	}
	r.Steps = append(r.Steps, Step{Quantity: "weights", Formula: f.weights, Values: e.bb.join(vals, Binding{"Cout", int64(c.Out)}), Result: r.Weights, Note: wnote})
	r.Steps = append(r.Steps, Step{Quantity: "biases", Formula: "Cout", Values: e.bb.of(Binding{"Cout", int64(c.Out)}), Result: r.Biases,
		Note: biasNote(!c.NoBias, "output channel")})
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "weights + biases",
		Values: e.bb.of(Binding{"weights", r.Weights}, Binding{"biases", r.Biases}), Result: r.Params,
		Note: "stride and padding decide where a filter is applied, not how many parameters it has"})
}

// sized writes the steps that need the input size, after the output
// sizes' steps.
func (e *convSteps) sized(r *Report, neurons, flops, bias, total int64) {
	c := e.c
	n := c.dims()
	on := outNames[n]
	start := len(e.bb.buf)
	e.bb.buf = append(e.bb.buf, Binding{"Cout", int64(c.Out)})
	for i := 0; i < n; i++ {
		e.bb.buf = append(e.bb.buf, Binding{on[i], int64(r.Output[i+1])})
	}
	nvals := e.bb.from(start)
	r.Steps = append(r.Steps, Step{Quantity: "output neurons", Formula: neuronFormulas[n], Values: nvals, Result: neurons})
	if c.Transposed {
		sn := spatialNames[n]
		start := len(e.bb.buf)
		e.connValues()
		e.bb.buf = append(e.bb.buf, Binding{"Cout", int64(c.Out)})
		for i := 0; i < n; i++ {
			e.bb.buf = append(e.bb.buf, Binding{sn[i], int64(r.Input[i+1])})
		}
		mvals := e.bb.from(start)
		r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: e.formulas().transposedMACs, Values: mvals, Result: r.MACs,
			Note: "a transposed conv multiplies every input position by the whole kernel (fvcore's count); bias excluded"})
	} else {
		r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: "connections·neurons",
			Values: e.bb.of(Binding{"connections", r.Connections}, Binding{"neurons", neurons}), Result: r.MACs,
			Note: "one multiply-accumulate per weight per output position, bias excluded (fvcore and torchvision count this way); FLOPs ≈ 2 × MACs"})
	}
	r.Steps = append(r.Steps, Step{Quantity: "FLOPs", Formula: "2·MACs", Values: e.bb.of(Binding{"MACs", r.MACs}), Result: flops,
		Note: "one multiply and one add per MAC"})
	if !c.Transposed {
		r.Steps = append(r.Steps, Step{Quantity: "total connections", Formula: "(connections + bias)·neurons",
			Values: e.bb.of(Binding{"connections", r.Connections}, Binding{"bias", bias}, Binding{"neurons", neurons}), Result: total,
			Note: "every input-to-neuron link, as LeNet-5 counts connections; also the parameter count without weight sharing (CS231n): sharing is why a conv needs so few"})
	}
}

// outStep is the worked step of output dimension i, which outSize sized
// as d; its values come from bb (a new buffer when nil).
func (c Conv) outStep(i int, size int64, d dimSize, bb *bindings) Step {
	if bb == nil {
		bb = &bindings{}
	}
	n := c.dims()
	sn := spatialNames[n][i]
	k := int64(per(c.Kernel, i, 1))
	s := int64(per(c.Stride, i, 1))
	dl := int64(per(c.Dilation, i, 1))
	p := int64(per(c.Pad, i, 0))
	if c.PadMode == PadValid {
		p = 0
	}
	f := &outFormulasFor[n][i]
	st := Step{Quantity: dimQuantities[n][i], Result: d.out}
	switch {
	case c.Transposed && c.PadMode == PadSame:
		st.Formula, st.Values = f.timesStride, bb.of(Binding{sn, size}, Binding{"s", s})
		st.Note = "padding \"same\" in a transposed conv multiplies the size by the stride (Keras)"
	case c.Transposed:
		op := int64(per(c.OutPad, i, 0))
		st.Formula = f.transposedFull
		st.Values = bb.of(Binding{sn, size}, Binding{"s", s}, Binding{"p", p}, Binding{"d", dl}, Binding{"k", k}, Binding{"outpad", op})
		if dl == 1 && op == 0 {
			st.Formula = f.transposed
			st.Values = bb.of(Binding{sn, size}, Binding{"s", s}, Binding{"p", p}, Binding{"k", k})
		}
	case c.PadMode == PadSame:
		st.Formula, st.Values = f.same, bb.of(Binding{sn, size}, Binding{"s", s})
		st.Note = fmt.Sprintf("padding \"same\" (TensorFlow's rule): %d padding in all, %d before and %d after", d.total, d.before, d.total-d.before)
	default:
		if dl == 1 {
			st.Formula = f.floor
			st.Values = bb.of(Binding{sn, size}, Binding{"p", p}, Binding{"k", k}, Binding{"s", s})
		} else {
			st.Formula = f.floorDilated
			st.Values = bb.of(Binding{sn, size}, Binding{"p", p}, Binding{"d", dl}, Binding{"k", k}, Binding{"s", s})
		}
		kd := dl*(k-1) + 1
		if rem := (size + 2*p - kd) % s; rem > 0 && size+2*p >= kd {
			st.Note = leftOverNote(rem, size+2*p)
		}
	}
	return st
}

// leftOverNote says that a division by the stride leaves rem of the
// padded input's positions uncovered.
func leftOverNote(rem, padded int64) string {
	b := make([]byte, 0, 180)
	b = append(b, "the division leaves "...)
	b = strconv.AppendInt(b, rem, 10)
	b = append(b, " over: the last "...)
	b = strconv.AppendInt(b, rem, 10)
	b = append(b, " of the padded input's "...)
	b = strconv.AppendInt(b, padded, 10)
	b = append(b, " positions are never covered (CS231n calls such a setting invalid; PyTorch rounds down)"...)
	return string(b)
}

// appendShapeWords appends 3×3.
func appendShapeWords(b []byte, ks []int64) []byte {
	for i, k := range ks {
		if i > 0 {
			b = append(b, "×"...)
		}
		b = strconv.AppendInt(b, k, 10)
	}
	return b
}

package calc

import (
	"fmt"
	"strconv"
	"strings"
)

// convSteps writes a convolution's worked steps from the numbers
// Conv.Apply computed.
type convSteps struct {
	c     Conv // resolved
	cin   int
	ks    []int64
	arena []Binding // the backing array the steps' values share
}

// values copies bs into the conv's one array of bindings: a conv's ten or
// so steps then cost one allocation for their values, not ten.
func (e *convSteps) values(bs ...Binding) []Binding {
	if cap(e.arena)-len(e.arena) < len(bs) {
		e.arena = make([]Binding, 0, max(40, len(bs)))
	}
	start := len(e.arena)
	e.arena = append(e.arena, bs...)
	return e.arena[start:len(e.arena):len(e.arena)]
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
	var buf [6]Binding
	vals := buf[:0]
	for i, k := range e.ks {
		vals = append(vals, Binding{kn[i], k})
	}
	vals = append(vals, Binding{"Cin", int64(e.cin)})
	if g := e.c.groups(); g > 1 {
		vals = append(vals, Binding{"G", int64(g)})
	}
	return e.values(vals...)
}

// params writes the steps that do not depend on the input size.
func (e *convSteps) params(r *Report) {
	c, cin := e.c, e.cin
	f := e.formulas()
	vals := e.connValues()
	if !c.Transposed {
		var note string
		switch g := int64(c.groups()); {
		case g > 1:
			note = fmt.Sprintf("with %d groups a filter spans only its group's %d of the %d input channels", g, int64(cin)/g, cin)
		case cin == 1:
			note = fmt.Sprintf("each output neuron reads a %s×1 block: a filter spans the input's single channel", shapeWords(e.ks))
		default:
			note = fmt.Sprintf("each output neuron reads a %s×%d block: a filter spans all %d input channels", shapeWords(e.ks), cin, cin)
		}
		if !c.NoBias {
			note += ", plus 1 bias"
		}
		r.Steps = append(r.Steps, Step{Quantity: "connections per neuron", Formula: f.conns, Values: vals, Result: r.Connections, Note: note})
	}
	wnote := ""
	if c.Transposed {
		wnote = f.storedAs
	}
	var wb [7]Binding
	wvals := append(append(wb[:0], vals...), Binding{"Cout", int64(c.Out)})
	r.Steps = append(r.Steps, Step{Quantity: "weights", Formula: f.weights, Values: e.values(wvals...), Result: r.Weights, Note: wnote})
	r.Steps = append(r.Steps, Step{Quantity: "biases", Formula: "Cout", Values: e.values(Binding{"Cout", int64(c.Out)}), Result: r.Biases,
		Note: biasNote(!c.NoBias, "output channel")})
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "weights + biases",
		Values: e.values(Binding{"weights", r.Weights}, Binding{"biases", r.Biases}), Result: r.Params,
		Note: "stride and padding decide where a filter is applied, not how many parameters it has"})
}

// sized writes the steps that need the input size, after the output
// sizes' steps.
func (e *convSteps) sized(r *Report, neurons, flops, bias, total int64) {
	c := e.c
	n := c.dims()
	on := outNames[n]
	var buf [4]Binding
	nvals := append(buf[:0], Binding{"Cout", int64(c.Out)})
	for i := 0; i < n; i++ {
		nvals = append(nvals, Binding{on[i], int64(r.Output[i+1])})
	}
	r.Steps = append(r.Steps, Step{Quantity: "output neurons", Formula: neuronFormulas[n], Values: e.values(nvals...), Result: neurons})
	if c.Transposed {
		sn := spatialNames[n]
		mvals := append(e.connValues(), Binding{"Cout", int64(c.Out)})
		for i := 0; i < n; i++ {
			mvals = append(mvals, Binding{sn[i], int64(r.Input[i+1])})
		}
		r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: e.formulas().transposedMACs, Values: mvals, Result: r.MACs,
			Note: "a transposed conv multiplies every input position by the whole kernel (fvcore's count); bias excluded"})
	} else {
		r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: "connections·neurons",
			Values: e.values(Binding{"connections", r.Connections}, Binding{"neurons", neurons}), Result: r.MACs,
			Note: "one multiply-accumulate per weight per output position, bias excluded (fvcore and torchvision count this way); FLOPs ≈ 2 × MACs"})
	}
	r.Steps = append(r.Steps, Step{Quantity: "FLOPs", Formula: "2·MACs", Values: e.values(Binding{"MACs", r.MACs}), Result: flops,
		Note: "one multiply and one add per MAC"})
	if !c.Transposed {
		r.Steps = append(r.Steps, Step{Quantity: "total connections", Formula: "(connections + bias)·neurons",
			Values: e.values(Binding{"connections", r.Connections}, Binding{"bias", bias}, Binding{"neurons", neurons}), Result: total,
			Note: "every input-to-neuron link, as LeNet-5 counts connections; also the parameter count without weight sharing (CS231n): sharing is why a conv needs so few"})
	}
}

// outStep is the worked step of output dimension i, which outSize sized
// as d.
func (c Conv) outStep(i int, size int64, d dimSize) Step {
	n := c.dims()
	sn := spatialNames[n][i]
	k := int64(Per(c.Kernel, i, 1))
	s := int64(Per(c.Stride, i, 1))
	dl := int64(Per(c.Dilation, i, 1))
	p := int64(Per(c.Pad, i, 0))
	if c.PadMode == PadValid {
		p = 0
	}
	f := &outFormulasFor[n][i]
	st := Step{Quantity: dimQuantities[n][i], Result: d.out}
	switch {
	case c.Transposed && c.PadMode == PadSame:
		st.Formula, st.Values = f.timesStride, []Binding{{sn, size}, {"s", s}}
		st.Note = "padding \"same\" in a transposed conv multiplies the size by the stride (Keras)"
	case c.Transposed:
		op := int64(Per(c.OutPad, i, 0))
		st.Formula = f.transposedFull
		st.Values = []Binding{{sn, size}, {"s", s}, {"p", p}, {"d", dl}, {"k", k}, {"outpad", op}}
		if dl == 1 && op == 0 {
			st.Formula = f.transposed
			st.Values = []Binding{{sn, size}, {"s", s}, {"p", p}, {"k", k}}
		}
	case c.PadMode == PadSame:
		st.Formula, st.Values = f.same, []Binding{{sn, size}, {"s", s}}
		st.Note = fmt.Sprintf("padding \"same\" (TensorFlow's rule): %d padding in all, %d before and %d after", d.total, d.before, d.total-d.before)
	default:
		if dl == 1 {
			st.Formula = f.floor
			st.Values = []Binding{{sn, size}, {"p", p}, {"k", k}, {"s", s}}
		} else {
			st.Formula = f.floorDilated
			st.Values = []Binding{{sn, size}, {"p", p}, {"d", dl}, {"k", k}, {"s", s}}
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
	return fmt.Sprintf("the division leaves %d over: the last %d of the padded input's %d positions are never covered (CS231n calls such a setting invalid; PyTorch rounds down)", rem, rem, padded)
}

// shapeWords writes 3×3.
func shapeWords(ks []int64) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = strconv.FormatInt(k, 10)
	}
	return strings.Join(parts, "×")
}

package calc

import (
	"fmt"
	"strconv"
)

// Padding says how a convolution pads its input.
type Padding int

const (
	// PadExplicit pads each side by Pad (the zero value; PyTorch's habit).
	PadExplicit Padding = iota
	// PadSame pads so the output is ceil(in/stride), split as TensorFlow
	// splits it: the smaller half first, the extra at the end.
	PadSame
	// PadValid does not pad.
	PadValid
)

// Conv is a convolution (1-, 2- or 3-D, ordinary or transposed), with
// PyTorch's defaults for its zero values.
//
// Per-dimension settings (Kernel, Stride, Pad, Dilation, OutPad) hold one
// value for every dimension or one value per dimension; nil means the
// default. In zero means "the channels of the input", for layers inside a
// network written without them.
type Conv struct {
	Dims       int   // spatial dimensions: 1, 2 or 3; zero means 2
	Transposed bool  // a transposed ("de-") convolution
	Kernel     []int // required
	In, Out    int   // channels
	Stride     []int // zero value 1
	Pad        []int // zero value 0; used when PadMode is PadExplicit
	PadMode    Padding
	Dilation   []int // zero value 1
	Groups     int   // zero value 1; Groups == In == Out is depthwise
	Depthwise  bool  // one group per input channel: Groups is In, whatever Groups says
	NoBias     bool  // zero value: the layer has a bias, as in PyTorch
	OutPad     []int // transposed only; zero value 0
}

func (c Conv) dims() int {
	if c.Dims == 0 {
		return 2
	}
	return c.Dims
}

func (c Conv) groups() int {
	if c.Groups == 0 {
		return 1
	}
	return c.Groups
}

// resolve fills in what depends on the input channels: In itself when it
// is zero, and Groups for a depthwise layer.
func (c Conv) resolve(in int) Conv {
	if c.In == 0 {
		c.In = in
	}
	if c.Depthwise {
		c.Groups = c.In
	}
	return c
}

// Kind is "conv1d", "conv2d", "conv3d" or "deconv1d", ... .
func (c Conv) Kind() string {
	n := c.dims()
	if n < 1 || n > 3 {
		n = 0
	}
	if c.Transposed {
		return [...]string{"deconv", "deconv1d", "deconv2d", "deconv3d"}[n]
	}
	return [...]string{"conv", "conv1d", "conv2d", "conv3d"}[n]
}

// Validate checks the layer's settings on their own, as PyTorch's
// constructor does; it returns an [*Error] naming the field at fault.
func (c Conv) Validate() error {
	if c.Depthwise {
		if c.In == 0 {
			if c.Out < 1 {
				return errorf("out", "the output channel count must be at least 1 (got %d)", c.Out)
			}
			return nil // checked once the input channels are known
		}
		c = c.resolve(c.In)
	}
	n := c.dims()
	if n < 1 || n > 3 {
		return errorf("dims", "a convolution has 1, 2 or 3 spatial dimensions, not %d", n)
	}
	if len(c.Kernel) == 0 {
		return errorf("kernel", "the kernel size is missing")
	}
	for _, f := range []struct {
		name string
		xs   []int
		lo   int
	}{{"kernel", c.Kernel, 1}, {"stride", c.Stride, 1}, {"pad", c.Pad, 0}, {"dilation", c.Dilation, 1}, {"outpad", c.OutPad, 0}} {
		if err := checkPer(f.name, f.xs, n, f.lo); err != nil {
			return err
		}
	}
	if c.In != 0 {
		if err := checkCount("in", c.In, 1); err != nil {
			return err
		}
	}
	if err := checkCount("out", c.Out, 1); err != nil {
		return err
	}
	if err := checkCount("groups", c.groups(), 1); err != nil {
		return err
	}
	if c.In != 0 {
		if err := c.checkGroups(c.In); err != nil {
			return err
		}
	} else if c.Out%c.groups() != 0 {
		return c.groupsError(c.In)
	}
	if len(c.OutPad) > 0 && !c.Transposed {
		return errorf("outpad", "only a transposed convolution has an output padding")
	}
	for i := 0; i < n; i++ {
		op, s, d := per(c.OutPad, i, 0), per(c.Stride, i, 1), per(c.Dilation, i, 1)
		if op > 0 && op >= s && op >= d {
			return &Error{Field: "outpad",
				Msg:  fmt.Sprintf("output padding %d must be smaller than the stride (%d) or the dilation (%d)", op, s, d),
				Hint: "output padding only picks among the sizes a stride can produce: use a value below the stride"}
		}
	}
	return nil
}

func (c Conv) checkGroups(in int) error {
	g := c.groups()
	if in%g != 0 || c.Out%g != 0 {
		return c.groupsError(in)
	}
	return nil
}

func (c Conv) groupsError(in int) error {
	g := c.groups()
	e := &Error{Field: "groups"}
	switch {
	case in != 0 && in%g != 0:
		e.Msg = fmt.Sprintf("groups %d does not divide the %d input channels", g, in)
	default:
		e.Msg = fmt.Sprintf("groups %d does not divide the %d output channels", g, c.Out)
	}
	e.Hint = "each group takes In/G input channels to Out/G output channels, so G must divide both"
	return e
}

// Apply sizes the convolution for input shape in ([Cin, spatial...]), or for
// an unknown input size when in is nil.
func (c Conv) Apply(in Shape) (Report, error) { return c.apply(in, true) }

func (c Conv) size(in Shape) (Report, error) { return c.apply(in, false) }

// apply sizes the layer, with its worked steps when explain is set.
func (c Conv) apply(in Shape, explain bool) (Report, error) {
	if err := c.Validate(); err != nil {
		return Report{}, err
	}
	n := c.dims()
	cin := c.In
	if in != nil {
		if len(in) != n+1 {
			return Report{}, shapeError(c.Kind(), n, in)
		}
		if cin == 0 {
			cin = in[0]
			c = c.resolve(cin)
			if err := c.Validate(); err != nil {
				return Report{}, err
			}
		} else if cin != in[0] {
			return Report{}, &Error{Field: "in",
				Msg:  fmt.Sprintf("the layer expects %d input channels but the input has %d", cin, in[0]),
				Hint: fmt.Sprintf("write %d->%d, or feed it %d channels", in[0], c.Out, cin)}
		}
	}
	if cin == 0 {
		return Report{}, &Error{Field: "in", Msg: "the number of input channels is not known",
			Hint: fmt.Sprintf("give it as In->Out, e.g. 32->%d", c.Out)}
	}
	c = c.resolve(cin)
	r := Report{Kind: c.Kind(), Input: in}
	var a acc

	// Connections per neuron and parameters do not depend on the input size.
	var kbuf [3]int64
	ks := kbuf[:n]
	for i := range ks {
		ks[i] = int64(per(c.Kernel, i, 1))
	}
	conns := a.mul(a.mul(ks...), int64(cin)/int64(c.groups()))
	r.Weights = a.mul(conns, int64(c.Out))
	if !c.Transposed {
		r.Connections = conns
	}
	if !c.NoBias {
		r.Biases = int64(c.Out)
	}
	r.Params = a.add(r.Weights, r.Biases)
	if a.err != nil {
		return Report{}, a.err
	}
	var e *convSteps
	if explain {
		e = &convSteps{c: c, cin: cin, ks: ks, bb: bindings{buf: make([]Binding, 0, 40)}}
		r.Steps = make([]Step, 0, 12)
		e.params(&r)
	}

	r.Window = make([]Window, n)
	for i := 0; i < n; i++ {
		d := int64(per(c.Dilation, i, 1))
		r.Window[i] = Window{Size: d*(ks[i]-1) + 1, Stride: int64(per(c.Stride, i, 1))}
		if c.PadMode == PadExplicit {
			r.Window[i].Pad = int64(per(c.Pad, i, 0))
		}
	}
	if in == nil {
		return r, nil
	}

	out := make(Shape, n+1)
	out[0] = c.Out
	for i := 0; i < n; i++ {
		size := int64(in[i+1])
		d, err := c.outSize(i, size)
		if err != nil {
			return Report{}, err
		}
		if c.PadMode == PadSame {
			r.Window[i].Pad = d.before
		}
		if explain {
			r.Steps = append(r.Steps, c.outStep(i, size, d, &e.bb))
		}
		out[i+1] = int(d.out)
	}
	r.Output = out
	neurons, err := out.Elements()
	if err != nil {
		return Report{}, err
	}
	if c.Transposed {
		// fvcore's convention: every input position is multiplied by the
		// whole kernel once.
		r.MACs = r.Weights
		for _, x := range in[1:] {
			r.MACs = a.mul(r.MACs, int64(x))
		}
	} else {
		r.MACs = a.mul(conns, neurons)
	}
	r.MACsKnown = true
	flops := a.mul(2, r.MACs)
	bias, total := int64(0), int64(0)
	if !c.NoBias {
		bias = 1
	}
	if !c.Transposed {
		total = a.mul(a.add(conns, bias), neurons)
	}
	if a.err != nil {
		return Report{}, a.err
	}
	if explain {
		e.sized(&r, neurons, flops, bias, total)
	}
	return r, nil
}

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
	return e.bb.buf[start:len(e.bb.buf):len(e.bb.buf)]
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
		Note: biasNote(!c.NoBias, "")})
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
	nvals := e.bb.buf[start:len(e.bb.buf):len(e.bb.buf)]
	r.Steps = append(r.Steps, Step{Quantity: "output neurons", Formula: neuronFormulas[n], Values: nvals, Result: neurons})
	if c.Transposed {
		sn := spatialNames[n]
		mvals := e.bb.join(e.connValues(), Binding{"Cout", int64(c.Out)})
		for i := 0; i < n; i++ {
			mvals = append(mvals, Binding{sn[i], int64(r.Input[i+1])})
		}
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

// bindings hands out Binding slices from one buffer, so a report's steps
// cost one allocation for all their values rather than one each.
type bindings struct{ buf []Binding }

// of copies vs into the buffer and returns them; a full buffer grows, and
// slices handed out earlier stay valid.
func (b *bindings) of(vs ...Binding) []Binding {
	start := len(b.buf)
	b.buf = append(b.buf, vs...)
	return b.buf[start:len(b.buf):len(b.buf)]
}

// join is of(append(vs, more...)...).
func (b *bindings) join(vs []Binding, more ...Binding) []Binding {
	start := len(b.buf)
	b.buf = append(b.buf, vs...)
	b.buf = append(b.buf, more...)
	return b.buf[start:len(b.buf):len(b.buf)]
}

// dimSize is one output dimension of a convolution: its size, and the
// padding before and in all (which PadSame derives).
type dimSize struct {
	out, before, total int64
}

// outSize computes output dimension i for an input of size positions.
func (c Conv) outSize(i int, size int64) (dimSize, error) {
	k := int64(per(c.Kernel, i, 1))
	s := int64(per(c.Stride, i, 1))
	d := int64(per(c.Dilation, i, 1))
	p := int64(per(c.Pad, i, 0))
	if c.PadMode == PadValid {
		p = 0
	}
	kd := d*(k-1) + 1
	r := dimSize{before: p, total: 2 * p}
	switch {
	case c.Transposed && c.PadMode == PadSame:
		// Keras Conv2DTranspose with padding="same".
		r.out = size * s
	case c.Transposed:
		r.out = (size-1)*s - 2*p + d*(k-1) + int64(per(c.OutPad, i, 0)) + 1
	case c.PadMode == PadSame:
		r.out = ceilDiv(size, s)
		r.total = max((r.out-1)*s+kd-size, 0)
		r.before = r.total / 2
	default:
		r.out = floorDiv(size+2*p-d*(k-1)-1, s) + 1
	}
	word := dimWords[c.dims()][i]
	if r.out < 1 {
		st := c.outStep(i, size, r, nil)
		return dimSize{}, &Error{Field: "input",
			Msg: fmt.Sprintf("the output %s would be %s = %d, below 1: the %d-wide kernel%s does not fit in the %d-wide input with padding %d",
				word, arithmetic(st.Formula, st.Values), r.out, kd, map[bool]string{true: " (dilated)", false: ""}[d > 1], size, p),
			Hint: "use a larger input, a smaller kernel or more padding"}
	}
	if r.out > MaxSize {
		return dimSize{}, errorf("input", "the output %s would be %d, larger than any real layer produces", word, r.out)
	}
	return r, nil
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

// arithmetic writes formula with its values put in, for error messages.
func arithmetic(formula string, vals []Binding) string {
	out := formula
	for _, v := range vals {
		out = replaceName(out, v.Name, fmt.Sprint(v.Value))
	}
	return out
}

// replaceName replaces whole-word occurrences of name in s.
func replaceName(s, name, value string) string {
	var b []byte
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i < len(s); {
		if i+len(name) <= len(s) && s[i:i+len(name)] == name &&
			(i == 0 || !isWord(s[i-1])) && (i+len(name) == len(s) || !isWord(s[i+len(name)])) {
			b = append(b, value...)
			i += len(name)
			continue
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
}

// biasNote says whether a layer has biases, one per what per says (a
// convolution's output channel when per is "").
func biasNote(on bool, per string) string {
	switch {
	case !on:
		return "no bias"
	case per == "":
		return "one bias per output channel"
	}
	return "one bias per " + per
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

func shapeError(kind string, dims int, in Shape) error {
	want := map[int]string{1: "[C, L]", 2: "[C, H, W]", 3: "[C, D, H, W]"}[dims]
	return &Error{Field: "input",
		Msg:  fmt.Sprintf("%s takes a %s input, but it receives %s", kind, want, formatShape(in)),
		Hint: "check the layer's dimension (conv1d, conv, conv3d) against its input"}
}

func formatShape(s Shape) string {
	out := "["
	for i, d := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprint(d)
	}
	return out + "]"
}

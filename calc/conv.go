package calc

import "fmt"

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
		op, s, d := Per(c.OutPad, i, 0), Per(c.Stride, i, 1), Per(c.Dilation, i, 1)
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
func (c Conv) Apply(in Shape) (Report, error) {
	c, cin, err := c.inputChannels(in)
	if err != nil {
		return Report{}, err
	}
	n := c.dims()
	r := Report{Kind: c.Kind(), Input: in, Steps: make([]Step, 0, 12)}
	var a acc

	// Connections per neuron and parameters do not depend on the input size.
	ks := make([]int64, n)
	for i := range ks {
		ks[i] = int64(Per(c.Kernel, i, 1))
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
	e := &convSteps{c: c, cin: cin, ks: ks}
	e.params(&r)

	r.Window = make([]Window, n)
	for i := 0; i < n; i++ {
		d := int64(Per(c.Dilation, i, 1))
		r.Window[i] = Window{Size: d*(ks[i]-1) + 1, Stride: int64(Per(c.Stride, i, 1))}
		if c.PadMode == PadExplicit {
			r.Window[i].Pad = int64(Per(c.Pad, i, 0))
		}
	}
	if in == nil {
		return r, nil
	}
	if err := c.applySized(&r, e, conns); err != nil {
		return Report{}, err
	}
	return r, nil
}

// inputChannels checks c against in (nil when the input size is unknown)
// and returns c resolved for its input channels, and their count.
func (c Conv) inputChannels(in Shape) (Conv, int, error) {
	if err := c.Validate(); err != nil {
		return c, 0, err
	}
	n := c.dims()
	cin := c.In
	if in != nil {
		if len(in) != n+1 {
			return c, 0, shapeError(c.Kind(), n, in)
		}
		if cin == 0 {
			cin = in[0]
			c = c.resolve(cin)
			if err := c.Validate(); err != nil {
				return c, 0, err
			}
		} else if cin != in[0] {
			return c, 0, &Error{Field: "in",
				Msg:  fmt.Sprintf("the layer expects %d input channels but the input has %d", cin, in[0]),
				Hint: fmt.Sprintf("write %d->%d, or feed it %d channels", in[0], c.Out, cin)}
		}
	}
	if cin == 0 {
		return c, 0, &Error{Field: "in", Msg: "the number of input channels is not known",
			Hint: fmt.Sprintf("give it as In->Out, e.g. 32->%d", c.Out)}
	}
	return c.resolve(cin), cin, nil
}

// applySized adds to r what needs the input size: the output shape, the
// padding "same" chose, MACs and their steps. conns is the connections per
// neuron.
func (c Conv) applySized(r *Report, e *convSteps, conns int64) error {
	n := c.dims()
	in := r.Input
	var a acc
	out := make(Shape, n+1)
	out[0] = c.Out
	for i := 0; i < n; i++ {
		size := int64(in[i+1])
		d, err := c.outSize(i, size)
		if err != nil {
			return err
		}
		if c.PadMode == PadSame {
			r.Window[i].Pad = d.before
		}
		r.Steps = append(r.Steps, c.outStep(i, size, d))
		out[i+1] = int(d.out)
	}
	r.Output = out
	neurons, err := out.Elements()
	if err != nil {
		return err
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
		return a.err
	}
	e.sized(r, neurons, flops, bias, total)
	return nil
}

// dimSize is one output dimension of a convolution: its size, and the
// padding before and in all (which PadSame derives).
type dimSize struct {
	out, before, total int64
}

// outSize computes output dimension i for an input of size positions.
func (c Conv) outSize(i int, size int64) (dimSize, error) {
	k := int64(Per(c.Kernel, i, 1))
	s := int64(Per(c.Stride, i, 1))
	d := int64(Per(c.Dilation, i, 1))
	p := int64(Per(c.Pad, i, 0))
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
		r.out = (size-1)*s - 2*p + d*(k-1) + int64(Per(c.OutPad, i, 0)) + 1
	case c.PadMode == PadSame:
		r.out = ceilDiv(size, s)
		r.total = max((r.out-1)*s+kd-size, 0)
		r.before = r.total / 2
	default:
		r.out = floorDiv(size+2*p-d*(k-1)-1, s) + 1
	}
	word := dimWords[c.dims()][i]
	if r.out < 1 {
		st := c.outStep(i, size, r)
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

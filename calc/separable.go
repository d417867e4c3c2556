package calc

import "fmt"

// Separable is a depthwise convolution (Keras DepthwiseConv2D, Out zero) or
// a depthwise separable one (Keras SeparableConv2D: the depthwise conv
// without bias, then a 1×1 pointwise conv to Out channels with the bias).
// In zero means "the channels of the input". Kernel, Stride, Pad, PadMode
// and Dilation are the depthwise conv's, as in [Conv].
type Separable struct {
	Dims       int // zero means 2
	Kernel     []int
	In, Out    int
	Multiplier int // depth_multiplier; zero means 1
	Stride     []int
	Pad        []int
	PadMode    Padding
	Dilation   []int
	NoBias     bool
}

func (s Separable) dims() int {
	if s.Dims == 0 {
		return 2
	}
	return s.Dims
}

// Kind is "separableconv2d" or "depthwiseconv2d" (1d, 3d likewise).
func (s Separable) Kind() string {
	if s.Out == 0 {
		return fmt.Sprintf("depthwiseconv%dd", s.dims())
	}
	return fmt.Sprintf("separableconv%dd", s.dims())
}

// Apply sizes the depthwise conv, then the pointwise one, and adds them up;
// Children holds the two reports.
func (s Separable) Apply(in Shape) (Report, error) {
	cin := s.In
	if len(in) > 0 {
		if cin == 0 {
			cin = in[0]
		}
	}
	if cin == 0 {
		return Report{}, &Error{Field: "in", Msg: "the number of input channels is not known",
			Hint: "give the input, e.g. input_shape=(32, 32, 3)"}
	}
	m := s.Multiplier
	if m == 0 {
		m = 1
	}
	if err := checkCount("multiplier", m, 1); err != nil {
		return Report{}, err
	}
	if s.Out != 0 {
		if err := checkCount("out", s.Out, 1); err != nil {
			return Report{}, err
		}
	}
	if err := checkCount("in", cin, 1); err != nil {
		return Report{}, err
	}
	dw := Conv{Dims: s.dims(), Kernel: s.Kernel, In: cin, Out: cin * m, Stride: s.Stride, Pad: s.Pad, PadMode: s.PadMode,
		Dilation: s.Dilation, Groups: cin, NoBias: s.NoBias || s.Out != 0}
	r1, err := dw.Apply(in)
	if err != nil {
		return Report{}, err
	}
	if s.Out == 0 {
		r1.Kind = s.Kind()
		r1.Notes = append(r1.Notes, fmt.Sprintf("depthwise: each of the %d input channels has its own %d filter(s) (groups = channels)", cin, m))
		return r1, nil
	}
	pw := Conv{Dims: s.dims(), Kernel: []int{1}, In: cin * m, Out: s.Out, NoBias: s.NoBias}
	var mid Shape
	if in != nil {
		mid = r1.Output
	}
	r2, err := pw.Apply(mid)
	if err != nil {
		return Report{}, err
	}
	var a acc
	r := Report{Kind: s.Kind(), Input: in, Output: r2.Output, Window: r1.Window, MACsKnown: r1.MACsKnown && r2.MACsKnown,
		Children: []Report{r1, r2}}
	r.Weights = a.add(r1.Weights, r2.Weights)
	r.Biases = a.add(r1.Biases, r2.Biases)
	r.Params = a.add(r1.Params, r2.Params)
	r.MACs = a.add(r1.MACs, r2.MACs)
	k := int64(1)
	for i := 0; i < s.dims(); i++ {
		k = a.mul(k, int64(Per(s.Kernel, i, 1)))
	}
	r.Steps = []Step{
		{Quantity: "depthwise weights", Formula: "Cin·K·M", Values: []Binding{{"Cin", int64(cin)}, {"K", int64(k)}, {"M", int64(m)}}, Result: r1.Weights,
			Note: "one k×k filter per input channel (times the depth multiplier), no bias"},
		{Quantity: "pointwise weights", Formula: "Cin·M·Cout", Values: []Binding{{"Cin", int64(cin)}, {"M", int64(m)}, {"Cout", int64(s.Out)}}, Result: r2.Weights,
			Note: "a 1×1 conv mixes the channels"},
		{Quantity: "biases", Formula: "Cout", Values: []Binding{{"Cout", int64(s.Out)}}, Result: r.Biases, Note: separableBiasNote(!s.NoBias, cin*m)},
		{Quantity: "learnable parameters", Formula: "depthwise + pointwise + biases", Values: []Binding{{"depthwise", int64(r1.Weights)}, {"pointwise", int64(r2.Weights)}, {"biases", int64(r.Biases)}}, Result: r.Params,
			Note: "a full conv would need Cin·K·Cout weights: separating space and channels is the saving"},
	}
	if r.MACsKnown {
		r.Steps = append(r.Steps, Step{Quantity: "multiply-accumulates", Formula: "depthwise + pointwise", Values: []Binding{{"depthwise", int64(r1.MACs)}, {"pointwise", int64(r2.MACs)}}, Result: r.MACs})
	}
	if a.err != nil {
		return Report{}, a.err
	}
	return r, nil
}

// separableBiasNote says where a separable conv's biases are: on the
// pointwise conv only, as Keras's SeparableConv2D has them, and what a bias
// on the depthwise conv too (two PyTorch convs with bias=True) would add:
// mid, one per depthwise output channel.
func separableBiasNote(on bool, mid int) string {
	if !on {
		return biasNote(false, "")
	}
	return fmt.Sprintf("one bias per output channel, on the pointwise conv only, as Keras's SeparableConv2D has it; a bias on the depthwise conv too (two PyTorch convs with bias=True) would add %d", mid)
}

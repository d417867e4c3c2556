package calc

import "fmt"

// PoolOp is what a pooling window computes.
type PoolOp int

const (
	// MaxPool takes the largest value in the window (the zero value).
	MaxPool PoolOp = iota
	// AvgPool takes the mean of the window.
	AvgPool
)

// Pool is a max or average pooling layer, 1-, 2- or 3-D, with PyTorch's
// rules. Per-dimension settings hold one value for every dimension or one
// per dimension; a nil Stride means the stride equals the kernel, as in
// PyTorch.
type Pool struct {
	Op       PoolOp
	Dims     int   // zero means 2
	Kernel   []int // required
	Stride   []int // zero value: the kernel size
	Pad      []int // zero value 0; at most half the kernel
	Dilation []int // max pooling only; zero value 1
	Ceil     bool  // ceil_mode: round the output size up
}

func (p Pool) dims() int {
	if p.Dims == 0 {
		return 2
	}
	return p.Dims
}

// Kind is "maxpool" or "avgpool".
func (p Pool) Kind() string {
	if p.Op == AvgPool {
		return "avgpool"
	}
	return "maxpool"
}

func (p Pool) stride(i int) int {
	if len(p.Stride) == 0 {
		return Per(p.Kernel, i, 1)
	}
	return Per(p.Stride, i, 1)
}

// Validate checks the settings as PyTorch's pooling does.
func (p Pool) Validate() error {
	n := p.dims()
	if n < 1 || n > 3 {
		return errorf("dims", "pooling has 1, 2 or 3 spatial dimensions, not %d", n)
	}
	if len(p.Kernel) == 0 {
		return errorf("kernel", "the kernel size is missing")
	}
	if p.Op == AvgPool && len(p.Dilation) > 0 {
		for _, d := range p.Dilation {
			if d != 1 {
				return &Error{Field: "dilation", Msg: "average pooling has no dilation in PyTorch", Hint: "use maxpool for a dilated window"}
			}
		}
	}
	for _, f := range []struct {
		name string
		xs   []int
		lo   int
	}{{"kernel", p.Kernel, 1}, {"stride", p.Stride, 1}, {"pad", p.Pad, 0}, {"dilation", p.Dilation, 1}} {
		if err := checkPer(f.name, f.xs, n, f.lo); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		k, pad := Per(p.Kernel, i, 1), Per(p.Pad, i, 0)
		if pad > k/2 {
			return &Error{Field: "pad",
				Msg:  fmt.Sprintf("padding %d is more than half the kernel size %d", pad, k),
				Hint: fmt.Sprintf("PyTorch allows pooling padding up to kernel/2 = %d", k/2)}
		}
	}
	return nil
}

// Apply sizes the pooling for input [C, spatial...]. Pooling needs the
// input size: in must not be nil.
func (p Pool) Apply(in Shape) (Report, error) {
	if err := p.Validate(); err != nil {
		return Report{}, err
	}
	n := p.dims()
	r := Report{Kind: p.Kind(), Input: in}
	r.Window = make([]Window, n)
	for i := range r.Window {
		d := int64(Per(p.Dilation, i, 1))
		r.Window[i] = Window{Size: d*(int64(Per(p.Kernel, i, 1))-1) + 1, Stride: int64(p.stride(i)), Pad: int64(Per(p.Pad, i, 0))}
	}
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "0", Result: 0,
		Note: poolNotes[p.Op]})
	if in == nil {
		return r, nil
	}
	if len(in) != n+1 {
		return Report{}, shapeError(p.Kind(), n, in)
	}
	out := Shape{in[0]}
	for i := 0; i < n; i++ {
		o, st, err := p.outSize(i, int64(in[i+1]))
		if err != nil {
			return Report{}, err
		}
		r.Steps = append(r.Steps, st)
		out = append(out, int(o))
	}
	r.Output = out
	r.MACsKnown = true
	return r, nil
}

func (p Pool) outSize(i int, size int64) (int64, Step, error) {
	n := p.dims()
	word, sn, f := dimWords[n][i], spatialNames[n][i], &outFormulasFor[n][i]
	k := int64(Per(p.Kernel, i, 1))
	s := int64(p.stride(i))
	pad := int64(Per(p.Pad, i, 0))
	d := int64(Per(p.Dilation, i, 1))
	num := size + 2*pad - d*(k-1) - 1
	st := Step{Quantity: "output " + word}
	var o int64
	if p.Ceil {
		o = ceilDiv(num, s) + 1
		// PyTorch: the last window must start inside the input or the left padding.
		if (o-1)*s >= size+pad {
			o--
			st.Note = "ceil mode, but the last window would start in the right padding, so PyTorch drops it"
		} else {
			st.Note = "ceil mode rounds up: a partial window at the edge still counts"
		}
		st.Formula = f.ceil
	} else {
		o = floorDiv(num, s) + 1
		st.Formula = f.floor
	}
	if d == 1 {
		st.Values = []Binding{{sn, int64(size)}, {"p", int64(pad)}, {"k", int64(k)}, {"s", int64(s)}}
	} else {
		st.Formula = f.floorDilated
		if p.Ceil {
			st.Formula = f.ceilDilated
		}
		st.Values = []Binding{{sn, int64(size)}, {"p", int64(pad)}, {"d", int64(d)}, {"k", int64(k)}, {"s", int64(s)}}
	}
	st.Result = o
	if o < 1 {
		return 0, Step{}, &Error{Field: "input",
			Msg: fmt.Sprintf("the output %s would be %s = %d, below 1: the %d-wide window does not fit in the %d-wide input with padding %d",
				word, arithmetic(st.Formula, st.Values), o, d*(k-1)+1, size, pad),
			Hint: "use a smaller pooling window or a larger input"}
	}
	return o, st, nil
}

var poolNotes = map[PoolOp]string{
	MaxPool: "pooling has no weights: it only takes the maximum of each window, channel by channel",
	AvgPool: "pooling has no weights: it only takes the mean of each window, channel by channel",
}

// GlobalAvgPool averages each channel over all its positions: PyTorch's
// AdaptiveAvgPool2d(1), whose output keeps the spatial dimensions as 1s.
type GlobalAvgPool struct{}

// Kind is "globalavgpool".
func (GlobalAvgPool) Kind() string { return "globalavgpool" }

// Apply reduces every spatial dimension of in to 1.
func (g GlobalAvgPool) Apply(in Shape) (Report, error) {
	r := Report{Kind: g.Kind(), Input: in}
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "0",
		Note: "global average pooling has no weights: one mean per channel"})
	if in == nil {
		return r, nil
	}
	if len(in) < 2 {
		return Report{}, &Error{Field: "input", Msg: fmt.Sprintf("global pooling needs channels and positions, but the input is %s", formatShape(in)),
			Hint: "put it before flatten, not after"}
	}
	out := Shape{in[0]}
	for _, sz := range in[1:] {
		out = append(out, 1)
		r.Window = append(r.Window, Window{Size: int64(sz), Stride: int64(sz)})
	}
	r.Output = out
	r.MACsKnown = true
	return r, nil
}

// AdaptivePool is PyTorch's AdaptiveAvgPool / AdaptiveMaxPool: it picks
// its windows so the output has the given spatial size.
type AdaptivePool struct {
	Op     PoolOp
	Output []int // one value for every spatial dimension, or one per dimension
}

// Kind is "adaptiveavgpool" or "adaptivemaxpool".
func (a AdaptivePool) Kind() string {
	if a.Op == MaxPool {
		return "adaptivemaxpool"
	}
	return "adaptiveavgpool"
}

// Apply gives in the spatial size Output.
func (a AdaptivePool) Apply(in Shape) (Report, error) {
	r := Report{Kind: a.Kind(), Input: in}
	if err := checkPer("output", a.Output, max(len(in)-1, len(a.Output)), 1); err != nil {
		return Report{}, err
	}
	r.Steps = append(r.Steps, Step{Quantity: "learnable parameters", Formula: "0",
		Note: "adaptive pooling has no weights: it chooses its windows to give the output size asked for"})
	if in == nil {
		return r, nil
	}
	if len(in) < 2 {
		return Report{}, &Error{Field: "input", Msg: fmt.Sprintf("adaptive pooling needs channels and positions, but the input is %s", formatShape(in))}
	}
	out := Shape{in[0]}
	for i, sz := range in[1:] {
		o := Per(a.Output, i, 1)
		out = append(out, o)
		// PyTorch's windows run from floor(j·in/o) to ceil((j+1)·in/o).
		k := ceilDiv(int64(sz), int64(o))
		if int64(sz)%int64(o) != 0 {
			k++
		}
		r.Window = append(r.Window, Window{Size: k, Stride: max(int64(sz)/int64(o), 1)})
	}
	r.Output = out
	r.MACsKnown = true
	return r, nil
}

package calc

import "fmt"

// Two inverse questions about padding that SolveConv's search does not
// answer: how much TensorFlow's padding='same' adds (its total and how it
// splits, which no one symmetric PyTorch padding says), and which output
// padding makes a transposed convolution give the size wanted.

// SolveSame sizes dimension dim (0-based) of an input of size in under
// TensorFlow's padding='same' for the kernel, stride and dilation of c:
// the output is ceil(in/s), and the padding is whatever the windows then
// need, max((out − 1)·s + d·(k − 1) + 1 − in, 0) in all, the smaller half
// before and the extra one after. With sides false the answer is the total
// (Unknown "'same' padding in total", Second the output size); with sides
// true it is the padding before (Second the padding after). It returns an
// [*Error] when c has no kernel or in is not a size.
func SolveSame(c Conv, dim, in int, sides bool) (*Solved, error) {
	if len(c.Kernel) == 0 {
		return nil, errorf("kernel", "the kernel size is needed to size 'same' padding")
	}
	if dim < 0 || dim >= c.dims() {
		return nil, errorf("dims", "the layer has no spatial dimension %d", dim+1)
	}
	if err := checkCount("input", in, 1); err != nil {
		return nil, err
	}
	t := c
	t.PadMode, t.Pad, t.Transposed, t.OutPad = PadSame, nil, false, nil
	if err := checkPer("kernel", t.Kernel, t.dims(), 1); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		xs   []int
	}{{"stride", t.Stride}, {"dilation", t.Dilation}} {
		if err := checkPer(f.name, f.xs, t.dims(), 1); err != nil {
			return nil, err
		}
	}
	k, s, d := int64(Per(t.Kernel, dim, 1)), int64(Per(t.Stride, dim, 1)), int64(Per(t.Dilation, dim, 1))
	r, err := t.outSize(dim, int64(in))
	if err != nil {
		return nil, err
	}
	word, sn := dimWords[t.dims()][dim], spatialNames[t.dims()][dim]
	after := r.total - r.before
	sv := &Solved{Unknown: "'same' padding in total", Min: 0, Max: r.total, Solutions: []int64{r.total},
		Second: "output " + word, Seconds: [][]int64{{r.out}}, Layer: t,
		Question: fmt.Sprintf("the output %s and the padding TensorFlow's padding='same' adds to %s %d with a %d-wide kernel and stride %d", word, word, in, d*(k-1)+1, s)}
	if sides {
		sv.Unknown, sv.Solutions, sv.Second, sv.Seconds = "'same' padding before", []int64{r.before}, "padding after", [][]int64{{after}}
	}
	sv.Steps = []Step{
		{Quantity: "output " + word, Formula: "ceil(" + sn + " / s)", Values: []Binding{{sn, int64(in)}, {"s", s}}, Result: r.out,
			Note: "'same' keeps every position a stride lands on, whatever the kernel"},
		{Quantity: "padding in total", Formula: "max((out − 1)·s + d·(k − 1) + 1 − " + sn + ", 0)",
			Values: []Binding{{"out", r.out}, {"s", s}, {"d", d}, {"k", k}, {sn, int64(in)}}, Result: r.total,
			Note: "what the last window needs beyond the input"},
		{Quantity: "padding before (top/left)", Formula: "floor(total / 2)", Values: []Binding{{"total", r.total}}, Result: r.before},
		{Quantity: "padding after (bottom/right)", Formula: "total − before", Values: []Binding{{"total", r.total}, {"before", r.before}}, Result: after,
			Note: sameSplitNote(r.total)},
	}
	return sv, nil
}

// sameSplitNote says how a total padding splits.
func sameSplitNote(total int64) string {
	if total%2 == 1 {
		return "an odd total: TensorFlow puts the extra one at the end (bottom/right); PyTorch's symmetric padding cannot give this"
	}
	return "an even total splits evenly: the same as PyTorch's padding of total/2 on each side"
}

// SolveOutPad finds every output padding of the transposed convolution c
// that takes an input of spatial sizes in to the output sizes out, trying
// each value PyTorch allows (below the stride or the dilation) on every
// dimension at once. Steps show the rule along the first dimension for
// each value tried. It returns an [*Error] when c is not transposed, has
// no kernel, or in and out are not sizes of c's dimensions.
func SolveOutPad(c Conv, in, out []int) (*Solved, error) {
	if !c.Transposed {
		return nil, errorf("outpad", "only a transposed convolution has an output padding")
	}
	if len(c.Kernel) == 0 {
		return nil, errorf("kernel", "the kernel size is needed to solve for the output padding")
	}
	n := c.dims()
	if len(in) != n || len(out) != n {
		return nil, errorf("input", "the input and output need %d sizes each, one per spatial dimension", n)
	}
	top := 0
	for i := range n {
		top = max(top, Per(c.Stride, i, 1)-1, Per(c.Dilation, i, 1)-1)
	}
	sv := &Solved{Unknown: "outpad", Min: 0, Max: int64(top),
		Question: fmt.Sprintf("output padding that takes %s to %s", joinSizes(in), joinSizes(out))}
	if c.Out == 0 {
		c.Out = max(c.groups(), 1)
	}
	for op := 0; op <= top; op++ {
		t := c
		t.OutPad = []int{op}
		if t.Validate() != nil {
			continue
		}
		ok := true
		for i := range n {
			d, err := t.outSize(i, int64(in[i]))
			if err != nil {
				ok = false
				break
			}
			if i == 0 {
				st := t.outStep(0, int64(in[0]), d)
				st.Quantity = fmt.Sprintf("output %s with output padding %d", dimWords[n][0], op)
				sv.Steps = append(sv.Steps, st)
			}
			ok = ok && d.out == int64(out[i])
		}
		if ok {
			sv.Solutions = append(sv.Solutions, int64(op))
			if sv.Layer == nil {
				sv.Layer = t
			}
		}
	}
	if len(sv.Solutions) == 0 {
		sv.Steps = append(sv.Steps, Step{Quantity: "no output padding works",
			Note: fmt.Sprintf("the output padding must stay below the stride (or the dilation): 0 to %d; change the padding or the kernel", top)})
	}
	return sv, nil
}

// joinSizes writes sizes as 32x32.
func joinSizes(xs []int) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += "x"
		}
		s += fmt.Sprint(x)
	}
	return s
}

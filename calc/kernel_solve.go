package calc

import "fmt"

// maxSolvedKernel is the widest square kernel SolveKernel tries: wider
// kernels are not used in practice, and a count they fit is a misreading.
const maxSolvedKernel = 31

// SolveKernel finds the square (cubic) kernel size k that gives the
// convolution c exactly params learnable parameters, with its input and
// output channels, groups and dimensions as given:
// params = Cout·k^d·Cin/G + b·Cout. A bias is tried first; when no kernel
// fits with it and one fits without, the solution has NoBias set on
// Layer (the convs before a batch norm: ResNet's 9,408 = 64·7·7·3) and the
// step says so. Transposed convolutions count the same weights. When no
// kernel from 1 to 31 fits, Solutions is empty and the steps show the
// weights per filter that the count would need. It returns an [*Error]
// when c lacks its channels or params is below 1.
func SolveKernel(c Conv, params int64) (*Solved, error) {
	if c.In < 1 || c.Out < 1 {
		return nil, &Error{Field: "in", Msg: "the input and output channels are needed to find a kernel from a parameter count",
			Hint: "say both, e.g. \"20 input channels, 40 filters\""}
	}
	if params < 1 {
		return nil, errorf("params", "the parameter count must be at least 1 (got %d)", params)
	}
	if err := checkCount("groups", c.groups(), 1); err != nil {
		return nil, err
	}
	g := int64(c.groups())
	if int64(c.In)%g != 0 || int64(c.Out)%g != 0 {
		return nil, c.groupsError(c.In)
	}
	n := c.dims()
	cin, cout := int64(c.In)/g, int64(c.Out)
	sv := &Solved{Unknown: "kernel", Min: 1, Max: maxSolvedKernel,
		Question: fmt.Sprintf("kernel size that gives %d learnable parameters", params)}
	for _, bias := range []bool{true, false} {
		b := int64(0)
		if bias {
			b = 1
		}
		w := params - b*cout // the weights alone
		if w < 1 || w%(cout*cin) != 0 {
			continue
		}
		kd := w / (cout * cin) // k^d
		k, ok := intRoot(kd, n, maxSolvedKernel)
		if !ok {
			continue
		}
		sv.Solutions = []int64{k}
		t := c
		t.Kernel, t.NoBias = []int{int(k)}, !bias
		sv.Layer = t
		sv.Steps = append(sv.Steps, kernelStep(params, cout, cin, g, b, n, kd, k))
		return sv, nil
	}
	sv.Steps = append(sv.Steps, Step{Quantity: "kernel area (k^" + fmt.Sprint(n) + ")", Formula: "(P − b·Cout) / (Cout·Cin/G)",
		Values: []Binding{{"P", params}, {"Cout", cout}, {"Cin", int64(c.In)}, {"G", g}},
		Note:   fmt.Sprintf("no whole kernel from 1 to %d gives exactly %d parameters, with or without a bias", maxSolvedKernel, params)})
	return sv, nil
}

// kernelStep is the step that finds k from the count: the weights one
// filter has on one input channel, k^d, and the k they are the power of.
func kernelStep(params, cout, cin, g, b int64, n int, kd, k int64) Step {
	st := Step{Quantity: "kernel area (k^" + fmt.Sprint(n) + ")", Formula: "(P − b·Cout) / (Cout·Cin/G)",
		Values: []Binding{{"P", params}, {"b", b}, {"Cout", cout}, {"Cin", cin * g}, {"G", g}}, Result: kd}
	st.Note = fmt.Sprintf("%d = %s: the kernel is %s", kd, powText(k, n), kernelText(k, n))
	if b == 0 {
		st.Note += "; the count has no room for a bias, so the layer has none (bias=False)"
	}
	return st
}

// kernelText writes a kernel of side k in n dimensions: "3×3".
func kernelText(k int64, n int) string {
	s := fmt.Sprint(k)
	for i := 1; i < n; i++ {
		s += fmt.Sprintf("×%d", k)
	}
	return s
}

// powText writes k^n as a product: "3·3".
func powText(k int64, n int) string {
	s := fmt.Sprint(k)
	for i := 1; i < n; i++ {
		s += fmt.Sprintf("·%d", k)
	}
	return s
}

// intRoot is the whole k in 1..limit with k^n = v, if there is one.
func intRoot(v int64, n int, limit int64) (int64, bool) {
	for k := int64(1); k <= limit; k++ {
		p := int64(1)
		for i := 0; i < n; i++ {
			p *= k
		}
		if p == v {
			return k, true
		}
		if p > v {
			return 0, false
		}
	}
	return 0, false
}

// SplitBatch is the count one sample brings when total values cover a
// batch of batch samples (PyTorch's "invalid for input of size N" counts
// the whole batch). It returns an [*Error] when batch is below 1, total is
// not a whole number of samples, or one sample's count is over MaxSize.
func SplitBatch(total int64, batch int) (int, error) {
	if batch < 1 {
		return 0, errorf("batch", "the batch size must be at least 1 (got %d)", batch)
	}
	if total < 1 || total%int64(batch) != 0 {
		return 0, errorf("batch", "%d values are not a whole number of samples for a batch of %d", total, batch)
	}
	per := total / int64(batch)
	if per > MaxSize {
		return 0, errorf("batch", "%d values a sample is over the largest size (%d)", per, MaxSize)
	}
	return int(per), nil
}

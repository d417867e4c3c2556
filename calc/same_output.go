package calc

// SameOutput is the output of a conv of filters filters that pads 'same'
// at stride on an input in, channels first (C×H×W): TensorFlow's 'same'
// gives ceil(side/stride) on every side, whatever the kernel, and the
// filters are the channels. A question of the memory of such an output
// ("a conv with 48 filters, 'same' padding, stride 2, on a 55x55x3 input:
// bytes of its output?") needs no kernel. It returns an [*Error] naming
// the field at fault when filters or stride is below 1 or in has no
// spatial sides.
func SameOutput(in Shape, filters, stride int) (Shape, error) {
	if filters < 1 || filters > MaxSize {
		return nil, checkOne("out", filters, 1)
	}
	if stride < 1 || stride > MaxSize {
		return nil, checkOne("stride", stride, 1)
	}
	if len(in) < 2 {
		return nil, errorf("input", "the input needs its channels and at least one side (got %d sizes)", len(in))
	}
	out := Shape{filters}
	for _, side := range in[1:] {
		if side < 1 {
			return nil, checkOne("input", side, 1)
		}
		out = append(out, int(ceilDiv(int64(side), int64(stride))))
	}
	return out, nil
}

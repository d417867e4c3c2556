package paste

// Keras's pooling with padding='same' at a stride other than the window
// (MaxPooling2D(3, strides=2, padding='same'), ResNet's stem): TensorFlow
// gives ceil(in/stride) and pads the difference, more on the right. No
// PyTorch pool says that for every input size, so it is a layer of its own.

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// kerasSamePool is a calc.Pool (its Pad ignored, Ceil false) sized as
// TensorFlow sizes padding='same': out = ceil(in/stride).
type kerasSamePool struct{ calc.Pool }

// Kind names the pool with its window, stride and padding, as the reply
// shows it: "maxpool 3x3 stride 2 pad same".
func (p kerasSamePool) Kind() string {
	n := p.Dims
	if n == 0 {
		n = 2
	}
	size := func(xs []int) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprint(calc.Per(xs, i, 1))
		}
		return strings.Join(parts, "x")
	}
	stride := p.Stride
	if stride == nil {
		stride = p.Kernel
	}
	return fmt.Sprintf("%s %s stride %s pad same", p.Pool.Kind(), size(p.Kernel), size(stride))
}

// Apply sizes each spatial dimension as ceil(in/stride), the pool's window
// over the input padded by max((out−1)·s + k − in, 0).
func (p kerasSamePool) Apply(in calc.Shape) (calc.Report, error) {
	base := p.Pool
	base.Pad, base.Ceil = nil, false
	r, err := base.Apply(nil)
	if err != nil || in == nil {
		return r, err
	}
	n := len(r.Window)
	if len(in) != n+1 {
		return base.Apply(in) // calc's own error for the wrong rank
	}
	r.Input, r.Output = in, calc.Shape{in[0]}
	for i := range n {
		k, s, size := r.Window[i].Size, r.Window[i].Stride, int64(in[i+1])
		out := (size + s - 1) / s
		total := max((out-1)*s+k-size, 0)
		r.Window[i].Pad = total / 2
		r.Output = append(r.Output, int(out))
		r.Steps = append(r.Steps, calc.Step{Quantity: "output " + samePoolDim(n, i), Formula: "ceil(in / s)",
			Values: []calc.Binding{{Name: "in", Value: size}, {Name: "s", Value: s}}, Result: out,
			Note: fmt.Sprintf("Keras's padding='same': TensorFlow pads %d (%d before, %d after) so the window fits", total, total/2, total-total/2)})
	}
	r.MACsKnown = true
	return r, nil
}

// samePoolDim names spatial dimension i of n.
func samePoolDim(n, i int) string {
	switch {
	case n == 1:
		return "length"
	case n == 2 && i == 0:
		return "height"
	case n == 2:
		return "width"
	}
	return [...]string{"depth", "height", "width"}[i]
}

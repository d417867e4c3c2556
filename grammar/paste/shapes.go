package paste

// Layers that pastes use and calc does not have yet: they move or copy
// values without learning (reshape, permute, upsample, zero padding,
// cropping, pixel shuffle), instance norm, and a linear layer applied at
// every position of an N-D tensor. Each is a calc.Layer, sized as PyTorch
// and Keras size it. (They belong in calc; they live here until calc takes
// them.)

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
)

// moved is the report of a layer that only moves values.
func moved(kind string, in, out calc.Shape, how string) calc.Report {
	r := calc.Report{Kind: kind, Input: in, Output: out, MACsKnown: true}
	if out != nil {
		n, _ := out.Elements()
		r.Steps = []calc.Step{{Quantity: "output values", Formula: how, Result: n, Note: "no learnable parameters"}}
	}
	return r
}

func shapeErr(field, msg, hint string) error { return &calc.Error{Field: field, Msg: msg, Hint: hint} }

// reshapeLayer is x.view(N, C, H, W), nn.Unflatten or Keras's Reshape: the
// same values in a new shape (batch dropped; one -1 is inferred).
type reshapeLayer struct{ Shape []int }

// Kind is "reshape".
func (reshapeLayer) Kind() string { return "reshape" }

// Apply checks that the values fit the new shape.
func (r reshapeLayer) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved("reshape", nil, nil, ""), nil
	}
	n, err := in.Elements()
	if err != nil {
		return calc.Report{}, err
	}
	out := slices.Clone(calc.Shape(r.Shape))
	known, free := int64(1), -1
	for i, d := range out {
		switch {
		case d == -1 && free < 0:
			free = i
		case d < 1:
			return calc.Report{}, shapeErr("shape", fmt.Sprintf("cannot reshape to %v", r.Shape), "give every size as a positive number, or one as -1")
		default:
			known *= int64(d)
		}
	}
	if free >= 0 && known > 0 && n%known == 0 {
		out[free] = int(n / known)
		known = n
	}
	if known != n {
		return calc.Report{}, shapeErr("shape", fmt.Sprintf("cannot reshape %v (%d values) to %v", []int(in), n, r.Shape),
			fmt.Sprintf("the new shape must hold the same %d values", n))
	}
	return moved("reshape", in, out, "the same values, reshaped"), nil
}

// permuteLayer is x.permute(0, ...) or Keras's Permute: Order holds, for
// each output dimension, the 1-based input dimension (batch excluded).
type permuteLayer struct{ Order []int }

// Kind is "permute".
func (permuteLayer) Kind() string { return "permute" }

// Apply reorders the dimensions.
func (p permuteLayer) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved("permute", nil, nil, ""), nil
	}
	if len(p.Order) != len(in) {
		return calc.Report{}, shapeErr("order", fmt.Sprintf("permute%v reorders %d dimensions but the tensor %v has %d", p.Order, len(p.Order), []int(in), len(in)),
			"name every dimension but the batch once")
	}
	out := make(calc.Shape, len(in))
	for i, d := range p.Order {
		if d < 1 || d > len(in) {
			return calc.Report{}, shapeErr("order", fmt.Sprintf("permute%v names dimension %d, which %v does not have", p.Order, d, []int(in)), "dimensions count from 1 after the batch")
		}
		out[i] = in[d-1]
	}
	return moved("permute", in, out, "the same values, dimensions reordered"), nil
}

// upsampleLayer is nn.Upsample, F.interpolate or Keras's UpSampling2D:
// every spatial size times its factor, channels kept.
type upsampleLayer struct{ Scale []int }

// Kind is "upsample".
func (upsampleLayer) Kind() string { return "upsample" }

// Apply multiplies the spatial sizes.
func (u upsampleLayer) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved("upsample", nil, nil, ""), nil
	}
	out, err := perSpatial(in, u.Scale, "scale", func(x, f int) int { return x * f })
	if err != nil {
		return calc.Report{}, err
	}
	return moved("upsample", in, out, "each spatial size × the scale factor"), nil
}

// padLayer is nn.ZeroPad2d, Keras's ZeroPadding2D (Add > 0) or Cropping2D
// (Add < 0): Add is what each spatial size gains, both sides together.
type padLayer struct {
	Add  []int
	Crop bool
}

// Kind is "zeropad" or "crop".
func (p padLayer) Kind() string {
	if p.Crop {
		return "crop"
	}
	return "zeropad"
}

// Apply adds the padding (or takes the cropping) to each spatial size.
func (p padLayer) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved(p.Kind(), nil, nil, ""), nil
	}
	out, err := perSpatial(in, p.Add, "pad", func(x, a int) int { return x + a })
	if err != nil {
		return calc.Report{}, err
	}
	for _, d := range out[1:] {
		if d < 1 {
			return calc.Report{}, shapeErr("pad", fmt.Sprintf("cropping %v leaves nothing", []int(in)), "crop less than the map's size")
		}
	}
	how := "each spatial size + the padding on both sides"
	if p.Crop {
		how = "each spatial size − the cropping on both sides"
	}
	return moved(p.Kind(), in, out, how), nil
}

// perSpatial applies f to each spatial size of in ([C, ...]) with its
// value of per (one value for all, or one per dimension).
func perSpatial(in calc.Shape, per []int, field string, f func(x, v int) int) (calc.Shape, error) {
	if len(in) < 2 {
		return nil, shapeErr(field, fmt.Sprintf("%v has no spatial dimensions", []int(in)), "apply it to a feature map (C, H, W)")
	}
	out := slices.Clone(in)
	for i := 1; i < len(in); i++ {
		v := per[0]
		if len(per) == len(in)-1 {
			v = per[i-1]
		} else if len(per) != 1 {
			return nil, shapeErr(field, fmt.Sprintf("%d values for %d spatial dimensions", len(per), len(in)-1), "give one value, or one per dimension")
		}
		out[i] = f(in[i], v)
		if out[i] > calc.MaxSize {
			return nil, shapeErr(field, "the result is larger than any real feature map", "use smaller factors")
		}
	}
	return out, nil
}

// pixelShuffle is nn.PixelShuffle(r): [C·r², H, W] → [C, H·r, W·r].
type pixelShuffle struct{ R int }

// Kind is "pixelshuffle".
func (pixelShuffle) Kind() string { return "pixelshuffle" }

// Apply moves channels into space.
func (p pixelShuffle) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved("pixelshuffle", nil, nil, ""), nil
	}
	rr := p.R * p.R
	if len(in) != 3 || p.R < 1 || in[0]%rr != 0 {
		return calc.Report{}, shapeErr("in", fmt.Sprintf("PixelShuffle(%d) needs a (C, H, W) map whose channels divide by %d; it gets %v", p.R, rr, []int(in)),
			fmt.Sprintf("give the conv before it a multiple of %d output channels", rr))
	}
	out := calc.Shape{in[0] / rr, in[1] * p.R, in[2] * p.R}
	return moved("pixelshuffle", in, out, "channels ÷ r², height and width × r"), nil
}

// instanceNorm is nn.InstanceNorm1d/2d/3d: 2·C learnable parameters only
// with affine=True (PyTorch's default is False) and no running statistics
// unless track_running_stats=True.
type instanceNorm struct {
	C      int
	Affine bool
}

// Kind is "instancenorm".
func (instanceNorm) Kind() string { return "instancenorm" }

// Apply keeps the shape and counts γ and β when affine.
func (n instanceNorm) Apply(in calc.Shape) (calc.Report, error) {
	if len(in) > 0 && n.C != 0 && in[0] != n.C {
		return calc.Report{}, shapeErr("in", fmt.Sprintf("the norm is for %d channels but receives %v", n.C, []int(in)), fmt.Sprintf("write nn.InstanceNorm2d(%d)", in[0]))
	}
	r := calc.Report{Kind: "instancenorm", Input: in, Output: in, MACsKnown: true}
	note := "affine=False (PyTorch's default): nothing is learned"
	if n.Affine {
		r.Weights, r.Biases = int64(n.C), int64(n.C)
		note = "a scale γ and a shift β per channel"
	}
	r.Params = r.Weights + r.Biases
	r.Steps = []calc.Step{{Quantity: "learnable parameters", Formula: "2·C if affine", Values: []calc.Binding{{Name: "C", Value: int64(n.C)}}, Result: r.Params, Note: note}}
	return r, nil
}

// linearND is a linear layer applied at every position of an N-D tensor:
// PyTorch's nn.Linear on (…, In) acts on the last axis, Keras's Dense on
// the channels (calc's first axis, Keras's last).
type linearND struct {
	calc.Linear
	Channels bool // act on in[0] (Keras) rather than the last axis
}

// Apply sizes the linear layer once and counts its MACs at every position.
func (l linearND) Apply(in calc.Shape) (calc.Report, error) {
	if len(in) < 2 {
		return l.Linear.Apply(in)
	}
	axis := len(in) - 1
	if l.Channels {
		axis = 0
	}
	one, err := l.Linear.Apply(calc.Shape{in[axis]})
	if err != nil {
		return calc.Report{}, err
	}
	n, _ := in.Elements()
	positions := n / int64(in[axis])
	one.Input = in
	one.Output = slices.Clone(in)
	one.Output[axis] = l.Out
	one.MACs *= positions
	one.Steps = append(one.Steps, calc.Step{Quantity: "multiply-accumulates at every position", Formula: "positions·In·Out",
		Values: []calc.Binding{{Name: "positions", Value: positions}, {Name: "In", Value: int64(in[axis])}, {Name: "Out", Value: int64(l.Out)}}, Result: one.MACs,
		Note: "the same weights are applied at each position of the other axes"})
	return one, nil
}

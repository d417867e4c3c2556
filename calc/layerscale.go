package calc

import "fmt"

// Permute reorders the dimensions of its input (PyTorch's permute; the
// Permute module of torchvision's ConvNeXt). Order is written as PyTorch
// writes it, the batch included: [0, 2, 3, 1] turns [C, H, W] into
// [H, W, C]. The batch must stay first. No parameters; nothing moves in
// space, so the receptive field is kept.
type Permute struct{ Order []int }

// Kind is "permute".
func (Permute) Kind() string { return "permute" }

// Apply permutes in.
func (p Permute) Apply(in Shape) (Report, error) {
	hint := "permute 0 2 3 1 (channels last), permute 0 3 1 2 (back)"
	seen := make([]bool, len(p.Order))
	for _, o := range p.Order {
		if o < 0 || o >= len(p.Order) || seen[o] {
			return Report{}, &Error{Field: "order", Msg: fmt.Sprintf("%v is not an order of the dimensions 0 to %d, each once", p.Order, len(p.Order)-1), Hint: hint}
		}
		seen[o] = true
	}
	if len(p.Order) < 2 || p.Order[0] != 0 {
		return Report{}, &Error{Field: "order", Msg: "the batch (dimension 0) stays first", Hint: hint}
	}
	r := Report{Kind: p.Kind(), Input: in}
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "0", Note: "a permute only reorders the dimensions"}}
	if in == nil {
		return r, nil
	}
	if len(in)+1 != len(p.Order) {
		return Report{}, &Error{Field: "order", Msg: fmt.Sprintf("the order has %d dimensions but the input, with its batch, has %d", len(p.Order), len(in)+1), Hint: hint}
	}
	out := make(Shape, len(in))
	for i, o := range p.Order[1:] {
		out[i] = in[o-1]
	}
	r.Output = out
	r.MACsKnown = true
	r.Notes = append(r.Notes, fmt.Sprintf("%s becomes %s: the table shows it in that order", formatShape(in), formatShape(out)))
	return r, nil
}

// LayerNorm2d normalizes the C channels at every position of a [C, H, W]
// input (torchvision's LayerNorm2d in ConvNeXt: a LayerNorm over the
// channels). C zero means "the channels of the input". Like LayerNorm it
// learns a scale and a shift per channel, 2C, and keeps no statistics.
type LayerNorm2d struct{ C int }

// Kind is "layernorm2d".
func (LayerNorm2d) Kind() string { return "layernorm2d" }

// Apply checks the channels and counts.
func (l LayerNorm2d) Apply(in Shape) (Report, error) {
	c, err := channelCount("layernorm2d", l.C, in)
	if err != nil {
		return Report{}, err
	}
	r := passThrough(l.Kind(), in)
	r.Weights, r.Biases = int64(c), int64(c)
	r.Params = 2 * int64(c)
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "2·C", Values: []Binding{{"C", int64(c)}}, Result: r.Params,
		Note: "the C channels of each position are normalized together; a scale and a shift per channel, no running statistics"}}
	return r, nil
}

// LayerScale multiplies each channel by its own learnable factor (Touvron
// et al., 2021; ConvNeXt's layer_scale, initialised to 1e-6): C
// parameters. In PyTorch it is a parameter of the block, not a module of
// its own, so a list of modules misses it while the model's total counts
// it. C zero means "the channels of the input".
type LayerScale struct{ C int }

// Kind is "layerscale".
func (LayerScale) Kind() string { return "layerscale" }

// Apply checks the channels and counts.
func (l LayerScale) Apply(in Shape) (Report, error) {
	c, err := channelCount("layerscale", l.C, in)
	if err != nil {
		return Report{}, err
	}
	r := passThrough(l.Kind(), in)
	r.Weights, r.Params = int64(c), int64(c)
	r.Steps = []Step{{Quantity: "learnable parameters", Formula: "C", Values: []Binding{{"C", int64(c)}}, Result: r.Params,
		Note: "one learnable factor per channel; in PyTorch a parameter of the block, not a module: torchinfo's per-layer rows miss it, the total counts it"}}
	return r, nil
}

// channelCount is c, or in's channels when c is zero, checked against in.
func channelCount(kind string, c int, in Shape) (int, error) {
	if in != nil {
		if len(in) < 2 {
			return 0, &Error{Field: "input", Msg: fmt.Sprintf("%s needs channels and positions, but the input is %s", kind, formatShape(in))}
		}
		if c == 0 {
			c = in[0]
		} else if c != in[0] {
			return 0, &Error{Field: "in", Msg: fmt.Sprintf("%s over %d channels, but the input has %d", kind, c, in[0]), Hint: fmt.Sprintf("write %s %d", kind, in[0])}
		}
	}
	if c == 0 {
		return 0, &Error{Field: "in", Msg: "the number of channels is not known", Hint: fmt.Sprintf("give it: %s 96", kind)}
	}
	return c, checkCount("in", c, 1)
}

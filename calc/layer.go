package calc

// Shape is a tensor's shape with the batch dropped, channels first:
// [C, H, W] for images, [C, L] for sequences, [C, D, H, W] for volumes and
// [N] for vectors. A nil Shape means "not known": a single layer asked about
// without an input size.
type Shape []int

// Elements is the number of values in s, or 0 for a nil shape.
func (s Shape) Elements() (int64, error) {
	if s == nil {
		return 0, nil
	}
	p := int64(1)
	for _, d := range s {
		var err error
		if p, err = mul(p, int64(d)); err != nil {
			return 0, err
		}
	}
	return p, nil
}

// Spatial is s without its channel dimension.
func (s Shape) Spatial() []int {
	if len(s) < 2 {
		return nil
	}
	return s[1:]
}

// Equal reports whether s and t are the same shape.
func (s Shape) Equal(t Shape) bool {
	if len(s) != len(t) || (s == nil) != (t == nil) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// A Layer is one layer of a network. Apply sizes the layer for an input of
// shape in (nil when the input size is unknown, where the layer allows it)
// and returns the numbers with their worked steps, or an [*Error] when the
// layer cannot take that input.
type Layer interface {
	Kind() string
	Apply(in Shape) (Report, error)
}

// Report is everything calc knows about one layer applied to one input.
// Counts that do not apply to a layer are zero; Output and MACs are unknown
// (nil, and MACsKnown false) when the input size was not given.
type Report struct {
	Kind   string // JSON type name: "conv2d", "maxpool", "linear", ...
	Input  Shape
	Output Shape

	Weights int64 // learnable weights
	Biases  int64 // learnable biases (batch norm: its shift β)
	Params  int64 // learnable parameters: weights + biases (+ other learnables)
	Buffers int64 // non-learnable state saved with the model (batch norm's running mean and variance)

	// Connections is the number of inputs one output neuron reads, bias
	// excluded (KH·KW·Cin/G for a 2-D conv, In for linear); 0 where the
	// question does not apply.
	Connections int64

	MACs      int64 // multiply-accumulates, bias excluded
	MACsKnown bool

	// Window is the layer's footprint for receptive-field arithmetic, one
	// entry per spatial dimension; nil for layers without one (linear, flatten).
	Window []Window

	Steps []Step
	// Notes are remarks that belong to the layer rather than to one step:
	// a convention named, a reading chosen.
	Notes []string

	// Children are the reports of the layers inside a block, in order.
	Children []Report
}

// Window is a layer's (or a stack's) effective kernel size, stride and
// padding along one dimension, as in Araujo et al., "Computing Receptive
// Fields of Convolutional Neural Networks" (Distill, 2019). Size is the
// dilated kernel d(k−1)+1.
type Window struct {
	Size, Stride, Pad int64
}

// identities are the windows of 1 to 3 spatial dimensions that map each
// position to itself, shared: nothing writes into a window it did not make.
var identities = [...][]Window{nil, {{1, 1, 0}}, {{1, 1, 0}, {1, 1, 0}}, {{1, 1, 0}, {1, 1, 0}, {1, 1, 0}}}

// identityWindows is the window of a layer that maps each position to
// itself, in n dimensions. Do not write into it: for up to 3 dimensions
// it is shared.
func identityWindows(n int) []Window {
	if n > 0 && n < len(identities) {
		return identities[n][:n:n]
	}
	w := make([]Window, n)
	for i := range w {
		w[i] = Window{1, 1, 0}
	}
	return w
}

// FieldArea is how many input positions a receptive field covers: the
// product of its sizes, one per spatial dimension (a 17×17 field covers
// 289 pixels). The error is an overflow.
func FieldArea(field []Window) (int64, error) {
	area := int64(1)
	for _, w := range field {
		var err error
		if area, err = mul(area, w.Size); err != nil {
			return 0, err
		}
	}
	return area, nil
}

package calc

import "slices"

// Network is a sequence of layers (some of them blocks) applied to an input
// of a known shape.
type Network struct {
	Input  Shape
	Layers []Layer
}

// Row is one line of a [Summary]: a layer or a block, its report, where it
// sits and the receptive field of one of its outputs on the network's
// input.
type Row struct {
	*Report // the row's own copy: a block's row and its children's are separate
	// Index is the 1-based position of the top-level layer the row belongs
	// to (counting the layers after the input).
	Index int
	// Depth is 0 for a top-level layer, 1 for a layer inside one block, and
	// so on: a table shown "at depth d" keeps the rows with Depth < d.
	Depth int
	// Path locates the row below its top-level layer: the 1-based position
	// at each level of blocks (nil for a top-level row). A residual's
	// shortcut and a concat's branches count as its children.
	Path []int
	// Field is the receptive field, effective stride and effective padding
	// of this row's output with respect to the network's input, one entry
	// per spatial dimension; nil once the spatial layout is gone (after
	// flatten).
	Field []Window
}

// Leaf reports whether the row is a single layer rather than a block.
func (r Row) Leaf() bool { return !IsBlock(*r.Report) }

// Summary is a network sized layer by layer, with its totals. Rows hold
// every layer and block in execution order, each block before the rows of
// its children (pre-order), so a table can show them at any depth.
type Summary struct {
	Input  Shape
	Output Shape
	Rows   []Row

	Params  int64 // learnable parameters
	Buffers int64 // batch norm running statistics
	MACs    int64 // conv and linear multiply-accumulates, bias excluded

	// reports and paths are the backing arrays the rows' reports and paths
	// are carved from: one allocation for many rows.
	reports []Report
	paths   []int
}

// Summarize sizes the layers in order. When a layer cannot take what
// arrives, it returns the summary of the layers before it together with a
// [*LayerError] naming the layer (its Err is a [*BlockError] when the
// failure is inside a block).
func (n Network) Summarize() (Summary, error) {
	s := Summary{Input: n.Input, Output: n.Input}
	field := identityWindows(max(len(n.Input)-1, 0))
	in := n.Input
	var unsized followed
	for i, l := range n.Layers {
		r, err := l.Apply(in)
		if err == nil && r.Output == nil {
			r.Output = unsized.follow(l)
		}
		if err == nil {
			err = s.add(r)
		}
		if err != nil {
			return s, &LayerError{Index: i + 1, Name: l.Kind(), Err: err}
		}
		s.Rows = slices.Grow(s.Rows, countRows(r))
		field = s.addRows(r, i+1, 0, nil, field)
		s.Output = r.Output
		in = r.Output
	}
	return s, nil
}

// followed follows the channels of a network written without its input
// size: a conv sets them; norms, activations, dropout and windowed pools
// keep them. A global or adaptive pool then fixes the spatial size
// whatever the input was, so the layers after it can be sized: in "conv
// 3->16, conv 16->64, global average pooling, dense 10" the dense reads 64
// values. Any other layer loses track.
type followed struct{ c, dims int }

// follow takes layer l, applied with no input size, and returns its
// output shape when it is known this way (after a global or adaptive
// pool), or nil.
func (k *followed) follow(l Layer) Shape {
	switch l := l.(type) {
	case Conv:
		k.c, k.dims = l.Out, l.dims()
	case BatchNorm, Activation, Dropout, Pool:
	case GlobalAvgPool:
		return k.pooled(nil)
	case AdaptivePool:
		if len(l.Output) == 1 || len(l.Output) == k.dims {
			return k.pooled(l.Output)
		}
	default:
		k.c = 0
	}
	return nil
}

// pooled is the shape a pool to size (1 in every dimension when nil)
// gives the channels followed, or nil when they are not known.
func (k *followed) pooled(size []int) Shape {
	if k.c <= 0 {
		return nil
	}
	out := Shape{k.c}
	for i := range k.dims {
		out = append(out, Per(size, i, 1))
	}
	return out
}

// addRows appends the row of r and, for a block, the rows of its children,
// and returns the field at r's output.
func (s *Summary) addRows(r Report, index, depth int, path []int, field []Window) []Window {
	out := follow(field, r)
	if len(s.reports) == cap(s.reports) {
		s.reports = make([]Report, 0, max(countRows(r), 64))
	}
	s.reports = append(s.reports, r)
	s.Rows = append(s.Rows, Row{Report: &s.reports[len(s.reports)-1], Index: index, Depth: depth, Path: path, Field: out})
	if !IsBlock(r) {
		return out
	}
	cur := field
	for i, c := range r.Children {
		p := s.childPath(path, i+1)
		switch {
		case r.Kind == KindConcat || c.Kind == KindShortcut:
			// Parallel paths start from the block's input.
			s.addRows(c, index, depth+1, p, field)
		default:
			cur = s.addRows(c, index, depth+1, p, cur)
		}
	}
	return out
}

// childPath is path with i appended, carved from s.paths.
func (s *Summary) childPath(path []int, i int) []int {
	if cap(s.paths)-len(s.paths) < len(path)+1 {
		s.paths = make([]int, 0, max(1024, len(path)+1))
	}
	start := len(s.paths)
	s.paths = append(append(s.paths, path...), i)
	return s.paths[start:len(s.paths):len(s.paths)]
}

// countRows is the number of rows r and its children take.
func countRows(r Report) int {
	n := 1
	for _, c := range r.Children {
		n += countRows(c)
	}
	return n
}

// Leaves returns the rows of single layers, in execution order: what a
// layer-by-layer list (PyTorch's leaf modules) holds.
func (s Summary) Leaves() []Row {
	var out []Row
	for _, r := range s.Rows {
		if r.Leaf() {
			out = append(out, r)
		}
	}
	return out
}

// MaxDepth is the depth at which every row of s shows: 1 for a network
// without blocks.
func (s Summary) MaxDepth() int {
	d := 0
	for _, r := range s.Rows {
		d = max(d, r.Depth+1)
	}
	return d
}

func (s *Summary) add(r Report) error {
	var err error
	if s.Params, err = add(s.Params, r.Params); err != nil {
		return err
	}
	if s.Buffers, err = add(s.Buffers, r.Buffers); err != nil {
		return err
	}
	s.MACs, err = add(s.MACs, r.MACs)
	return err
}

// Compose returns the window of a stack: first then second, per dimension
// (Distill 2019, eq. 2 and its stride and padding companions):
// r = r1 + (k2 − 1)·s1, s = s1·s2, p = p1 + p2·s1.
func Compose(first, second []Window) []Window {
	out := make([]Window, len(first))
	for i, a := range first {
		b := second[i]
		out[i] = Window{Size: a.Size + (b.Size-1)*a.Stride, Stride: a.Stride * b.Stride, Pad: a.Pad + b.Pad*a.Stride}
	}
	return out
}

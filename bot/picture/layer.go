package picture

import (
	"github.com/cnnbot/cnnbot/calc"
)

// axis is one spatial dimension of a sliding-window layer, with every
// setting resolved to a number. A 1-D layer is drawn as a 2-D one whose
// first axis is a single row.
type axis struct {
	in, out       int // sizes; 0 when the input size is unknown
	k, s, d       int // kernel, stride, dilation
	before, after int // padding on each side (transposed: the layer's pad, both sides)
	outPad        int // transposed only
}

// span is the dilated kernel d(k−1)+1.
func (a axis) span() int { return a.d*(a.k-1) + 1 }

// start is the first input position (in the unpadded input's coordinates,
// so the padding is negative) that output o reads.
func (a axis) start(o int) int { return o*a.s - a.before }

// window is a conv, transposed conv or pool layer reduced to what the
// pictures draw: channels, one axis per spatial dimension (two, the first
// a single row for 1-D) and its report.
type window struct {
	kind       string // "conv2d", "deconv1d", "maxpool", ...
	dims       int    // 1 or 2: the layer's own spatial dimensions
	transposed bool
	pool       bool
	depthwise  bool
	cin, cout  int
	groups     int
	noInput    bool // the question gave no input size
	overhang   bool // a ceil-mode pool whose last windows run past the padding
	ax         [2]axis
	report     calc.Report
	// axes are the layer's own axes, one per spatial dimension (depth,
	// height, width for 3-D); ax are the two drawn, the last two.
	axes []axis
}

// windowOf reads layer l applied to in (nil when the size is unknown).
// ok is false for layers that are not 1-D or 2-D convolutions or pools,
// and for layers calc refuses.
func windowOf(l calc.Layer, in calc.Shape) (window, bool) {
	r, err := l.Apply(in)
	if err != nil {
		return window{}, false
	}
	w := window{kind: r.Kind, report: r, noInput: r.Output == nil}
	var k, s, p, d, op []int
	switch c := l.(type) {
	case calc.Conv:
		w.dims, w.transposed = c.Dims, c.Transposed
		if w.dims == 0 {
			w.dims = 2
		}
		w.cin, w.cout, w.groups = c.In, c.Out, max(c.Groups, 1)
		if w.cin == 0 && in != nil {
			w.cin = in[0]
		}
		if c.Depthwise {
			w.groups = w.cin
		}
		w.depthwise = w.groups > 1 && w.groups == w.cin
		k, s, p, d, op = c.Kernel, c.Stride, c.Pad, c.Dilation, c.OutPad
		if c.PadMode == calc.PadValid {
			p = []int{0}
		}
	case calc.Pool:
		w.dims, w.pool = max(c.Dims, 2), true
		if c.Dims == 1 {
			w.dims = 1
		}
		if in == nil {
			return window{}, false // calc sizes pools only with an input
		}
		w.cin, w.cout, w.groups = in[0], in[0], in[0]
		k, s, p, d = c.Kernel, c.Stride, c.Pad, c.Dilation
		if len(s) == 0 {
			s = k
		}
	default:
		return window{}, false
	}
	if w.dims > 3 || w.cin == 0 {
		return window{}, false
	}
	for i := 0; i < w.dims; i++ {
		a := axis{k: calc.Per(k, i, 1), s: calc.Per(s, i, 1), d: calc.Per(d, i, 1), outPad: calc.Per(op, i, 0)}
		a.before, a.after = calc.Per(p, i, 0), calc.Per(p, i, 0)
		a.before = int(r.Window[i].Pad) // calc resolves "same"
		if in != nil {
			a.in, a.out = in[i+1], r.Output[i+1]
			if !w.transposed {
				// The right padding a window can reach: the declared one,
				// what "same" adds, or what ceil mode runs past the edge.
				a.after = max(a.after, (a.out-1)*a.s+a.span()-a.in-a.before)
				w.overhang = w.overhang || (w.pool && a.after > calc.Per(p, i, 0))
			}
		}
		w.axes = append(w.axes, a)
	}
	w.ax[0] = axis{in: 1, out: 1, k: 1, s: 1, d: 1} // the row a 1-D layer is drawn as
	if w.dims > 1 {
		w.ax[0] = w.axes[w.dims-2]
	}
	w.ax[1] = w.axes[w.dims-1]
	return w, true
}

package english

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The room one tensor takes for a batch, said in prose: "a batch of 32 RGB
// images at 224x224 stored as float32", "one layer's output is 64
// channels x 112 x 112, batch 32, fp16", "input tensor of 32x3x224x224
// float32", "100 color images, 64x64 each, float64". The tensor's
// channels come from a third side, a channel count or a colour word (RGB
// is 3, grayscale 1); the batch from "batch (size) N", "N images" or the
// first side of four; the number format is read by the front door
// (grammar/storage.go). The tensor is passed through the identity, so its
// values and bytes are what is counted.

// batchTensor reads such a question into q. False unless memory alone is
// asked, no layer with sizes of its own is named (only the word "layer"
// or an activation), one size is written, its channels are known, and
// every number of the question is the tensor's.
func (r *enReader) batchTensor(q *lang.Question) bool {
	if !slices.Contains(r.g.asked, "memory") || slices.ContainsFunc(r.g.asked, func(a string) bool {
		return a != "memory" && a != "output" && a != "neurons"
	}) {
		return false
	}
	for _, a := range r.anchors {
		if a.kind != "layer" && a.kind != "act" || len(a.args)+len(a.bare)+len(a.kernel) > 0 {
			return false
		}
	}
	at := r.tensorSize()
	if at < 0 {
		return false
	}
	shape, batch, how := r.batchShape(at)
	if shape == nil || !r.tensorNumbers(at, shape[0], batch, len(r.toks[at].dims) == 2) {
		return false
	}
	q.Input, q.Batch = shape, max(batch, 1)
	q.Layers = []lang.Layer{{Layer: calc.Activation{Name: "identity"}, Pos: enPos(r.src, r.toks[at].off)}}
	q.Asked = []string{"tensor bytes"}
	q.Notes = append(q.Notes, fmt.Sprintf("%s read as %s: one tensor, no layer applied; its room is its values times the bytes of one", r.toks[at].raw, how))
	q.Unused = append(q.Unused, r.g.unused...)
	q.Canonical = lang.Format(q)
	return true
}

// tensorSize is the token of the one size written, not a unit of storage
// ("the 1000x1000 kind of MB"); -1 for none or several.
func (r *enReader) tensorSize() int {
	at := -1
	for i, t := range r.toks {
		if t.kind == 's' && !r.unitSize(i) {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	if at >= 0 && (len(r.toks[at].dims) < 2 || len(r.toks[at].dims) > 4) {
		return -1
	}
	return at
}

// batchShape is the tensor of the size at, channels first, with the batch
// (0 when none is said) and how the size was read; nil when its channels
// are not known or two batches disagree.
func (r *enReader) batchShape(at int) (calc.Shape, int, string) {
	t, batch := r.toks[at], r.g.batch
	if batch == 0 {
		batch = r.batchSaid() // "bs 64", "batch of thirty two"
	}
	d := t.dims
	switch {
	case len(d) == 4:
		n, shape, how := batchLayout(d, t.order)
		if batch > 0 && batch != n {
			return nil, 0, ""
		}
		return shape, n, how
	case len(d) == 3 && t.order != "":
		return calc.Shape{d[2], d[0], d[1]}, batch, t.order + ", as said"
	case len(d) == 3 && d[1] == d[2] && d[0] != d[1]:
		return calc.Shape{d[0], d[1], d[2]}, batch, "C×H×W" // "128x56x56": two equal sides after the channels
	case len(d) == 3:
		shape, how := r.tensorShape(d)
		return shape, batch, how
	}
	c := r.tensorChannels()
	if c == 0 {
		c = int(r.g.channels) // "RGB" 3, "grayscale" 1
	}
	if c <= 0 {
		return nil, 0, ""
	}
	return calc.Shape{c, d[0], d[1]}, batch, fmt.Sprintf("H×W with %d channels", c)
}

// batchLayout splits a size of four sides into its batch and its tensor,
// channels first: in the order said (put as N, H, W, C by enLayouts),
// else N×H×W×C when the middle two are equal and the last is a few
// channels (Keras's (None, 32, 32, 3)), else N×C×H×W (PyTorch's).
func batchLayout(d []int, order string) (int, calc.Shape, string) {
	switch {
	case order != "":
		return d[0], calc.Shape{d[3], d[1], d[2]}, order + ", as said"
	case d[1] == d[2] && d[3] != d[1] && d[3] <= 4:
		return d[0], calc.Shape{d[3], d[1], d[2]}, "N×H×W×C (channels last)"
	}
	return d[0], calc.Shape{d[1], d[2], d[3]}, "N×C×H×W (PyTorch's layout)"
}

// tensorNumbers reports whether every number of the question is the
// tensor's: its size at, its channels when said apart from the size
// (apart), its batch, a "one" of "one layer's output", or a number
// another reading explained.
func (r *enReader) tensorNumbers(at, channels, batch int, apart bool) bool {
	for i, t := range r.toks {
		if t.kind != 'n' || t.used || i == at {
			continue
		}
		switch v := int(t.num); {
		case t.isFrac:
			return false
		case v == channels && apart || v == batch:
		case v == 1 && (r.lem(i+1) == "layer" || r.lem(i+1) == "image" || r.lem(i+1) == "input"):
		default:
			return false
		}
	}
	return true
}

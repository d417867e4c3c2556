package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A fully connected net said by its widths, with the image it reads said
// beside them: "an MLP on 28x28 images: 784 -> 300 -> 100 -> 10" (the
// first width is the image flattened, 28·28 = 784), and its output layer
// said before its hidden ones: "from 784 inputs to 10 outputs with two
// hidden layers of 256" is 784 → 256 → 256 → 10, the output last.

// chainImage is the input shape, channels first, of an H×W image whose
// values flattened are the first width of the chain said ("28x28 images:
// 784 -> 300 -> 10"; 3072 for a 32x32 RGB image); nil when the chain's
// first width is no such image.
func (r *enReader) chainImage(d *denseRead, dims []int) calc.Shape {
	if len(d.chain) < 2 || len(dims) != 2 || dims[0] < 1 || dims[1] < 1 {
		return nil
	}
	area := dims[0] * dims[1]
	for _, c := range []int{1, 3} {
		if d.chain[0] == c*area && (r.g.channels == 0 || r.g.channels == c) {
			r.notes = append(r.notes, fmt.Sprintf("%dx%d with %d channel(s) is %d values flattened: the chain's first width", dims[0], dims[1], c, d.chain[0]))
			return calc.Shape{c, dims[0], dims[1]}
		}
	}
	return nil
}

// outputLast puts the output layer's units last when they were said
// before the hidden layers' ("from 784 inputs to 10 outputs with two
// hidden layers of 256"): a net ends at its output.
func (r *enReader) outputLast(d *denseRead) {
	k := slices.Index(d.unitToks, d.outTok)
	if d.outTok == 0 || k < 0 || k == len(d.units)-1 {
		return
	}
	for _, t := range d.unitToks[k+1:] {
		if !r.hiddenSaid(d.outTok, t) {
			return
		}
	}
	v := d.units[k]
	d.units = append(slices.Delete(slices.Clone(d.units), k, k+1), v)
	d.unitToks = append(slices.Delete(slices.Clone(d.unitToks), k, k+1), d.outTok)
	r.notes = append(r.notes, fmt.Sprintf("the %d outputs are the last layer's, after the hidden layers", v))
}

// hiddenSaid reports whether "hidden" is said between tokens a and b:
// the units at b are a hidden layer's.
func (r *enReader) hiddenSaid(a, b int) bool {
	for j := a + 1; j < b && j < len(r.toks); j++ {
		if r.lem(j) == "hidden" || strings.EqualFold(r.toks[j].raw, "hidden") {
			return true
		}
	}
	return false
}

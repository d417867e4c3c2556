package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A fully connected layer said by its two ends, without the word "units":
// "flatten 7x7x512 -> 4096", "fc from 9216 to 4096", "a dense layer going
// from 512 to 10", "6x6x256 flattened -> 4096 fully connected".

// denseEnds files the number at token i when it is an end of a fully
// connected layer said as "from A to B" or "SIZE -> B": A is the inputs, B
// the units. False when it is neither.
func (r *enReader) denseEnds(d *denseRead, i int) bool {
	v := enClamp(r.toks[i].num)
	switch {
	case r.lem(i-1) == "from" && r.lem(i+1) == "to" && r.isNum(i+2) && d.inputs == 0 && len(d.vols) == 0:
		d.inputs = v // "from 9216 to 4096"
		return true
	case r.lem(i-1) == "to" && (r.lem(i-3) == "from" || r.lem(i-3) == "to" && len(d.units) > 0) && (r.isNum(i-2) || r.toks[i-2].kind == 's'):
		d.addUnits(v, i) // "from 7x7x512 to 4096", "from 512 to 256 to 10"
		return true
	case r.lem(i-1) == "->" && i >= 2 && r.toks[i-2].kind == 's' && len(d.chain) == 0 && r.lem(i+1) == "->":
		// "flatten 7x7x512 -> 4096 -> 1000": the chain starts at the
		// volume flattened.
		if n := enProduct(r.toks[i-2].dims); n > 0 {
			d.chain, d.chainTok = []int{n, v}, i
			return true
		}
	case r.lem(i-1) == "->" && i >= 2 && (r.toks[i-2].kind == 's' || r.lem(i-2) == "flatten" && i >= 3 && r.toks[i-3].kind == 's') && len(d.chain) == 0 && r.lem(i+1) != "->":
		d.addUnits(v, i) // "7x7x512 -> 4096": a volume flattened into 4096 units
		return true
	}
	return false
}

// flatVolume is the volume flattened into a fully connected layer whose
// in_features are asked, said one of the ways students say it: one
// three-sided size said as an output ("my last conv outputs 32x7x7", "its
// 64x5x5"), or its channels said beside an H×W ("64 ch x 5 x 5", "32
// channels 7 by 7", "7x7 with 512 channels"). It returns the shape,
// channels first, the token of its size and how it was read; nil when no
// such volume is said.
func (r *enReader) flatVolume() (calc.Shape, int, string) {
	at := -1
	for i, t := range r.toks {
		if t.kind == 's' {
			if at >= 0 {
				return nil, 0, ""
			}
			at = i
		}
	}
	if at < 0 {
		return nil, 0, ""
	}
	d := r.toks[at].dims
	switch len(d) {
	case 3:
		if !r.saidOfOutput(at) && !r.outputVerbBefore(at) && !r.stateVerbBefore(at) {
			return nil, 0, ""
		}
		shape, layout := r.tensorShape(d)
		if d[1] == d[2] && d[0] != d[1] {
			shape, layout = calc.Shape{d[0], d[1], d[2]}, "C×H×W" // "32x7x7"
		}
		return shape, at, layout
	case 2:
		if c := r.channelsBeside(at); c > 0 {
			r.notes = slices.DeleteFunc(r.notes, func(n string) bool { return strings.HasPrefix(n, r.toks[at].raw+" read as the kernel") })
			return calc.Shape{c, d[0], d[1]}, at, fmt.Sprintf("H×W with the %d channels said beside it", c)
		}
	}
	return nil, 0, ""
}

// stateVerbBefore reports whether a verb saying what a tensor is comes just
// before the size at i: "after my last conv its 64x5x5", "it's now
// 128x4x4", "I get 256x6x6".
func (r *enReader) stateVerbBefore(i int) bool {
	for j := max(i-3, 0); j < i; j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "its", "it's", "is", "becomes", "get", "got", "now", "left", "have", "has":
			return true
		}
	}
	return false
}

// channelsBeside is the channel count said next to the H×W size at i: "64
// ch x 5 x 5", "32 channels 7 by 7", "7x7 with 512 channels", "7x7x(512
// channels)"; 0 when none is.
func (r *enReader) channelsBeside(i int) int {
	j := i - 1
	if strings.EqualFold(r.toks[max(j, 0)].raw, "x") || r.lem(j) == "," || r.lem(j) == "of" {
		j-- // "64 ch x 5 x 5", "32 channels, 7x7"
	}
	if r.lem(j) == "channel" && j >= 1 && r.isNum(j-1) {
		return enClamp(r.toks[j-1].num)
	}
	k := i + 1
	if r.lem(k) == "with" || r.lem(k) == "x" || r.lem(k) == "," || r.lem(k) == "and" {
		k++
	}
	if r.isNum(k) && r.lem(k+1) == "channel" {
		return enClamp(r.toks[k].num)
	}
	return 0
}

// countsBesideTensor is how many of a's counts are not a channel count said
// beside an H×W ("64 ch x 5 x 5"), which describes a tensor, not a layer.
func (r *enReader) countsBesideTensor(a *enAnchor) int {
	n := 0
	for _, c := range a.counts {
		if c.class != "channel" {
			n++
		}
	}
	return n
}

// kernelBesideTensor is how many kernel sizes a has, not counting an H×W
// said with its channels beside it ("128 ch x 4 x 4"): a tensor's sides.
func (r *enReader) kernelBesideTensor(a *enAnchor) int {
	if len(a.kernel) == 0 {
		return 0
	}
	if k, ok := a.at["kernel"]; ok && r.toks[k].kind == 's' && r.channelsBeside(k) > 0 {
		return 0
	}
	return len(a.kernel)
}

// denseAfterDense reads "my Dense(10) after a Dense(128)": two layers'
// units and no inputs said, the first said after the second. The layer
// asked about is the first; the second, before it, gives its inputs. It
// returns In and Out of the layer asked about, or nil.
func (r *enReader) denseAfterDense(d *denseRead) []int {
	if len(d.units) != 2 || len(d.unitToks) != 2 {
		return nil
	}
	for j := d.unitToks[0] + 1; j < d.unitToks[1]; j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "after", "following", "follows", "top":
			r.notes = append(r.notes, fmt.Sprintf("the layer of %d units before it gives its %d inputs; that layer's own inputs are not said, so it is not sized", d.units[1], d.units[1]))
			return []int{d.units[1], d.units[0]}
		}
	}
	return nil
}

// flattenArrow reports whether the flatten word at i is followed by a
// volume and an arrow to a number, or follows a volume before one:
// "flatten 7x7x512 -> 4096 -> 1000", "6x6x256 flattened -> 4096": fully
// connected layers, named by their widths alone.
func (r *enReader) flattenArrow(i int) bool {
	if r.lem(i) != "flatten" {
		return false
	}
	return i+3 < len(r.toks) && r.toks[i+1].kind == 's' && r.lem(i+2) == "->" && r.isNum(i+3) ||
		i >= 1 && i+2 < len(r.toks) && r.toks[i-1].kind == 's' && r.lem(i+1) == "->" && r.isNum(i+2)
}

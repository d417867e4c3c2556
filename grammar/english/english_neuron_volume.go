package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// CS231n gives a conv layer by its neurons: "conv1 has 55x55x96 = 290,400
// neurons, each looking at 11x11x3", "there are 32x32x12 neurons and each
// neuron looks at a 5x5x3 region". The volume of neurons is the layer's
// output, H×W×K: K filters, one a depth slice. Its height and width do
// not change the parameters, and are named as not used.

// neuronVolume gives the one conv with a kernel and no filter count the
// depth of the neuron volume said of it as its filters.
func (r *enReader) neuronVolume() {
	r.convNamedAgain()
	r.lookedAtKernel()
	conv := r.unfilteredConv()
	if conv == nil {
		return
	}
	for i, t := range r.toks {
		if t.kind != 's' || len(t.dims) != 3 || t.used || i == conv.at["kernel"] {
			continue
		}
		prod, ok := r.neuronsAfter(i)
		if !ok {
			continue
		}
		r.toks[i].used = true
		if prod >= 0 {
			r.toks[prod].used = true
		}
		conv.counts = append(conv.counts, enCount{v: int64(t.dims[2]), class: "filter", role: "out", tok: i})
		conv.bareSizes = slices.DeleteFunc(conv.bareSizes, func(k int) bool { return k == i })
		r.neuronVolumeUnused(i, prod)
		return
	}
}

// convNamedAgain drops a later mention of a conv by the name of an earlier
// one, written bare ("conv1 has 55x55x96 neurons ... how many params would
// conv1 have?"): it is the same layer, not a second one without filters.
// Only where a neuron volume is said, whose conv is the question's one.
func (r *enReader) convNamedAgain() {
	if !slices.ContainsFunc(r.toks, func(t enTok) bool { return t.kind == 's' && len(t.dims) == 3 }) {
		return
	}
	var first *enAnchor
	r.anchors = slices.DeleteFunc(r.anchors, func(a *enAnchor) bool {
		if a.kind != "conv" || a.ctx {
			return false
		}
		if first == nil {
			first = a
			return false
		}
		t, f := r.toks[a.tok], r.toks[first.tok]
		return t.idx > 0 && t.idx == f.idx && strings.EqualFold(t.raw, f.raw) && len(a.kernel)+len(a.counts)+len(a.args) == 0
	})
}

// lookedAtKernel gives the one conv without a kernel the size its
// neurons look at: "each looking at 11x11x3", "each neuron is connected
// to a 5x5x3 region".
func (r *enReader) lookedAtKernel() {
	var conv *enAnchor
	for _, a := range r.anchors {
		if a.kind == "conv" || a.kind == "deconv" {
			if conv != nil {
				return
			}
			conv = a
		}
	}
	if conv == nil || len(conv.kernel) > 0 {
		return
	}
	for i, t := range r.toks {
		if t.kind == 's' && !t.used && len(t.dims) >= 2 && r.lookedAt(i) {
			conv.kernel, conv.at["kernel"] = t.dims, i
			r.toks[i].used = true
			conv.bareSizes = slices.DeleteFunc(conv.bareSizes, func(k int) bool { return k == i })
			return
		}
	}
}

// lookedAt reports whether the size at i is what a neuron looks at or is
// connected to: "looking at 11x11x3", "connected to an 11x11x3 patch",
// "sees a 5x5x3 region".
func (r *enReader) lookedAt(i int) bool {
	if r.weightsOfEach(i) {
		return true
	}
	j := i - 1
	if r.lem(j) == "the" {
		j--
	}
	if w := strings.ToLower(r.toks[max(j, 0)].raw); j >= 0 && (w == "sees" || w == "see" || w == "covers") {
		return true
	}
	if j < 1 || r.lem(j) != "at" && r.lem(j) != "to" {
		return false
	}
	return enLookWords[strings.ToLower(r.toks[j-1].raw)]
}

// weightsOfEach reports whether the three-sided size at i is the weights
// of each neuron: "each with 11x11x3 weights", "each neuron has 5x5x3
// weights", "11x11x3 receptive fields".
func (r *enReader) weightsOfEach(i int) bool {
	if len(r.toks[i].dims) != 3 {
		return false
	}
	next := r.lem(i + 1)
	if next == "rf" || next == "receptive" && r.lem(i+2) == "field" {
		return true
	}
	if next != "weight" {
		return false
	}
	for j := i - 1; j >= max(i-3, 0); j-- {
		if w := strings.ToLower(r.toks[j].raw); w == "with" || w == "has" || w == "have" || w == "having" {
			return true
		}
	}
	return false
}

// enLookWords are the verbs of a neuron and the region it reads.
var enLookWords = map[string]bool{"looking": true, "looks": true, "look": true, "connected": true, "connects": true, "connect": true, "attached": true, "wired": true}

// unfilteredConv is the one conv of the question when it has a kernel and
// no count of filters, or nil.
func (r *enReader) unfilteredConv() *enAnchor {
	var conv *enAnchor
	for _, a := range r.anchors {
		if a.kind == "conv" || a.kind == "deconv" {
			if conv != nil {
				return nil
			}
			conv = a
		}
	}
	if conv == nil || len(conv.kernel) == 0 || slices.ContainsFunc(conv.counts, func(c enCount) bool { return c.role == "out" || c.class == "filter" }) {
		return nil
	}
	return conv
}

// neuronsAfter reports whether the size at i is followed by the word of
// neurons, over its product ("55x55x96 = 290,400 neurons"); prod is the
// product's token, or -1.
func (r *enReader) neuronsAfter(i int) (prod int, ok bool) {
	d, j := r.toks[i].dims, i+1
	prod = -1
	if r.lem(j) == "=" && r.isNum(j+1) && r.toks[j+1].num == int64(d[0])*int64(d[1])*int64(d[2]) {
		prod, j = j+1, j+2
	}
	if l := r.lem(j); l == "output" || l == "outsize" {
		j++ // "55x55x96 output neurons"
	}
	return prod, r.lem(j) == "neuron" || enUnitWordRE.MatchString(r.toks[min(j, len(r.toks)-1)].raw)
}

// enUnitWordRE matches the other words for a volume's neurons.
var enUnitWordRE = regexp.MustCompile(`(?i)^(?:units|activations|outputs)$`)

// neuronVolumeUnused names the height and width of the neuron volume at i,
// and its product at prod, as not used.
func (r *enReader) neuronVolumeUnused(i, prod int) {
	t := r.toks[i]
	why := fmt.Sprintf(enVolumeSidesWhy+" (%d×%d, the neurons of one filter): the parameters do not depend on them", t.dims[0], t.dims[1])
	for _, m := range enDigitsRE.FindAllStringIndex(r.src[t.off:t.end], 2) {
		r.g.unused = append(r.g.unused, lang.Unused{Text: r.src[t.off+m[0] : t.off+m[1]], Pos: enPos(r.src, t.off+m[0]), Why: why})
	}
	if prod >= 0 {
		p := r.toks[prod]
		r.g.unused = append(r.g.unused, lang.Unused{Text: p.raw, Pos: enPos(r.src, p.off), Why: enVolumeCountWhy + ": with weight sharing the K filters are all the layer learns"})
	}
}

// enVolumeSidesWhy and enVolumeCountWhy begin the reasons the neuron
// volume's sides and product are not used, which a count without weight
// sharing takes back (english_unshared_volume.go).
const (
	enVolumeSidesWhy = "the output's height and width"
	enVolumeCountWhy = "the number of neurons, H·W·K"
)

// sharingSaid is the token of "sharing" in "weight sharing", "parameter
// sharing" (a conv's own idea), or -1.
func (r *enReader) sharingSaid() int {
	for i, t := range r.toks {
		if t.kind == 'w' && strings.EqualFold(t.raw, "sharing") && (r.lem(i-1) == "weight" || r.lem(i-1) == "param") {
			return i
		}
	}
	return -1
}

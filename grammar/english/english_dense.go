package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Fully connected layers in prose, read from the words alone: "a 96 by 96
// grayscale image into a hidden layer of 512 fully connected neurons",
// "6x6x256 activations flattened into 4096 neurons", "a 32x32x3 image fully
// connected to a 28x28x6 output layer", "an SE block on 256 channels with
// reduction ratio 16 (256 -> 16 -> 256)", "gap on 7x7x2048 then fc to 1000
// classes", "a 4096x4096 dense". The reading applies only when every number
// of the question finds its role in it and no convolution is described;
// otherwise the general reader goes on.

// denseRead is what a question about fully connected layers says.
type denseRead struct {
	vols     []int // tokens of the volumes (32x32x3, 96 by 96), in order
	units    []int // unit counts, in order
	unitToks []int // their tokens
	chain    []int // "256 -> 16 -> 256"
	chainTok int   // the chain's first token
	chainAt  []int // the tokens of the chain's numbers, when read one by one
	channels int   // "on 256 channels"
	ratio    int   // "reduction ratio 16"
	ratioTok int
	inputs   int   // "784 inputs"
	matrix   []int // "a 4096x4096 dense": In×Out
	gap      bool  // global average pooling before the layer
	gapMax   bool  // the global pool is a max: "global max pooling"
	layers   int   // "two fully connected layers"
	pending  int   // a count of layers said just before their units: "two hidden layers of 50"
	outTok   int   // the token of the units said as outputs ("10 outputs"), 0 for none (english_dense_order.go)
	// outUnused names the numbers of an output volume, which the layer
	// uses as their product.
	outUnused []lang.Unused
}

// denseStop are the words of a question this reading does not cover: a
// convolution's settings, normalisation, memory, comparisons.
var denseStop = map[string]bool{"conv": true, "deconv": true, "filter": true, "kernel": true, "ksize": true, "stride": true,
	"pad": true, "depthwise": true, "separable": true, "pointwise": true, "bn": true, "dropout": true, "rf": true,
	"receptive": true, "dilation": true, "group": true, "window": true, "memory": true, "batch": true, "frame": true,
	"length": true, "outpad": true, "same": true, "valid": true, "inch": true, "outch": true}

// denseVersus are the words of a comparison, which this reading leaves to
// the general reader.
var denseVersus = map[string]bool{"vs": true, "versus": true, "compared": true, "instead": true, "vs.": true}

// dense reads a question about fully connected layers only, or returns nil
// when the question is not one or a number of it finds no role.
func (r *enReader) dense() *lang.Question {
	if r.g.unknown != "" || len(r.g.params) > 0 || r.g.batch > 1 { // a batch of one ("for one example") counts per sample, as a layer does
		return nil
	}
	d := &denseRead{}
	fc := false
	for i, t := range r.toks {
		switch t.kind {
		case 'w':
			low := strings.ToLower(t.raw)
			if denseVersus[low] || denseStop[t.lem] && !r.denseContext(i) && !r.paramMemory(i) { // english_role_pairs.go
				return nil
			}
			fc = fc || t.lem == "fc" || low == "se" || low == "squeeze" || low == "excitation" || r.flattenArrow(i) // english_fc.go
			// "one output neuron", "a single output unit": a layer of one.
			if (isOne(low) || low == "single") && (r.lem(i+1) == "output" && r.lem(i+2) == "neuron" || r.lem(i+1) == "neuron" && !r.toks[i+1].plural) {
				d.addUnits(1, i)
			}
			if low == "gap" || t.lem == "pool" && (r.lem(i-1) == "global" || r.lem(i-2) == "global") {
				d.gap = true
				d.gapMax = d.gapMax || r.lem(i-1) == "max"
			} else if t.lem == "pool" && !r.denseContext(i) {
				return nil // a pooling layer with sizes of its own
			}
		case 's':
			if !r.denseSize(d, i) {
				return nil
			}
		case 'n':
			if t.isFrac || !r.denseNumber(d, i) {
				return nil
			}
		}
	}
	if !fc {
		return nil
	}
	return r.denseQuestion(d)
}

// denseSize files the size at token i: a weight matrix next to the layer
// word ("4096x4096 dense"), else a volume.
func (r *enReader) denseSize(d *denseRead, i int) bool {
	dims := r.toks[i].dims
	if len(dims) == 2 && (r.lem(i+1) == "fc" || r.lem(i-1) == "fc") && len(d.matrix) == 0 {
		d.matrix = dims
		return true
	}
	if (len(dims) == 2 || len(dims) == 3) && len(d.vols) < 2 {
		d.vols = append(d.vols, i)
		return true
	}
	return false
}

// denseNumber files the number at token i: part of a chain, a unit count,
// the input count, channels, a reduction ratio or a count of layers.
func (r *enReader) denseNumber(d *denseRead, i int) bool {
	v := enClamp(r.toks[i].num)
	if r.fedToFc(i) && d.inputs == 0 { // english_fc_roles.go: "my flatten spits out 2450 values, then Dense(128)"
		d.inputs = v
		return true
	}
	if r.denseEnds(d, i) { // english_fc.go
		return true
	}
	if r.lem(i+1) == "->" || r.lem(i-1) == "->" {
		if len(d.chain) == 0 {
			d.chainTok = i
		} else if r.lem(i-1) != "->" {
			return false // a second chain
		}
		d.chain = append(d.chain, v)
		d.chainAt = append(d.chainAt, i)
		return true
	}
	if r.lem(i-1) == "=" && (strings.EqualFold(r.toks[max(i-2, 0)].raw, "c") || r.lem(i-2) == "channel") {
		d.channels = v // "C=64"
		return true
	}
	if r.denseRatio(i) {
		d.ratio, d.ratioTok = v, i
		return true
	}
	next := ""
	for j := i + 1; j < len(r.toks) && j <= i+3; j++ {
		if l := r.lem(j); l != "fc" && l != "hidden" && l != "fully" && l != "connect" && l != "-" && r.toks[j].kind == 'w' {
			next = l
			break
		} else if r.toks[j].kind != 'w' {
			break
		}
	}
	// "two fully connected layers": how many layers, not units.
	if v <= 8 && (r.lem(i+1) == "layer" || r.lem(i+1) == "fc") {
		d.layers = v
		k := i + 2
		if r.lem(k) == "layer" {
			k++ // "3 fully connected layers of 100"
		}
		if l := r.lem(k); l == "of" || l == "with" {
			d.pending = v // "two hidden layers of 50", not "a 2-layer MLP with 784 inputs"
		}
		return true
	}
	switch next {
	case "neuron", "output", "out", "layer":
		if next == "output" || next == "out" {
			d.outTok = i
		}
		d.addUnits(v, i)
		return true
	case "input", "vector":
		d.inputs = v
		return true
	case "channel", "fmap", "depth":
		d.channels = v
		return true
	}
	// "a dense layer of 128", "to 4096", "Dense(10)", "hidden layer is 512".
	switch r.lem(i - 1) {
	case "of", "to", "(", "is", "fc", "with":
		if r.denseAfterLayer(i) {
			d.addUnits(v, i)
			return true
		}
	}
	return false
}

// denseContext reports whether the conv or pool word at i names where the
// volume comes from, not a layer to size: "the last conv block gives",
// "after the final pool", with no number next to it.
func (r *enReader) denseContext(i int) bool {
	if r.lem(i) != "conv" && r.lem(i) != "pool" || r.isNum(i-1) || r.isNum(i+1) || r.isNum(i+2) {
		return false
	}
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		switch strings.ToLower(r.toks[j].raw) {
		case "last", "final", "after", "previous":
			return true
		}
	}
	return false
}

// addUnits files the units of a layer, or of as many layers as were just
// counted ("two hidden layers of 50 neurons each").
func (d *denseRead) addUnits(v, tok int) {
	for range max(d.pending, 1) {
		d.units, d.unitToks = append(d.units, v), append(d.unitToks, tok)
	}
	d.pending = 0
}

// denseAfterLayer reports whether a layer word comes shortly before token
// i: the number after it is the layer's units.
func (r *enReader) denseAfterLayer(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		if l := r.lem(j); l == "fc" || l == "layer" || l == "hidden" {
			return true
		}
		if r.isNum(j) || enStop[r.lem(j)] && r.lem(j) != "with" {
			return false
		}
	}
	return false
}

// denseRatio reports whether the number at i is a squeeze-and-excitation
// block's reduction ratio: "ratio 16", "reduction of 16", "r=16".
func (r *enReader) denseRatio(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		switch strings.ToLower(r.toks[j].raw) {
		case "ratio", "reduction", "r":
			return true
		case "of", "=", ":", "is":
			continue
		}
		return false
	}
	return false
}

// denseQuestion builds the layers of what was read.
func (r *enReader) denseQuestion(d *denseRead) *lang.Question {
	q := &lang.Question{Asked: slices.Clone(r.g.asked)}
	if slices.Contains(q.Asked, "weights") && slices.Contains(q.Asked, "biases") && !slices.Contains(q.Asked, "params") {
		q.Asked = append(q.Asked, "params") // "how many weights and biases": both, and their sum
	}
	var input calc.Shape
	if len(d.vols) > 0 {
		input = r.denseVolume(d, d.vols[0])
		if input == nil {
			return nil
		}
	}
	sizes, ok := r.denseSizes(d, input)
	if !ok {
		return nil
	}
	pos := enPos(r.src, r.toks[0].off)
	var layers []lang.Layer
	if len(input) > 1 {
		if d.gap {
			layers = append(layers, lang.Layer{Layer: calc.AdaptivePool{Op: d.gapOp(), Output: []int{1}}, Pos: pos})
		}
		layers = append(layers, lang.Layer{Layer: calc.Flatten{}, Pos: pos})
	}
	if d.gap && input != nil && len(input) > 1 {
		r.notes = append(r.notes, fmt.Sprintf("%s leaves one value per channel: %d inputs to the fully connected layer", d.gapWords(), input[0]))
	}
	for k := 1; k < len(sizes); k++ {
		layers = append(layers, lang.Layer{Layer: calc.Linear{In: sizes[k-1], Out: sizes[k], NoBias: r.g.noBias}, Pos: pos})
	}
	if len(layers) > 1 && input == nil {
		r.notes = append(r.notes, fmt.Sprintf("read as %d fully connected layers: %s", len(layers), strings.Trim(strings.Join(strings.Fields(fmt.Sprint(sizes)), " → "), "[]")))
	}
	q.Input, q.Layers, q.Network = input, layers, len(layers) > 1
	q.Unused = d.outUnused
	if r.denseOneLayer(q, d) {
		q.Layers = layers[len(layers)-1:]
	}
	q.Framework = r.framework()
	q.Notes = append(q.Notes, r.notes...)
	q.Canonical = lang.Format(q)
	return q
}

// denseOneLayer makes a volume flattened into one fully connected layer
// that layer alone, when its weights or biases are asked (a network's
// answer counts parameters only): the volume's numbers are named as
// flattened into the layer's inputs.
func (r *enReader) denseOneLayer(q *lang.Question, d *denseRead) bool {
	lin := 0
	for _, l := range q.Layers {
		if _, ok := l.Layer.(calc.Linear); ok {
			lin++
		}
	}
	asked := slices.Contains(q.Asked, "weights") || slices.Contains(q.Asked, "biases") || slices.Contains(q.Asked, "connections")
	if lin != 1 || !asked || q.Input == nil || d.gap || len(d.vols) == 0 {
		return false
	}
	n, _ := q.Input.Elements()
	q.Unused = append(q.Unused, r.sizeUnused(d.vols[0], fmt.Sprintf("the input %s, flattened: %d inputs", enShapeText(q.Input), n))...)
	q.Input, q.Network = nil, false
	return true
}

// denseSizes are the widths of the chain of fully connected layers, the
// input's first: a chain said with arrows, an SE block's squeeze and
// excitation, a weight matrix, or the input and the units said.
func (r *enReader) denseSizes(d *denseRead, input calc.Shape) ([]int, bool) {
	in := d.inputs
	if input != nil {
		n, err := input.Elements()
		if err != nil {
			return nil, false
		}
		in = int(n)
		if d.gap {
			in = input[0]
		}
	}
	switch {
	case len(d.chain) >= 2:
		if d.ratio > 0 && d.chain[0]/d.ratio != d.chain[1] || len(d.units) > 0 {
			return nil, false
		}
		if d.ratio > 0 {
			d.outUnused = append(d.outUnused, lang.Unused{Text: r.toks[d.ratioTok].raw, Pos: enPos(r.src, r.toks[d.ratioTok].off),
				Why: fmt.Sprintf("the reduction ratio: %d/%d = %d", d.chain[0], d.ratio, d.chain[1])})
		}
		if len(d.chainAt) == len(d.chain) {
			return r.pairedSizes(d.chainAt, d.chain), true // "784->256 -> 256->10" (english_arrow_pairs.go)
		}
		return d.chain, true
	case d.ratio > 0:
		c := d.channels
		if c == 0 && input != nil {
			c = input[0]
		}
		if c == 0 || c%d.ratio != 0 || len(d.units) > 0 {
			return nil, false
		}
		r.notes = append(r.notes, fmt.Sprintf("a squeeze-and-excitation block: %d → %d/%d = %d → %d", c, c, d.ratio, c/d.ratio, c))
		d.outUnused = append(d.outUnused, lang.Unused{Text: r.toks[d.ratioTok].raw, Pos: enPos(r.src, r.toks[d.ratioTok].off),
			Why: fmt.Sprintf("the reduction ratio: %d/%d = %d units in the middle", c, d.ratio, c/d.ratio)})
		return []int{c, c / d.ratio, c}, true
	case len(d.matrix) == 2:
		if in != 0 || len(d.units) > 0 {
			return nil, false
		}
		r.notes = append(r.notes, fmt.Sprintf("%dx%d read as In×Out of the weight matrix", d.matrix[0], d.matrix[1]))
		return d.matrix, true
	}
	r.outputLast(d) // english_dense_order.go
	units := d.units
	if len(d.vols) == 2 {
		out := r.denseVolume(d, d.vols[1])
		if out == nil {
			return nil, false
		}
		n, err := out.Elements()
		if err != nil {
			return nil, false
		}
		d.outUnused = r.sizeUnused(d.vols[1], fmt.Sprintf("read as the output layer's size: %s = %d units", enShapeText(out), n))
		units = append(slices.Clone(units), int(n))
	}
	if in == 0 && len(d.vols) == 0 && d.channels == 0 {
		if sizes := r.denseAfterDense(d); sizes != nil { // english_fc.go
			return sizes, true
		}
	}
	if in == 0 && d.gap && len(d.vols) == 0 && d.channels > 0 && len(units) > 0 {
		// "after global average pooling I have 512 channels": one value each
		r.notes = append(r.notes, fmt.Sprintf("%s leaves one value per channel: %d inputs to the fully connected layer", d.gapWords(), d.channels))
		return append([]int{d.channels}, units...), true
	}
	if in == 0 || len(units) == 0 || d.channels != 0 && len(d.vols) == 0 {
		return nil, false
	}
	return append([]int{in}, units...), true
}

// denseVolume is the shape, channels first, of the volume at token i:
// H×W×C as CS231n writes it (C×H×W when the last two match and the first
// does not); a two-number size takes its channels from the words
// (grayscale, RGB, "3 channels"). Nil when the channels are not said.
func (r *enReader) denseVolume(d *denseRead, i int) calc.Shape {
	dims := r.toks[i].dims
	switch len(dims) {
	case 3:
		if dims[1] == dims[2] && dims[0] != dims[1] {
			return calc.Shape{dims[0], dims[1], dims[2]}
		}
		r.notes = append(r.notes, fmt.Sprintf("%s read as H×W×C", r.toks[i].raw))
		return calc.Shape{dims[2], dims[0], dims[1]}
	case 2:
		if c := max(r.g.channels, d.channels); c > 0 && i == d.vols[0] {
			return calc.Shape{c, dims[0], dims[1]}
		}
		if i != d.vols[0] {
			return calc.Shape{1, dims[0], dims[1]} // an output layer of HxW units
		}
		return r.chainImage(d, dims) // english_dense_order.go: "28x28 images: 784 -> 300 -> 10"
	}
	return nil
}

// sizeUnused names each number of the size at token i with why.
func (r *enReader) sizeUnused(i int, why string) []lang.Unused {
	t := r.toks[i]
	text := r.src[t.off:min(t.end, len(r.src))]
	var out []lang.Unused
	for k := 0; k < len(text); {
		if text[k] < '0' || text[k] > '9' {
			k++
			continue
		}
		e := k
		for e < len(text) && text[e] >= '0' && text[e] <= '9' {
			e++
		}
		out = append(out, lang.Unused{Text: text[k:e], Pos: enPos(r.src, t.off+k), Why: why})
		k = e
	}
	return out
}

// fcInputsAsked reads a question about what a fully connected layer
// receives ("what do i put as in_features for the fc", "how many inputs
// does the FC layer receive?"): the layer's units are not said, and the
// answer is the size flattened before it. The layer mention becomes the
// flatten (or is dropped after one), and the output is asked.
func (r *enReader) fcInputsAsked(q *lang.Question) {
	real := r.realAnchors()
	if len(real) == 0 {
		return
	}
	a := real[len(real)-1]
	if a.kind != "fc" || len(a.counts)+len(a.bare)+len(a.args)+len(a.bareSizes) > 0 || !r.inputsAsked() {
		return
	}
	flat := slices.ContainsFunc(real, func(b *enAnchor) bool { return b.kind == "flatten" })
	if flat {
		r.anchors = slices.DeleteFunc(r.anchors, func(b *enAnchor) bool { return b == a })
	} else {
		a.kind = "flatten"
	}
	r.g.asked = slices.DeleteFunc(r.g.asked, func(s string) bool { return s == "params" || s == "neurons" })
	r.addAsked("output")
	q.Asked = r.g.asked
	r.notes = append(r.notes, "the fully connected layer's inputs are the values flattened before it (in_features)")
}

// inputsAsked reports whether the question asks a layer's inputs:
// in_features, "how many inputs", "what input size".
func (r *enReader) inputsAsked() bool {
	for i, t := range r.toks {
		if t.kind != 'w' {
			continue
		}
		if strings.EqualFold(t.raw, "in_features") || strings.EqualFold(t.raw, "in_feature") {
			return true
		}
		if t.lem == "input" && t.plural && r.askedBefore(i) {
			return true
		}
	}
	return false
}

// "densely connected" is "fully connected" (Keras's Dense): the word joins
// "connected" into a fully connected layer as "fully" does.
func init() {
	enVocab["densely"] = "fully"
}

// gapOp is the operation of the global pool read: a max when the words
// say "global max pooling", an average otherwise.
func (d *denseRead) gapOp() calc.PoolOp {
	if d.gapMax {
		return calc.MaxPool
	}
	return calc.AvgPool
}

// gapWords names the global pool read.
func (d *denseRead) gapWords() string {
	if d.gapMax {
		return "global max pooling"
	}
	return "global average pooling"
}

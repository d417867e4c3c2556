package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Inverse questions as students write them, beyond "what padding keeps
// 28x28": the unknown written as a letter ("same pad for k7 s1 is p=?",
// "what p do i need"), the size kept in other words ("so it doesn't
// shrink"), the sizes said in a story ("goes in at 100 by 100 and comes out
// at 94 by 94", "a 32x32 output"), the input channels from a parameter
// count ("a 3x3 conv with 256 filters shows 295,168 parameters: how many
// input channels?"), and the layer sized once its setting is found ("what
// is the filter size, and how many parameters?").

// enLetterUnknown maps the letter a setting is written as to the setting.
var enLetterUnknown = map[string]string{"p": "pad", "s": "stride", "k": "kernel", "d": "dilation"}

// enNotWords deny the verb after them: "doesn't shrink", "without shrinking".
var enNotWords = map[string]bool{"doesnt": true, "doesn't": true, "dont": true, "don't": true, "not": true, "without": true,
	"no": true, "won't": true, "wont": true, "never": true, "isnt": true, "isn't": true}

// enSettingUnknown maps a setting's word to the unknown it asks.
var enSettingUnknown = map[string]string{"pad": "pad", "stride": "stride", "ksize": "kernel", "kernel": "kernel", "dilation": "dilation"}

// enExtremeWords ask for a setting: "the smallest padding", "the minimum
// stride".
var enExtremeWords = map[string]bool{"smallest": true, "minimum": true, "minimal": true, "least": true, "min": true,
	"largest": true, "maximum": true, "biggest": true, "required": true, "necessary": true}

// inverseAsked reads the unknowns the general reader misses; it runs after
// the scan, before the question is built.
func (r *enReader) inverseAsked() {
	for i, t := range r.toks {
		low := strings.ToLower(t.raw)
		// "so it doesn't shrink", "without shrinking the map": the size is kept.
		if t.kind == 'w' && strings.HasPrefix(low, "shrink") && i > 0 && enNotWords[strings.ToLower(r.toks[i-1].raw)] {
			r.g.keep = true
		}
		// "p=?", "what p", "p is ?": a setting written as its letter.
		if u, ok := enLetterUnknown[low]; ok && t.kind == 'w' && r.letterAsked(i) {
			r.g.unknown, r.g.unkTok = u, i
		}
	}
	r.effectiveKernel()
	for i, t := range r.toks {
		// "the smallest padding that gives 32x32", "minimum stride needed".
		if u := enSettingUnknown[t.lem]; r.g.unknown == "" && u != "" && t.kind == 'w' && !t.plural && i > 0 && enExtremeWords[strings.ToLower(r.toks[i-1].raw)] {
			r.g.unknown, r.g.unkTok = u, i
		}
	}
	if r.g.unknown == "" && len(r.g.params) == 0 && r.rfTarget() > 0 && r.howManyLayers() {
		r.g.unknown = "layers" // "how many 3x3 convs for a receptive field of 7?"
	}
	if len(r.g.params) == 0 && r.layersAsked() {
		r.g.unknown = "layers" // "how many 2x2 max pooling layers take 224 down to 7?"
	}
	if r.g.unknown == "" && len(r.g.params) > 0 && r.channelsAsked() {
		r.g.unknown, r.g.unkTok = "inch", r.g.params[0].tok
	}
}

// effectiveKernel reads "what's the effective kernel size of a 3x3 conv
// with dilation 6, and what padding keeps 19x19": the effective kernel is
// shown in the working (a 13-wide kernel), the setting asked is the other.
func (r *enReader) effectiveKernel() {
	if r.g.unknown != "kernel" || !strings.EqualFold(r.toks[max(r.g.unkTok-1, 0)].raw, "effective") && !strings.EqualFold(r.toks[max(r.g.unkTok-2, 0)].raw, "effective") {
		return
	}
	r.g.unknown = ""
	for i, t := range r.toks {
		if u := enSettingUnknown[t.lem]; i > r.g.unkTok && u != "" && u != "kernel" && (r.lem(i-1) == "what" || r.lem(i-1) == "many" || r.lem(i-2) == "what") {
			r.g.unknown, r.g.unkTok = u, i
			return
		}
	}
}

// letterAsked reports whether the letter at i is asked: after "what" or
// "which", or before "= ?", "?" or "is ?".
func (r *enReader) letterAsked(i int) bool {
	if r.lem(i-1) == "what" {
		return true
	}
	j := i + 1
	if r.lem(j) == "=" || r.lem(j) == "is" {
		j++
	}
	return r.lem(j) == "?"
}

// channelsAsked reports whether the question asks how many channels the
// input has: "how many channels must its input have had", "number of input
// channels", "what was Cin".
func (r *enReader) channelsAsked() bool {
	for i, t := range r.toks {
		if t.kind == 'w' && t.lem == "input" && t.plural && r.askedBefore(i) {
			return true // "how many inputs does it have?"
		}
		if t.kind != 'w' || t.lem != "channel" && t.lem != "inch" && t.lem != "depth" {
			continue
		}
		if !r.askedBefore(i) {
			continue
		}
		if t.lem == "inch" {
			return true
		}
		for j := max(i-3, 0); j < min(i+5, len(r.toks)); j++ {
			if r.lem(j) == "input" || r.lem(j) == "previous" || r.lem(j) == "in" {
				return true
			}
		}
	}
	return false
}

// askedBefore reports whether a question word comes shortly before the
// word at i, over "input" and articles: "how many input channels", "what
// was Cin", "number of channels".
func (r *enReader) askedBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		switch r.lem(j) {
		case "many", "what", "number":
			return true
		case "input", "in", "the", "of", "is":
			continue
		}
		return false
	}
	return false
}

// solveInverse answers an inverse question (see solve), with the sizes
// said in a story put in their roles first, and the layer sized when the
// question asks more than the setting.
func (r *enReader) solveInverse(q *lang.Question) error {
	if r.g.unknown == "inch" {
		return r.solveInChannels(q)
	}
	if r.g.unknown == "layers" {
		return r.solveLayers(q)
	}
	if r.g.unknown != "out" {
		r.inverseSizes()
	}
	if err := r.solve(q); err != nil {
		return err
	}
	r.solveWidth(q)
	r.sizeSolved(q)
	return nil
}

// solveWidth solves the width too when the sizes or the kernel are not
// square ("input 40x60, output 38x56: what kernel?"): the answer is the
// height's value with the width's ("kernel height = 3 (with kernel width
// 5)").
func (r *enReader) solveWidth(q *lang.Question) {
	sv := q.Solve
	first := r.firstInput()
	if sv == nil || sv.Second != "" || len(sv.Solutions) != 1 || first == nil || len(first.dims) < 2 || r.g.unknown == "input" {
		return
	}
	in := first.dims
	out := in
	if len(r.g.outs) > 0 {
		out = r.g.outs[0].dims
	}
	c, ok := sv.Layer.(calc.Conv)
	if !ok || len(out) < 2 || in[0] == in[1] && out[0] == out[1] && calc.Per(c.Kernel, 0, 1) == calc.Per(c.Kernel, 1, 1) {
		return
	}
	if r.g.unknown == "kernel" && in[0]-out[0] == in[1]-out[1] {
		return // the same kernel fits both
	}
	w, err := calc.SolveConv(c, sv.Unknown, 1, in[1], out[1])
	if err != nil {
		return
	}
	word := enUnknownWord(sv.Unknown)
	sv.Second, sv.Seconds = word+" width", [][]int64{w.Solutions}
	sv.Unknown = word + " height"
	sv.Question += "; " + w.Question
	sv.Steps = append(sv.Steps, w.Steps...)
	if w.Layer != nil {
		sv.Layer = w.Layer
	}
}

// inverseSizes puts the sizes of a setting question in their roles when
// the reader did not: the first of two outputs is the input ("goes in at
// 100 by 100 and comes out at 94 by 94"), a size nothing explained besides
// the input is the output wanted ("gives me a 32x32 output").
func (r *enReader) inverseSizes() {
	r.kernelAsOutput()
	// "SSD fc6 uses a 3x3 conv ...": a name before the layer with the kernel
	// is context.
	for _, a := range r.realAnchors() {
		if len(a.kernel) > 0 {
			break
		}
		if len(a.counts)+len(a.bare)+len(a.bareSizes)+len(a.args) == 0 && slices.ContainsFunc(r.anchors, func(b *enAnchor) bool { return len(b.kernel) > 0 }) {
			a.ctx = true
		}
	}
	switch {
	case len(r.g.inputs) == 0 && len(r.g.outs) == 2 && r.g.outs[0].tok < r.g.outs[1].tok && r.entering(r.g.outs[0].tok):
		f := r.g.outs[0]
		f.role = "in"
		r.g.inputs, r.g.outs = []enSizeFact{f}, r.g.outs[1:]
	case len(r.g.inputs) <= 1 && len(r.g.outs) == 0 && r.halves() != 0 && r.firstInput() != nil:
		// "what padding so a 5x5 conv with stride 2 halves 64x64?"
		f := *r.firstInput()
		dims := make([]int, len(f.dims))
		for k, d := range f.dims {
			dims[k] = d / 2
			if r.halves() > 0 {
				dims[k] = d * 2
			}
		}
		r.g.outs = append(r.g.outs, enSizeFact{dims: dims, tok: f.tok, role: "out"})
		r.notes = append(r.notes, fmt.Sprintf("the output wanted: %s", strings.Trim(strings.ReplaceAll(fmt.Sprint(dims), " ", "×"), "[]")))
	case len(r.g.inputs) == 1 && len(r.g.outs) == 0 && !r.g.keep:
		for _, a := range r.anchors {
			for _, i := range a.bareSizes {
				t := r.toks[i]
				if i != r.g.inputs[0].tok && len(t.dims) >= 2 && !slices.Equal(t.dims, r.kernelOf(i)) && r.outputCue(i) {
					r.g.outs = append(r.g.outs, enSizeFact{dims: t.dims, tok: i, role: "out"})
					a.bareSizes = slices.DeleteFunc(a.bareSizes, func(k int) bool { return k == i })
					return
				}
			}
		}
	}
}

// halves is -1 when the question asks to halve the size ("halves
// 64x64"), 1 to double it, 0 for neither.
func (r *enReader) halves() int {
	if r.g.keep {
		return 0
	}
	for i, t := range r.toks {
		switch low := strings.ToLower(t.raw); {
		case strings.HasPrefix(low, "halv"):
			return -1
		case strings.HasPrefix(low, "doubl") && !strings.HasPrefix(strings.ToLower(r.toks[min(i+2, len(r.toks)-1)].raw), "check") &&
			!strings.HasPrefix(strings.ToLower(r.toks[min(i+1, len(r.toks)-1)].raw), "check"):
			return 1 // but "double-check" checks
		}
	}
	return 0
}

// enEnterWords say a size is where the data starts: "goes in at",
// "enters at", "starts at".
var enEnterWords = map[string]bool{"in": true, "enters": true, "enter": true, "entering": true, "starts": true, "start": true,
	"begins": true, "from": true, "input": true}

// entering reports whether the size at i is said as where the data
// enters: an entering word among the three words before it.
func (r *enReader) entering(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		if enEnterWords[strings.ToLower(r.toks[j].raw)] {
			return true
		}
	}
	return false
}

// kernelAsOutput reads a size said of the layer after "at" or "to" as
// the output when the kernel is asked: "leaves the conv at 55x55".
func (r *enReader) kernelAsOutput() {
	if r.g.unknown != "kernel" {
		return
	}
	for _, a := range r.anchors {
		i, ok := a.at["kernel"]
		if !ok || len(a.kernel) == 0 || i < 1 || r.toks[i].kind != 's' || r.lem(i-1) != "at" && r.lem(i-1) != "to" {
			continue
		}
		r.g.outs = append(r.g.outs, enSizeFact{dims: a.kernel, tok: i, role: "out"})
		slices.SortFunc(r.g.outs, func(x, y enSizeFact) int { return x.tok - y.tok })
		a.kernel = nil
		delete(a.at, "kernel")
	}
}

// outputCue reports whether the size at i is said as an output: "a 32x32
// output", "30x30 out of", "gives 14x14".
func (r *enReader) outputCue(i int) bool {
	switch r.lem(i + 1) {
	case "output", "out", "outsize", "after":
		return true
	}
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		if l := r.lem(j); l == "give" || l == "to" || enWantWords[strings.ToLower(r.toks[j].raw)] {
			return true
		}
	}
	return false
}

// enWantWords say the size after them is the one wanted.
var enWantWords = map[string]bool{"want": true, "wanted": true, "desired": true, "target": true, "need": true}

// kernelOf is the kernel of the layer whose phrase holds token i.
func (r *enReader) kernelOf(i int) []int {
	if a := r.owner(i); a != nil {
		return a.kernel
	}
	return nil
}

// sizeSolved sizes the layer of a solved setting question that asks more
// than the setting ("what is the filter size, and how many parameters?"),
// with the channels of the input and output said (28x28x1 to 24x24x8).
func (r *enReader) sizeSolved(q *lang.Question) {
	sv := q.Solve
	first := r.firstInput()
	if sv == nil || len(sv.Solutions) != 1 || first == nil || len(r.g.outs) == 0 || !r.asksCounts() {
		return
	}
	c, ok := sv.Layer.(calc.Conv)
	in, out := first.dims, r.g.outs[0].dims
	if !ok || len(in) != 3 || len(out) != 3 || c.Transposed {
		return
	}
	if in[0] != in[1] || out[0] != out[1] {
		return // solved along the height only
	}
	v := int(sv.Solutions[0])
	switch sv.Unknown {
	case "kernel":
		c.Kernel = []int{v, v}
	case "pad":
		c.Pad = []int{v, v}
	case "stride":
		c.Stride = []int{v, v}
	case "dilation":
		c.Dilation = []int{v, v}
	default:
		return
	}
	c.In, c.Out = in[2], out[2]
	c.NoBias = r.g.noBias
	if c.PadMode == calc.PadExplicit && len(c.Pad) == 0 {
		c.PadMode = calc.PadValid
	}
	q.Input = calc.Shape{in[2], in[0], in[1]}
	q.Layers = []lang.Layer{{Layer: c, Pos: enPos(r.src, r.toks[r.g.unkTok].off)}}
	// The channel counts are used now: the layer's filters and depth.
	q.Unused = slices.DeleteFunc(q.Unused, func(u lang.Unused) bool { return strings.HasPrefix(u.Why, "a channel count") })
	r.notes = append(r.notes, fmt.Sprintf("the layer sized with the %s found: %d input channels, %d filters", enUnknownWord(sv.Unknown), c.In, c.Out))
	q.Canonical = lang.Format(q)
}

// asksCounts reports whether the question asks a count of the layer
// besides its setting: parameters, weights, MACs, connections, neurons.
func (r *enReader) asksCounts() bool {
	for _, a := range r.g.asked {
		if a != "output" && a != "receptive field" {
			return true
		}
	}
	return false
}

// solveInChannels finds the input channels that give a layer the
// parameters said: a conv with its kernel and filters ("a 3x3 conv with 256
// filters shows 295,168 parameters"), or a fully connected layer with its
// units ("10 units and 7,850 parameters: how many inputs?").
func (r *enReader) solveInChannels(q *lang.Question) error {
	real := r.realAnchors()
	if len(real) == 0 {
		return r.noLayer()
	}
	a := real[0]
	out, _, _ := r.channels(a)
	p := r.g.params[0].v
	b := int64(1)
	if a.noBias || r.g.noBias {
		b = 0
	}
	k := a.kernel
	if len(k) == 0 && len(a.bareSizes) > 0 {
		k = r.toks[a.bareSizes[0]].dims
	}
	if len(k) == 1 {
		k = []int{k[0], k[0]}
	}
	fc := a.kind == "fc" || len(k) == 0
	if out == 0 || !fc && len(k) != 2 || out > calc.MaxSize || !fc && (k[0] > calc.MaxSize || k[1] > calc.MaxSize || k[0] < 1 || k[1] < 1) {
		return r.fail(r.g.unkTok, "to find the input channels from the parameters I need the kernel size and the number of filters",
			"e.g. \"a 3x3 conv with 256 filters has 295,168 parameters: how many input channels?\"")
	}
	per := int64(out)
	formula, vals := "(P − b·Cout) / Cout", []calc.Binding{{Name: "P", Value: p}, {Name: "b", Value: b}, {Name: "Cout", Value: int64(out)}}
	what := fmt.Sprintf("a fully connected layer with %d units", out)
	if !fc {
		per = int64(k[0]) * int64(k[1]) * int64(out)
		formula = "(P − b·Cout) / (KH·KW·Cout)"
		vals = append(vals, calc.Binding{Name: "KH", Value: int64(k[0])}, calc.Binding{Name: "KW", Value: int64(k[1])})
		what = fmt.Sprintf("a %dx%d conv with %d filters", k[0], k[1], out)
	}
	sv := &calc.Solved{Unknown: "input channels", Min: 1, Max: calc.MaxSize,
		Question: fmt.Sprintf("input channels Cin that give %s %d learnable parameters", what, p)}
	rest := p - b*int64(out)
	st := calc.Step{Quantity: "input channels", Formula: formula, Values: vals, Result: rest / per,
		Note: "P = KH·KW·Cin·Cout + b·Cout, solved for Cin"}
	if fc {
		st.Note = "P = In·Out + b·Out, solved for In"
	}
	if rest <= 0 || rest%per != 0 {
		st.Note = fmt.Sprintf("no whole number of channels gives exactly %d: %d give %d", p, rest/per, rest/per*per+b*int64(out))
		sv.Steps = append(sv.Steps, st)
		q.Solve = sv
		return nil
	}
	cin := rest / per
	sv.Solutions = []int64{cin}
	if fc {
		sv.Unknown, sv.Question = "inputs", fmt.Sprintf("inputs In that give %s %d learnable parameters", what, p)
	}
	sv.Steps = append(sv.Steps, st)
	if fc {
		sv.Layer = calc.Linear{In: int(cin), Out: out, NoBias: b == 0}
	} else {
		sv.Layer = calc.Conv{Kernel: k, In: int(cin), Out: out, NoBias: b == 0}
	}
	q.Solve = sv
	return nil
}

// layersAsked reports whether the question asks how many layers of one
// kind take the input to the output: "how many 2x2 stride-2 max pooling
// layers are needed to take 224x224 down to 7x7?".
func (r *enReader) layersAsked() bool {
	if len(r.g.inputs) == 0 || len(r.g.outs) == 0 || r.rfTarget() > 0 {
		return false
	}
	return r.howManyLayers()
}

// rfTarget is the receptive field a question wants ("a receptive field of
// 7x7", "rf = 11"), or 0.
func (r *enReader) rfTarget() int {
	for i, t := range r.toks {
		if t.lem != "rf" && !(t.lem == "receptive" && r.lem(i+1) == "field") {
			continue
		}
		for j := i + 1; j < len(r.toks) && j-i <= 4; j++ {
			if raw := r.toks[j].raw; raw == "" || raw[0] < '0' || raw[0] > '9' {
				continue // "as one 7x7 conv": the count is no field
			}
			if r.toks[j].kind == 's' {
				return r.toks[j].dims[0]
			}
			if r.toks[j].kind == 'n' && !r.toks[j].isFrac {
				return enClamp(r.toks[j].num)
			}
		}
	}
	return 0
}

// howManyLayers reports whether the question asks how many layers: "how
// many 2x2 pooling layers", "how many stacked 3x3 convs"; it marks the
// layer word as the unknown's token.
func (r *enReader) howManyLayers() bool {
	for i, t := range r.toks {
		if t.lem != "how" || r.lem(i+1) != "many" {
			continue
		}
		for j := i + 2; j < len(r.toks) && j-i <= 8; j++ {
			l := r.lem(j)
			if (l == "pool" || l == "conv" || l == "layer") && r.toks[j].plural || l == "layer" {
				r.g.unkTok = j
				return true
			}
			if enQuantities[l] || l == "filter" || l == "fmap" || l == "channel" || l == "neuron" || enStop[l] && l != "with" {
				return false
			}
		}
	}
	return false
}

// solveLayers finds how many times one layer must be applied to take the
// input size to the output size, applying it until the size is reached or
// passed (at most 64 times).
func (r *enReader) solveLayers(q *lang.Question) error {
	real := r.realAnchors()
	if len(real) == 0 {
		return r.noLayer()
	}
	a := real[0]
	c := r.solveConv(a)
	if len(c.Kernel) == 0 {
		return r.fail(r.g.unkTok, "to count the layers I need the kernel (window) size of one", solveHint)
	}
	var layer calc.Layer = c
	if a.kind == "pool" {
		op := calc.MaxPool
		if a.op == "avg" {
			op = calc.AvgPool
		}
		layer = calc.Pool{Op: op, Kernel: c.Kernel, Stride: c.Stride, Pad: c.Pad, Ceil: a.ceil}
	}
	if rf := r.rfTarget(); rf > 0 {
		q.Solve = solveLayersRF(c, layer, rf)
		return nil
	}
	in, out := r.g.inputs[0].dims[0], r.g.outs[0].dims[0]
	sv := &calc.Solved{Unknown: "layers", Min: 1, Max: 64, Layer: layer,
		Question: fmt.Sprintf("number of %s layers that take %d to %d", lang.FormatHead(layer), in, out)}
	shape := calc.Shape{1, in, in}
	for n := 1; n <= 64; n++ {
		rep, err := layer.Apply(shape)
		if err != nil || len(rep.Output) < 2 {
			break
		}
		h := rep.Output[1]
		sv.Steps = append(sv.Steps, calc.Step{Quantity: fmt.Sprintf("size after %d layer(s)", n), Formula: "floor((H + 2·p − k) / s) + 1",
			Values: []calc.Binding{{Name: "H", Value: int64(shape[1])}, {Name: "p", Value: int64(calc.Per(c.Pad, 0, 0))},
				{Name: "k", Value: int64(lang.Per0(c.Kernel))}, {Name: "s", Value: int64(max(lang.Per0(c.Stride), 1))}}, Result: int64(h)})
		if h == out {
			sv.Solutions = []int64{int64(n)}
			break
		}
		if h < out || h == shape[1] {
			sv.Steps = append(sv.Steps, calc.Step{Quantity: "layers that work", Formula: "none",
				Note: fmt.Sprintf("the size passes %d without reaching it", out)})
			break
		}
		shape = rep.Output
	}
	q.Solve = sv
	return nil
}

// solveLayersRF finds how many copies of one layer, stacked, see a
// receptive field of rf: each adds (k − 1)·d times the stride so far
// (Distill 2019's recurrence), at most 64 layers.
func solveLayersRF(c calc.Conv, layer calc.Layer, rf int) *calc.Solved {
	k, s, d := calc.Per(c.Kernel, 0, 1), max(calc.Per(c.Stride, 0, 1), 1), max(calc.Per(c.Dilation, 0, 1), 1)
	sv := &calc.Solved{Unknown: "layers", Min: 1, Max: 64, Layer: layer,
		Question: fmt.Sprintf("number of stacked %s layers whose receptive field is %d", lang.FormatHead(layer), rf)}
	field, jump := 1, 1
	for n := 1; n <= 64 && k <= calc.MaxSize && d <= calc.MaxSize && jump <= calc.MaxSize; n++ {
		prev := field
		field += (k - 1) * d * jump
		sv.Steps = append(sv.Steps, calc.Step{Quantity: fmt.Sprintf("receptive field after %d layer(s)", n), Formula: "r + (k − 1)·d·j",
			Values: []calc.Binding{{Name: "r", Value: int64(prev)}, {Name: "k", Value: int64(k)}, {Name: "d", Value: int64(d)}, {Name: "j", Value: int64(jump)}},
			Result: int64(field), Note: "j is the product of the strides before the layer"})
		jump *= s
		if field == rf {
			sv.Solutions = []int64{int64(n)}
			return sv
		}
		if field > rf || field == prev {
			break
		}
	}
	sv.Steps = append(sv.Steps, calc.Step{Quantity: "layers that work", Formula: "none",
		Note: fmt.Sprintf("the receptive field passes %d without reaching it", rf)})
	return sv
}

package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// read turns the tokens into a Question: it finds the layers mentioned,
// what is asked and what each number means, then builds an inverse
// question or the layers.
func (r *enReader) read() (*lang.Question, error) {
	if len(r.toks) == 0 {
		return nil, r.fail(0, "the question is empty", "")
	}
	r.findAnchors()
	r.dropTitle() // english_title.go
	r.videoConv() // english_video.go
	r.asked()
	r.weightsPlusBias()               // english_one_unit.go: "how many weights + bias"
	if fq, ok := r.fireModule(); ok { // english_fire.go
		return fq, nil
	}
	if bq, ok := r.branchList(); ok { // english_branches.go
		return bq, nil
	}
	if sq, ok := r.segmentStack(); ok { // english_segments.go
		return sq, nil
	}
	if at := r.namedNetworkLayer(); at >= 0 { // english_names.go
		return nil, r.fail(at, "this asks the receptive field of a layer of a network named by its place in it; it depends on every layer before it, which I hold as a preset, not in words",
			"ask about the preset by name: \"receptive field of conv5_3 in vgg16\"")
	}
	r.perGroupMention()    // english_per_group.go
	r.neuronVolume()       // english_neuron_volume.go
	r.keepSentenceLength() // english_text_cnn.go
	r.scan()
	r.flattenFeeds()   // english_fc_roles.go
	r.formulaGuesses() // english_formula.go
	r.indexedContext()
	r.shareSettings()
	r.afterRef()
	r.namedAgain() // english_named_again.go
	r.dropEmpty()
	r.precedingFilters() // english_prev_filters.go
	r.resolveBare()
	r.separableParts() // english_separable_parts.go
	r.inverseAsked()   // english_inverse.go
	r.everyLayer()     // english_every_layer.go
	r.bracketBlocks()  // english_bracket_blocks.go
	q := &lang.Question{Asked: r.g.asked}
	if r.batchTensor(q) { // english_batch_tensor.go: "a batch of 32 RGB images at 224x224 in float32: bytes?"
		return q, nil
	}
	if ok, err := r.solveOutpad(q); ok || err != nil { // english_outpad.go
		return q, err
	}
	if r.flatOutput(q) { // english_tensor.go
		q.Notes = append(q.Notes, r.notes...)
		return q, nil
	}
	if r.pairStack(q) || r.fcPairStack(q) || r.kernelArrows(q) || r.kernelChain(q) || r.arrowStack(q) || r.fcAsConv(q) || r.ordinalStack(q) || r.sizeStack(q) { // english_pairs.go, english_fc_pairs.go, english_chain.go, english_arrows.go, english_sizestack.go
		q.Notes = append(q.Notes, r.notes...)
		q.Canonical = lang.Format(q)
		return q, nil
	}
	if nq := r.normWords(); nq != nil {
		return nq, nil // english_norm_words.go
	}
	if dq := r.dense(); dq != nil {
		return dq, nil // english_dense.go
	}
	if r.g.unknown == "out" && len(r.g.params) == 0 {
		r.g.unknown = ""
	}
	if r.g.unknown == "" && r.g.keep {
		r.keepSize()
	}
	if r.g.unknown != "" {
		if err := r.solveInverse(q); err != nil { // english_inverse.go
			return nil, err
		}
		q.Notes = append(q.Notes, r.notes...)
		return q, nil
	}
	return r.convsPerGroup(r.chainNotParallel(r.parallel(r.build(q)))) // english_parallel.go, english_parallel_doubt.go, english_per_group.go
}

// build builds the layers of a question that asks about them (not an
// inverse question), with its input.
func (r *enReader) build(q *lang.Question) (*lang.Question, error) {
	r.fcInputsAsked(q) // english_dense.go
	real := r.fcInputs(r.realAnchors())
	r.separableSettings(real) // english_separable_settings.go
	r.textConvs(real)         // english_text_cnn.go
	q.Asked = r.g.asked
	if len(real) == 0 {
		if r.tensorQuestion(q) { // english_tensor.go
			return q, nil
		}
		return nil, r.noLayer()
	}
	if r.convOutputMemory(q) { // english_memory.go: "a conv output with 512 channels, 7x7 spatial: bytes?"
		return q, nil
	}
	if v := r.versus(); v >= 0 {
		return nil, r.fail(v, "this sets one design against another, and I could not tell the two sides apart",
			"ask about each side on its own, or write it as \"a 5x5 conv vs two 3x3 convs, 64 channels in and out\"")
	}
	input, inChannels, err := r.input(real[0])
	if err != nil {
		if r.tensorQuestion(q) { // "conv output is 64ch 128x128: how many MB": no input needed
			return q, nil
		}
		return nil, err
	}
	layers, err := r.layers(real, input, inChannels)
	if err != nil {
		if r.tensorQuestion(q) { // english_tensor.go
			return q, nil
		}
		return nil, err
	}
	if r.datasetUnfit(input, layers) { // english_dataset_fit.go
		input = nil
		if layers, err = r.layers(real, nil, inChannels); err != nil {
			return nil, err
		}
	}
	layers, input = r.denseLastAxis(layers, input) // english_counts.go
	layers = r.eachPool(r.eachBatchNorm(layers))   // english_pairs.go, english_each_after.go
	layers = keptFlattens(r.flattened(q, layers, input), input)
	if input == nil {
		input = r.inputFromOutput(layers)
	}
	q.Input, q.Layers, q.Network = input, layers, len(layers) > 1
	r.finish(q)
	return q, nil
}

// finish sets what a built question carries besides its layers: whether
// it is answered as a network, its batch, framework, guesses and notes.
func (r *enReader) finish(q *lang.Question) {
	weights, biases := slices.Contains(q.Asked, "weights"), slices.Contains(q.Asked, "biases")
	if q.Network && weights && (biases || allNoBias(q.Layers)) {
		// A network's count is its parameters: "how many weights and
		// biases does that layer hold", weights without biases.
		q.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(s string) bool { return s == "weights" || s == "biases" }), "params")
		if !biases {
			r.notes = append(r.notes, "no layer has a bias: the weights are all the parameters")
		}
	}
	q.Batch = r.g.batch
	if slices.Contains(q.Asked, "memory") && q.Input == nil && r.g.batch == 0 && !slices.Contains(q.Asked, "params") && !slices.Contains(q.Asked, "weights") {
		// "memory for a linear layer 2048 -> 1000 in fp16": with no input,
		// the memory a layer holds is its parameters'.
		q.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(s string) bool { return s == "memory" }), "param bytes")
	}
	if slices.Contains(q.Asked, "memory") && q.Input != nil || slices.Contains(q.Asked, "receptive field") {
		q.Network = true // memory and the receptive field are a network's, even for one layer
	}
	if q.Network && q.Input == nil {
		chainChannels(q.Layers, !r.perLayer())
	}
	// The numbers no reading used are named by the front door, which
	// accounts for every number of the question.
	q.Framework = r.framework()
	q.Unused = append(append(append(q.Unused, r.guessesUnused()...), r.g.unused...), r.chaptersUnused()...)
	q.Notes = append(q.Notes, r.notes...)
	q.Canonical = lang.Format(q)
}

// guessesUnused names the asker's guesses ("is the output 112?", "a
// receptive field of 7x7?") as not used, each number of a size on its own.
func (r *enReader) guessesUnused() []lang.Unused {
	var out []lang.Unused
	for _, i := range r.guesses {
		t := r.toks[i]
		text := r.src[t.off:min(t.end, len(r.src))]
		for k := 0; k < len(text); {
			if text[k] < '0' || text[k] > '9' {
				k++
				continue
			}
			e := k
			for e < len(text) && (text[e] >= '0' && text[e] <= '9' || text[e] == ',' || text[e] == '.') {
				e++
			}
			out = append(out, lang.Unused{Text: text[k:e], Pos: enPos(r.src, t.off+k), Why: "your guess: compare it with the answer"})
			k = e
		}
	}
	return out
}

// allNoBias reports whether every layer is a conv or a dense layer without
// a bias (no batch norm), so its weights are all its parameters.
func allNoBias(layers []lang.Layer) bool {
	for _, l := range layers {
		switch v := l.Layer.(type) {
		case calc.Conv:
			if !v.NoBias {
				return false
			}
		case calc.Linear:
			if !v.NoBias {
				return false
			}
		case calc.Pool, calc.Activation, calc.Flatten, calc.Dropout, calc.GlobalAvgPool:
		default:
			return false
		}
	}
	return true
}

// keepSize reads "padding to keep the size" in a question that asks
// something else: the convolutions without a padding of their own pad
// "same".
func (r *enReader) keepSize() {
	for _, a := range r.anchors {
		if (a.kind == "conv" || a.kind == "layer" && len(a.kernel) > 0) && len(a.pad) == 0 && a.padMode == "" && !a.ctx {
			a.padMode = "same"
			r.noteOnce("the size is kept: padding \"same\"")
		}
	}
}

// fcAsConv reads a fully connected layer rewritten as a convolution, as
// CS231n converts them: "fc 4096 -> 1000 as a 1x1 conv", "a fully
// connected layer on 7x7x512 to 4096 units as a conv layer". The kernel
// spans the layer's whole input, one filter per unit. It reports whether
// the question was one.
func (r *enReader) fcAsConv(q *lang.Question) bool {
	fc, conv := r.firstOf("fc"), r.firstOf("conv")
	if fc == nil || conv == nil || !r.converts(conv) {
		return false
	}
	in, out := r.fcEnds(fc, conv)
	kernel := conv.kernel
	if f := r.firstInput(); f != nil && len(f.dims) == 3 {
		in, kernel = f.dims[2], f.dims[:2]
	}
	if len(kernel) == 0 {
		kernel = []int{1}
	}
	if in == 0 || out == 0 {
		return false
	}
	input := calc.Shape{in, 1, 1}
	if f := r.firstInput(); f != nil && len(f.dims) == 3 {
		input = calc.Shape{in, f.dims[0], f.dims[1]}
	}
	c := calc.Conv{Dims: 2, Kernel: kernel, In: in, Out: out, NoBias: fc.noBias || conv.noBias}
	q.Layers = []lang.Layer{{Layer: c, Pos: enPos(r.src, r.toks[conv.tok].off)}}
	q.Input = input
	r.g.unknown = ""
	if !slices.Contains(q.Asked, "params") {
		q.Asked = append(q.Asked, "params")
	}
	r.notes = append(r.notes, fmt.Sprintf("a fully connected layer written as a convolution: a %s kernel spans its whole input, one filter per unit, so it has the same %d inputs per unit (CS231n's conversion)",
		enShapeText(calc.Shape(append([]int(nil), input[1:]...))), enProduct(input)))
	return true
}

// converts reports whether the question turns a layer into the conv
// mentioned: "as a conv", "into a 1x1 conv", "convert", "equivalent".
func (r *enReader) converts(conv *enAnchor) bool {
	for _, t := range r.toks {
		switch strings.ToLower(t.raw) {
		case "convert", "converted", "converting", "conversion", "equivalent", "rewrite", "rewritten":
			return true
		}
	}
	for j := conv.start - 1; j >= 0 && j >= conv.start-3; j-- {
		switch strings.ToLower(r.toks[j].raw) {
		case "as", "into":
			return true
		}
	}
	return false
}

// firstOf is the first mention of a kind of layer, or nil.
func (r *enReader) firstOf(kind string) *enAnchor {
	for _, a := range r.anchors {
		if a.kind == kind {
			return a
		}
	}
	return nil
}

// fcEnds are the inputs and units of a fully connected layer said across
// its mention and the conv it becomes: counts with a role first, then the
// other numbers in order.
func (r *enReader) fcEnds(fc, conv *enAnchor) (in, out int) {
	var rest []int
	for _, a := range []*enAnchor{fc, conv} {
		for _, v := range a.args {
			rest = append(rest, int(v)) // fc7(4096 -> 4096), Linear(4096, 1000)
		}
		var more []int
		in, out, more = byRole(a.counts, in, out)
		rest = append(rest, more...)
		for _, i := range a.bare {
			rest = append(rest, int(r.toks[i].num))
		}
	}
	// "fc7 (4096 -> 4096) ... what kernel size?" filed them as an inverse
	// question's sizes.
	for _, f := range r.g.inputs {
		if len(f.dims) == 1 && in == 0 {
			in = f.dims[0]
		}
	}
	for _, f := range r.g.outs {
		if len(f.dims) == 1 && out == 0 {
			out = f.dims[0]
		}
	}
	for _, v := range rest {
		switch {
		case in == 0 && r.firstInput() == nil:
			in = v
		case out == 0:
			out = v
		}
	}
	return in, out
}

// realAnchors are the layers to build: every mention but those of the
// layer before ("the previous layer has 32 maps").
func (r *enReader) realAnchors() []*enAnchor {
	var real []*enAnchor
	for _, a := range r.anchors {
		if !a.ctx {
			real = append(real, a)
		}
	}
	return real
}

// noLayer is the refusal of a question with no layer in it, naming the
// first word not known when there is one.
func (r *enReader) noLayer() error {
	at := 0
	if len(r.anchors) > 0 {
		at = r.anchors[0].tok
	} else if len(r.g.inputs) > 0 {
		at = r.g.inputs[0].tok
	}
	msg := "I could not find a layer in this question"
	if len(r.anchors) == 0 {
		for i, t := range r.toks {
			if t.kind == 'w' && t.lem == "" && len(t.raw) > 2 {
				at, msg = i, fmt.Sprintf("I could not find a layer in this question: I do not know %q", t.raw)
				break
			}
		}
	}
	return r.fail(at, msg, "name the layer (conv, max pool, fully connected, batch norm) with its sizes")
}

// layers builds the layers of the mentions in order, each repeated as
// often as said, the channels of one feeding the next.
func (r *enReader) layers(real []*enAnchor, input calc.Shape, inChannels int) ([]lang.Layer, error) {
	var layers []lang.Layer
	prevOut := 0 // channels arriving at the next layer, when known
	if input != nil {
		prevOut = input[0]
	}
	for k, a := range real {
		ls, err := r.layer(a, k == 0, prevOut, inChannels)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			switch v := l.Layer.(type) {
			case calc.Conv:
				prevOut = v.Out
			case calc.Linear:
				prevOut = 0
				if k+1 < len(real) && real[k+1].kind == "bn" {
					prevOut = v.Out // BatchNorm1d over the units
				}
			}
		}
		if a.kind == "fc" && len(ls) > 1 {
			a.repeat = 0 // "two fully connected layers (256 -> 16 -> 256)": the chain is the two
		}
		if n := listLen(a); n > 1 && a.repeat <= 1 {
			a.repeat = n // "dilation rates 1, 3, 9": three layers
		}
		rep := r.repeated(a, ls)
		if len(rep) > len(ls) {
			if c, ok := rep[len(rep)-1].Layer.(calc.Conv); ok {
				prevOut = c.Out
			}
		}
		layers = append(layers, rep...)
	}
	return layers, nil
}

// listLen is the length of a mention's per-layer lists (0 for none).
func listLen(a *enAnchor) int {
	n := 0
	for _, l := range a.lists {
		n = max(n, len(l))
	}
	return n
}

// repeated returns ls, then a.repeat-1 copies of it whose convs take the
// channels they give; per-layer lists ("16 and 32 filters", "dilation 1,
// 2 and 3") set each copy's values.
func (r *enReader) repeated(a *enAnchor, ls []lang.Layer) []lang.Layer {
	out := append([]lang.Layer(nil), ls...)
	if a.repeat <= 1 {
		return out
	}
	for k := 1; k < a.repeat; k++ {
		for _, l := range ls {
			if c, ok := l.Layer.(calc.Conv); ok && c.In != 0 && c.In != c.Out {
				c.In = c.Out
				l.Layer = c
			}
			out = append(out, l)
		}
	}
	if len(a.lists) == 0 || len(ls) != 1 || listLen(a) != a.repeat {
		r.repeatedBy(a.repeat, fmt.Sprintf("%d identical layers, one after the other", a.repeat))
		return out
	}
	perLayer(out, a.lists)
	r.repeatedBy(a.repeat, fmt.Sprintf("%d layers, one after the other, their values said in turn", a.repeat))
	return out
}

// perLayer sets each conv of a chain to its value of each list, the
// channels following from one to the next.
func perLayer(ls []lang.Layer, lists map[string][]int) {
	for k := range ls {
		c, ok := ls[k].Layer.(calc.Conv)
		if !ok {
			return
		}
		if v := lists["dilation"]; len(v) == len(ls) {
			c.Dilation = []int{v[k]}
		}
		if v := lists["stride"]; len(v) == len(ls) {
			c.Stride = []int{v[k]}
		}
		if v := lists["pad"]; len(v) == len(ls) {
			c.Pad = []int{v[k]}
		}
		if v := lists["out"]; len(v) == len(ls) {
			c.Out = v[k]
		}
		if v := lists["kernel"]; len(v) == len(ls) {
			c.Kernel = slices.Repeat([]int{v[k]}, max(len(c.Kernel), 1))
		}
		if k > 0 {
			c.In = ls[k-1].Layer.(calc.Conv).Out
		}
		ls[k].Layer = c
	}
}

// flattened puts a flatten before each dense layer that a volume reaches.
func (r *enReader) flattened(q *lang.Question, layers []lang.Layer, input calc.Shape) []lang.Layer {
	for k := 0; k < len(layers); k++ {
		if _, ok := layers[k].Layer.(calc.Linear); !ok {
			continue
		}
		if k == 0 && len(input) > 1 {
			n := enProduct(input)
			q.Notes = append(q.Notes, fmt.Sprintf("the %s input is flattened to %d values before the fully connected layer", enShapeText(input), n))
			layers = append([]lang.Layer{{Layer: calc.Flatten{}, Pos: layers[0].Pos}}, layers...)
			k++
		} else if k > 0 {
			if _, flat := layers[k-1].Layer.(calc.Flatten); !flat {
				if _, lin := layers[k-1].Layer.(calc.Linear); !lin && (input != nil || globalPool(layers[k-1].Layer)) {
					layers = append(layers[:k], append([]lang.Layer{{Layer: calc.Flatten{}, Pos: layers[k].Pos}}, layers[k:]...)...)
					k++
				}
			}
		}
	}
	return layers
}

// globalPool reports whether l fixes the spatial size whatever the input:
// a dense after it reads its channels even when no input size is given.
func globalPool(l calc.Layer) bool {
	switch l.(type) {
	case calc.GlobalAvgPool, calc.AdaptivePool:
		return true
	}
	return false
}

// keptFlattens keeps the flatten mentions only where a shape needs them.
func keptFlattens(layers []lang.Layer, input calc.Shape) []lang.Layer {
	var kept []lang.Layer
	for k, l := range layers {
		if _, ok := l.Layer.(calc.Flatten); ok {
			afterPool := len(kept) > 0 && globalPool(kept[len(kept)-1].Layer)
			if input == nil && !afterPool || (k > 0 && kept != nil && enIsFlat(kept[len(kept)-1])) || (k == 0 && len(input) == 1) {
				continue
			}
			if len(kept) > 0 {
				if _, f := kept[len(kept)-1].Layer.(calc.Flatten); f {
					continue
				}
			}
		}
		kept = append(kept, l)
	}
	return kept
}

// chainChannels gives each conv of a chain without an input size the
// channels of the conv before, so the chain is sized layer by layer; with
// norms, a batch norm said without channels takes them too ("conv 3->32 +
// batchnorm").
func chainChannels(layers []lang.Layer, norms bool) {
	for k := 1; k < len(layers); k++ {
		pc, ok := layers[k-1].Layer.(calc.Conv)
		if !ok {
			continue
		}
		switch c := layers[k].Layer.(type) {
		case calc.Conv:
			if c.In == 0 {
				c.In = pc.Out
				layers[k].Layer = c
			}
		case calc.BatchNorm:
			if c.C == 0 && norms {
				c.C = pc.Out // "conv 3->32 + batchnorm": the norm takes the conv's 32
				layers[k].Layer = c
			}
		}
	}
}

// inputFromOutput reads back the input of a single convolution whose
// output size is given instead ("output feature map 56x56: how many
// MACs?"), so its MACs and shape can be counted; nil when that cannot be
// done.
func (r *enReader) inputFromOutput(layers []lang.Layer) calc.Shape {
	if len(layers) != 1 || len(r.g.outs) == 0 || r.g.unknown != "" {
		return nil
	}
	c, ok := layers[0].Layer.(calc.Conv)
	out := r.g.outs[0].dims
	if !ok || c.In == 0 || c.Transposed || len(out) == 0 {
		return nil
	}
	dims := max(c.Dims, 2)
	in := calc.Shape{c.In}
	for d := 0; d < dims; d++ {
		sv, err := calc.SolveConv(c, "input", d, 0, out[min(d, len(out)-1)])
		if err != nil || len(sv.Solutions) == 0 {
			return nil
		}
		in = append(in, int(sv.Solutions[0]))
	}
	r.notes = append(r.notes, fmt.Sprintf("the output %s is given: read back to the input %s that gives it (the MACs count the output positions)",
		r.toks[r.g.outs[0].tok].raw, enShapeText(in[1:])))
	return in
}

func enIsFlat(l lang.Layer) bool {
	switch l.Layer.(type) {
	case calc.Flatten, calc.Linear:
		return true
	}
	return false
}

// input assembles the input shape, channels first, from the sizes and
// colour words read; channels is the count the first layer's own words give.
func (r *enReader) input(first *enAnchor) (calc.Shape, int, error) {
	f := r.inputFact()
	if f != nil && r.embeddingAt(f.tok) && first != nil && first.dims == 1 {
		f = nil // "on 300 dim word vectors": the channels, not a length (english_text_cnn.go)
	}
	if c := r.embeddingDim(); f == nil && c > 0 && first != nil && first.dims == 1 {
		if n := r.sentenceLength(); n > 0 {
			return calc.Shape{c, n}, c, nil // english_text_cnn.go: "sentences padded to 50 tokens"
		}
		return nil, c, nil // english_parallel.go: "embeddings of dim 300"
	}
	if f == nil {
		return r.datasetInput()
	}
	dims := append([]int(nil), f.dims...)
	if first != nil && (first.kind == "fc" || first.kind == "layer" && len(first.kernel) == 0) && len(dims) == 1 {
		return calc.Shape{dims[0]}, 0, nil // a fully connected layer's input is a vector
	}
	c, dims := r.inputLayout(f, first, dims)
	if c == 0 && f.rgb != 0 {
		c = f.rgb
	}
	if dc, ok := r.datasetChannels(first); c == 0 && ok {
		c = dc // english_role_pairs.go
	}
	if c == 0 && r.g.channels != 0 {
		c = r.g.channels
	}
	if c == 0 {
		c = r.inputChannels(first)
	}
	if c == 0 {
		c = r.kernelDepth(first) // english_role_pairs.go: "96 filters 11x11x3"
	}
	if c == 0 && len(dims) == 2 && r.oneFilter(first) {
		c = 1
		r.notes = append(r.notes, fmt.Sprintf("one filter on a %s input said without a depth: 1 input channel assumed", r.toks[f.tok].raw))
	}
	if c == 0 && r.mentions("lenet") {
		c = 1
		r.notes = append(r.notes, "LeNet-5 reads a 32×32 grayscale image: 1 input channel")
	}
	if c == 0 && first != nil && first.kind == "conv" && first.tok < r.firstThen() && r.imageNetStem() {
		c = 3
		r.notes = append(r.notes, "an ImageNet network's first layer reads an RGB image: 3 input channels")
	}
	if c == 0 {
		switch {
		case first != nil && (first.kind == "conv" || first.kind == "deconv" || first.kind == "bn") && !r.inputFree():
			return nil, 0, r.fail(f.tok, "how many channels does this input have?",
				fmt.Sprintf("say it: \"%s RGB image\" (3 channels), \"grayscale\" (1), or \"%sx%d\" (channels last)", r.toks[f.tok].raw, r.toks[f.tok].raw, 3))
		default:
			c = 1
			r.notes = append(r.notes, "the input's channels were not given: 1 assumed (the sizes asked for do not depend on them)")
		}
	}
	return append(calc.Shape{c}, dims...), c, nil
}

// imageNetStem reports whether the question names an ImageNet network's
// stem ("resnet stem conv1", "alexnet conv1"), whose input is RGB.
func (r *enReader) imageNetStem() bool {
	for _, n := range []string{"resnet", "alexnet", "vgg", "mobilenet", "imagenet", "inception", "googlenet", "densenet", "efficientnet"} {
		if r.mentions(n) {
			return r.mentions("stem") || r.namesConv1() || r.mentions("first")
		}
	}
	return false
}

// firstThen is the token of the first "then", or the end.
func (r *enReader) firstThen() int {
	for i := range r.toks {
		if r.lem(i) == "then" {
			return i
		}
	}
	return len(r.toks)
}

// datasetInput is the input of a dataset named without a size: CIFAR's
// 32×32 RGB images, MNIST's 28×28 grayscale ones; nil for none.
func (r *enReader) datasetInput() (calc.Shape, int, error) {
	for _, d := range []struct {
		name string
		in   calc.Shape
	}{{"cifar", calc.Shape{3, 32, 32}}, {"mnist", calc.Shape{1, 28, 28}}} {
		if r.mentions(d.name) {
			r.notes = append(r.notes, fmt.Sprintf("%s images: %s input", strings.ToUpper(d.name), enShapeText(d.in)))
			return d.in, d.in[0], nil
		}
	}
	return nil, 0, nil
}

// namesConv1 reports whether the question names a conv1 ("resnet50
// conv1", "conv1 of resnet").
func (r *enReader) namesConv1() bool {
	for _, t := range r.toks {
		if t.kind == 'w' && t.lem == "conv" && t.idx == 1 || strings.EqualFold(t.raw, "conv1") {
			return true
		}
	}
	return false
}

// mentions reports whether a word of the question starts with prefix
// (case-insensitive).
func (r *enReader) mentions(prefix string) bool {
	for _, t := range r.toks {
		if t.kind == 'w' && strings.HasPrefix(strings.ToLower(t.raw), prefix) {
			return true
		}
	}
	return false
}

// inputFact is the size read as the input: one a word names, else a size
// no word explains.
func (r *enReader) inputFact() *enSizeFact {
	for k := range r.g.inputs {
		if r.g.inputs[k].role != "out" {
			return &r.g.inputs[k]
		}
	}
	for _, a := range r.anchors {
		for _, i := range a.bareSizes {
			if a.kind == "fc" && len(r.anchors) == 1 && len(r.toks[i].dims) == 2 {
				continue // "a 4096x4096 dense": its inputs and units
			}
			if !r.toks[i].used {
				r.toks[i].used = true
				r.notes = append(r.notes, fmt.Sprintf("%s read as the input size", r.toks[i].raw))
				return &enSizeFact{dims: r.toks[i].dims, tok: i}
			}
		}
	}
	return nil
}

// inputLayout splits an input size into its channels (0 when it says
// none) and spatial sizes: N×C×H×W, D×H×W×C, C×H×W or H×W×C, frames, or
// one number for a square.
func (r *enReader) inputLayout(f *enSizeFact, first *enAnchor, dims []int) (int, []int) {
	raw := r.toks[f.tok].raw
	if c, sides, ok := r.saidLayout(f, dims); ok { // english_layout_hints.go: "3x240x320 (hxw)", "channels first"
		return c, sides
	}
	switch {
	case len(dims) == 4 && first != nil && first.dims == 3 && dims[0] <= 4 && dims[3] > 4:
		// 1x64x64x64, 3x16x112x112: a few channels first, as PyTorch has them.
		r.notes = append(r.notes, fmt.Sprintf("%s read as C×D×H×W (channels first)", raw))
		return dims[0], dims[1:]
	case len(dims) == 4 && first != nil && first.dims == 3:
		r.notes = append(r.notes, fmt.Sprintf("%s read as D×H×W×C (channels last)", raw))
		return dims[3], dims[:3]
	case len(dims) == 4 && dims[1] == dims[2] && dims[2] != dims[3]:
		// Keras's (None, 32, 32, 3): a batch, then H×W×C.
		r.notes = append(r.notes, fmt.Sprintf("%s read as N×H×W×C (channels last, as in Keras); the batch is dropped", raw))
		return dims[3], dims[1:3]
	case len(dims) == 4:
		// 1x3x224x224: a batch, then C×H×W.
		r.notes = append(r.notes, fmt.Sprintf("%s read as N×C×H×W; the batch is dropped", raw))
		return dims[1], dims[2:]
	case len(dims) == 3 && r.g.frames == 0 && (first == nil || first.dims != 3):
		if dims[1] == dims[2] && dims[0] != dims[1] && dims[0] <= 4 || dims[0] <= 4 && dims[1] > 4 && dims[2] > 4 {
			// 3x32x32, and 3x120x160: an image 3 pixels tall with 160
			// channels is no image.
			r.notes = append(r.notes, fmt.Sprintf("%s read as C×H×W (channels first); write %dx%dx%d for channels last", raw, dims[1], dims[2], dims[0]))
			return dims[0], dims[1:]
		}
		if !(dims[0] == dims[1] && dims[2] != dims[0]) {
			r.notes = append(r.notes, fmt.Sprintf("%s read as H×W×C (channels last, as in CS231n and Keras)", raw))
		}
		return dims[2], dims[:2]
	case len(dims) == 2 && r.g.frames > 0:
		return 0, append([]int{int(r.g.frames)}, dims...)
	case len(dims) == 1 && !r.oneD(first):
		r.notes = append(r.notes, fmt.Sprintf("input %d read as %d×%d (a square input assumed)", dims[0], dims[0], dims[0]))
		return 0, []int{dims[0], dims[0]}
	}
	return 0, dims
}

// inputChannels are the input's channels the first layer's own words give:
// its input count, its arguments, a previous-layer mention, or a pool's
// count.
func (r *enReader) inputChannels(first *enAnchor) int {
	c := 0
	for _, a := range r.anchors {
		if a != first {
			continue
		}
		for _, n := range a.counts {
			if n.role == "in" {
				c = int(n.v)
			}
		}
		if len(a.args) >= 2 && (a.kind == "conv" || a.kind == "deconv") && !r.kerasCall(a) {
			c = int(a.args[0])
		}
		for _, n := range a.counts {
			if len(a.args) == 1 && c == 0 && n.role == "out" && r.arrowArg(a, int(n.v)) {
				c = int(a.args[0]) // "conv1d (40->64, k5)"
			}
		}
		if a.kind == "bn" && len(a.args) > 0 {
			c = int(a.args[0])
		}
	}
	if c == 0 {
		c = r.firstIn(first)
	}
	if c == 0 && first != nil && first.kind == "pool" {
		for _, n := range first.counts {
			c = int(n.v)
		}
	}
	// "a 3x3 conv with 64 channels on 56x56": 64 in and out.
	if c == 0 && first != nil && first.kind == "conv" && len(first.counts) == 1 && first.counts[0].class == "channel" && first.counts[0].role == "" {
		c = int(first.counts[0].v)
	}
	return c
}

// resolveBare reads the sizes no word explained: in a layer that lacks its
// kernel, the smallest is the kernel ("20 filters, each 5 x 5"); a larger
// one is the input. Each reading is noted.
func (r *enReader) resolveBare() {
	for _, a := range r.anchors {
		if a.ctx {
			continue
		}
		if a.kind == "layer" {
			for _, c := range a.counts {
				if c.class == "filter" || c.class == "fmap" {
					a.kind = "conv"
				}
			}
		}
		if len(a.kernel) > 0 || len(a.bareSizes) == 0 || !(a.kind == "conv" || a.kind == "deconv" || a.kind == "pool" || a.kind == "layer") {
			continue
		}
		if r.poolNumberWindow(a) { // english_pool_window.go: "maxpool 2 ... on 7x7"
			continue
		}
		best := -1
		for k, i := range a.bareSizes {
			if best < 0 || slices.Max(r.toks[i].dims) < slices.Max(r.toks[a.bareSizes[best]].dims) {
				best = k
			}
		}
		i := a.bareSizes[best]
		if slices.Max(r.toks[i].dims) > 15 && len(a.bareSizes) == 1 && len(r.g.inputs) == 0 {
			continue // more likely the input
		}
		a.kernel, a.at["kernel"] = r.toks[i].dims, i
		if a.kind == "layer" {
			a.kind = "conv"
		}
		r.toks[i].used = true
		a.bareSizes = slices.Delete(a.bareSizes, best, best+1)
		r.notes = append(r.notes, fmt.Sprintf("%s read as the kernel size", r.toks[i].raw))
	}
}

// framework is "keras" or "pytorch" when the question names one, so the
// answer can follow its conventions (Keras counts batch norm's statistics).
func (r *enReader) framework() string {
	for _, t := range r.toks {
		switch strings.ToLower(t.raw) {
		case "keras", "tensorflow", "tf":
			return "keras"
		case "pytorch", "torch":
			return "pytorch"
		}
	}
	return ""
}

// afterRef reads "X after Y": Y comes first. A Y with a count but nothing
// to size it by ("batch norm after a 128 channel conv") only gives the
// channels arriving at a batch norm X, and is not a layer to size.
func (r *enReader) afterRef() {
	kept := r.anchors[:0]
	for k, a := range r.anchors {
		if k == 0 || !r.saidAfter(a) {
			kept = append(kept, a)
			continue
		}
		b := kept[len(kept)-1]
		sized := len(a.kernel)+len(a.args)+len(a.bareSizes) > 0
		// "BN after a dense layer of 512 units": units, but no inputs.
		units := a.kind == "fc" && len(a.counts) == 1 && len(a.args) == 0
		if b.kind == "bn" && !sized && (a.kind == "conv" || a.kind == "deconv" || a.kind == "layer" || units) {
			if len(b.counts)+len(b.args) == 0 {
				b.counts = append(b.counts, a.counts...)
			}
			continue
		}
		if (sized || len(a.counts)+len(a.bare) > 0) && (b.kind == "bn" || b.kind == "act" || b.kind == "dropout" || b.kind == "pool") {
			kept[len(kept)-1] = a
			a = b // "batch norm after a 3x3 conv": the conv, then the norm
		}
		kept = append(kept, a)
	}
	r.anchors = kept
}

// saidAfter reports whether a's phrase follows "after": "after a conv",
// "after a 128 channel conv".
func (r *enReader) saidAfter(a *enAnchor) bool {
	j := a.start - 1
	for j > 0 && a.start-j <= 4 && (r.toks[j].kind == 'n' || r.lem(j) == "the" || r.lem(j) == "channel" || r.lem(j) == "filter" || r.lem(j) == "fmap" || r.lem(j) == "neuron") {
		j--
	}
	return r.lem(j) == "after"
}

// sameLayerBias gives a layer named again without settings, a, the "no
// bias" said with it: the last kept layer of its kind is the one meant.
func sameLayerBias(kept []*enAnchor, a *enAnchor) {
	if !a.noBias {
		return
	}
	for k := len(kept) - 1; k >= 0; k-- {
		if kept[k].kind == a.kind {
			kept[k].noBias = true
			return
		}
	}
}

// dropEmpty forgets a mention that repeats an earlier layer's kind and
// carries nothing of its own ("output shape after pooling?").
func (r *enReader) dropEmpty() {
	var kept []*enAnchor
	var moved *enAnchor
	for k, a := range r.anchors {
		empty := len(a.kernel)+len(a.stride)+len(a.pad)+len(a.dil)+len(a.counts)+len(a.args)+len(a.bare)+len(a.bareSizes) == 0 && a.padMode == "" && !a.hasP && r.shortSize(a) == 0
		dup := false
		for j, b := range r.anchors {
			dup = dup || (j != k && b.kind == a.kind && !b.ctx)
		}
		// "dropout after a dense layer": an empty mention after "after" is a
		// reference to a layer, not one to size.
		ref := len(r.anchors) > 1 && (r.lem(a.start-1) == "after" || r.lem(a.start-1) == "then" && r.lem(a.start-2) == "after")
		// "... a conv layer with 50 filters. How many parameters does this
		// hidden layer have?": the layer named again.
		this := k > 0 && (strings.EqualFold(r.toks[a.start].raw, "this") || strings.EqualFold(r.toks[a.start].raw, "that")) || r.saidLast(a)
		if empty && this && a.kind != "act" && a.kind != "dropout" {
			sameLayerBias(kept, a)
			continue
		}
		named := len(a.kernel)+len(a.stride)+len(a.pad)+len(a.dil)+len(a.counts)+len(a.args)+len(a.bare) == 0 // sizes go to the input
		if named && (k == 0 || k == len(r.anchors)-1 && r.lem(a.tok-1) == "first") && r.unsizedLinear(k) {
			for _, i := range a.bareSizes {
				r.g.inputs = append(r.g.inputs, enSizeFact{dims: r.toks[i].dims, tok: i, role: "in"}) // "fc1 in_features for 3x32x32"
			}
			a.bareSizes = nil
			if r.inputsAsked() {
				moved = a // its in_features asked: it goes after the stack
				continue
			}
			r.notes = append(r.notes, fmt.Sprintf("%q has no units said: left out; what reaches it is the last layer's output", r.toks[a.tok].raw))
			continue
		}
		// "After ResNet's conv1 you have 112x112. A 3x3 max pool ...": a
		// layer named for where the question starts; its size is the
		// input of what follows.
		if r.namedBefore(a, k) {
			for _, i := range a.bareSizes {
				r.g.inputs = append(r.g.inputs, enSizeFact{dims: r.toks[i].dims, tok: i, role: "in"})
			}
			continue
		}
		if empty && r.namedAsNext(k) { // english_upconv.go: "the up-conv is a 2x2 transposed conv"
			continue
		}
		if empty && (dup || ref) && !a.ctx && (a.kind == "conv" || a.kind == "pool" || a.kind == "fc" || a.kind == "deconv" || a.kind == "layer") {
			sameLayerBias(kept, a) // "ConvLayer(64, 128) -> that's conv with bias=False"
			continue
		}
		// "... how many parameters does dropout add?": a layer without
		// settings named again, not after a chain word, is the same layer.
		if empty && dup && (a.kind == "dropout" || a.kind == "act" || a.kind == "bn" || a.kind == "flatten") && a.start > 0 {
			switch strings.ToLower(r.toks[a.start-1].raw) {
			case "then", ",", "->", "→", ";", "\n", "and", "a", "an", "another", "+", "by", "followed", "with":
			default:
				continue
			}
		}
		kept = append(kept, a)
	}
	if moved != nil {
		kept = append(kept, moved)
	}
	r.anchors = kept
}

// unsizedLinear reports whether the k-th mention is a fully connected
// layer named with a stack of convs and pools and nothing else ("in_features
// for my linear? input 3x96x96, conv5x5 16ch, pool2, ..."): the stack is
// sized, the layer is where its output goes.
func (r *enReader) unsizedLinear(k int) bool {
	a := r.anchors[k]
	if a.kind != "fc" || len(r.anchors) < 3 {
		return false
	}
	for j, b := range r.anchors {
		if j != k && b.kind != "conv" && b.kind != "pool" && b.kind != "act" && b.kind != "flatten" {
			return false
		}
	}
	return true
}

// saidLast reports whether a mention is "the last pool", "the previous
// conv": a layer the question starts after, not one to size.
func (r *enReader) saidLast(a *enAnchor) bool {
	for j := a.start; j < a.tok; j++ {
		if w := strings.ToLower(r.toks[j].raw); w == "last" || w == "final" {
			return len(r.anchors) > 1 || len(r.g.inputs) > 0
		}
	}
	return false
}

// namedBefore reports whether the k-th mention is a layer named by its
// index (conv1, pool2) with nothing of its own but sizes, before the
// layers the question describes.
func (r *enReader) namedBefore(a *enAnchor, k int) bool {
	if k+1 >= len(r.anchors) || r.toks[a.tok].idx == 0 || r.shortSize(a) != 0 || a.ctx || len(a.bareSizes) == 0 {
		return false
	}
	return len(a.kernel)+len(a.stride)+len(a.pad)+len(a.dil)+len(a.counts)+len(a.args)+len(a.bare) == 0 && a.padMode == ""
}

// shapeOnly reports whether the question asks only for what does not
// depend on channel counts: the output's spatial size, the receptive field,
// connections per neuron.
func (r *enReader) shapeOnly() bool {
	if len(r.g.asked) == 0 {
		// Nothing asked in words and no count given: a shape question.
		for _, a := range r.anchors {
			if len(a.counts)+len(a.args)+len(a.bare) > 0 || a.kind == "fc" || a.kind == "bn" {
				return false
			}
		}
		return r.g.channels == 0
	}
	for _, a := range r.g.asked {
		if a != "output" && a != "receptive field" && a != "connections" {
			return false
		}
	}
	flatten, counts := false, false
	for _, a := range r.anchors {
		flatten = flatten || a.kind == "flatten"
		counts = counts || len(a.counts) > 0
	}
	// The flattened size counts the last filters: none said, none assumed.
	return !flatten || counts || !slices.Contains(r.g.asked, "output")
}

// inputFree reports whether nothing asked depends on the input's channels:
// the shapes, the receptive field, and the neurons of a network whose last
// layer says its filters ("how many values are in the final feature maps").
func (r *enReader) inputFree() bool {
	if r.shapeOnly() {
		return true
	}
	real := r.realAnchors()
	if len(real) == 0 || len(r.g.asked) == 0 {
		return false // one layer too: "neurons in the output volume of a conv with 10 filters"
	}
	for _, a := range r.g.asked {
		if a != "output" && a != "receptive field" && a != "neurons" {
			return false
		}
	}
	last := real[len(real)-1]
	return len(last.counts)+len(last.args) > 0 || last.kind == "pool"
}

// firstIn is the input-channel count the first layer's words give.
func (r *enReader) firstIn(a *enAnchor) int {
	if a == nil {
		return 0
	}
	_, in, _ := r.channels(a)
	return in
}

func (r *enReader) oneD(a *enAnchor) bool {
	if a != nil && a.dims == 1 {
		return true
	}
	for i, t := range r.toks {
		if t.lem == "length" && !(r.lem(i-1) == "how" && strings.EqualFold(t.raw, "long")) {
			return true // but "how long is the flattened vector" asks a length
		}
	}
	return false
}

// channels resolves a layer's counts into (out, in): counts said as inputs
// or outputs first, then filters and feature maps as outputs, then plain
// channels as the other end.
func (r *enReader) channels(a *enAnchor) (out, in int, note string) {
	var rest []enCount
	for _, c := range byLayerIndex(a.counts) {
		switch c.role {
		case "mult": // english_multiplier.go: a depthwise conv's filters per channel, not a count
		case "in":
			if in == 0 {
				in = int(c.v)
			}
		case "out":
			if out == 0 {
				out = int(c.v)
			}
		default:
			rest = append(rest, c)
		}
	}
	// The previous layer's feature maps are this layer's input channels.
	for _, b := range r.anchors {
		if b.ctx && r.main(b) == a {
			for _, c := range b.counts {
				if in == 0 {
					in = int(c.v)
				}
			}
		}
	}
	// Filters, feature maps and units say the output first; plain channels
	// are then the input.
	for k, c := range rest {
		if out == 0 && c.class != "channel" {
			out = int(c.v)
			rest = append(rest[:k:k], rest[k+1:]...)
			break
		}
	}
	for _, c := range rest {
		if in == 0 && out != 0 {
			in = int(c.v)
			continue
		}
		if out == 0 {
			out = int(c.v)
			note = fmt.Sprintf("%d channels read as the layer's output channels", c.v)
		}
	}
	return out, in, note
}

// mlp reads "an MLP with 784 inputs, 128 hidden units and 10 outputs": the
// input count, one or more hidden sizes and the output count, as a chain of
// fully connected layers. It returns nil for a single layer.
func (r *enReader) mlp(a *enAnchor, pos lang.Position, fields map[string]lang.Position) []lang.Layer {
	if sizes := r.arrowChain(a); sizes != nil {
		return r.mlpLayers(a, sizes, pos, fields)
	}
	in, out, hidden := byRole(a.counts, 0, 0)
	if in == 0 || out == 0 || len(hidden) == 0 {
		return nil
	}
	return r.mlpLayers(a, append(append([]int{in}, hidden...), out), pos, fields)
}

// arrowChain reads the sizes of "1024 -> 256 -> 64 -> 2": three or more
// numbers of the layer joined by arrows, in order; nil when there is none.
func (r *enReader) arrowChain(a *enAnchor) []int {
	toks := append([]int(nil), a.bare...)
	for _, c := range a.counts {
		toks = append(toks, c.tok)
	}
	slices.Sort(toks)
	// The longest run joined by arrows: "on 256 channels ... (256 -> 16 ->
	// 256)" is the run.
	var best, run []int
	for k, i := range toks {
		if k > 0 && !(i == toks[k-1]+2 && r.lem(i-1) == "->" || r.hyphenNext(a, toks[k-1], i)) {
			run = nil
		}
		run = append(run, i)
		if len(run) > len(best) {
			best = append([]int(nil), run...)
		}
	}
	if len(best) < 3 {
		return nil
	}
	var sizes []int
	for _, i := range best {
		r.toks[i].used = true
		sizes = append(sizes, int(r.toks[i].num))
	}
	return r.pairedSizes(best, sizes)
}

// hyphenNext reports whether the number at i follows the one at j with a
// hyphen, in a fully connected stack: "mlp 784-128-64-10".
func (r *enReader) hyphenNext(a *enAnchor, j, i int) bool {
	return a.kind == "fc" && i == j+1 && r.toks[i].hyph
}

// mlpLayers chains fully connected layers through sizes.
func (r *enReader) mlpLayers(a *enAnchor, sizes []int, pos lang.Position, fields map[string]lang.Position) []lang.Layer {
	var ls []lang.Layer
	for k := 1; k < len(sizes); k++ {
		ls = append(ls, lang.Layer{Layer: calc.Linear{In: sizes[k-1], Out: sizes[k], NoBias: a.noBias}, Pos: pos, Fields: fields})
	}
	r.notes = append(r.notes, fmt.Sprintf("read as %d fully connected layers: %s", len(ls), strings.Trim(strings.Join(strings.Fields(fmt.Sprint(sizes)), " → "), "[]")))
	return ls
}

// solve answers an inverse question: a count (how many filters or units
// give N parameters) or a setting (what padding keeps 28x28).
func (r *enReader) solve(q *lang.Question) error {
	a := &enAnchor{kind: "conv", tok: r.g.unkTok, at: map[string]int{}}
	if real := r.realAnchors(); len(real) > 0 {
		a = real[0]
	}
	var err error
	if r.g.unknown == "out" {
		q.Solve, err = r.solveCount(a)
	} else {
		q.Solve, err = r.solveSetting(a)
		q.Unused = append(q.Unused, r.channelsUnused(a)...)
	}
	return err
}

// solveCount finds the filters or units that give the parameters asked.
func (r *enReader) solveCount(a *enAnchor) (*calc.Solved, error) {
	_, in, _ := r.channels(a)
	target := r.g.params[0]
	if a.kind == "fc" || a.kind == "layer" {
		if f := r.firstInput(); in == 0 && f != nil {
			in = enProduct(f.dims)
		}
		sv, err := calc.SolveUnits(calc.Linear{In: in, NoBias: a.noBias}, target.v)
		if err != nil {
			return nil, r.fail(r.g.unkTok, err.Error(), "e.g. \"how many units for 7850 parameters from 784 inputs?\"")
		}
		return sv, nil
	}
	k := a.kernel
	if in == 0 {
		if f := r.firstInput(); f != nil && len(f.dims) == 3 {
			in = f.dims[2]
		}
		if in == 0 {
			in = r.g.channels
		}
	}
	if len(k) == 3 {
		in, k = k[2], k[:2]
	}
	sv, err := calc.SolveFilters(calc.Conv{Kernel: k, In: in, NoBias: a.noBias, Groups: a.groups}, target.v)
	if err != nil {
		return nil, r.fail(r.g.unkTok, err.Error(), "e.g. \"how many 3x3 filters on a 32x32x3 input give 280 parameters?\"")
	}
	return sv, nil
}

// channelsUnused names the channel counts of an inverse question for a
// size or setting ("on 3 channels", the 32 of an output 14x14x32): the
// spatial sizes do not depend on them.
func (r *enReader) channelsUnused(a *enAnchor) []lang.Unused {
	const why = "a channel count: the spatial sizes do not depend on it"
	var out []lang.Unused
	name := func(text string, off int) {
		out = append(out, lang.Unused{Text: text, Pos: enPos(r.src, off), Why: why})
	}
	for _, c := range a.counts {
		name(r.toks[c.tok].raw, r.toks[c.tok].off)
	}
	if r.g.channels > 0 && r.isNum(r.g.chanTok) {
		name(r.toks[r.g.chanTok].raw, r.toks[r.g.chanTok].off)
	}
	for _, f := range append(append([]enSizeFact(nil), r.g.inputs...), r.g.outs...) {
		raw := r.toks[f.tok].raw
		if k := strings.LastIndexAny(raw, "xX"); len(f.dims) == 3 && k > 0 && !strings.ContainsAny(raw, " (") {
			name(raw[k+1:], r.toks[f.tok].off+k+1)
		}
	}
	return out
}

// solveHint is the example an inverse question's refusal gives.
const solveHint = "e.g. \"what padding keeps a 28x28 input at 28x28 with a 5x5 kernel?\" or \"what stride turns 224 into 112 with a 7x7 kernel and padding 3?\""

// solveSetting finds the padding, stride, kernel, dilation or input size
// that takes the input size to the output size wanted.
func (r *enReader) solveSetting(a *enAnchor) (*calc.Solved, error) {
	c := r.solveConv(a)
	if r.saidSame(a) && r.g.unknown == "pad" {
		r.g.keep = true // "what padding for 'same'": the padding that keeps the size
	}
	inSize, outSize := r.solveSizes(c)
	if outSize == 0 || (inSize == 0 && r.g.unknown != "input") {
		return nil, r.fail(r.g.unkTok, "to find the "+enUnknownWord(r.g.unknown)+" I need the input size and the output size wanted", solveHint)
	}
	if r.g.unknown == "pad" {
		c.Pad, c.PadMode = nil, calc.PadExplicit
	}
	if r.g.unknown != "pad" && r.g.unknown != "input" && a.padMode == "same" {
		c.PadMode = calc.PadSame
	}
	var sv *calc.Solved
	var err error
	if r.g.unknown2 != "" {
		sv, err = calc.SolveStrideAndPad(c, 0, inSize, outSize)
	} else {
		sv, err = calc.SolveConv(c, r.g.unknown, 0, inSize, outSize)
	}
	if err != nil {
		return nil, r.fail(r.g.unkTok, strings.TrimPrefix(err.Error(), "kernel: "), solveHint)
	}
	return sv, nil
}

// solveConv is the layer of an inverse question, with the settings said;
// a pool's stride is its window, as for any pool.
func (r *enReader) solveConv(a *enAnchor) calc.Conv {
	c := calc.Conv{Kernel: a.kernel, In: 1, Out: 1, Stride: a.stride, Pad: a.pad, Dilation: a.dil, Transposed: a.kind == "deconv"}
	if c.Transposed {
		c.OutPad = a.outpad
	}
	if len(c.Kernel) == 0 && len(a.bareSizes) > 0 && r.g.unknown != "kernel" {
		c.Kernel = r.toks[a.bareSizes[0]].dims
	}
	if a.kind == "pool" && len(a.stride) == 0 && r.g.unknown != "stride" && len(c.Kernel) > 0 {
		c.Stride = c.Kernel
	}
	switch a.padMode {
	case "same":
		c.PadMode = calc.PadSame
	case "valid":
		c.PadMode = calc.PadValid
	}
	if len(c.Kernel) > 2 {
		c.Kernel = c.Kernel[:2]
	}
	return c
}

// solveSizes are the input size and the output size wanted (the input's,
// when asked to keep it); without an input, a padding that keeps the size
// at stride 1 is solved for 32.
func (r *enReader) solveSizes(c calc.Conv) (in, out int) {
	if f := r.firstInput(); f != nil {
		in = f.dims[0]
	}
	if len(r.g.outs) > 0 {
		out = r.g.outs[0].dims[0]
	} else if r.g.keep {
		out = in
	}
	if in == 0 && r.g.keep && lang.Per0(c.Stride) <= 1 && r.g.unknown == "pad" {
		in, out = 32, 32
		r.notes = append(r.notes, "no input size given: solved for 32×32; at stride 1 the padding that keeps the size is the same for every input size")
	}
	return in, out
}

func (r *enReader) firstInput() *enSizeFact {
	for k := range r.g.inputs {
		return &r.g.inputs[k]
	}
	for _, a := range r.anchors {
		if len(a.bareSizes) > 0 {
			return &enSizeFact{dims: r.toks[a.bareSizes[0]].dims, tok: a.bareSizes[0]}
		}
	}
	return nil
}

// fail is an *lang.Error at token i with two examples close to what was typed.
func (r *enReader) fail(i int, msg, hint string) *lang.Error {
	off := 0
	if i >= 0 && i < len(r.toks) {
		off = r.toks[i].off
	}
	e := enErrAt(r.src, off, msg, "")
	ex := r.examples()
	e.Hint = strings.TrimSpace(hint + "\n" + "for example: " + ex[0] + "\nor: " + ex[1])
	return e
}

// examples picks two questions that work, close to what was typed.
func (r *enReader) examples() [2]string {
	has := map[string]bool{}
	for _, t := range r.toks {
		has[t.lem] = true
	}
	switch {
	case r.g.unknown != "":
		return [2]string{"what padding keeps a 28x28 input at 28x28 with a 5x5 kernel and stride 1?", "what stride turns a 224x224 image into 112x112 with a 7x7 conv and padding 3?"}
	case has["pool"]:
		return [2]string{"2x2 max pool with stride 2 on a 28x28x16 input: output size?", "maxpool 2 stride 2 input 28x28x16"}
	case has["fc"] || has["neuron"]:
		return [2]string{"fully connected layer from 784 inputs to 100 units: how many parameters?", "linear 784->100"}
	case has["bn"]:
		return [2]string{"batch norm over 64 channels: how many learnable parameters?", "batchnorm 64"}
	}
	return [2]string{"a conv layer with 64 3x3 filters, stride 2 and padding 1 on a 32x32x3 input: parameters and output size?", "conv 3x3 32->64 stride 2 pad 1 input 32x32"}
}

func enShapeText(s calc.Shape) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, "×")
}

// enProduct multiplies sizes, capped past anything calc accepts.
func enProduct(xs []int) int {
	p := 1
	for _, x := range xs {
		p = min(p*max(x, 0), 1<<40)
	}
	return p
}

func enUnknownWord(u string) string {
	switch u {
	case "pad":
		return "padding"
	case "input":
		return "input size"
	}
	return u
}

// byLayerIndex gives counts said of two different layers ("20 maps of
// layer 2 ... layer 3 has 50") their roles: the lower index is the layer
// before, so its count is the input.
func byLayerIndex(counts []enCount) []enCount {
	lo, hi := -1, -1
	for k, c := range counts {
		if c.layer == 0 || c.role != "" {
			continue
		}
		if lo < 0 || c.layer < counts[lo].layer {
			lo = k
		}
		if hi < 0 || c.layer > counts[hi].layer {
			hi = k
		}
	}
	if lo < 0 || counts[lo].layer == counts[hi].layer {
		return counts
	}
	out := append([]enCount(nil), counts...)
	out[lo].role, out[hi].role = "in", "out"
	return out
}

// byRole sorts counts by their role: the last "in" and "out" given
// replace in and out, and the counts without a role come back in order.
func byRole(counts []enCount, in, out int) (int, int, []int) {
	var rest []int
	for _, c := range counts {
		switch c.role {
		case "in":
			in = int(c.v)
		case "out":
			out = int(c.v)
		default:
			rest = append(rest, int(c.v))
		}
	}
	return in, out, rest
}

// oneFilter reports whether a is a conv said to have a single filter and
// nothing about its input channels: "5x5 input, one 3x3 filter" is the
// textbook's 2-D convolution of a one-channel image.
func (r *enReader) oneFilter(a *enAnchor) bool {
	if a == nil || a.kind != "conv" || len(a.args) > 0 || len(a.counts) == 0 {
		return false
	}
	for _, c := range a.counts {
		if c.v != 1 || c.class != "filter" || c.role == "in" {
			return false
		}
	}
	return true
}

// indexedContext reads "if conv2 is 3x3 and conv1 had 32 filters": a
// layer named by its index with counts and no kernel, said with the layer
// after it that has a kernel and no counts, is that layer's input (its
// filters are the next layer's channels), as "the previous layer" is.
func (r *enReader) indexedContext() {
	for _, a := range r.anchors {
		ia := r.toks[a.tok].idx
		if ia == 0 || len(a.kernel) > 0 || len(a.counts) == 0 || a.ctx {
			continue
		}
		for _, b := range r.anchors {
			if b.kind == a.kind && r.toks[b.tok].idx == ia+1 && len(b.kernel) > 0 && len(b.counts) == 0 {
				a.ctx = true
				for k := range a.counts {
					a.counts[k].role = "in"
				}
			}
		}
	}
}

// saidSame reports whether "same" padding is said of a, or of a conv
// named again with nothing else ("... 128 filters of 7x7. You want a
// 'same' convolution").
func (r *enReader) saidSame(a *enAnchor) bool {
	if a.padMode == "same" {
		return true
	}
	for _, b := range r.anchors {
		if b != a && b.kind == a.kind && b.padMode == "same" && len(b.kernel)+len(b.counts)+len(b.args) == 0 {
			return true
		}
	}
	return false
}

// perLayer reports whether something is said of each layer ("each
// followed by BatchNorm2d", "a batch norm after every conv"): one such
// layer per conv, which the reading does not repeat, so it must not size
// the one it read as if it were the only one.
func (r *enReader) perLayer() bool {
	for _, t := range r.toks {
		if w := strings.ToLower(t.raw); w == "each" || w == "every" {
			return true
		}
	}
	return false
}

package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Building one layer from what was read around its mention: layer picks
// the builder for the kind; a convolution's channels, kernel and
// dimensions each have their own function.

// enBuild is one mention being built into layers.
type enBuild struct {
	a       *enAnchor
	first   bool // the first layer of the question
	prevOut int  // channels arriving from the layer before, when known
	inCh    int  // the input's channels, when known
	pos     lang.Position
	fields  map[string]lang.Position
}

// one wraps a calc layer with where it was written.
func (b *enBuild) one(l calc.Layer) []lang.Layer {
	return []lang.Layer{{Layer: l, Pos: b.pos, Fields: b.fields}}
}

// layer builds the calc layers of one anchor (a separable conv is two).
func (r *enReader) layer(a *enAnchor, first bool, prevOut, inCh int) ([]lang.Layer, error) {
	b := &enBuild{a: a, first: first, prevOut: prevOut, inCh: inCh, pos: enPos(r.src, r.toks[a.tok].off), fields: map[string]lang.Position{}}
	for f, i := range a.at {
		b.fields[f] = enPos(r.src, r.toks[i].off)
	}
	kind := a.kind
	if kind == "layer" {
		kind = "fc"
		if len(a.kernel) > 0 {
			kind = "conv"
		}
	}
	if a.dims > 3 && (kind == "conv" || kind == "deconv" || kind == "pool") {
		// conv4294967296d: refuse before anything is sized or formatted
		// per dimension.
		what := "a convolution"
		if kind == "pool" {
			what = "pooling"
		}
		return nil, r.fail(a.tok, fmt.Sprintf("%s has 1, 2 or 3 spatial dimensions, not %d", what, a.dims),
			"write conv1d, conv2d or conv3d")
	}
	switch kind {
	case "conv", "deconv":
		return r.convLayer(b, kind == "deconv")
	case "pool":
		return r.poolLayer(b)
	case "fc":
		return r.fcLayer(b)
	case "bn":
		return r.bnLayer(b)
	case "flatten":
		return b.one(calc.Flatten{}), nil
	case "act":
		name := strings.ToLower(a.act)
		if name == "activation" || name == "" {
			name = "relu"
		}
		if name == "prelu" {
			return b.one(r.preluLayer(b)), nil // english_prelu.go
		}
		return b.one(calc.Activation{Name: name}), nil
	case "dropout":
		p := 0.5
		if a.hasP {
			p = a.p
		}
		return b.one(calc.Dropout{P: p}), nil
	}
	return nil, r.fail(a.tok, "I could not tell what kind of layer this is", "")
}

// convLayer builds a convolution, or a depthwise and a pointwise one for
// a separable convolution.
func (r *enReader) convLayer(b *enBuild, transposed bool) ([]lang.Layer, error) {
	a := b.a
	k, err := r.convKernel(a)
	if err != nil {
		return nil, err
	}
	dims := r.cubeKernelDims(a, r.convDims(a, k), k)
	if dims == 1 && len(k) == 2 && k[0] == 1 && k[1] == 1 {
		k = []int{1} // "a 1x1 conv1d": pointwise, said as in 2-D
	}
	out, in, k := r.convWeightShape(a, dims, k)
	out, in, err = r.convChannels(b, out, in)
	if err != nil {
		return nil, err
	}
	c := calc.Conv{Dims: dims, Transposed: transposed, Kernel: k, In: in, Out: out, Stride: a.stride, Pad: a.pad, Dilation: a.dil, Groups: a.groups, NoBias: a.noBias}
	if c.Transposed {
		c.OutPad = a.outpad
	}
	switch a.padMode {
	case "same":
		if err := r.torchSameStride(a, c); err != nil { // english_torch_same.go
			return nil, err
		}
		c.PadMode, c.Pad = calc.PadSame, nil
	case "valid":
		c.PadMode, c.Pad = calc.PadValid, nil
	case "full":
		c.Pad = fullPad(c.Kernel, c.Dilation)
		r.notes = append(r.notes, "a 'full' convolution (Goodfellow, Deep Learning ch. 9) pads d·(k-1) zeros on each side, so every input pixel is visited k times in each direction: output m+k-1 at stride 1")
	}
	if a.depthwise {
		c.Groups = c.In
	}
	if !a.separable {
		return b.one(c), nil
	}
	if in == 0 {
		return nil, r.fail(a.tok, "how many channels go into this separable convolution?", "say \"64 channels in, 128 out\"")
	}
	m := r.separableMultiplier(a, in) // english_multiplier.go
	dw := c
	dw.Out, dw.Groups, dw.NoBias = in*m, in, true
	pw := calc.Conv{Dims: dims, Kernel: []int{1}, In: in * m, Out: out, NoBias: a.noBias}
	if enBiasEveryRE.MatchString(r.src) && !a.noBias {
		dw.NoBias = false
		r.notes = append(r.notes, "a depthwise separable conv is a depthwise conv (one filter per input channel) then a 1×1 pointwise conv; each has its bias, as asked")
	} else {
		r.notes = append(r.notes, "a depthwise separable conv is a depthwise conv (one filter per input channel) then a 1×1 pointwise conv; the bias sits on the pointwise one, as in Keras's SeparableConv2D")
	}
	return []lang.Layer{{Layer: dw, Pos: b.pos, Fields: b.fields}, {Layer: pw, Pos: b.pos, Fields: b.fields}}, nil
}

// convKernel finds a convolution's kernel: said, a pointwise conv's 1, an
// argument, or a size no word explained.
func (r *enReader) convKernel(a *enAnchor) ([]int, error) {
	k := a.kernel
	if len(k) == 0 && len(a.args) >= 2 && r.kerasCall(a) {
		k = []int{int(a.args[1])}
	}
	if len(k) == 0 && len(a.args) >= 3 && r.convArgsIn(a) {
		k = []int{int(a.args[2])}
	}
	if len(k) == 0 && a.pointwise {
		k = []int{1}
	}
	for len(k) == 0 && len(a.bareSizes) > 0 {
		i := a.bareSizes[0]
		a.bareSizes = a.bareSizes[1:]
		if !r.toks[i].used {
			k = r.toks[i].dims
			r.toks[i].used = true
		}
	}
	if len(k) == 0 {
		k = r.shortKernel(a)
	}
	if len(k) == 0 && r.padOnly(a) {
		k, a.depthwise = []int{1}, true
		r.notes = append(r.notes, "padding alone, no filter: read as a 1x1 window at stride 1 on each channel, which keeps every padded position (its weights are not part of the question)")
	}
	if len(k) == 0 && r.sameSizeOnly(a) {
		k = []int{1}
		r.notes = append(r.notes, "the kernel size was not given: 1 assumed; with \"same\" padding the output size does not depend on it")
	}
	if len(k) == 0 && r.onlyAsked("biases") && len(r.realAnchors()) == 1 {
		k = []int{1}
		r.notes = append(r.notes, "the kernel size was not given: 1x1 assumed; the biases do not depend on it (one per filter)")
	}
	if len(k) == 0 {
		return nil, r.fail(a.tok, "I could not find the kernel (filter) size of this convolution",
			"say it as \"3x3 filters\" or \"a filter size of 5\"")
	}
	return k, nil
}

// padOnly reports whether the question pads a volume and asks its size,
// with no filter, kernel or stride said: "pad a 47x47x10 volume with
// pad=3: what size after padding?".
func (r *enReader) padOnly(a *enAnchor) bool {
	if len(a.pad) == 0 || len(a.stride)+len(a.counts)+len(a.args)+len(a.dil) > 0 || len(r.realAnchors()) != 1 {
		return false
	}
	for _, t := range r.toks {
		if t.kind == 'w' && (t.lem == "filter" || t.lem == "kernel" || t.lem == "ksize" || t.lem == "conv" || t.lem == "stride") {
			return false
		}
	}
	return len(r.g.asked) == 1 && r.g.asked[0] == "output"
}

// sameSizeOnly reports whether a is the one conv of a question that asks
// only its output size, with "same" padding: ceil(in/stride), whatever
// the kernel.
func (r *enReader) sameSizeOnly(a *enAnchor) bool {
	if a.padMode != "same" || len(r.realAnchors()) != 1 || len(r.g.asked) == 0 {
		return false
	}
	for _, q := range r.g.asked {
		if q != "output" {
			return false
		}
	}
	return true
}

// onlyAsked reports whether the question asks for these quantities and
// nothing else.
func (r *enReader) onlyAsked(quantities ...string) bool {
	if len(r.g.asked) == 0 {
		return false
	}
	for _, q := range r.g.asked {
		if !slices.Contains(quantities, q) {
			return false
		}
	}
	return true
}

// convArgsIn reports whether a convolution's channels come from its
// arguments (conv(3, 64, 3)) rather than from words.
func (r *enReader) convArgsIn(a *enAnchor) bool {
	out, in, _ := r.channels(a)
	return len(a.args) >= 2 && in == 0 && out == 0
}

// convDims is a convolution's spatial dimension count: said (conv3d),
// three with frames, one for a sequence, else two.
func (r *enReader) convDims(a *enAnchor, k []int) int {
	switch {
	case a.dims != 0:
		return a.dims
	case r.g.frames > 0:
		return 3
	case len(k) == 1 && r.oneD(a):
		return 1
	}
	return 2
}

// cubeKernelDims is 3 for a 2-D reading of a kernel of three sides whose
// last cannot be the channels it spans: "1x3x3 64->144" and "3x1x1
// 144->64" of a (2+1)D block take 64 and 144 channels, not 3 and 1, so
// the kernel is a 3-D convolution's; dims otherwise.
func (r *enReader) cubeKernelDims(a *enAnchor, dims int, k []int) int {
	if dims != 2 || len(k) != 3 || k[0] > 11 || k[1] > 11 || k[2] > 11 {
		return dims
	}
	if _, in, _ := r.channels(a); in == 0 || in == k[2] {
		return dims
	}
	r.notes = append(r.notes, fmt.Sprintf("%dx%dx%d read as a 3-D kernel: a filter of a conv taking %d channels cannot span %d", k[0], k[1], k[2], r.chIn(a), k[2]))
	return 3
}

// chIn is the input channels said of a.
func (r *enReader) chIn(a *enAnchor) int {
	_, in, _ := r.channels(a)
	return in
}

// convWeightShape reads the channels a kernel written with more numbers
// than dimensions carries: a weight shape (TensorFlow's H×W×In×Out or
// PyTorch's Out×In×H×W) or filters of a depth (5x5x3). It returns the
// channels it found (0 for none) and the kernel proper.
func (r *enReader) convWeightShape(a *enAnchor, dims int, k []int) (out, in int, kernel []int) {
	switch {
	case len(k) == 4 && dims == 2 && k[2] == k[3] && k[0] != k[1]:
		r.notes = append(r.notes, fmt.Sprintf("kernel %dx%dx%dx%d read as PyTorch's Out×In×H×W", k[0], k[1], k[2], k[3]))
		return k[0], k[1], k[2:]
	case len(k) == 4 && dims == 2:
		r.notes = append(r.notes, fmt.Sprintf("kernel %dx%dx%dx%d read as TensorFlow's H×W×In×Out", k[0], k[1], k[2], k[3]))
		return k[3], k[2], k[:2]
	case len(k) == 3 && dims == 2:
		r.notes = append(r.notes, fmt.Sprintf("%dx%dx%d filters read as %d×%d spanning %d channels", k[0], k[1], k[2], k[0], k[1], k[2]))
		return 0, k[2], k[:2]
	}
	return 0, 0, k
}

// convChannels resolves a convolution's output and input channels from
// its counts, its arguments, a bare number, the layer before and the
// input, given what its kernel said (kOut, kIn; 0 for nothing).
func (r *enReader) convChannels(b *enBuild, kOut, kIn int) (out, in int, err error) {
	a := b.a
	out, in, note := r.argChannels(a)
	if note != "" {
		r.notes = append(r.notes, note)
	}
	if kOut != 0 || kIn != 0 && in == 0 {
		if kOut != 0 {
			out = kOut
		}
		in = kIn
	}
	if in == 0 && b.first {
		in = b.inCh
	}
	out = r.convBareOut(a, out)
	out = r.depthMultiplied(a, out, in) // english_multiplier.go: "depth_multiplier=2"
	if a.depthwise && in == 0 && out != 0 && len(a.counts) == 1 {
		in = out
	}
	if a.depthwise && out == 0 {
		out = in
		if in == 0 {
			out = b.prevOut
		}
	}
	if out == 0 {
		out = r.outChannels()
	}
	perFilter := a.kind == "conv" && !a.depthwise && !a.separable && a.groups <= 1 && r.perFilter() // english_notation.go
	if perFilter && out == 0 {
		out = -1 // one filter, below, once the input's channels are known
	}
	if out == 0 && b.first && r.resNetStem(a) {
		out = 64
		r.notes = append(r.notes, "ResNet's stem conv1 has 64 filters (every torchvision ResNet, ResNeXt and Wide ResNet)")
	}
	if out == 0 && (r.shapeOnly() || r.inputFree() && !r.isLast(a)) {
		in, out = max(in, 1), r.assumedFilters(a) // english_groups.go
	}
	if out == 0 {
		return 0, 0, r.fail(a.tok, "I could not find how many filters (output channels) this convolution has",
			"say it as \"64 filters\" or \"from 32 to 64 channels\"")
	}
	if in == 0 && b.first {
		in = b.prevOut
	}
	if in == 0 && b.first && r.g.channels != 0 {
		in = r.g.channels
	}
	if in == 0 && b.first && len(a.counts) == 1 && a.counts[0].class == "channel" && a.counts[0].role == "" {
		in = out // "a 3x3 conv with 64 channels": 64 in and out
		r.notes = append(r.notes, fmt.Sprintf("%d channels read as both the input's and the output's", out))
	}
	if in == 0 && b.first && r.inputFree() {
		in = 1
		r.notes = append(r.notes, "the input's channels were not given: 1 assumed (the sizes asked for do not depend on them)")
	}
	if in == 0 && b.first && r.onlyAsked("biases") {
		in = 1
		r.notes = append(r.notes, "the input's channels were not given: 1 assumed; the biases do not depend on them")
	}
	if perFilter {
		out = r.singleFilter(a, out, in)
	}
	return out, in, nil
}

// argChannels are a convolution's channels from its counts and its
// arguments: PyTorch's conv(3, 64, 3) gives in and out, Keras's
// Conv2D(128, ...) the filters ("after a layer with 96 channels": the
// channels said are what comes in).
func (r *enReader) argChannels(a *enAnchor) (out, in int, note string) {
	out, in, note = r.channels(a)
	switch {
	case len(a.args) == 1 && out != 0 && in == 0 && r.arrowArg(a, out):
		in = int(a.args[0]) // "conv1d (40->64, k5)": the arrow's two sides
	case r.kerasCall(a):
		if out != 0 && in == 0 && out != int(a.args[0]) {
			in, note = out, ""
		}
		out = int(a.args[0])
	case len(a.args) >= 2 && in == 0 && out == 0:
		in, out = int(a.args[0]), int(a.args[1])
	}
	return out, in, note
}

// isLast reports whether a is the last layer mentioned.
func (r *enReader) isLast(a *enAnchor) bool {
	real := r.realAnchors()
	return len(real) > 0 && real[len(real)-1] == a
}

// outChannels are the channels of an output volume said ("outputs a 32 ×
// 32 × 16 tensor"), noted; 0 when none is said.
func (r *enReader) outChannels() int {
	if len(r.g.outs) != 1 || len(r.g.outs[0].dims) != 3 {
		return 0
	}
	d := r.g.outs[0].dims
	c := d[2] // H×W×C
	if d[1] == d[2] && d[0] != d[1] {
		c = d[0] // C×H×W
	}
	r.notes = append(r.notes, fmt.Sprintf("%d filters: the channels of the output %s", c, r.toks[r.g.outs[0].tok].raw))
	return c
}

// convBareOut takes a bare number after the conv word as its filter count
// when nothing else gave one.
func (r *enReader) convBareOut(a *enAnchor, out int) int {
	if out != 0 || len(a.bare) == 0 || a.bare[0] <= a.tok {
		return out
	}
	i := a.bare[0]
	r.toks[i].used = true
	r.notes = append(r.notes, fmt.Sprintf("%s read as the number of filters", r.toks[i].raw))
	return int(r.toks[i].num)
}

// noteOneFilter says, once, that a filter count was assumed.
func (r *enReader) noteOneFilter() {
	if r.rfNote {
		return
	}
	r.rfNote = true
	what := strings.Join(r.g.asked, " and ")
	if what == "" {
		what = "output size"
	}
	verb := " does"
	if len(r.g.asked) > 1 || strings.HasSuffix(what, "s") {
		verb = " do"
	}
	r.notes = append(r.notes, "the number of filters was not given: 1 assumed; the "+what+verb+" not depend on it")
}

// poolLayer builds a pooling layer; its window is said, an argument, a
// bare size or a bare number before the pool word.
func (r *enReader) poolLayer(b *enBuild) ([]lang.Layer, error) {
	a := b.a
	if a.op == "global" {
		return b.one(calc.GlobalAvgPool{}), nil
	}
	k := a.kernel
	if len(k) == 0 && len(a.args) > 0 {
		k = []int{int(a.args[0])}
	}
	if len(k) == 0 {
		k = r.poolWindow(a)
	}
	if len(k) == 0 {
		k = r.shortKernel(a)
	}
	if len(k) == 0 && r.paramsOnly() && a.op != "global" && len(r.realAnchors()) > 1 && !r.namesKind("fc") && !r.namesKind("flatten") {
		// "CONV1 ..., then POOL1, then CONV2 ...: params?": with no
		// fully connected layer after it, no window changes a count.
		k = []int{2}
		r.notes = append(r.notes, fmt.Sprintf("%s's window was not given: 2x2 assumed; the parameters asked do not depend on it", r.toks[a.tok].raw))
	}
	if len(k) == 0 {
		return nil, r.fail(a.tok, "I could not find the pooling window's size", "say it as \"2x2 max pooling with stride 2\" (a pooling layer has no learnable parameters, whatever its size)")
	}
	p := calc.Pool{Kernel: k, Stride: a.stride, Pad: a.pad, Ceil: a.ceil}
	if a.op == "avg" {
		p.Op = calc.AvgPool
	}
	if r.g.frames > 0 || a.dims == 3 {
		p.Dims = 3
	} else if a.dims == 1 {
		p.Dims = 1
	}
	if a.padMode == "same" {
		r.notes = append(r.notes, "padding \"same\" on a pool read as padding kernel/2")
		p.Pad = []int{k[0] / 2}
	}
	return b.one(p), nil
}

// poolWindow finds a pool's window among the numbers no word explained:
// one right after the pool word ("maxpool 2, conv 3x3"), a size not read
// as the input, or a number before the pool word ("a 2 max pool").
func (r *enReader) poolWindow(a *enAnchor) []int {
	for _, i := range a.bare {
		if i == a.tok+1 && !r.toks[i].used {
			r.toks[i].used = true
			return []int{int(r.toks[i].num)}
		}
	}
	for _, i := range a.bareSizes {
		if !r.toks[i].used {
			r.toks[i].used = true
			return r.toks[i].dims
		}
	}
	if len(a.bare) > 0 && a.bare[0] < a.tok && !r.toks[a.bare[0]].used {
		r.toks[a.bare[0]].used = true
		return []int{int(r.toks[a.bare[0]].num)}
	}
	return nil
}

// fcLayer builds a fully connected layer, or a chain of them for an MLP.
func (r *enReader) fcLayer(b *enBuild) ([]lang.Layer, error) {
	a := b.a
	if ls := r.mlp(a, b.pos, b.fields); ls != nil {
		return ls, nil
	}
	out, in, _ := r.channels(a)
	switch {
	case len(a.args) == 1 && out != 0 && in == 0 && r.arrowArg(a, out):
		in = int(a.args[0]) // "FC layer (25088 -> 4096)": the arrow's two sides
	case len(a.args) == 1:
		out = int(a.args[0])
	case len(a.args) == 2:
		in, out = int(a.args[0]), int(a.args[1])
	}
	if out == 0 && in == 0 && len(a.bareSizes) == 1 && len(r.toks[a.bareSizes[0]].dims) == 2 {
		d := r.toks[a.bareSizes[0]].dims // "a 4096x4096 dense": inputs × units
		in, out = d[0], d[1]
		r.notes = append(r.notes, fmt.Sprintf("%s read as inputs × units", r.toks[a.bareSizes[0]].raw))
	}
	if out == 0 && len(a.bare) > 0 {
		i := a.bare[len(a.bare)-1]
		out = int(r.toks[i].num)
		r.toks[i].used = true
		r.notes = append(r.notes, fmt.Sprintf("%s read as the number of units", r.toks[i].raw))
	}
	if out == 0 && enPerNeuronRE.MatchString(r.src) {
		out = 1 // "each neuron of a fully connected layer on 32x32x3 images has how many weights?"
		r.notes = append(r.notes, "one neuron's weights asked: the layer is counted as a single unit")
	}
	if out == 0 && r.onlyAsked("connections") {
		out = 1 // what one unit reads does not depend on how many units there are
		r.notes = append(r.notes, "the connections of one neuron asked: they do not depend on how many units the layer has, so it is counted as a single unit")
	}
	if out == 0 {
		return nil, r.fail(a.tok, "I could not find how many units this fully connected layer has", "say it as \"to 500 units\" or \"Dense(10)\"")
	}
	return b.one(calc.Linear{In: in, Out: out, NoBias: a.noBias}), nil
}

// paramsOnly reports whether the question asks for parameter counts and
// nothing that depends on a layer's geometry.
func (r *enReader) paramsOnly() bool {
	for _, a := range r.g.asked {
		if a != "params" && a != "weights" && a != "biases" {
			return false
		}
	}
	return len(r.g.asked) > 0
}

// arrowArg reports whether a's one argument and its output count out are
// the two sides of an arrow: "FC layer (25088 -> 4096)".
func (r *enReader) arrowArg(a *enAnchor, out int) bool {
	for _, c := range a.counts {
		if int(c.v) == out && c.tok >= 2 && r.lem(c.tok-1) == "->" && r.isNum(c.tok-2) && r.toks[c.tok-2].num == a.args[0] {
			return true
		}
	}
	return false
}

// enPerNeuronRE asks what one neuron of a layer holds: "each neuron in
// the first hidden layer ... has how many weights?", "a fully connected
// neuron looking at a 200x200x3 image has how many weights?", "each
// neuron connects to how many weights?".
var enPerNeuronRE = regexp.MustCompile(`(?i)\b(?:each|every|one|a\s+single|a|any)\s+(?:\w+\s+){0,2}(?:neuron|unit|node)\b[^.?;]{0,100}?\b(?:has|have|holds?|gets?|needs?|(?:connects?|(?:is|are)\s+connected|links?|is\s+linked|is\s+wired)\s+to)\s+(?:how\s+many|what\s+number\s+of)\s+(?:weights|params|parameters|connections|inputs)`)

// bnLayer builds a batch norm over the channels said, or those arriving.
func (r *enReader) bnLayer(b *enBuild) ([]lang.Layer, error) {
	a := b.a
	c := 0
	if len(a.args) > 0 {
		c = int(a.args[0])
	}
	for _, n := range a.counts {
		if c == 0 {
			c = int(n.v)
		}
	}
	if c == 0 && len(a.bare) > 0 {
		c = int(r.toks[a.bare[0]].num)
		r.toks[a.bare[0]].used = true
	}
	if c == 0 && b.prevOut == 0 {
		return nil, r.fail(a.tok, "over how many channels is this batch norm?", "say it as \"batch norm over 64 channels\" or \"BatchNorm2d(64)\"")
	}
	return b.one(calc.BatchNorm{C: c}), nil
}

// resNetStem reports whether the conv a is a ResNet's stem, a 7x7 conv
// named "resnet stem" or "resnet conv1", whose filters the asker need not
// say.
func (r *enReader) resNetStem(a *enAnchor) bool {
	return (r.mentions("resnet") || r.mentions("resnext")) && (r.mentions("stem") || r.namesConv1()) &&
		len(a.kernel) > 0 && a.kernel[0] == 7 && (len(a.kernel) == 1 || a.kernel[1] == 7)
}

// enBiasEveryRE says every conv keeps its bias: "bias on everything",
// "keep biases on every conv", "each conv has a bias".
var enBiasEveryRE = regexp.MustCompile(`(?i)\bbias(?:es)?\s+(?:on|in|for|=\s*true\s+(?:on|for))\s+(?:every|each|all|both|everything)|\b(?:every|each|all|both)\s+(?:\w+\s+)?(?:ha(?:s|ve)|with|keeps?)\s+(?:a\s+|its\s+|their\s+)?bias|\bkeep\s+(?:the\s+)?bias(?:es)?\s+on\s+(?:every|each|all|both)`)

// fullPad is the padding of a 'full' convolution, d·(k-1) on each side,
// per dimension of the kernel (one value for a square one).
func fullPad(kernel, dil []int) []int {
	pad := make([]int, len(kernel))
	for k, v := range kernel {
		d := 1
		switch {
		case len(dil) == len(kernel):
			d = dil[k]
		case len(dil) == 1:
			d = dil[0]
		}
		pad[k] = d * (v - 1)
	}
	return pad
}

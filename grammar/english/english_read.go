package english

import (
	"fmt"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"regexp"
	"strings"
)

// enReader finds, in the tokens of one question, the layers mentioned
// (anchors), what each number means (facts), and what is asked.
type enReader struct {
	src     string
	toks    []enTok
	anchors []*enAnchor
	g       enGlobal
	notes   []string
	repeats []int // counts layers were unrolled by (english_repeats.go)
	rfNote  bool
	guesses []int        // tokens of the asker's guesses ("is the output 112?")
	shortN  int          // layers written short (conv3, pool2): see shortNames
	rows    map[int]bool // lines read as summary rows, by their start
	oneOf   int8         // perFilter's answer once read: 0 not yet, 1 no, 2 yes
}

// enAnchor is one layer mentioned in the text, with the facts read around
// it. ctx marks a mention of the layer before ("the previous layer has 32
// feature maps"): its counts are the next layer's input channels.
type enAnchor struct {
	kind                            string // conv deconv pool fc bn flatten act dropout layer
	tok, start                      int
	ctx                             bool
	dims                            int
	op                              string // pooling: max, avg, global
	depthwise, separable, pointwise bool
	act                             string
	kernel, stride, pad, dil        []int
	padMode                         string // "", "same", "valid"
	groups                          int
	noBias                          bool
	counts                          []enCount
	args                            []int64
	p                               float64
	hasP                            bool
	at                              map[string]int // field -> token index
	bareSizes                       []int          // token indexes of sizes with no reading
	bare                            []int          // token indexes of numbers with no reading
	repeat                          int
	outpad                          []int
	ceil                            bool
	lists                           map[string][]int // per-layer values: "dilation 1, 2 and 3", "16 and 32 filters"
	shared                          bool             // said of every layer of its kind: "(convs stride 1)"
}

type enCount struct {
	v           int64
	class, role string
	tok         int
	layer       int // the index of the layer it is said of ("20 maps of layer 2"), 0 for none
}

type enSizeFact struct {
	dims []int
	tok  int
	role string // "in", "out", ""
	rgb  int    // channels said next to it (3, 1) or 0
}

type enGlobal struct {
	inputs   []enSizeFact // sizes read as the input
	outs     []enSizeFact // sizes read as an output (inverse questions)
	frames   int64
	channels int // 3 for RGB, 1 for grayscale, 0 unsaid
	chanTok  int
	params   []enCount
	keep     bool
	asked    []string
	unknown  string
	unkTok   int
	unknown2 string // "pad" when asked for the stride and the padding together
	noBias   bool
	batch    int           // the batch size said ("a batch of 64"), for memory
	unused   []lang.Unused // numbers a reading names as not used, with why
}

// countsAfter reports whether a count of parameters or weights follows
// token i within three words: what "does not change" is then not the
// size.
func (r *enReader) countsAfter(i int) bool {
	for j := i + 1; j <= i+3 && j < len(r.toks); j++ {
		switch w := strings.ToLower(r.toks[j].raw); {
		case strings.HasPrefix(w, "param"), strings.HasPrefix(w, "weight"), w == "count", w == "number":
			return true
		}
	}
	return false
}

func (r *enReader) lem(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	t := r.toks[i]
	if t.kind == 'w' || t.kind == 'p' {
		return t.lem
	}
	return ""
}

func (r *enReader) isNum(i int) bool {
	return i >= 0 && i < len(r.toks) && (r.toks[i].kind == 'n' || r.toks[i].kind == 's')
}

var enKinds = map[string]bool{"conv": true, "deconv": true, "pool": true, "fc": true, "bn": true, "flatten": true, "act": true, "dropout": true, "depthwise": true, "separable": true, "pointwise": true}

// enNouns are the words "input" and "output" can qualify.
var enNouns = map[string]bool{"channel": true, "fmap": true, "neuron": true, "filter": true, "depth": true, "size": true, "image": true, "volume": true, "pixel": true, "vector": true, "layer": true, "insize": true, "outsize": true, "rgb": true, "rgb4": true, "gray": true, "frame": true, "length": true}

// enStop ends a backward or forward look for the word a number goes with.
var enStop = map[string]bool{".": true, ",": true, ";": true, "?": true, "!": true, ")": true, "and": true, "with": true, "then": true}

// findAnchors marks every layer mention and where its phrase starts.
func (r *enReader) findAnchors() {
	r.shortN = r.shortNames()
	var last *enAnchor
	for i := 0; i < len(r.toks); i++ {
		if a := r.unnamedAnchor(i, last); a != nil {
			r.addAnchor(a, &last)
			continue
		}
		t := r.toks[i]
		if t.kind != 'w' || !enKinds[t.lem] || r.summaryRow(i) || r.notLayer(i) || r.kerasAutoName(i) { // english_keras_names.go
			continue
		}
		// Modifiers before a conv: depthwise separable conv, transposed conv.
		if r.bracketedModifier(i, last) {
			continue
		}
		if t.lem == "depthwise" || t.lem == "separable" || t.lem == "pointwise" || (t.lem == "deconv" && r.lem(i+1) == "conv") {
			a, j := r.modifiedAnchor(i)
			r.addAnchor(a, &last)
			i = j
			continue
		}
		a := &enAnchor{kind: t.lem, tok: i, dims: t.dimsOf, shared: r.sharedMention(i, last)}
		if t.lem == "act" {
			a.act = t.raw
		}
		if t.lem == "pool" && len(t.raw) >= 3 {
			a.op = map[string]string{"gap": "global", "avg": "avg", "max": "max"}[strings.ToLower(t.raw[:3])]
		}
		r.addAnchor(a, &last)
	}
	if len(r.anchors) == 0 {
		r.fallbackAnchor(&last)
	}
}

// bracketedModifier reads a modifier in brackets just after the conv it
// qualifies, "a 1x1 convolution (pointwise)", "3x3 conv (depthwise)": the
// same layer, not another one.
func (r *enReader) bracketedModifier(i int, last *enAnchor) bool {
	l := r.lem(i)
	if last == nil || last.kind != "conv" || last.tok != i-2 || r.lem(i-1) != "(" || r.lem(i+1) != ")" {
		return false
	}
	switch l {
	case "pointwise":
		last.pointwise = true
	case "depthwise":
		last.depthwise = true
	case "separable":
		last.separable = true
	default:
		return false
	}
	return true
}

// unnamedAnchor returns the layer token i starts when no kind word names
// it — an output layer of a chain, LeNet's labels, "the next layer", a
// size with channels or settings written short — or nil.
func (r *enReader) unnamedAnchor(i int, last *enAnchor) *enAnchor {
	t := r.toks[i]
	switch {
	case r.outputLayer(i, last):
		return &enAnchor{kind: "fc", tok: i}
	case r.courseLayer(i):
		// "layer 1: f=3, s=1, p=0, 8 filters. layer 2: ...": one conv each.
		r.toks[i+1].used = true
		return &enAnchor{kind: "conv", tok: i}
	case r.labelKind(i) != "":
		// LeNet's labels: "C1: 6 filters 5x5; S2: 2x2 max; F5: 120".
		return &enAnchor{kind: r.labelKind(i), tok: i}
	case last != nil && r.lem(i) == "layer" && (r.lem(i-1) == "then" || r.lem(i-1) == "another") && !enKinds[r.lem(i-2)] && !r.mapsInNext(i):
		// "the next layer makes 32 maps": another layer of the same kind.
		return &enAnchor{kind: last.kind, tok: i}
	case last != nil && last.kind == "conv" && t.kind == 's' && (r.lem(i-1) == "then" || r.lem(i-1) == ",") && r.isNum(i+1) && r.lem(i+2) == "->" && !enKinds[r.lem(i+1)] && !enKinds[r.lem(i+4)]:
		// "1x1 conv 256->64 then 3x3 64->64": another conv.
		return &enAnchor{kind: "conv", tok: i}
	case last == nil && t.lem == "fmap" && r.isNum(i-1) && r.lem(i+1) == "of" && i+2 < len(r.toks) && r.toks[i+2].kind == 's' && !r.namesKind("conv") && r.mapsKernel(i+2):
		// "12 maps of 3x3 on an 18x18x10 input": maps with a kernel make a conv.
		return &enAnchor{kind: "conv", tok: i}
	case last == nil && t.lem == "filter" && r.isNum(i-1) && !r.namesKind("conv"):
		// "mobilenet v1 first layer: 32 filters 3x3 s2 p1": filters make a conv.
		return &enAnchor{kind: "conv", tok: i}
	case (last == nil || last.kind == "conv") && r.settingChain(i):
		// "3x3 dil 2 then 3x3 dil 4": sizes with settings, one conv each.
		return &enAnchor{kind: "conv", tok: i}
	case r.elidedConv(i): // english_elided_conv.go
		// "then two more 3x3 stride 1": another conv, said by its kernel.
		return &enAnchor{kind: "conv", tok: i}
	case last == nil && r.shortConv(i):
		// "resnet stem 7x7 s2 p3 64ch on 224 then maxpool 3": a conv.
		return &enAnchor{kind: "conv", tok: i}
	case last != nil && last.kind == "conv" && t.kind == 'n' && (r.lem(i-1) == "then" || r.lem(i-1) == ",") && r.lem(i+1) == "->" && r.isNum(i+2) && r.toks[min(i+3, len(r.toks)-1)].kind == 's' && !enKinds[r.lem(i+4)]:
		// "1->20 3x3 then 20->40 3x3": channels and a size after "then".
		return &enAnchor{kind: "conv", tok: i}
	}
	return nil
}

// courseLayer reports whether token i opens a layer of course notes,
// "layer 2: f=5, s=2, p=0, 16 filters": the word layer, its number, a
// colon, and a kernel or filters said before the sentence ends.
func (r *enReader) courseLayer(i int) bool {
	if r.lem(i) != "layer" || r.toks[i].idx > 0 || !r.isNum(i+1) || r.toks[i+1].kind != 'n' || r.lem(i+2) != ":" {
		return false
	}
	for j := i + 3; j < len(r.toks); j++ {
		switch l := r.lem(j); {
		case l == "." || l == ";" || l == "layer" && r.lem(j+2) == ":":
			return false
		case l == "ksize" || l == "filter" || l == "kernel":
			return true
		}
	}
	return false
}

// mapsInNext reports whether the layer word at i ends "to have 40
// feature maps in the next layer": the output of the layer described, not
// another layer.
func (r *enReader) mapsInNext(i int) bool {
	j := i - 2
	if r.lem(j) == "the" {
		j--
	}
	if r.lem(j) != "in" {
		return false
	}
	switch r.lem(j - 1) {
	case "fmap", "channel", "filter", "neuron", "outch":
		return r.isNum(j-2) || r.isNum(j-3)
	}
	return false
}

// namesKind reports whether a word of the question names the kind.
func (r *enReader) namesKind(kind string) bool {
	for i, t := range r.toks {
		if t.kind == 'w' && !enQuantities[r.lem(i+1)] && (t.lem == kind || kind == "conv" && (t.lem == "deconv" || t.lem == "depthwise" || t.lem == "separable" || t.lem == "pointwise")) {
			return true
		}
	}
	return false
}

// notLayer reports whether the kind word at i names no layer: "no pooling
// at all", "no conv biases", "the receptive field of one activation".
func (r *enReader) notLayer(i int) bool {
	l := r.lem(i)
	if r.lem(i-1) == "no" && (l == "pool" || l == "bn" || l == "dropout" || l == "act" || r.lem(i+1) == "bias") {
		return true
	}
	if (l == "pool" || l == "bn" || l == "dropout") && r.negatedList(i) {
		return true // "no stride/pooling", "without padding or pooling"
	}
	if enQuantities[r.lem(i+1)] && len(r.anchors) > 0 && !r.toks[i].plural {
		return true // "out size and conv params": what is asked of the layer named
	}
	if l == "fc" && len(r.toks) > i+1 && enNetWords[strings.ToLower(r.toks[i+1].raw)] && r.hasOtherFC(i) {
		return true // "the first hidden layer of a fully connected net": the kind of network
	}
	if r.namedEnd(i) {
		return true // "vgg16 up to pool3: conv3-64 ...": where the layers listed end (english_named_end.go)
	}
	if r.namedOutput(i) {
		r.toks[i].lem = "the" // "the 7x7x512 pool5 output": a volume, named by the layer that made it
		return true
	}
	if l == "act" && strings.EqualFold(r.toks[i].raw, "activation") && r.unitOf(i) {
		return true // "the receptive field of an activation after three convs": one unit
	}
	if l == "act" && strings.HasPrefix(strings.ToLower(r.toks[i].raw), "activation") && i+1 < len(r.toks) && strings.HasPrefix(strings.ToLower(r.toks[i+1].raw), "size") {
		return true // "what are the activation sizes": the outputs' sizes
	}
	return l == "act" && i > 0 && (enPronounOne[strings.ToLower(r.toks[i-1].raw)] || isOne(r.toks[i-1].raw))
}

// unitOf reports whether the word at i is one unit of a layer's output
// ("of an activation", "a single activation"), as the receptive field or
// the connections are asked of.
func (r *enReader) unitOf(i int) bool {
	j := i - 1
	if j >= 0 && strings.EqualFold(r.toks[j].raw, "single") {
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(r.toks[j].raw) {
	case "an", "a", "one":
		return j > 0 && r.lem(j-1) == "of" || r.toks[j].raw != "a" && r.toks[j].raw != "an"
	}
	return false
}

// hasOtherFC reports whether a word other than the one at i names a
// fully connected layer.
func (r *enReader) hasOtherFC(i int) bool {
	for j, t := range r.toks {
		if j != i && t.kind == 'w' && t.lem == "fc" {
			return true
		}
	}
	return false
}

// namedOutput reports whether the kind word at i, with an index (pool5,
// conv4_3), names the volume it outputs, its size said next to it, fed to
// a fully connected layer named elsewhere: "takes the 7x7x512 pool5 output
// to 4096", "the conv5 output (6x6x256)".
func (r *enReader) namedOutput(i int) bool {
	t := r.toks[i]
	if t.idx == 0 || t.lem == "fc" || r.lem(i+1) != "output" && r.lem(i+1) != "fmap" {
		return false
	}
	sized := i > 0 && r.toks[i-1].kind == 's' || i+2 < len(r.toks) && r.toks[i+2].kind == 's' ||
		i+3 < len(r.toks) && r.lem(i+2) == "(" && r.toks[i+3].kind == 's'
	if !sized {
		return false
	}
	for j, u := range r.toks {
		if j != i && u.kind == 'w' && u.lem == "fc" {
			return true
		}
	}
	return false
}

// negatedList reports whether the word at i ends a list of settings a
// "no" or "without" denies: "no stride/pooling", "no padding or pooling".
func (r *enReader) negatedList(i int) bool {
	if r.isNum(i+1) || r.isNum(i-1) {
		return false // "no padding, 2x2 pooling": a pool with its window
	}
	for j := i - 1; j >= 0 && i-j <= 6; j-- {
		switch l := r.lem(j); {
		case l == "no" || l == "nopad" || strings.EqualFold(r.toks[j].raw, "without"):
			return j < i-1
		case l == "/" || l == "or" || l == "nor" || enAttr[l] || l == "bias" || l == "nobias":
		default:
			return false
		}
	}
	return false
}

// summaryRow reports whether token i is on a row of a printed model
// summary ("dense (Dense) (None, 128) 401536"), which names no new layer.
func (r *enReader) summaryRow(i int) bool {
	off := r.toks[i].off
	start := strings.LastIndex(r.src[:off], "\n") + 1
	end := strings.IndexByte(r.src[off:], '\n')
	if end < 0 {
		end = len(r.src) - off
	}
	if v, ok := r.rows[start]; ok {
		return v
	}
	if r.rows == nil {
		r.rows = map[int]bool{}
	}
	r.rows[start] = enSummaryRow.MatchString(r.src[start : off+end])
	return r.rows[start]
}

// enSummaryRow matches a row of a printed summary: "dense (Dense) (None,
// 128) 401536", "Conv2d-1 [-1, 16, 62, 62] 448".
var enSummaryRow = regexp.MustCompile(`\([A-Z][A-Za-z0-9]*\)\s+\(None,|-\d+\s+\[-1,`)

// labelKind is the kind of layer a label names ("C1:" a conv, "S2:" a
// subsampling pool, "F6:" a fully connected layer), or "".
func (r *enReader) labelKind(i int) string {
	t := r.toks[i]
	label := r.src[t.off:min(t.end, len(r.src))]
	if t.kind != 'w' || r.lem(i+1) != ":" || len(label) < 2 || strings.Trim(label[1:], "0123456789") != "" {
		return ""
	}
	return map[byte]string{'C': "conv", 'S': "pool", 'P': "pool", 'F': "fc"}[label[0]]
}

// outputLayer reports whether token i names the output layer of a chain
// of dense layers: "...; fc 84; out 10", "fc 120, output 10".
func (r *enReader) outputLayer(i int, last *enAnchor) bool {
	l := r.lem(i)
	if l == "hidden" && last != nil && last.kind == "fc" && r.lem(i-1) == "another" {
		return true // "a hidden layer of 300, a second hidden of 100"
	}
	return (l == "out" || l == "output") && last != nil && last.kind == "fc" && r.toks[i].kind == 'w' &&
		(r.lem(i-1) == ";" || r.lem(i-1) == "," || r.lem(i-1) == ".") && i+1 < len(r.toks) && r.toks[i+1].kind == 'n'
}

// modifiedAnchor reads a layer named with modifiers from token i
// ("depthwise separable conv", "transposed conv", "pointwise conv2d"),
// returning it and the last token it spans.
func (r *enReader) modifiedAnchor(i int) (*enAnchor, int) {
	j := i
	for j+1 < len(r.toks) && j-i < 3 {
		switch {
		case enKinds[r.lem(j+1)] || r.lem(j+1) == "dims":
			j++
			continue
		case r.toks[j+1].kind == 's' && enKinds[r.lem(j+2)]:
			j += 2 // "depthwise 3x3 conv": the size is read on its own
			continue
		}
		break
	}
	a := &enAnchor{kind: "conv", tok: i}
	for k := i; k <= j; k++ {
		switch r.lem(k) {
		case "depthwise":
			a.depthwise = true
		case "separable":
			a.separable = true
		case "pointwise":
			a.pointwise = true
		case "deconv":
			a.kind = "deconv"
		case "pool":
			a.kind = "pool"
		case "fc":
			a.kind = "fc"
		}
		if d := r.toks[k].dimsOf; d != 0 {
			a.dims = d
		}
	}
	if a.separable {
		a.depthwise = false
	}
	return a, j
}

// fallbackAnchor finds a layer in a question that names no kind of layer:
// a bare "layer", filters ("10 5x5 filters with stride 1"), or settings
// alone ("kernel size 3, stride 1, input 5x5").
func (r *enReader) fallbackAnchor(last **enAnchor) {
	for i, t := range r.toks {
		if t.kind == 'w' && (t.lem == "layer" || t.lem == "hidden") {
			r.addAnchor(&enAnchor{kind: "layer", tok: i}, last)
		}
	}
	if len(r.anchors) > 0 {
		return
	}
	for i, t := range r.toks {
		if t.kind == 'w' && (t.lem == "filter" || t.lem == "kernel" || t.lem == "window" && r.toks[max(i-1, 0)].kind == 's' && r.firstLabel() == 'C') {
			// "C5 has 120 maps, each unit looks at a 5x5 neighbourhood": a conv.
			r.addAnchor(&enAnchor{kind: "conv", tok: i}, last)
			return
		}
	}
	if i := r.sharingSaid(); i >= 0 {
		// "55x55x96 neurons, each looking at 11x11x3: params with weight
		// sharing?": a conv (english_neuron_volume.go).
		a := &enAnchor{kind: "conv", tok: i}
		r.addAnchor(a, last)
		a.start = 0
		return
	}
	for i, t := range r.toks {
		if t.kind == 'w' && (t.lem == "ksize" || t.lem == "stride" || t.lem == "pad" || t.lem == "rf" || t.lem == "dilation") {
			a := &enAnchor{kind: "conv", tok: i}
			r.addAnchor(a, last)
			a.start = 0
			return
		}
	}
}

// firstLabel is the letter of the first of LeNet's labels the question
// names ("C5", "S4"), upper case, or 0 for none.
func (r *enReader) firstLabel() byte {
	for _, t := range r.toks {
		if t.kind == 'w' && t.idx > 0 && len(t.raw) == 1 && strings.Contains("CSF", t.raw) {
			return t.raw[0]
		}
	}
	return 0
}

func (r *enReader) addAnchor(a *enAnchor, last **enAnchor) {
	a.at = map[string]int{}
	i := a.tok
	// The phrase starts before its modifiers: "a 2x2 max pool", "six 5x5".
	a.start = i
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		l := r.lem(j)
		if r.toks[j].kind == 'n' && j >= 2 && r.toks[j-1].kind == 'w' && (enShort[r.toks[j-1].raw] != "" || enSettingLems[r.toks[j-1].lem]) && r.toks[j-2].kind == 's' {
			j-- // "3x3 s2 maxpool", "3x3 stride-2 max pool": the setting is the pool's
			a.start = j
			continue
		}
		if r.toks[j].kind == 's' || l == "max" || l == "avg" || l == "global" || l == "dims" || l == "same" || l == "valid" || l == "the" || l == "previous" || l == "another" || l == "first" || l == "deconv" {
			if l == "previous" {
				a.ctx = true
			}
			if l == "max" || l == "avg" || l == "global" {
				if a.op == "" || l == "global" {
					a.op = l
				}
			}
			if l == "deconv" && a.kind == "conv" {
				a.kind = "deconv"
			}
			if d := r.toks[j].dimsOf; d != 0 && a.dims == 0 {
				a.dims = d
			}
			a.start = j
			continue
		}
		break
	}
	// "conv layer i-1": the word after says previous.
	for j := i + 1; j < len(r.toks) && j-i <= 2; j++ {
		if r.lem(j) == "previous" {
			a.ctx = true
		}
		if r.lem(j) != "layer" && r.lem(j) != "previous" && r.lem(j) != "" {
			break
		}
	}
	if r.lem(a.start-1) == "input" && r.lem(i+1) == "layer" {
		a.ctx = true
	}
	// "the output of the last pool", "after the final conv": the layer
	// before the one asked about.
	if w := strings.ToLower(r.toks[max(i-1, 0)].raw); (w == "last" || w == "final") && (r.lem(a.start-1) == "of" || r.lem(a.start-1) == "after") {
		a.ctx = true
	}
	// "takes 16 maps from layer 1": the layer the input comes from.
	if r.lem(a.start-1) == "from" && *last != nil {
		a.ctx = true
	}
	// "the conv layer has stride 2" repeats the layer just mentioned.
	if *last != nil && !a.ctx && !(*last).ctx && (*last).kind == a.kind && r.lem(i-1) == "the" && r.toks[i-1].raw != "a" && r.toks[i-1].raw != "an" && r.toks[i-1].raw != "A" {
		return
	}
	// The previous layer's own kind word after another kind word ("conv layer") is one anchor.
	if *last != nil && (*last).tok == i-1 && r.toks[i].idx == 0 && r.lem(i+1) != "(" {
		return // but "pool2 conv(32, 64, 5)" is a pool, then a conv
	}
	r.anchors = append(r.anchors, a)
	*last = a
}

// enSettingLems are the settings a number follows.
var enSettingLems = map[string]bool{"stride": true, "pad": true, "dilation": true}

// owner returns the layer whose phrase holds token i: the last anchor
// starting at or before it, else the first (attributes said before the
// layer: "with stride 2, a conv ..."), or nil when there is no anchor.
func (r *enReader) owner(i int) *enAnchor {
	var o *enAnchor
	for _, a := range r.anchors {
		if a.start <= i {
			o = a
		}
	}
	if o == nil && len(r.anchors) > 0 {
		o = r.anchors[0]
	}
	return o
}

// main returns the layer that attributes of a context mention belong to:
// the nearest anchor that is not a context mention.
func (r *enReader) main(a *enAnchor) *enAnchor {
	if a == nil || !a.ctx {
		return a
	}
	var best *enAnchor
	for _, b := range r.anchors {
		if !b.ctx {
			if best == nil || enAbs(b.tok-a.tok) < enAbs(best.tok-a.tok) {
				best = b
			}
		}
	}
	if best == nil {
		return a
	}
	return best
}

// prev looks back from token i for the word a number goes with, over filler
// words; role is "in" after from, "out" after to, into, gives, at.
func (r *enReader) prev(i int) (lem string, at int, role string) {
	for j := i - 1; j >= 0 && i-j <= 5; j-- {
		t := r.toks[j]
		if t.kind == 'n' || t.kind == 's' {
			return "", -1, role
		}
		l := t.lem
		switch l {
		case "is", "the", "of", "size", "=", ":", "(", "-", "[", "~", "≈", "exactly":
			continue
		case ")":
			if r.lem(j-2) == "(" {
				continue // "cardinality (groups) 32"
			}
		case "_":
			if w := strings.ToLower(t.raw); w == "me" || w == "us" || w == "you" {
				continue // "gives me a 32x32 output"
			}
		case "to", "at", "->":
			if role == "" {
				role = "out"
				if l == "to" && r.lem(j-1) == "connect" || l == "at" && r.lem(j-1) == "in" {
					role = "in" // "connected to all 6 maps": what it reads; "goes in at 100"
				}
			}
			continue
		case "give":
			if role == "" {
				role = "out"
			}
			return "", -1, role
		case "from":
			if role == "" {
				role = "in"
			}
			continue
		case "in", "out":
			if j == i-1 && role == "" && r.countRole(j) {
				return "", -1, "" // "128 out 3x3": the out is the 128's (english_role_pairs.go)
			}
			if (j == i-1 || r.lem(j+1) == "=" || r.lem(j+1) == ":") && role == "" {
				role = l // "64 in", "in=64", "out: 128"
			}
			continue
		case "by":
			continue
		case "keep", "on":
			if role == "out" && r.lem(j+1) == "to" {
				role = ""
			}
			return "", -1, role
		case "no":
			return "no", j, role
		}
		if enStop[l] {
			return "", -1, role
		}
		if l == "depth" || l == "channel" || l == "fmap" || l == "neuron" {
			switch r.lem(j - 1) {
			case "input", "in":
				role = "in"
			case "output", "out":
				role = "out"
			}
		}
		return l, j, role
	}
	return "", -1, role
}

// next looks forward from token i for the noun a number qualifies; role is
// "in" or "out" when input/output/in/out is said next to it, rgb the
// channels a colour word gives.
func (r *enReader) next(i int, skipSizes bool) (lem string, at int, role string, rgb int) {
	for j := i + 1; j < len(r.toks) && j-i <= 5; j++ {
		t := r.toks[j]
		if t.kind == 'n' || (t.kind == 's' && !skipSizes) {
			return "", -1, role, rgb
		}
		if t.kind == 's' || t.kind == 'w' && t.lem == "" && t.end-t.off > len(t.raw) {
			continue // a label: "6 S2 maps", "64 conv1 filters"
		}
		if t.kind == 'w' && enFurther[strings.ToLower(t.raw)] {
			continue // "two more 3x3 convs": the count of the convs
		}
		if l, at := r.allOfMaps(i, j); at > 0 {
			return l, at, "in", rgb
		}
		switch t.lem {
		case "-", "stack", "same", "valid", "size", "max", "avg", "global", "dims", "depthwise", "separable", "pointwise", "learnable", "(", "[", "square", "different":
			continue
		case "input", "in", "output", "out":
			if r.isNum(j + 1) {
				return "", -1, role, rgb // "in 128 out 256": the word goes with the next number
			}
			if t.lem == "out" && (j+1 == len(r.toks) || r.lem(j+1) == "?") {
				return "", -1, role, rgb // "on 100x100 out?" asks what comes out
			}
			role = "in"
			if t.lem == "output" || t.lem == "out" {
				role = "out"
			}
			if (t.lem == "input" || t.lem == "output") && !enNouns[r.lem(j+1)] {
				return t.lem, j, role, rgb
			}
			continue
		case "rgb":
			rgb = 3
			continue
		case "rgb4":
			rgb = 4 // "RGB-D", "RGBA": english_rgb_plus.go
			continue
		case "gray":
			rgb = 1
			continue
		case "conv":
			// "conv filters", "conv feature maps"; but in "a 1x1 conv maps
			// 64 channels" maps is a verb.
			if l := r.lem(j + 1); (l == "filter" || l == "kernel" || l == "fmap" || l == "channel") && !r.isNum(j+2) {
				continue
			}
		case "fc":
			if r.lem(j+1) == "neuron" && !r.isNum(j+2) {
				continue // "512 fully connected neurons"
			}
		}
		if t.kind == 'p' {
			return "", -1, role, rgb
		}
		return t.lem, j, role, rgb
	}
	return "", -1, role, rgb
}

// allOfMaps reads "all 16 of S4's 5x5 maps", "all 6 of the previous
// layer's maps" from the number at i, whose next word at j is "of": the
// maps every unit reads, its input channels. It returns their noun and its
// token, or at -1.
func (r *enReader) allOfMaps(i, j int) (lem string, at int) {
	if j != i+1 || r.lem(j) != "of" || i == 0 || !strings.EqualFold(r.toks[i-1].raw, "all") {
		return "", -1
	}
	for k := j + 1; k < len(r.toks) && k-j <= 6; k++ {
		switch l := r.lem(k); {
		case l == "fmap" || l == "channel":
			return l, k
		case r.toks[k].kind == 'p' || r.toks[k].kind == 'n' || enStop[l]:
			return "", -1
		}
	}
	return "", -1
}

// scan reads every number and size and files it as a fact.
func (r *enReader) scan() {
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		if t.kind == 'w' {
			r.word(i)
			continue
		}
		if t.kind == 'n' || t.kind == 's' {
			r.number(i)
		}
	}
}

// word reads the words that carry meaning on their own: colours, no
// padding, same/valid, no bias, what is asked.
func (r *enReader) word(i int) {
	t := r.toks[i]
	a := r.owner(i)
	r.wordCounts(i, a)
	switch t.lem {
	case "rgb":
		if prev := r.lem(i - 1); prev == "no" || prev == "non" || prev == "not" || prev == "without" {
			break // "no color", "(no rgb)": the colour is given up, not said
		}
		r.g.channels, r.g.chanTok = 3, i
	case "rgb4":
		r.g.channels, r.g.chanTok = 4, i // "RGB-D", "RGBA": english_rgb_plus.go
	case "gray":
		if r.lem(i-1) != "the" || r.g.channels == 0 {
			r.g.channels, r.g.chanTok = 1, i
		}
	case "nopad", "valid":
		if m := r.main(a); m != nil {
			m.padMode, m.at["pad"] = "valid", i
		}
	case "same":
		r.wordSame(i, a)
	case "fully":
		r.wordFull(i, a)
	case "keep":
		if n := strings.ToLower(r.toks[min(i+1, len(r.toks)-1)].raw); !strings.HasSuffix(n, "ing") || i+1 == len(r.toks) {
			r.g.keep = true // but "I keep getting 13" says nothing of the size
		}
	case "give", "":
		// "so it doesn't shrink my feature map", "so the size doesn't
		// change": the size is kept.
		if w := strings.ToLower(t.raw); (w == "shrink" || w == "reduce" || w == "change") && r.lem(i-1) == "no" && !r.countsAfter(i) {
			r.g.keep = true // but "why does stride not change the param count" keeps the parameters, not the size
		}
	case "ceil":
		around := r.src[max(0, t.off-40):min(len(r.src), t.end+20)]
		if m := r.main(a); m != nil && !ceilOff.MatchString(r.src[t.end:]) && !ceilDenied.MatchString(r.src[:t.off]) && !ceilAsked.MatchString(around) {
			m.ceil = true // but "ceil_mode=False" and "without ceil mode" round down, PyTorch's default
		}
	case "nobias", "bias":
		r.wordBias(i, a)
	}
}

// ceilOff matches a value after "ceil_mode" that turns it off.
var ceilOff = regexp.MustCompile(`(?i)^(?:[\s_]*mode)?\s*[=:]?\s*(?:false|0|off|no)\b`)

// ceilDenied matches words before "ceil mode" that deny it.
var ceilDenied = regexp.MustCompile(`(?i)\b(?:no|without|w/o|not|default|disable\w*)\s+$`)

// ceilAsked matches ceil mode asked about, not set: "does it floor or
// ceil by default", "is it ceil or floor?", "does pytorch use ceil mode?".
var ceilAsked = regexp.MustCompile(`(?i)\bfloor\w*\s+or\s+(?:the\s+)?ceil|\bceil\w*\s+or\s+(?:the\s+)?floor|\b(?:does|do|will|would|is|should)\s+(?:it|pytorch|torch|keras|tf|tensorflow)\s+(?:use\s+|do\s+|apply\s+|round\s+with\s+)?(?:the\s+)?ceil`)

// wordCounts reads counts said in words: "Conv2d(512, 512, 3) x3 in a
// row" (the layer three times), "a single 3x3 filter" (one filter), "a
// single-channel image" (one channel).
func (r *enReader) wordCounts(i int, a *enAnchor) {
	t := r.toks[i]
	if (t.raw == "x" || t.raw == "X") && t.idx >= 2 && t.idx <= 64 && a != nil && a.tok < i && a.repeat <= 1 {
		a.repeat, a.at["repeat"] = t.idx, i
	}
	single := i > 0 && (strings.EqualFold(r.toks[i-1].raw, "single") || i > 1 && r.toks[i-1].kind == 's' && strings.EqualFold(r.toks[i-2].raw, "single"))
	switch {
	case !single || t.plural:
	case t.lem == "filter" && a != nil:
		a.counts = append(a.counts, enCount{v: 1, class: "filter", role: "out", tok: i})
	case t.lem == "channel" && r.g.channels == 0:
		r.g.channels, r.g.chanTok = 1, i
	}
}

// wordFull reads Goodfellow's "full" convolution ("a 'full' convolution",
// "full padding", "padding='full'"): k-1 zeros on each side, so every
// input pixel is visited k times in each direction. "fully connected"
// is another word.
func (r *enReader) wordFull(i int, a *enAnchor) {
	if !strings.EqualFold(r.toks[i].raw, "full") {
		return
	}
	named := r.lem(i+1) == "conv" || r.lem(i+1) == "pad" || r.lem(i-1) == "pad" || (r.lem(i-1) == "=" || r.lem(i-1) == ":") && r.lem(i-2) == "pad"
	if m := r.main(a); m != nil && named && (m.kind == "conv" || m.kind == "layer") {
		m.padMode, m.at["pad"] = "full", i
	}
}

// wordSame reads "same": same padding ("same padding", "padding same",
// "'same'"), or the size kept ("the same size").
func (r *enReader) wordSame(i int, a *enAnchor) {
	t := r.toks[i]
	folded := t.end-t.off > len(t.raw) // "same padding" folded into one token
	if folded || r.lem(i+1) == "pad" || r.lem(i-1) == "pad" || enKinds[r.lem(i+1)] || (r.lem(i-1) == "is" || r.lem(i-1) == "=" || r.lem(i-1) == ":") && r.lem(i-2) == "pad" || r.lem(i+1) == "" && !r.sameSize(i+1) || enStop[r.lem(i+1)] {
		if m := r.main(a); m != nil && !(r.lem(i+1) == "size" || r.lem(i-1) == "the" && r.lem(i+1) == "size") {
			m.padMode, m.at["pad"] = "same", i
		}
	}
	if r.lem(i+1) == "size" || r.lem(i+1) == "outsize" || r.lem(i+1) == "insize" || r.lem(i+1) == "output" {
		r.g.keep = true
	}
}

// sameSize reports whether the token at j is a size or a number: "same
// 300x300 rgb input" is the input said again, not padding.
func (r *enReader) sameSize(j int) bool {
	return j < len(r.toks) && (r.toks[j].kind == 's' || r.toks[j].kind == 'n')
}

// wordBias reads "no bias", "bias=False", "without bias", "no conv
// biases", "all without bias".
func (r *enReader) wordBias(i int, a *enAnchor) {
	all := r.lem(i-2) == "no" && enKinds[r.lem(i-1)] // "no conv biases"
	if r.lem(i) == "nobias" && r.countOfBias(i) || r.lem(i) == "bias" && r.lem(i-1) == "no" && r.countOfBias(i-1) {
		return // "MACs (no bias)": the count's convention (english_count_bias.go)
	}
	if r.lem(i) == "nobias" {
		r.g.noBias = true
		if m := r.biasOwner(r.main(a)); m != nil {
			m.noBias, m.at["bias"] = true, i
		}
		all = all || r.saidOfAll(i) || r.biasOfEvery(i) // "all without bias", "no bias anywhere", "no bias on the convs"
	} else if r.lem(i+1) == "=" && r.lem(i+2) == "no" || r.lem(i-1) == "no" {
		if m := r.biasOwner(r.main(a)); m != nil {
			m.noBias = true
		}
	}
	if all {
		r.g.noBias = true
		for _, b := range r.anchors {
			b.noBias = true
		}
	}
}

// saidOfAll reports whether the word at i is said of every layer: "all
// without bias", "every layer with no bias", "no bias anywhere".
func (r *enReader) saidOfAll(i int) bool {
	for j := max(i-3, 0); j < min(i+4, len(r.toks)); j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "all", "every", "everywhere", "anywhere", "throughout", "none":
			return true
		}
	}
	return false
}

// afterInput reports whether the number at i follows an input size closely
// ("64x64 with 3 channels", "a 32x32 image of 3 channels").
func (r *enReader) afterInput(i int) bool {
	for _, f := range r.g.inputs {
		if f.tok < i && i-f.tok <= 4 && len(f.dims) <= 2 {
			for j := f.tok + 1; j < i; j++ {
				if enStop[r.lem(j)] && r.lem(j) != "with" && r.lem(j) != "and" || r.isNum(j) {
					return false
				}
			}
			return true
		}
	}
	return false
}

func (r *enReader) sizeRole(i int, dims []int, role string) {
	f := enSizeFact{dims: dims, tok: i, role: role}
	if role == "out" {
		r.g.outs = append(r.g.outs, f)
	} else {
		r.g.inputs = append(r.g.inputs, f)
	}
}

func (r *enReader) bareNum(i int, a *enAnchor) {
	if r.layersMeant(i) {
		t := r.toks[i]
		r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off), Why: "it counts the layers named (\"the two\"), not a size"})
		return
	}
	if a == nil {
		a = r.owner(i)
	}
	if a == nil {
		return // the front door names the numbers no reading used
	}
	if r.toks[i].kind == 's' {
		a.bareSizes = append(a.bareSizes, i)
	} else {
		a.bare = append(a.bare, i)
	}
}

// layersMeant reports whether the bare number at i counts the layers named
// ("total params for the two", "both 2 layers"): after "the", "these" or
// "both", with nothing after it but a layer word or the end.
func (r *enReader) layersMeant(i int) bool {
	t := r.toks[i]
	if t.kind != 'n' || t.num < 2 || t.num > 9 || i == 0 {
		return false
	}
	switch strings.ToLower(r.toks[i-1].raw) {
	case "the", "these", "those", "both", "all":
	default:
		return false
	}
	n := r.lem(i + 1)
	return n == "" || n == "?" || n == "." || n == "!" || n == "layer" || enKinds[n] && r.toks[i+1].plural
}

// size files a size (or a number next to an input word): a kernel, an input,
// or an output size.
func (r *enReader) size(i int, a, m *enAnchor, plem, prole, nlem, nrole string, rgb int) {
	t := r.toks[i]
	dims := t.dims
	if t.kind == 'n' {
		dims = []int{enClamp(t.num)}
	}
	if r.leastOutput(i) { // english_least_output.go: "at least a 1x1 output"
		return
	}
	if l := r.lem(i + 1); (l == "to" || l == "->") && r.isNum(i+2) {
		prole = "in"
	}
	kernelish := map[string]bool{"filter": true, "kernel": true, "ksize": true, "window": true, "conv": true, "pool": true, "deconv": true, "depthwise": true, "separable": true, "pointwise": true, "rf": true}
	inputish := map[string]bool{"image": true, "input": true, "insize": true, "volume": true, "pixel": true, "fmap": true, "fmapsize": true, "channel": true, "length": true}
	setKernel := func() {
		if m != nil {
			m.kernel, m.at["kernel"] = dims, i
			if t.slash > 0 {
				m.stride, m.at["stride"] = []int{t.slash}, i
			}
		}
	}
	strongIn := map[string]bool{"image": true, "input": true, "insize": true, "volume": true, "pixel": true, "frame": true}
	switch {
	case (plem == "layer" || enKinds[plem]) && r.g.unknown == "input" && r.saidOfOutput(i):
		// "the output of a conv layer is 26x26"
		r.g.outs = append(r.g.outs, enSizeFact{dims: dims, tok: i, role: "out"})
	case strongIn[nlem] && !r.outputsA(i, plem) || strongIn[plem] && plem != "pixel" && prole == "" && !r.kernelAfterColon(i): // english_stem_words.go
		f := enSizeFact{dims: dims, tok: i, role: "in", rgb: rgb}
		r.g.inputs = append(r.g.inputs, f)
	case kernelish[plem] && !(plem == "filter" && nlem == "") && !(prole == "in" && r.lem(i-1) == "from") || plem == "fmap" && nlem == "kernel":
		setKernel()
	case plem == "channel" && r.kernelAfterChannels(i, m):
		setKernel() // "conv 128 -> 256 channels 3x3"
	case kernelish[nlem]:
		setKernel()
	case prole == "out" && plem == "" && r.kernelAhead(i): // english_role_pairs.go
		setKernel() // "makes a 3x3 stride 2 conv": the conv's kernel
	case plem == "outsize" || plem == "output" || prole == "out" && !inputish[nlem] || nrole == "out" && (nlem == "" || nlem == "of") || nlem == "outsize":
		r.g.outs = append(r.g.outs, enSizeFact{dims: dims, tok: i, role: "out"})
	case plem == "fmap" && r.mapsOf(i) && r.mapsKernel(i):
		setKernel() // "12 maps of 3x3 on an 18x18x10 input": each map's kernel
		r.noteOnce(fmt.Sprintf("%s read as the kernel of each map (no other kernel size is said, and it is smaller than the input)", t.raw))
	case plem == "fmap" && r.mapsOf(i):
		// "6 maps of 28x28": the size of the maps a layer makes.
		r.g.outs = append(r.g.outs, enSizeFact{dims: dims, tok: i, role: "out"})
	case inputish[nlem] || inputish[plem] || rgb != 0 || nlem == "frame" || plem == "flatten":
		f := enSizeFact{dims: dims, tok: i, role: "in", rgb: rgb}
		if nlem == "channel" && len(dims) >= 1 && t.kind == 'n' {
			// "256 channels" is a count, handled by the caller.
			return
		}
		r.g.inputs = append(r.g.inputs, f)
	case prole == "in":
		r.g.inputs = append(r.g.inputs, enSizeFact{dims: dims, tok: i, role: "in", rgb: rgb})
	case plem == "filter":
		setKernel()
	default:
		r.bareNum(i, a)
	}
}

// kernelAfterChannels reports whether the size at i, after "N channels",
// is the kernel of the one conv named: "conv 128 -> 256 channels 3x3".
// With another layer or another size said it may be a map size ("64
// channels 7x7, then flatten"), left to the other readings.
func (r *enReader) kernelAfterChannels(i int, m *enAnchor) bool {
	if m == nil || m.kind != "conv" || len(m.kernel) > 0 || len(r.anchors) != 1 || !r.isNum(i-2) || !kernelSized(r.toks[i].dims) || r.toks[i].dims[0] > 11 {
		return false
	}
	for j, t := range r.toks {
		if j != i && t.kind == 's' {
			return false
		}
	}
	return true
}

// outputsA reports whether the size at i is what a layer outputs ("outputs
// a 32 × 32 × 16 tensor"), not the input of "the output of an 11x11 image".
func (r *enReader) outputsA(i int, plem string) bool {
	j := i - 1
	if r.lem(j) == "the" {
		j--
	}
	return plem == "output" && r.lem(j) != "of"
}

// mapsOf reports whether the size at i follows "N maps of" ("6 feature
// maps of 28x28", "16 maps of size 10x10"): the size of the maps a layer
// makes, when another size is said as the input.
func (r *enReader) mapsOf(i int) bool {
	j := i - 1
	for j > 0 && (r.lem(j) == "size" || r.lem(j) == "is") {
		j--
	}
	if r.lem(j) != "of" || r.lem(j-1) != "fmap" || r.toks[j-1].kind != 'w' || r.lem(j-2) == "input" {
		return false
	}
	if !r.isNum(j - 2) {
		return false
	}
	if len(r.g.inputs) > 0 || r.lem(j-3) != "input" && r.lem(j-3) != "in" && r.lem(i+1) != "input" && r.lem(i+1) != "image" {
		return true // "16 feature maps of 10x10 computed from 5x5 kernels"
	}
	inputWord := func(l string) bool { return l == "input" || l == "image" || l == "insize" }
	for k := i + 1; k < len(r.toks); k++ {
		if r.toks[k].kind == 's' && (r.lem(k-1) == "on" || inputWord(r.lem(k-1)) || inputWord(r.lem(k+1)) || inputWord(r.lem(k+2))) {
			return true // "on 32x32", "a 28x28 grayscale input"
		}
	}
	return false
}

// mapsKernel reports whether the size at i, after "N maps of", is their
// kernel rather than their size: no kernel is said elsewhere, it is a
// kernel's size, and an input larger than it is said after it ("12 maps
// of 3x3 on an 18x18x10 input"; but "6 maps of 28x28" is an output).
func (r *enReader) mapsKernel(i int) bool {
	d := r.toks[i].dims
	if len(d) == 0 || !kernelSized(d) || d[0] > 11 {
		return false
	}
	for j, t := range r.toks {
		if l := t.lem; t.kind == 'w' && (l == "kernel" || l == "filter" || l == "ksize" || l == "window" || l == "rf") {
			return false
		}
		if j > i && t.kind == 's' && len(t.dims) >= 2 && t.dims[0] > d[0] && (r.lem(j-1) == "on" || r.lem(j+1) == "input" || r.lem(j+1) == "image" || r.lem(j+2) == "input") {
			return true
		}
	}
	return false
}

// saidOfOutput reports whether the phrase before token i, back to a
// comma or a full stop, speaks of an output: "the output of a conv layer
// is 26x26".
func (r *enReader) saidOfOutput(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 8; j-- {
		switch l := r.lem(j); {
		case l == "output" || l == "outsize":
			return true
		case enStop[l] && l != "with" || r.isNum(j):
			return false
		}
	}
	return false
}

// connectionsAsked tells the two counts a question about connections may
// want: what one neuron reads ("how many inputs does each neuron connect
// to?") or every link of the layer ("how many connections does LeNet's C1
// have?", "total connections"), which LeNet-5's paper counts. One neuron
// is the reading unless the question says total, or sets the connections
// against the parameters, and names no single unit.
func (r *enReader) connectionsAsked() string {
	one, total := false, false
	for i, t := range r.toks {
		switch strings.ToLower(t.raw) {
		case "each", "every", "per", "single", "one":
			one = true
		case "a", "an", "1":
			one = one || r.lem(i+1) == "neuron" || r.lem(i+1) == "unit" || r.lem(i+2) == "neuron"
		case "total", "altogether", "overall", "have", "has":
			total = true
		}
		// "params vs connections": LeNet's comparison of the whole layer's.
		total = total || t.lem == "param" && !r.isNum(i-1)
	}
	if total && !one {
		return "total connections"
	}
	return "connections"
}

// asked reads what the question asks for, and whether it asks for a
// setting (an inverse question).
func (r *enReader) asked() {
	connect, gives := false, false
	for i, t := range r.toks {
		connect = connect || t.kind == 'w' && t.lem == "connect"
		// "where do the extra ones come from" asks why, not what comes out
		gives = gives || t.kind == 'w' && (t.lem == "give" || t.raw == "comes" || t.raw == "come") && r.lem(i+1) != "from"
	}
	for i, t := range r.toks {
		if t.kind != 'w' {
			continue
		}
		if q := r.askedWord(i, connect); q != "" {
			r.addAsked(q)
		}
		if (t.lem == "what" || t.lem == "how" || t.lem == "find") && !strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "if") {
			r.askedUnknown(i)
		}
		if r.g.unknown == "" && enNeeded[strings.ToLower(t.raw)] {
			r.askedNeeded(i)
		}
		r.askedBare(i)
		// "input was?", "padding for 'same' ... ?": a setting asked bare.
		if l := r.lem(i + 1); r.g.unknown == "" && (t.lem == "input" || t.lem == "insize") && l == "is" && r.lem(i+2) == "?" {
			r.g.unknown, r.g.unkTok = "input", i
		}
	}
	if r.g.unknown == "" && r.lem(0) == "pad" && !r.isNum(1) && r.lem(len(r.toks)-1) == "?" {
		r.g.unknown, r.g.unkTok = "pad", 0
	}
	// "... want a 'same' convolution. padding?": the setting asked on its own.
	if n := len(r.toks); r.g.unknown == "" && n > 2 && r.lem(n-2) == "pad" && r.lem(n-1) == "?" && (r.lem(n-3) == "." || r.lem(n-3) == ";") {
		r.g.unknown, r.g.unkTok = "pad", n-2
	}
	// "how wide a patch of the input does one unit see?": the receptive
	// field.
	sees, patch, how := false, false, false
	for _, t := range r.toks {
		w := strings.ToLower(t.raw)
		sees = sees || w == "see" || w == "sees" || w == "covers" || w == "cover"
		patch = patch || t.lem == "window"
		how = how || t.lem == "how" || t.lem == "what"
	}
	if sees && patch && how {
		r.addAsked("receptive field")
	}
	if enLooksAtRE.MatchString(r.src) {
		r.addAsked("connections") // "how many inputs does each neuron look at"
	}
	// "what does pytorch give?", "what size comes out?", "on 64 -> ?":
	// the output.
	for i := range r.toks {
		gives = gives || r.lem(i) == "->" && r.lem(i+1) == "?" && r.toks[i+1].off-r.toks[i].end <= 1
	}
	if gives && len(r.g.asked) == 0 || len(r.g.asked) == 0 && enAfterFlattenRE.MatchString(r.src) {
		r.addAsked("output")
	}
	r.fieldAsked()     // english_field_asked.go
	r.stateDictAsked() // english_state_dict.go
}

// enAfterFlattenRE asks how many values come out of a flatten: "how many
// features after flatten?", "number of values after flattening", "how
// long is the flattened vector?".
var enAfterFlattenRE = regexp.MustCompile(`(?i)\b(?:features|values|elements|units|neurons|numbers|inputs)\s+(?:\w+\s+){0,4}?(?:after|out\s+of|from)\s+(?:the\s+)?flatten|\bhow\s+(?:long|big|large)\s+(?:is|will\s+be)\s+the\s+flatten|\blength\s+of\s+the\s+flatten`)

// enLooksAtRE asks how many inputs one unit reads: "how many inputs does
// each conv2 neuron look at", "how many values does one unit see", "each
// neuron connects to how many weights".
var enLooksAtRE = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:inputs?|input\s+values|values|numbers)\s+(?:does|do|will|would)\s+(?:each|one|a|every|any)\s+(?:\w+\s+){0,2}(?:neuron|unit|output)s?\s+(?:look|see|read|connect)|\b(?:each|one|a|every|any|single)\s+(?:\w+\s+){0,3}(?:neuron|unit)s?\s+(?:\w+\s+){0,3}(?:looks?\s+at|sees?|reads?|(?:connects?|(?:is|are)\s+(?:connected|linked|wired)|links?)\s+to)\s+how\s+many\b`)

// enNeeded ask for the setting named before them: "filter size needed".
var enNeeded = map[string]bool{"needed": true, "required": true, "necessary": true}

// askedNeeded reads "filter size needed for 227 -> 55", "the padding
// required to keep 32x32": the setting just before the word at i is the
// unknown.
func (r *enReader) askedNeeded(i int) {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		u := map[string]string{"pad": "pad", "stride": "stride", "ksize": "kernel", "dilation": "dilation", "kernel": "kernel"}[r.lem(j)]
		if u == "kernel" && r.toks[j].plural {
			u = "out"
		}
		if u != "" {
			r.g.unknown, r.g.unkTok = u, j
			return
		}
	}
}

// addAsked adds q to what is asked, once.
func (r *enReader) addAsked(q string) {
	for _, x := range r.g.asked {
		if x == q {
			return
		}
	}
	r.g.asked = append(r.g.asked, q)
}

// askedWord is what the word at i asks for ("parameters", "how many
// neurons", "output size"), or "" when it asks nothing there: "64
// parameters" states a count, "output 112" a size.
func (r *enReader) askedWord(i int, connect bool) string {
	q := r.questioned(i)
	switch r.toks[i].lem {
	case "param", "learnable":
		if !r.isNum(i-1) && !(r.isNum(i-2) && (r.lem(i-1) == "learnable" || r.lem(i-1) == "weight")) || r.ownFigure(i-1) || r.lem(i-2) == "->" {
			return "params"
		}
	case "weight":
		if r.weightsQualifier(i, connect) { // english_weights_qualifier.go
			return ""
		}
		if strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "per") && (r.lem(i+2) == "neuron" || r.lem(i+2) == "output") || r.oneNeuronAfter(i) || r.connectionsGloss(i) {
			return "connections" // "weights per neuron", "weights does one such neuron have": what one neuron reads
		}
		if !r.isNum(i-1) && r.lem(i+1) != "sharing" && !strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "only") {
			return "weights" // but "(weights only, bias apart)" qualifies what is asked
		}
	case "bias":
		if (q || r.lem(i-1) == "and" || r.lem(i+1) == "?") && !r.countingBias(i) {
			return "biases"
		}
	case "connect":
		return r.connectionsAsked()
	case "neuron":
		if q && !connect {
			return "neurons"
		}
	case "outsize":
		if !r.isNum(i+1) && !r.isNum(i+2) && !r.neuronPlace(i) {
			return "output"
		}
	case "out":
		if r.lem(i+1) == "?" && (!r.isNum(i-1) || r.lem(i-2) == "on") {
			return "output" // "on 100x100 out?"
		}
	case "output", "size":
		return r.askedOutput(i, q)
	case "macs":
		if w := strings.ToLower(r.toks[i].raw); w == "multiply" && i > 0 && enDoers[strings.ToLower(r.toks[i-1].raw)] {
			return "" // "whether I multiply the strides": the asker's working
		}
		return "macs"
	case "flops":
		if !strings.EqualFold(r.toks[i].raw, "operation") || r.questioned(i) {
			return "flops" // "a convolutional operation" names the layer
		}
	case "rf":
		// "rf of 7x7 conv s2 then ..." asks; "a receptive field of 7x7" gives it.
		count := r.toks[min(i+1, len(r.toks)-1)].kind == 'n' && r.toks[min(i+2, len(r.toks)-1)].kind == 's' // "rf five 3x3 layers"
		if (!r.isNum(i+1) || count) && !(r.toks[min(i+2, len(r.toks)-1)].kind == 's' && (r.lem(i+1) == "of" || r.lem(i+1) == "is") && !enKinds[r.lem(i+3)] && !enAttr[r.lem(i+3)] && !enShortAt(r.toks, i+3)) {
			return "receptive field"
		}
	case "memory":
		if enMemoryAsCountRE.MatchString(r.src[r.toks[i].off:]) {
			return "neurons" // CS231n's "memory (number of activations)": a count, not bytes
		}
		return "memory"
	}
	return ""
}

// enMemoryAsCountRE says the memory asked is a count of values, as
// CS231n's VGG table counts it: "memory (number of activations)", "memory,
// i.e. the activations".
var enMemoryAsCountRE = regexp.MustCompile(`(?i)^memory\s*(?:\(\s*|,\s*i\.?e\.?,?\s*|:\s*)(?:the\s+)?(?:number\s+of\s+|#\s*)?(?:activations|values|neurons|floats)\b`)

// enDoers are the words before "multiply" as a verb of the asker's own
// working ("I multiply the strides", "do you multiply"), not a count asked.
var enDoers = map[string]bool{"i": true, "we": true, "you": true, "to": true, "should": true, "do": true, "then": true}

// questioned reports whether a question word comes just before the word
// at i, over articles and words that qualify it: "how many neurons",
// "what is the spatial size", "number of parameters", "whats h/w".
func (r *enReader) questioned(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		switch r.lem(j) {
		case "many", "what", "number":
			return true
		case "the", "is", "of", "size", "output", "out", "_", "learnable":
			continue
		case "":
			if r.toks[j].kind == 'w' {
				continue // "final", "total"
			}
		}
		return false
	}
	return false
}

// countingBias reports whether the bias at i is said of how to count
// ("not counting the bias?", "including the bias"), not asked.
func (r *enReader) countingBias(i int) bool {
	for j := max(i-3, 0); j < i; j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "counting", "count", "counted", "including", "incl", "excluding", "ignoring", "ignore", "without", "plus":
			return true
		}
	}
	return false
}

// oneNeuronAfter reports whether a single neuron is named just after the
// word at i: "how many weights does one such neuron have".
func (r *enReader) oneNeuronAfter(i int) bool {
	one := false
	for j := i + 1; j < len(r.toks) && j-i <= 5; j++ { // "weights feed into one output unit"
		switch w := strings.ToLower(r.toks[j].raw); {
		case w == "one" || w == "each" || w == "single" || w == "such":
			one = true
		case r.lem(j) == "neuron":
			return one && !r.toks[j].plural
		case enStop[r.lem(j)]:
			return false
		}
	}
	return false
}

// ownFigure reports whether the number at i is the asker's own result
// ("I get 73856 params"): the quantity it counts is asked, to compare.
func (r *enReader) ownFigure(i int) bool {
	if !r.isNum(i) || i < 1 {
		return false
	}
	switch strings.ToLower(r.toks[i-1].raw) {
	case "get", "got", "getting", "computed", "calculated", "think":
		return true
	}
	return false
}

// askedOutput reads "output" or "size" at i as asking for the output,
// unless a number said with it makes it a given.
func (r *enReader) askedOutput(i int, q bool) string {
	if r.isNum(i+1) || r.isNum(i+2) && r.lem(i+1) != "on" || r.isNum(i-1) {
		return "" // "output 112", "output of 28"; but "output on 28x28" asks
	}
	if r.neuronPlace(i) { // english_one_unit.go: "each neuron in the output volume"
		return ""
	}
	if !(q || r.lem(i+1) == "?" || r.lem(i+1) == "" || r.lem(i+1) == "of" || r.lem(i+1) == "and" || r.lem(i-1) == "and" || r.lem(i-1) == "the" || r.lem(i+1) == "after") {
		return ""
	}
	final := r.lem(i-1) == "size" || strings.EqualFold(r.toks[max(i-1, 0)].raw, "final") // "final spatial size and ..."
	if r.toks[i].lem == "output" || q || final || r.lem(i+1) == "?" || r.lem(i+1) == "after" || i == len(r.toks)-1 {
		return "output" // "output?", "what size", "final shape?", "... the final spatial size"
	}
	return ""
}

// askedUnknown reads an inverse question after the question word at i:
// "what padding", "how much padding", "which stride", "what kernel size",
// "how many filters ... for 10,000 parameters".
func (r *enReader) askedUnknown(i int) {
	reach := 4
	if r.lem(i+1) == "many" {
		reach = 8 // "how many 2x2 stride-2 max pooling layers"
	}
	for j := i + 1; j < len(r.toks) && j-i <= reach; j++ {
		l := r.lem(j)
		u := map[string]string{"pad": "pad", "stride": "stride", "ksize": "kernel", "dilation": "dilation", "insize": "input", "filter": "out", "kernel": "kernel", "neuron": "out", "fmap": "out"}[l]
		if l == "input" && j == i+1 && (r.lem(j+1) == "give" || r.lem(j+1) == "size") {
			u = "input" // "what input gives a 64x64 output?"
		}
		if j == i+1 && r.toks[j].kind == 'w' && len(r.toks[j].raw) == 1 {
			u = map[string]string{"p": "pad", "s": "stride", "k": "kernel"}[strings.ToLower(r.toks[j].raw)] // "what p do i need"
		}
		if l == "size" && (r.lem(j+1) == "kernel" || r.lem(j+1) == "filter" || r.lem(j+1) == "window") {
			u = "kernel"
		}
		if l == "size" && (r.lem(j+1) == "input" || r.lem(j+1) == "image") {
			u = "input"
		}
		if (l == "kernel" && r.toks[j].plural) || (l == "filter" && r.lem(j+1) != "size") {
			u = "out"
		}
		if (u == "stride" || u == "pad" || u == "dilation") && r.toks[j+min(1, len(r.toks)-1-j)].kind == 'n' && r.lem(i+1) == "many" {
			continue // "how many 2x2 stride-2 pools": the stride is given
		}
		if (l == "layer" || enKinds[l]) && r.toks[j].plural && r.lem(i+1) == "many" && r.needs() {
			u = "layers" // "how many pooling layers are needed to ..."
		}
		if u == "kernel" && (strings.EqualFold(r.toks[j-1].raw, "effective") || r.lem(j-1) == "size" && strings.EqualFold(r.toks[max(j-2, 0)].raw, "effective")) {
			r.addAsked("receptive field") // "the effective kernel size": a dilated kernel's span
			return
		}
		if u == "pad" && (r.lem(j-1) == "after" || r.lem(j-1) == "with") {
			return // "what size after padding?" asks the size
		}
		if u != "" {
			if r.g.unknown == "" {
				r.g.unknown, r.g.unkTok = u, j
				// "what stride and padding", "what padding and stride"
				if l2 := r.lem(j + 2); r.lem(j+1) == "and" && (u == "stride" && l2 == "pad" || u == "pad" && l2 == "stride") {
					r.g.unknown, r.g.unknown2 = "stride", "pad"
				}
			}
			return
		}
		if r.toks[j].kind == 'n' && enSettingLems[r.lem(j-1)] && r.lem(i+1) == "many" {
			continue
		}
		if r.toks[j].kind == 'n' || r.toks[j].kind == 's' && r.lem(i+1) != "many" || enStop[l] || enQuantities[l] || l == "outsize" || l == "output" {
			return // "how many weights per kernel" asks the weights; "for a 5x5 kernel" gives it; "what's the output for W=10" the output
		}
	}
}

// needs reports whether the question says something is needed: "are
// needed", "do I need", "required".
func (r *enReader) needs() bool {
	for _, t := range r.toks {
		switch strings.ToLower(t.raw) {
		case "need", "needed", "required", "necessary":
			return true
		}
	}
	return false
}

// askedBare reads a setting asked with a bare question mark: "same pad for
// k7 s1 is p=?", "padding = ?", "stride is?".
func (r *enReader) askedBare(i int) {
	u := map[string]string{"pad": "pad", "stride": "stride", "ksize": "kernel", "dilation": "dilation"}[r.lem(i)]
	j := i + 1
	for r.lem(j) == "=" || r.lem(j) == "is" || r.lem(j) == ":" {
		j++
	}
	if u != "" && j > i+1 && r.lem(j) == "?" && r.g.unknown == "" {
		r.g.unknown, r.g.unkTok = u, i
	}
}

// enQuantities are the quantities a question asks for, which end the look
// for an inverse question's unknown.
var enQuantities = map[string]bool{"weight": true, "param": true, "bias": true, "macs": true, "flops": true, "connect": true, "memory": true, "rf": true}

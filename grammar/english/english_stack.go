package english

import (
	"fmt"
	"slices"
	"strings"
)

// Stacks written short, as students list them: "conv3 conv3 pool2" (a
// 3x3 conv, a 2x2 pool), "rf for conv3 s1, conv3 s2 (all 3x3)", and
// settings said once of every layer of a kind ("convs stride 1, pools 2x2
// stride 2").

// sharedMention reports whether the kind word at i speaks of every layer
// of its kind mentioned before it ("(convs stride 1, pools 2x2 stride
// 2)", "all 3x3 convs") rather than of a new layer: a plural with no count
// before it, after a mention of the same kind.
func (r *enReader) sharedMention(i int, last *enAnchor) bool {
	if !r.pluralKind(i) {
		return false // counts are checked when the settings are shared
	}
	for _, a := range r.anchors {
		if a.kind == r.toks[i].lem {
			return true
		}
	}
	return false
}

// pluralKind reports whether the kind word at i is a plural with no count
// before it: "convs", "all 3x3 convs", "pools are 2x2"; not "two convs".
func (r *enReader) pluralKind(i int) bool {
	t := r.toks[i]
	if !t.plural || t.idx > 0 || t.lem != "conv" && t.lem != "pool" {
		return false
	}
	j := i - 1
	for j >= 0 && (r.toks[j].kind == 's' || enFurther[strings.ToLower(r.toks[j].raw)]) {
		j--
	}
	return j < 0 || r.toks[j].kind != 'n' // "two (more) 3x3 convs": a count of layers
}

// allOfKind reports whether the layer word at i is said of all its kind:
// "all conv filters 3x3", "every conv layer", "all the pool layers".
func (r *enReader) allOfKind(i int) bool {
	t := r.toks[i]
	if t.idx > 0 || t.lem != "conv" && t.lem != "pool" {
		return false
	}
	j := i - 1
	if j > 0 && strings.EqualFold(r.toks[j].raw, "the") {
		j--
	}
	if j < 0 {
		return false
	}
	every := strings.EqualFold(r.toks[j].raw, "every") || strings.EqualFold(r.toks[j].raw, "each")
	if !strings.EqualFold(r.toks[j].raw, "all") && !every {
		return false
	}
	if n := r.lem(i + 1); n == "filter" || n == "layer" || n == "kernel" {
		return r.toks[i+1].plural || every
	}
	// "every conv is ks=3, stride=2, padding=1: conv(1,6), ...": a
	// setting said of each, before the layers it is said of.
	return every && i+1 < len(r.toks) && enEverySays[strings.ToLower(r.toks[i+1].raw)]
}

// enEverySays are the words after "every conv" that say its settings.
var enEverySays = map[string]bool{"is": true, "has": true, "uses": true, "here": true, ":": true, "=": true}

// sharedSentence reports whether a, said after the shared mention prev
// in the same sentence, with a kernel and no count, is said of every
// layer of its kind: later mentions of that kind say no kernel.
func (r *enReader) sharedSentence(a, prev *enAnchor) bool {
	if !prev.shared || !r.allOfKind(prev.tok) || a.kind == prev.kind || a.kind != "pool" && a.kind != "conv" ||
		len(a.kernel) == 0 || len(a.counts)+len(a.args)+len(a.bare) > 0 || r.toks[a.tok].idx > 0 {
		return false
	}
	for j := prev.tok; j < a.tok; j++ {
		if l := r.lem(j); l == "." || l == ";" || l == "?" {
			return false
		}
	}
	later := 0
	for _, b := range r.anchors {
		if b.kind == a.kind && b.tok > a.tok && len(b.kernel) == 0 {
			later++
		}
	}
	return later > 0
}

// shareSettings gives the settings said of every layer of a kind to each
// layer of it that does not say its own, and forgets the shared mention;
// a size after "all" ("(all 3x3)") is every conv's kernel.
func (r *enReader) shareSettings() {
	for i, t := range r.toks {
		if (strings.EqualFold(t.raw, "all") || strings.EqualFold(t.raw, "every")) && i+1 < len(r.toks) && r.toks[i+1].kind == 's' && !r.toks[i+1].used && !enKinds[r.lem(i+2)] {
			r.shareKernel(i + 1)
		}
	}
	for k, a := range r.anchors {
		if len(a.counts)+len(a.args)+len(a.bare) > 0 {
			a.shared = false // "5x5 convs with 32 filters": layers of their own
			continue
		}
		// "all convs are 3x3 stride 1, pools are 2x2: conv - conv - pool":
		// a plural said before the layers it is said of.
		if (r.pluralKind(a.tok) || r.allOfKind(a.tok)) && r.toks[a.tok].lem == a.kind && r.singles(a.kind) > 0 {
			a.shared = true
		}
		// "All conv filters 3x3 stride 1 pad 1, pool 2x2 stride 2. Input
		// ... Conv 32, Pool, ...": a layer said with settings in the
		// sentence of a shared one, whose kind is named bare later, is
		// every one too.
		if k > 0 && r.sharedSentence(a, r.anchors[k-1]) {
			a.shared = true
		}
		if a.shared && len(a.kernel) == 0 && len(a.bareSizes) == 1 && r.allOfKind(a.tok) {
			a.kernel = r.toks[a.bareSizes[0]].dims // "all pool layers are 2x2"
			r.toks[a.bareSizes[0]].used = true
		}
		// "(stride 1 convs, pool stride 2)": a layer named again in
		// brackets, with settings but no size of its own, is every one.
		if k > 0 && r.inBrackets(a.tok) && len(a.kernel)+len(a.bare)+len(a.bareSizes)+len(a.counts) == 0 && r.shortSize(a) == 0 && r.firstOf(a.kind) != a {
			a.shared = true
		}
	}
	var kept []*enAnchor
	for _, s := range r.anchors {
		if !s.shared {
			kept = append(kept, s)
			continue
		}
		for _, a := range r.anchors {
			if a.shared || a.kind != s.kind || a.ctx {
				continue
			}
			a.kernel = orSaid(a.kernel, s.kernel)
			a.stride = orSaid(a.stride, s.stride)
			a.pad = orSaid(a.pad, s.pad)
			a.dil = orSaid(a.dil, s.dil)
			if a.padMode == "" {
				a.padMode = s.padMode
			}
			a.noBias = a.noBias || s.noBias
		}
	}
	if len(kept) > 0 {
		r.anchors = kept
	}
}

// shareKernel makes the size at i the kernel of every conv that has none.
func (r *enReader) shareKernel(i int) {
	n := 0
	for _, a := range r.anchors {
		if (a.kind == "conv" || a.kind == "deconv") && len(a.kernel) == 0 {
			a.kernel, a.at["kernel"] = r.toks[i].dims, i
			n++
		}
	}
	if n == 0 {
		return
	}
	r.toks[i].used = true
	for _, a := range r.anchors {
		a.bareSizes = slices.DeleteFunc(a.bareSizes, func(k int) bool { return k == i })
	}
}

// orSaid is v when it was said, else the shared value.
func orSaid(v, shared []int) []int {
	if len(v) > 0 {
		return v
	}
	return shared
}

// shortSize is the size a layer written short gives: conv3 is a 3x3
// conv (an odd kernel from 3), pool2 a 2x2 pool; 0 when the word carries
// no such number (conv1 and fc7 are names).
func (r *enReader) shortSize(a *enAnchor) int {
	n := r.toks[a.tok].idx
	if n == 0 || r.toks[a.tok].named || r.stagedNames() || r.nameWithKernel(a) || !enShortAt(r.toks, a.tok+1) && r.shortN < 2 && !enPoolOpNamed(r.toks[a.tok].raw) {
		return 0 // "VGG's conv5" alone is a name
	}
	switch a.kind {
	case "conv":
		if n >= 3 && n <= 11 && n%2 == 1 {
			return n
		}
	case "pool":
		if n >= 2 && n <= 8 {
			return n
		}
	}
	return 0
}

// shortNames counts the layers written short (conv3, pool2) in the
// question: a stack of them ("conv3 conv3 pool2") reads as sizes.
// findAnchors keeps the count in r.shortN.
func (r *enReader) shortNames() int {
	n := 0
	for _, t := range r.toks {
		if t.idx > 0 && (t.lem == "conv" || t.lem == "pool") {
			n++
		}
	}
	return n
}

// shortKernel is a layer's kernel read from its short name, noted.
func (r *enReader) shortKernel(a *enAnchor) []int {
	n := r.shortSize(a)
	if n == 0 {
		return nil
	}
	t := r.toks[a.tok]
	r.noteOnce(fmt.Sprintf("%s read as a %dx%d %s", r.src[t.off:t.end], n, n, map[string]string{"conv": "convolution", "pool": "pooling window"}[a.kind]))
	return []int{n}
}

// noteOnce adds a note unless it was made already.
func (r *enReader) noteOnce(note string) {
	if !slices.Contains(r.notes, note) {
		r.notes = append(r.notes, note)
	}
}

// inBrackets reports whether token i is inside round brackets.
func (r *enReader) inBrackets(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch r.toks[j].raw {
		case "(":
			return true
		case ")":
			return false
		}
	}
	return false
}

// singles is the number of mentions of a kind of layer that name one
// layer (not "convs").
func (r *enReader) singles(kind string) int {
	n := 0
	for _, a := range r.anchors {
		if a.kind == kind && !a.ctx && !r.pluralKind(a.tok) {
			n++
		}
	}
	return n
}

// shortConv reports whether the size at i, followed by a setting written
// short (s2, p3), starts a layer no kind word names: the next kind word
// comes after "then" or a comma, and none is just before it.
func (r *enReader) shortConv(i int) bool {
	if r.toks[i].kind != 's' || enKinds[r.lem(i-1)] || enKinds[r.lem(i-2)] || i+2 >= len(r.toks) {
		return false
	}
	k := i + 1
	if r.toks[k].kind == 'w' && !enKinds[r.toks[k].lem] && k+3 < len(r.toks) && r.toks[k+1].kind == 'n' {
		k++ // "1x1 reduce 192->64"
	}
	arrow := r.toks[k].kind == 'n' && r.lem(k+1) == "->" && r.isNum(k+2) // "1x1 256->64, 3x3 64->64"
	if n := r.toks[i+1]; !arrow && (n.kind != 'w' || enShort[n.raw] == "" || !r.toks[i+2].glued || r.toks[i+2].kind != 'n') {
		return false
	}
	if arrow {
		return !enKinds[r.lem(k+3)]
	}
	for j := i + 1; j < len(r.toks); j++ {
		if enKinds[r.lem(j)] {
			return r.lem(j-1) == "then" || r.lem(j-1) == "," || r.lem(j-1) == ";" || r.lem(j-1) == "->"
		}
	}
	return false
}

// kerasCall reports whether the layer is a Keras call written in prose,
// Conv2D(16, 3, ...): its first argument is the filters, its second the
// kernel (PyTorch's Conv2d(3, 16, 3) starts with the input channels).
func (r *enReader) kerasCall(a *enAnchor) bool {
	t := r.toks[a.tok]
	name := r.src[t.off:min(t.end, len(r.src))]
	return len(a.args) > 0 && (a.kind == "conv" || a.kind == "deconv") && strings.HasSuffix(name, "D") && r.lem(a.tok+1) == "("
}

// enVersus are the words that set one design against another.
var enVersus = map[string]bool{"vs": true, "versus": true, "beat": true, "beats": true, "than": true}

// versus returns the token of a word that sets a layer against another
// ("a 5x5 conv directly vs a 1x1 then a 5x5"), with layers on both sides,
// or -1. Such a message is two designs, not one chain: the front door
// splits the comparisons it knows; the reader must not chain the sides.
func (r *enReader) versus() int {
	for i, t := range r.toks {
		w := strings.ToLower(t.raw)
		pair := w == "instead" && strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "of") || w == "compared" || w == "rather"
		if !enVersus[w] && !pair {
			continue
		}
		before, after := false, false
		for _, a := range r.anchors {
			before = before || a.tok < i && !a.ctx
			after = after || a.tok > i && !a.ctx
		}
		if before && after {
			return i
		}
	}
	return -1
}

// enShortAt reports whether toks[i] is a setting written short (s2, p1).
func enShortAt(toks []enTok, i int) bool {
	return i+1 < len(toks) && toks[i].kind == 'w' && enShort[toks[i].raw] != "" && toks[i+1].glued && toks[i+1].kind == 'n'
}

// fcInputs reads "what do I put as in_features for the fc", "how many
// inputs does the FC layer receive": the fully connected layer at the end
// says no units, and what is asked is what reaches it. It drops that
// layer and asks the output of what comes before (a flatten of the input
// when nothing does).
func (r *enReader) fcInputs(real []*enAnchor) []*enAnchor {
	real = r.intoFC(real) // english_fc_inputs.go
	n := len(real)
	if n > 0 && real[n-1].kind == "flatten" && r.asksFCInputs() {
		r.g.asked = []string{"output"} // "... -> flatten. in_features?"
		return real
	}
	if n == 0 || real[n-1].kind != "fc" || len(real[n-1].counts)+len(real[n-1].args)+len(real[n-1].bare)+len(real[n-1].bareSizes) > 0 || !r.asksFCInputs() {
		return real
	}
	fc := real[n-1]
	real = real[:n-1]
	if len(real) == 0 || real[len(real)-1].kind != "flatten" {
		real = append(real, &enAnchor{kind: "flatten", tok: fc.tok, at: map[string]int{}})
	}
	r.g.asked = []string{"output"}
	r.notes = append(r.notes, "the fully connected layer's inputs are what reaches it, flattened")
	return real
}

// asksFCInputs reports whether the question asks for a dense layer's
// inputs: in_features, input_dim, "how many inputs".
func (r *enReader) asksFCInputs() bool {
	if r.asksIntoFC() { // english_fc_inputs.go
		return true
	}
	for i, t := range r.toks {
		if t.lem == "inch" || t.lem == "input" && t.plural && r.lem(i-1) == "many" {
			return true
		}
	}
	return false
}

// settingChain reports whether the size at i is a kernel in a chain of
// kernels with settings and no layer word: "3x3 dil 2 then 3x3 dil 4",
// "5x5 stride 2, 3x3 stride 1". Another such size must be said.
func (r *enReader) settingChain(i int) bool {
	if !r.kernelWithSetting(i) || r.namesKind("conv") || r.namesKind("pool") {
		return false
	}
	for j := range r.toks {
		if j != i && r.kernelWithSetting(j) {
			return true
		}
	}
	return false
}

// kernelWithSetting reports whether token i is a small square size
// followed by a setting and its value ("3x3 dil 2", "5x5 stride 1").
func (r *enReader) kernelWithSetting(i int) bool {
	t := r.toks[i]
	if t.kind != 's' || len(t.dims) != 2 || t.dims[0] != t.dims[1] || t.dims[0] > 11 {
		return false
	}
	l := r.lem(i + 1)
	return (l == "stride" || l == "dilation" || l == "pad") && r.isNum(i+2)
}

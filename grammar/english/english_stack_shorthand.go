package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Shorthand in a size stack, as people type a network in chat when only
// sizes or the receptive field are asked: bare kernels with their
// settings ("3x3 s1, 3x3 s1, maxpool 2x2 s2"), a conv named by its
// kernel ("conv3, conv3, pool2"), settings said of every layer of a kind
// ("(convs stride 1, pools 2x2 stride 2)", "all stride 1") and the layers
// that differ ("except the 2nd and the 4th which have stride 2"), a
// setting said before its layer ("a stride-2 3x3 conv", "'same' convs"),
// repeats ("applied twice", "four times"), filters said per layer
// ("layer 1: 10 filters 3x3"), and the block or layer asked by place
// ("what comes out of block 2", "after the 2nd block").

// ssExcept is a setting said of some layers by place: "except the 2nd
// and the 4th which have stride 2".
type ssExcept struct {
	at   []int // 1-based places among the layers of the kind
	pool bool  // the places count pools, not convs
	lem  string
	v    int
}

// ssEvery is a setting said of every layer of a kind: "convs stride 1".
type ssEvery struct {
	pool bool
	lem  string
	v    int
}

// ssOrdinalSuffix are the letters glued after a number that make it an
// ordinal: "2nd", "4th".
var ssOrdinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// ssExceptWords open the layers that differ from the rest.
var ssExceptWords = map[string]bool{"except": true, "but": true, "apart": true, "besides": true}

// shorthand reads the token at i when it is shorthand of a size stack;
// done is false when it is not, and step reads it as before.
func (w *ssWalker) shorthand(i int) (n int, ok, done bool) {
	r := w.r
	t := r.toks[i]
	raw := strings.ToLower(t.raw)
	switch {
	case w.except != nil:
		return w.exceptStep(i)
	case t.kind == 'w' && ssExceptWords[raw] && w.cur >= 0:
		w.except = &ssExcept{pool: w.s.layers[w.cur].pool}
		return 0, true, true
	case t.kind == 'w' && ssOrdinalSuffix[raw] && r.isNum(i-1):
		return 0, true, true // read with its number
	case t.kind == 'w' && raw == "thrice":
		return 0, w.repeatLast(3), true
	case t.kind == 'n' && strings.EqualFold(t.raw, "twice"):
		return 0, w.repeatLast(2), true
	case t.kind == 'n':
		return w.shortNumber(i)
	case t.kind == 'w' && (t.lem == "conv" || t.lem == "pool") && (t.plural || r.inBrackets(i)) && t.idx == 0 && w.everyFollows(i):
		w.every, w.cur = map[bool]int{false: 0, true: 1}[t.lem == "pool"], -1
		return 0, true, true
	case t.kind == 'w' && w.every >= 0 && (t.lem == "ksize" || t.lem == "stride" || t.lem == "pad" || t.lem == "dilation"):
		return w.everySetting(i)
	case t.kind == 's' && w.every >= 0 && kernelSized(t.dims) && t.dims[0] == t.dims[1]:
		w.s.every = append(w.s.every, ssEvery{pool: w.every == 1, lem: "ksize", v: t.dims[0]})
		return 0, true, true
	case t.kind == 'p' && w.every >= 0 && t.lem != ":":
		w.every = -1
		return 0, true, false
	case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad" || t.lem == "dilation") && w.saidAgain(i):
		return 0, false, true // "4 convs: stride 2, stride 1, ...": one value per layer, the general reading's
	case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad" || t.lem == "dilation") && w.pendingAhead(i):
		return w.pendingSetting(i)
	case t.kind == 'w' && t.lem == "same" && r.lem(i+1) == "conv":
		w.pendSame = true
		return 0, true, true
	case t.kind == 's' && w.s.input == nil && len(t.dims) == 2 && t.dims[0] == t.dims[1] && w.fedIn(i):
		w.s.input = t.dims // "feeding 12x12 into 4 blocks"
		return 0, true, true
	case t.kind == 's' && kernelSized(t.dims) && t.dims[0] == t.dims[1] && w.kernel == 0 && !w.stopped &&
		(r.lem(i+1) == "conv" || r.lem(i+1) == "pool") && (w.cur < 0 || w.s.layers[w.cur].kernel > 0):
		w.kernel = t.dims[0] // "apply a 3x3 conv": the kernel of the layer named next
		return 0, true, true
	case t.kind == 's' && w.bareKernel(i):
		w.open(i, false)
		w.s.layers[w.cur].kernel = t.dims[0]
		return 0, true, true
	}
	return 0, false, false
}

// shortNumber reads a number of shorthand: a repeat ("four times"), a
// count of pools ("4 maxpool 2x2"), a count of sized conv layers ("five
// 3x3 conv layers"), filters said per layer ("10 filters 3x3"), a label
// ("layer 1:"), the block or layer asked by place ("block 2", "the 2nd
// block", "after layer 3").
func (w *ssWalker) shortNumber(i int) (int, bool, bool) {
	r := w.r
	t := r.toks[i]
	if t.isFrac || t.num <= 0 || t.num > 4096 {
		return 0, false, false
	}
	v := enClamp(t.num)
	next, prev := strings.ToLower(r.toks[min(i+1, len(r.toks)-1)].raw), strings.ToLower(r.toks[max(i-1, 0)].raw)
	ord := ssOrdinalSuffix[next]
	if ord {
		next = strings.ToLower(r.toks[min(i+2, len(r.toks)-1)].raw)
	}
	switch {
	case (prev == "q" || prev == "question" || prev == "ex" || prev == "exercise" || prev == "problem" || prev == "part") && r.toks[i].glued:
		return 0, true, true // "Q3 on the problem set": the question's number
	case next == "x" && i+2 < len(r.toks) && (r.lem(i+2) == "[" || r.lem(i+2) == "(") && w.s.blocks == 0 && v <= 64:
		w.s.blocks, w.blockNow = v, true // "3x [conv k3 -> maxpool 2]"
		return 1, true, true
	case next == "times" && (w.group.closed < 0 || w.group.closed < i-2 || w.group.end <= w.group.at) && v <= 64:
		return 1, w.repeatLast(v), true
	case (raw1(t) == "one" || raw1(t) == "a") && !ord && !w.opensLayer(i+1):
		return 0, true, true // "of one output unit": not a count
	case (prev == "layer" || prev == "block" || prev == "stage") && i+1 < len(r.toks) && r.lem(i+1) == ":":
		return 1, true, true // "layer 1:": a label
	case (prev == "block" || prev == "stage") && !ord && !isBlockWord(next) && next != "of" && next != "stages":
		w.s.atBlock = v // "out of block 2"
		return 0, true, true
	case ord && (isBlockWord(next) || next == "stage") && w.s.blocks > 0:
		w.s.atBlock = v // "after the 2nd block"
		return 1, true, true
	case prev == "layer" && !ord && w.cur >= 0 && w.s.stopAt == 0:
		w.s.stopAt = v // "after layer 3"
		return 0, true, true
	case prev == "all" && v == w.s.blocks:
		return 0, true, true // "through all 4"
	case r.lem(i+1) == "pool" && !ord && v <= 64 && !w.stopped:
		w.ptimes = v // "4 maxpool 2x2"
		return 0, true, true
	case r.toks[min(i+1, len(r.toks)-1)].kind == 's' && r.lem(i+2) == "conv" && r.lem(i+3) == "layer" && r.toks[i+3].plural && v <= 64 && !w.stopped:
		w.times = v // "five 3x3 conv layers"
		return 0, true, true
	case r.lem(i+1) == "filter" && !ord && !w.lastSaid(i) && !w.stopped && len(w.chanListAhead(i)) == 0:
		return 0, w.filtersSaid(i, v), true
	}
	return 0, false, false
}

// raw1 is the token as typed, in lower case.
func raw1(t enTok) string {
	return strings.ToLower(t.raw)
}

// opensLayer reports whether the token at i opens a layer or sizes one:
// "one conv", "one 3x3 conv", "one more conv".
func (w *ssWalker) opensLayer(i int) bool {
	r := w.r
	if i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.kind == 's' || t.kind == 'n' || t.lem == "conv" || t.lem == "pool" || enFurther[t.lem] || t.lem == "block" || isBlockWord(t.raw)
}

// filtersSaid gives the open conv v filters ("conv1: 32 filters 3x3"),
// or opens a conv with them ("layer 2: 20 filters 5x5 stride 2").
func (w *ssWalker) filtersSaid(i, v int) bool {
	if w.cur < 0 || w.s.layers[w.cur].pool || w.s.layers[w.cur].out > 0 || w.s.layers[w.cur].times > 1 {
		w.open(i, false)
	}
	w.s.layers[w.cur].out = v
	return true
}

// repeatLast repeats what was said n times: the bracketed group just
// closed, the one layer said, or every layer so far when several were
// said and the count follows a comma or "repeated".
func (w *ssWalker) repeatLast(n int) bool {
	if n > 64 || len(w.s.layers) == 0 || w.s.blocks > 0 {
		return false
	}
	if len(w.s.layers) == 1 {
		l := &w.s.layers[0]
		l.times = max(l.times, 1) * n
		w.s.repeated = n
		return true
	}
	return false
}

// everyFollows reports whether the plural layer word at i is followed by
// settings said of every layer of its kind ("convs stride 1", "pools 2x2
// stride 2") after such layers were said.
func (w *ssWalker) everyFollows(i int) bool {
	r := w.r
	pool := r.lem(i) == "pool"
	seen := false
	for _, l := range w.s.layers {
		seen = seen || l.pool == pool
	}
	if !seen || i+1 >= len(r.toks) || r.isNum(i-1) {
		return false
	}
	nt := r.toks[i+1]
	return nt.kind == 's' || nt.kind == 'w' && (nt.lem == "stride" || nt.lem == "pad" || nt.lem == "ksize" || nt.lem == "dilation")
}

// everySetting records a setting said of every layer of the kind named.
func (w *ssWalker) everySetting(i int) (int, bool, bool) {
	r := w.r
	j := i + 1
	if r.lem(j) == "=" || r.lem(j) == ":" || r.lem(j) == "of" {
		j++
	}
	if j >= len(r.toks) || r.toks[j].kind != 'n' && r.toks[j].kind != 's' {
		return 0, true, true
	}
	v, ok := w.value(j)
	if !ok {
		return 0, false, true
	}
	w.s.every = append(w.s.every, ssEvery{pool: w.every == 1, lem: r.toks[i].lem, v: v})
	return j - i, true, true
}

// exceptStep reads the layers that differ ("the 2nd and the 4th") and
// what differs ("which have stride 2"), up to the end of the sentence.
func (w *ssWalker) exceptStep(i int) (int, bool, bool) {
	r := w.r
	t := r.toks[i]
	e := w.except
	switch {
	case t.kind == 'p' && (t.lem == "." || t.lem == ";" || t.lem == "?"):
		w.except = nil
		return 0, len(e.at) > 0 && e.lem != "", true
	case t.kind == 'n' && !t.isFrac && t.num > 0 && t.num <= 512 && e.lem == "":
		e.at = append(e.at, enClamp(t.num))
		return 0, true, true
	case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad" || t.lem == "dilation" || t.lem == "ksize") && len(e.at) > 0:
		j := i + 1
		if r.lem(j) == "=" || r.lem(j) == "of" {
			j++
		}
		if j >= len(r.toks) {
			return 0, false, true
		}
		v, ok := w.value(j)
		if !ok {
			return 0, false, true
		}
		w.s.excepts = append(w.s.excepts, ssExcept{at: e.at, pool: e.pool, lem: t.lem, v: v})
		e.lem = t.lem
		return j - i, true, true
	case t.kind == 'n' || t.kind == 's':
		return 0, false, true // a number the exception does not place
	}
	return 0, true, true
}

// saidAgain reports whether the setting at i was already said of the
// open layer: a list of values, one per layer, is not one layer's.
func (w *ssWalker) saidAgain(i int) bool {
	if w.cur < 0 || w.every >= 0 {
		return false
	}
	l := w.s.layers[w.cur]
	switch w.r.toks[i].lem {
	case "stride":
		return l.stride >= 0
	case "pad":
		return l.pad >= 0
	}
	return l.dil > 0
}

// ssOrderWords put a layer before one said earlier: "maxpool 2x2 after
// a 5x5 conv".
var ssOrderWords = map[string]bool{"after": true, "before": true, "preceded": true, "precedes": true}

// ssParallelWords say that layers run side by side, not one after the
// other: a size stack does not read them.
var ssParallelWords = map[string]bool{"branch": true, "branches": true, "parallel": true, "concat": true, "concatenate": true,
	"concatenated": true, "concatenation": true, "inception": true, "concatenating": true, "paths": true, "towers": true}

// reordered reports whether the layer opening at i is said to come
// before one said earlier ("maxpool 2x2 after a 5x5 conv").
func (w *ssWalker) reordered(i int) bool {
	if len(w.s.layers) < 2 { // the layer opening at i is the last one
		return false
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if ssOrderWords[strings.ToLower(w.r.toks[j].raw)] {
			return true
		}
	}
	return false
}

// parallelSaid reports whether the question says its layers run side by
// side (branches, an inception module, a concatenation).
func (r *enReader) parallelSaid() bool {
	for _, t := range r.toks {
		if t.kind == 'w' && ssParallelWords[strings.ToLower(t.raw)] {
			return true
		}
	}
	return false
}

// pendingAhead reports whether the setting at i, with no layer open or
// right after an article, is said of the layer that follows: "a
// stride-2 3x3 conv".
func (w *ssWalker) pendingAhead(i int) bool {
	r := w.r
	if i+2 >= len(r.toks) || r.toks[i+1].kind != 'n' {
		return false
	}
	after := r.toks[i+2]
	opens := after.kind == 's' && kernelSized(after.dims) && r.lem(i+3) == "conv" || after.kind == 'w' && after.lem == "conv"
	return opens && (w.cur < 0 || r.lem(i-1) == "the")
}

// pendingSetting keeps a setting said before its layer for it.
func (w *ssWalker) pendingSetting(i int) (int, bool, bool) {
	v, ok := w.value(i + 1)
	if !ok {
		return 0, false, true
	}
	w.pend = append(w.pend, ssEvery{lem: w.r.toks[i].lem, v: v})
	return 1, true, true
}

// fedIn reports whether the words around the size at i say it is fed
// to the layers: "feeding 12x12 into", "pass a 10x10 through".
func (w *ssWalker) fedIn(i int) bool {
	r := w.r
	next := strings.ToLower(r.toks[min(i+1, len(r.toks)-1)].raw)
	for _, p := range []int{i - 1, i - 2} {
		if p >= 0 && strings.HasPrefix(strings.ToLower(r.toks[p].raw), "feed") || p >= 0 && strings.ToLower(r.toks[p].raw) == "fed" {
			return true
		}
	}
	return i+1 < len(r.toks) && (next == "into" || next == "through")
}

// bareKernel reports whether the square size at i is a conv's kernel
// said without the word conv, its settings after it: "3x3 s1, 3x3 s2".
func (w *ssWalker) bareKernel(i int) bool {
	r := w.r
	t := r.toks[i]
	if !kernelSized(t.dims) || t.dims[0] != t.dims[1] || w.inputWord(i) || w.stopped || w.cur >= 0 && w.s.layers[w.cur].kernel <= 0 {
		return false
	}
	switch r.lem(i + 1) {
	case "stride", "pad", "dilation", "nopad":
	default:
		return false
	}
	for j := i + 2; j < len(r.toks) && j <= i+5 && r.toks[j].kind != 'p'; j++ {
		if l := r.lem(j); l == "conv" || l == "pool" || l == "max" || l == "avg" {
			return false // "2x2 stride-2 max pooling": the layer is named after its settings
		}
	}
	return true
}

// opened applies what was said before a layer to the layer just opened.
func (w *ssWalker) opened() {
	l := &w.s.layers[w.cur]
	if !l.pool && w.pendSame {
		l.same, l.pad = true, 0
		w.pendSame = false
	}
	for _, p := range w.pend {
		setLayer(l, p.lem, p.v)
	}
	w.pend = nil
	if l.pool && w.ptimes > 0 {
		l.times, w.ptimes = w.ptimes, 0
	}
	if w.reordered(l.tok) {
		w.s.reordered = true
	}
	if t := w.r.toks[l.tok]; !l.pool && t.lem == "conv" && t.idx > 0 {
		l.named = t.idx
	}
}

// setLayer sets what the lemma names on l.
func setLayer(l *ssLayer, lem string, v int) {
	switch lem {
	case "ksize":
		l.kernel = v
	case "stride":
		l.stride = v
	case "pad":
		l.pad = v
	case "dilation":
		l.dil = v
	}
}

// finish completes the walk: kernels named by the conv word ("conv3")
// and the settings said of every layer of a kind; false when a count or
// setting waits for a layer that never came.
func (w *ssWalker) finish() bool {
	if w.ptimes > 0 || len(w.pend) > 0 || w.pendSame || w.except != nil && len(w.except.at) > 0 && w.except.lem == "" {
		return false
	}
	w.namedKernels()
	w.blocksWrittenOut()
	w.blocksListed() // english_blocks_listed.go
	for _, e := range w.s.every {
		for k := range w.s.layers {
			l := &w.s.layers[k]
			if l.pool != e.pool || !unset(*l, e.lem) {
				continue
			}
			setLayer(l, e.lem, e.v)
		}
	}
	return true
}

// blocksWrittenOut reads "2 blocks: conv3 conv3 pool2 conv3 conv3 pool2"
// as the blocks written out one after the other, not the first repeated
// twice: the layers from the block on are the block said N times over.
func (w *ssWalker) blocksWrittenOut() {
	s := &w.s
	n := s.blockEnd - s.blockAt
	if s.blocks < 2 || s.blockAt < 0 || n <= 0 || len(s.layers)-s.blockAt != n*s.blocks {
		return
	}
	for k := s.blockEnd; k < len(s.layers); k++ {
		a, b := s.layers[k], s.layers[s.blockAt+(k-s.blockAt)%n]
		if a.pool != b.pool || a.kernel != b.kernel || a.stride != b.stride || a.pad != b.pad || a.times != b.times {
			return
		}
	}
	s.blocks, s.blockEnd = 1, len(s.layers)
}

// unset reports whether l's setting named by lem was not said.
func unset(l ssLayer, lem string) bool {
	switch lem {
	case "ksize":
		return l.kernel <= 0
	case "stride":
		return l.stride < 0
	case "pad":
		return l.pad < 0 && !l.same
	}
	return l.dil <= 0
}

// namedKernels reads "conv3" as a 3x3 conv when the convs have no kernel
// said and their numbers are not a count (conv1, conv2, conv3 name
// layers by place).
func (w *ssWalker) namedKernels() {
	var named []int
	for _, l := range w.s.layers {
		switch {
		case l.pool:
		case l.named%2 == 0 || l.named > 0 && l.kernel > 0:
			return // "conv2 (conv1 11x11 s4 -> ...)": names; a kernel is odd, said once
		case l.named > 0:
			named = append(named, l.named)
		case l.kernel > 0:
			return // a conv with its kernel said: the others' numbers name them
		}
	}
	if len(named) == 0 {
		return
	}
	places := named[0] == 1
	for k := 1; k < len(named) && places; k++ {
		places = named[k] == named[k-1]+1
	}
	if places || len(named) < 2 {
		return // "after conv1", "conv1 -> conv2": names, not kernels
	}
	for k := range w.s.layers {
		l := &w.s.layers[k]
		if !l.pool && l.kernel <= 0 && l.named > 0 && l.named <= 15 {
			l.kernel = l.named
			w.r.noteOnce(fmt.Sprintf("conv%d read as a %dx%d convolution", l.named, l.named, l.named))
		}
	}
}

// withExcepts applies the settings said of layers by place to the
// layers unrolled; false when a place is past them.
func withExcepts(s ssRead, out []ssLayer) ([]ssLayer, bool) {
	for _, e := range s.excepts {
		for _, at := range e.at {
			n, found := 0, false
			for k := range out {
				if out[k].pool != e.pool {
					continue
				}
				if n++; n == at {
					setLayer(&out[k], e.lem, e.v)
					found = true
					break
				}
			}
			if !found {
				return nil, false
			}
		}
	}
	return out, true
}

// ssFieldOnly reports whether a size stack without an input is asked
// its receptive field, which needs none; the sizes or values also asked
// ("what does one output unit see") cannot be answered without one.
func (r *enReader) ssFieldOnly(s ssRead) bool {
	if len(s.input) > 0 || len(s.layers) == 0 || s.flatten || len(s.chans) > 0 {
		return false
	}
	return slices.Contains(r.g.asked, "receptive field")
}

// ssInverseAsk matches a question for the smallest input a network takes:
// "smallest square input", "minimum image size", "min input resolution".
var ssInverseAsk = regexp.MustCompile(`(?i)\b(?:smallest|minimum|minimal|min|lowest|least)\b[^.?!\n]{0,40}?\b(?:input|image|size|resolution|side)`)

// ssInputAsked reports whether a size stack without an input is asked the
// smallest input it takes: the stack is read without one, and the front
// door solves it for the input (grammar/input_solve.go).
func (r *enReader) ssInputAsked(s ssRead) bool {
	return len(s.layers) > 0 && ssInverseAsk.MatchString(r.src)
}

// ssErrorLine matches a line of an error message pasted with the
// question ("RuntimeError: Given input size: (64x1x1) ..."): its sizes
// are what the asker's run printed, not layers or an input.
var ssErrorLine = regexp.MustCompile(`(?m)^.*\b\w*(?:Error|Exception)\b\s*:.*$`)

// errorLines are the byte spans of src's error-message lines.
func (r *enReader) errorLines() [][]int {
	return ssErrorLine.FindAllStringIndex(r.src, -1)
}

// onErrorLine reports whether the token at i is on one of the spans.
func (r *enReader) onErrorLine(spans [][]int, i int) bool {
	off := r.toks[i].off
	for _, sp := range spans {
		if off >= sp[0] && off < sp[1] {
			return true
		}
	}
	return false
}

// ssOuts is how the filters of a size stack's convs were said: every
// conv's (all), some only (some: their channels would be guessed), none.
func ssOuts(layers []ssLayer) (all, some bool) {
	n, convs := 0, 0
	for _, l := range layers {
		if !l.pool {
			convs++
			if l.out > 0 {
				n++
			}
		}
	}
	return convs > 0 && n == convs, n > 0 && n < convs
}

// ssChannelWords is the input's channels said in words ("RGB",
// "grayscale"), 0 when none is.
func (r *enReader) ssChannelWords() int {
	for _, t := range r.toks {
		switch {
		case t.kind == 'w' && t.lem == "rgb":
			return 3
		case t.kind == 'w' && t.lem == "gray":
			return 1
		}
	}
	return 0
}

// ssInputChannels is the channels of an input written with three sides,
// as ssBuild takes its height and width: CxHxW when the first is at most
// 4 ("3x32x32"), HxWxC otherwise ("32x32x64").
func ssInputChannels(in []int) int {
	if in[0] <= 4 {
		return in[0]
	}
	return in[2]
}

// ssAllOuts reports whether every conv of the layers says its filters.
func ssAllOuts(layers []ssLayer) bool {
	convs := 0
	for _, l := range layers {
		if !l.pool {
			convs++
			if l.out <= 0 {
				return false
			}
		}
	}
	return convs > 0
}

// ssPlaces points the question at the block or layer asked by place
// ("what comes out of block 2", "flattened after layer 2"); false when
// there is no such block or layer.
func (r *enReader) ssPlaces(q *lang.Question, s ssRead, layers []ssLayer) bool {
	what := lang.AtOutput
	if s.flatten {
		what = lang.AtFlattened
	}
	if all, _ := ssOuts(layers); all && s.flatten && (s.stopAt == 0 || s.stopAt == len(layers)) && len(q.Layers) > 0 {
		// every conv's filters said: the flattened vector is the asker's
		q.Layers = append(q.Layers, lang.Layer{Layer: calc.Flatten{}, Pos: q.Layers[len(q.Layers)-1].Pos})
	}
	switch {
	case s.atBlock > 0:
		at := -1
		for k, l := range layers {
			if l.block == s.atBlock {
				at = k
			}
		}
		if at < 0 {
			return false
		}
		if at < len(layers)-1 {
			q.At = []lang.At{{Layer: at, What: what, Name: fmt.Sprintf("block %d", s.atBlock)}}
		}
	case len(s.input) == 0 && r.ssFieldOnly(s):
		q.Asked = []string{"receptive field"} // "what does one output unit see": its field, no size without an input
	}
	switch {
	case s.stopAt > 0:
		if s.stopAt > len(layers) || s.blocks > 0 || s.repeated > 0 {
			return false
		}
		if s.stopAt < len(layers) {
			q.At = []lang.At{{Layer: s.stopAt - 1, What: what, Name: fmt.Sprintf("layer %d", s.stopAt)}}
		}
	}
	if s.repeated > 0 {
		r.noteOnce(fmt.Sprintf("read as the layer applied %d times, one after the other", s.repeated))
		r.repeats = append(r.repeats, s.repeated) // english_repeats.go
	}
	return true
}

package english

import "strings"

// ssWalker walks the tokens of a size stack once, left to right: a conv
// or pool word (or a bare "k3") opens a layer, the settings after it
// ("k5", "s2", "p1", "no pad", "(2)") fill it, counts before a conv repeat
// it, and "N blocks" with a bracket, "=" or "of" makes a block that ends
// at its first pool.
type ssWalker struct {
	r        *enReader
	s        ssRead
	cur      int // index of the open layer in s.layers, -1 for none
	times    int // a count waiting for the next conv
	kernel   int // a kernel size waiting for the next layer ("3x3 conv")
	blockNow bool
	stopped  bool // after a flatten or a linear layer: no more sized layers
	group    ssGroup
	// shorthand (english_stack_shorthand.go): the layers that differ
	// being read, the kind whose every layer is being set (0 conv, 1
	// pool, -1 none), settings said before their layer, a count of pools.
	except   *ssExcept
	every    int
	pend     []ssEvery
	pendSame bool
	ptimes   int
}

// ssWalk reads the question as a size stack; false when a number or a
// setting has no place in one.
func (r *enReader) ssWalk() (ssRead, bool) {
	w := &ssWalker{r: r, s: ssRead{blockAt: -1, blockEnd: -1}, cur: -1, group: ssGroup{at: -1, end: -1, closed: -1}, every: -1}
	errLines := r.errorLines() // english_stack_shorthand.go
	for i := 0; i < len(r.toks); i++ {
		if len(errLines) > 0 && r.onErrorLine(errLines, i) {
			continue
		}
		n, ok := w.step(i)
		if !ok {
			return ssRead{}, false
		}
		i += n
	}
	if w.s.blockAt >= 0 && w.s.blockEnd < 0 || !w.finish() {
		return ssRead{}, false // a block that never ends in a pool
	}
	for k, l := range w.s.layers {
		if l.kernel <= 0 && !w.sameUnsized(k) {
			return ssRead{}, false
		}
	}
	if w.s.blockAt >= 0 && !w.blockHasConv() && !w.convsApart() {
		return ssRead{}, false
	}
	return w.s, w.times == 0 && w.kernel == 0
}

// step reads the token at i and returns how many tokens after it it used.
func (w *ssWalker) step(i int) (int, bool) {
	r := w.r
	t := r.toks[i]
	if n, ok, done := w.shorthand(i); done { // english_stack_shorthand.go
		return n, ok
	}
	switch {
	case t.kind == 'w' && (t.lem == "conv" || t.lem == "pool") && r.namedEnd(i):
		return 0, true // "vgg16 up to pool3: conv3-64 ...": where the stack ends (english_named_end.go)
	case t.kind == 'w' && (t.lem == "conv" || t.lem == "pool") && w.namedAgain(i):
		return 0, true // "what size after the pool?"
	case t.kind == 'w' && t.lem == "conv" && w.describesAll(i):
		return 0, true // "with unpadded convs:": said of the convs that follow
	case t.kind == 'w' && t.lem == "conv" && !w.stopped:
		w.open(i, false)
		return 0, true
	case t.kind == 'w' && t.lem == "pool" && !w.stopped:
		w.open(i, true)
		w.s.layers[w.cur].avg = strings.Contains(strings.ToLower(t.raw), "avg") || r.lem(i-1) == "avg"
		if t.idx > 0 {
			w.s.layers[w.cur].kernel = t.idx
		}
		return 0, true
	case t.kind == 'w' && (t.lem == "flatten" || t.lem == "fc"):
		w.s.flatten, w.stopped, w.cur = true, true, -1
		w.s.fcSaid = w.s.fcSaid || t.lem == "fc"
		return 0, true
	case t.kind == 'w' && isBlockWord(t.raw):
		w.blockNow = true
		return 0, true
	case t.kind == 'p' && (t.lem == "(" || t.lem == "["):
		w.group.at = len(w.s.layers)
		return 0, true
	case t.kind == 'p' && (t.lem == ")" || t.lem == "]"):
		if t.lem == "]" {
			w.closeBlock()
		}
		w.group.end, w.group.closed = len(w.s.layers), i
		return 0, true
	case t.kind == 'w' && strings.EqualFold(t.raw, "x") && t.idx >= 2:
		return 0, w.repeatGroup(i, t.idx) // "(conv 3x3 -> pool 2) x4"
	case t.kind == 'w':
		return w.setting(i)
	case t.kind == 's':
		return 0, w.size(i)
	case t.kind == 'n':
		return w.number(i)
	}
	return 0, true
}

// open opens a layer at the token i, a pool when pool is set.
func (w *ssWalker) open(i int, pool bool) {
	l := ssLayer{pool: pool, kernel: w.kernel, stride: -1, pad: -1, tok: i}
	if !pool {
		l.times, w.times = w.times, 0
	}
	w.kernel = 0
	if w.blockNow && w.s.blockAt < 0 {
		w.s.blockAt = len(w.s.layers)
	}
	w.blockNow = false
	w.s.layers = append(w.s.layers, l)
	w.cur = len(w.s.layers) - 1
	if pool && w.s.blockAt >= 0 && w.s.blockEnd < 0 {
		w.s.blockEnd = len(w.s.layers)
	}
	w.opened()
}

// closeBlock ends the open block at "]".
func (w *ssWalker) closeBlock() {
	if w.s.blockAt >= 0 && w.s.blockEnd < 0 {
		w.s.blockEnd = len(w.s.layers)
	}
}

// blockHasConv reports whether the block holds a conv.
func (w *ssWalker) blockHasConv() bool {
	for _, l := range w.s.layers[w.s.blockAt:w.s.blockEnd] {
		if !l.pool {
			return true
		}
	}
	return false
}

// convsApart reads blocks said by their pool with their convs said after
// ("5 blocks each ending in maxpool2 (convs are 3x3 p1)"): when those
// convs keep the size, how many a block has does not change any size, so
// one is put before each block's pool and the reply says so.
func (w *ssWalker) convsApart() bool {
	s := &w.s
	if s.blockEnd-s.blockAt != 1 || s.blockEnd != len(s.layers)-1 {
		return false
	}
	c := s.layers[s.blockEnd]
	keeps := c.kernel%2 == 1 && c.stride <= 1 && (c.same || c.pad == c.dil2()*(c.kernel-1)/2)
	if c.pool || c.times > 1 || !keeps {
		return false
	}
	s.layers[s.blockAt], s.layers[s.blockEnd] = c, s.layers[s.blockAt]
	s.blockEnd++
	s.convsApart = true
	return true
}

// isBlockWord reports whether raw is "block" or "blocks".
func isBlockWord(raw string) bool {
	raw = strings.ToLower(raw)
	return raw == "block" || raw == "blocks" || raw == "stage" || raw == "stages"
}

// setting reads a word that sets the open layer ("k", "s", "p", "no
// pad", "same", "dilation"), with its value after it; other words pass.
func (w *ssWalker) setting(i int) (int, bool) {
	r := w.r
	l := r.toks[i].lem
	if l == "nopad" {
		if w.cur < 0 {
			return 0, false
		}
		w.s.layers[w.cur].pad = 0
		if r.lem(i+1) == "pad" {
			return 1, true
		}
		return 0, true
	}
	if l == "same" || l == "valid" {
		if w.cur < 0 || w.s.layers[w.cur].pool {
			return 0, true // "same" on its own may say anything
		}
		w.s.layers[w.cur].same, w.s.layers[w.cur].pad = l == "same", 0
		return 0, true
	}
	if l != "ksize" && l != "stride" && l != "pad" && l != "dilation" {
		return 0, true
	}
	j := i + 1
	if r.lem(j) == "=" || r.lem(j) == ":" || r.lem(j) == "of" {
		j++
	}
	if j >= len(r.toks) || r.toks[j].kind == 'w' || r.toks[j].kind == 'p' {
		return 0, true // "stride" named without a value: a word of the question
	}
	v, ok := w.value(j)
	if !ok {
		return 0, false
	}
	return j - i, w.set(l, v, i)
}

// value is the number or square size at j.
func (w *ssWalker) value(j int) (int, bool) {
	t := w.r.toks[j]
	if t.kind == 'n' && !t.isFrac {
		return enClamp(t.num), true
	}
	if t.kind == 's' && len(t.dims) == 2 && t.dims[0] == t.dims[1] {
		return t.dims[0], true
	}
	return 0, false
}

// set sets what the lemma l (at token i) names to v on the open layer; a kernel with no
// layer open, or on one that has its own, opens a conv ("k3s2p1 then k3s1p1").
func (w *ssWalker) set(l string, v, i int) bool {
	if l == "ksize" && !w.stopped && (w.cur < 0 || w.s.layers[w.cur].kernel > 0) {
		w.open(i, false)
	}
	if w.cur < 0 {
		return false
	}
	x := &w.s.layers[w.cur]
	switch l {
	case "ksize":
		x.kernel = v
	case "stride":
		x.stride = v
	case "pad":
		x.pad = v
	case "dilation":
		x.dil = v
	}
	return true
}

// size reads a size: a kernel of the open layer or the next ("3x3 conv"),
// or the input (a side over 15, or three sides).
func (w *ssWalker) size(i int) bool {
	t := w.r.toks[i]
	square := len(t.dims) == 2 && t.dims[0] == t.dims[1]
	if kernelSized(t.dims) && square && !w.inputWord(i) {
		nl := w.r.lem(i + 1)
		switch {
		case w.cur >= 0 && w.s.layers[w.cur].kernel == 0:
			w.s.layers[w.cur].kernel = t.dims[0]
		case (nl == "max" || nl == "avg") && w.r.lem(i+2) == "pool" && w.kernel == 0:
			w.kernel = t.dims[0] // "2x2 max pool"
		case (nl == "conv" || nl == "pool" || nl == "filter" || nl == "kernel") && w.kernel == 0:
			w.kernel = t.dims[0]
		default:
			return false
		}
		return true
	}
	if w.s.input != nil || len(t.dims) > 3 || len(t.dims) == 2 && !square {
		return false
	}
	w.s.input = t.dims
	return true
}

// inputWord reports whether the words around the size at i say it is the
// input ("input 10x10", "10x10 input", "on a 12x12 image").
func (w *ssWalker) inputWord(i int) bool {
	r := w.r
	for _, l := range []string{r.lem(i - 1), r.lem(i + 1), r.lem(i - 2)} {
		if l == "input" || l == "image" || l == "fmap" || l == "on" || l == "from" {
			return true
		}
	}
	return false
}

// number reads a number: a pool's window ("maxpool 2", "maxpool(2)"), a
// count ("five conv", "3 blocks"), the channels ("256 ch", "channels 32
// 64 128", "10 hidden units") or the input's side ("from 416").
func (w *ssWalker) number(i int) (int, bool) {
	r := w.r
	t := r.toks[i]
	if t.isFrac || t.num <= 0 {
		return 0, false
	}
	v := enClamp(t.num)
	next, prev := r.lem(i+1), r.lem(i-1)
	switch {
	case w.cur >= 0 && w.s.layers[w.cur].pool && w.s.layers[w.cur].kernel == 0 && (prev == "pool" || prev == "("):
		w.s.layers[w.cur].kernel = v
	case isBlockWord(r.toks[min(i+1, len(r.toks)-1)].raw) && w.s.blocks == 0 && v <= 64:
		w.s.blocks = v
	case w.suchBlocks(i) > 0 && w.s.blocks == 0 && v <= 64:
		return w.suchBlocks(i), w.repeatAll(v) // "after TWO such blocks"
	case strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "times") && v <= 64:
		return 1, w.repeatGroup(i, v) // "(conv -> pool) four times"
	case w.countsSized(i) && v <= 64 && !w.stopped:
		w.times = v // "two 3x3 convs", "2 more 3x3 convs"
	case len(w.chanListAhead(i)) > 1:
		vals := w.chanListAhead(i) // "with 8, 16 and 24 filters"
		w.s.chans = append(w.s.chans, vals...)
		return 2*len(vals) - 1, true
	case (next == "conv" || next == "more" && r.lem(i+2) == "conv") && v <= 64 && !w.stopped:
		w.times = v
	case next == "channel" || next == "neuron" || next == "filter" && w.lastSaid(i):
		w.s.chans = append(w.s.chans, v)
	case prev == "channel" || prev == "," && len(w.s.chans) > 0 || w.chanList(i):
		w.s.chans = append(w.s.chans, v)
	case (prev == "from" || prev == "input" || prev == "on" || prev == "at" || prev == "is") && w.s.input == nil && v > 15:
		w.s.input = []int{v, v}
	case w.stopped:
		// numbers after a flatten or a linear layer (its width) are not
		// sizes: the front door names them as not used.
	default:
		return 0, false
	}
	return 0, true
}

// chanList reports whether the number at i continues a list of channels
// written with spaces ("channels 32 64 128").
func (w *ssWalker) chanList(i int) bool {
	return len(w.s.chans) > 0 && w.r.toks[i-1].kind == 'n'
}

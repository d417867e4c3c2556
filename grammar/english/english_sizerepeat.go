package english

import (
	"slices"
	"strings"
)

// Repeats in a size stack said in prose: "(3x3 conv p1 -> 2x2 maxpool)
// four times", "... x4", "block = two 3x3 convs then a 2x2 pool ... after
// TWO such blocks", "3 blocks of [conv 3x3 -> maxpool 2], with 8, 16 and
// 24 filters", "two 3x3 convs (no padding)".

// ssGroup is the last bracketed group of a size stack: the layers opened
// inside it.
type ssGroup struct {
	at, end int // indexes in the layers: from at up to end; -1 for none
	closed  int // the token of its closing bracket, -1 for none
}

// repeatGroup makes the bracketed group just closed before token i a
// block said n times; false (no size stack) when there is no such group
// or a block is already said.
func (w *ssWalker) repeatGroup(i, n int) bool {
	g := w.group
	closed := g.closed == i-1 || g.closed == i-2 && strings.HasPrefix(strings.ToLower(w.r.toks[i-1].raw), "repeat")
	if !closed || g.at < 0 || g.end <= g.at || w.s.blocks > 0 || n > 64 {
		return false
	}
	if w.s.blockAt >= 0 && (w.s.blockAt != g.at || w.s.blockEnd != g.end) {
		return false
	}
	w.s.blocks, w.s.blockAt, w.s.blockEnd = n, g.at, g.end
	return true
}

// repeatAll makes the block said before ("block = two 3x3 convs and a
// 2x2 pool"), or every layer so far, a block said n times.
func (w *ssWalker) repeatAll(n int) bool {
	if len(w.s.layers) == 0 {
		return false
	}
	if w.s.blockAt < 0 {
		w.s.blockAt, w.s.blockEnd = 0, len(w.s.layers)
	}
	if w.s.blockEnd < 0 {
		w.s.blockEnd = len(w.s.layers)
	}
	w.s.blocks = n
	return true
}

// enSuchWords stand between a count and "blocks" that names blocks said
// before: "two such blocks", "3 of these blocks", "two identical blocks".
var enSuchWords = map[string]bool{"such": true, "of": true, "these": true, "those": true, "identical": true, "the": true, "same": true}

// suchBlocks is how many tokens after the count at i lead to "blocks"
// through words that name the block said before ("TWO such blocks"), or
// 0 when there is none.
func (w *ssWalker) suchBlocks(i int) int {
	r := w.r
	j := i + 1
	for j < len(r.toks) && j-i <= 3 && enSuchWords[strings.ToLower(r.toks[j].raw)] {
		j++
	}
	if j == i+1 || j >= len(r.toks) || !isBlockWord(r.toks[j].raw) {
		return 0
	}
	return j - i
}

// countsSized reports whether the count at i counts the convs after a
// kernel size: "two 3x3 convs", "2 more 3x3 conv layers".
func (w *ssWalker) countsSized(i int) bool {
	r := w.r
	j := i + 1
	if j < len(r.toks) && enFurther[strings.ToLower(r.toks[j].raw)] {
		j++
	}
	return j+1 < len(r.toks) && r.toks[j].kind == 's' && kernelSized(r.toks[j].dims) && r.lem(j+1) == "conv" && r.toks[j+1].plural
}

// chanListAhead is the list of counts from i that ends in a channel
// noun ("with 8, 16 and 24 filters", "16 and 32 channels"), each joined
// by one list word; nil when i starts no such list.
func (w *ssWalker) chanListAhead(i int) []int {
	r := w.r
	vals, j := []int{enClamp(r.toks[i].num)}, i+1
	for j+1 < len(r.toks) && enListWords[r.lem(j)] && r.toks[j+1].kind == 'n' && !r.toks[j+1].isFrac && r.toks[j+1].num > 0 {
		vals, j = append(vals, enClamp(r.toks[j+1].num)), j+2
	}
	if l := r.lem(j); len(vals) < 2 || l != "filter" && l != "channel" && l != "fmap" {
		return nil
	}
	return vals
}

// describesAll reports whether the conv word at i describes the convs
// that follow rather than opening one: a plural with no count or size
// before it, at the end of its phrase ("with unpadded convs:", "all
// valid convs,").
func (w *ssWalker) describesAll(i int) bool {
	r := w.r
	t := r.toks[i]
	if !t.plural || t.idx > 0 || w.kernel > 0 || w.times > 0 || i+1 >= len(r.toks) || r.toks[i+1].kind != 'p' {
		return false
	}
	switch r.lem(i + 1) {
	case ":", ",", ".", ";":
	default:
		return false
	}
	return !r.isNum(i-1) && r.lem(i-1) != "same"
}

// namedAgain reports whether the layer word at i names a layer said
// before ("what size after the pool?", "last conv has 64 filters"), not
// another one.
func (w *ssWalker) namedAgain(i int) bool {
	r := w.r
	p := strings.ToLower(r.toks[max(i-1, 0)].raw)
	if i == 0 || p != "the" && p != "last" && p != "final" {
		return false // "the pool", "the last conv"; not "a pool"
	}
	for _, l := range w.s.layers {
		if l.pool == (r.lem(i) == "pool") && l.tok < i {
			return true
		}
	}
	return false
}

// sameUnsized gives the k-th layer, a conv with "same" padding at stride
// 1 and no kernel said ("two blocks of Conv2D padding='same' +
// MaxPooling2D(2)"), a 1x1 kernel: it keeps the size whatever its kernel,
// so the sizes do not depend on it; not when the receptive field is
// asked, which does.
func (w *ssWalker) sameUnsized(k int) bool {
	l := &w.s.layers[k]
	if l.pool || !l.same || l.stride > 1 || slices.Contains(w.r.g.asked, "receptive field") {
		return false
	}
	l.kernel = 1
	w.r.noteOnce("the convs' kernel size was not given: 1x1 shown; with \"same\" padding at stride 1 the sizes do not depend on it")
	return true
}

// lastSaid reports whether the count at i is said of the last conv ("last
// conv has 64 filters"): the channels a flatten takes.
func (w *ssWalker) lastSaid(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		if l := strings.ToLower(w.r.toks[j].raw); l == "last" || l == "final" {
			return true
		}
	}
	return false
}

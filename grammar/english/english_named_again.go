package english

import (
	"slices"
	"strings"
)

// A layer named again by its kernel: "a 1x1 conv with c_i=64, c_o=32 on
// 30x30 ... how many multiplications does the 1x1 convolution take?".
// "The 1x1 convolution" is the layer already said, not a second one
// without filters (which was refused for them).

// namedAgain drops a mention that says only a kernel, after "the",
// "this" or "that", when an earlier layer of its kind has that kernel.
func (r *enReader) namedAgain() {
	r.anchors = slices.DeleteFunc(r.anchors, func(a *enAnchor) bool {
		if a.ctx || len(a.kernel) == 0 || len(a.counts)+len(a.args)+len(a.stride)+len(a.pad)+len(a.dil)+len(a.bare)+len(a.bareSizes) > 0 || a.padMode != "" {
			return false
		}
		if w := strings.ToLower(r.toks[a.start].raw); w != "the" && w != "this" && w != "that" || r.toks[a.tok].idx > 0 {
			return false
		}
		for j := a.start; j <= a.tok+1 && j < len(r.toks); j++ {
			if l := r.lem(j); l == "another" || l == "first" || l == "previous" || l == "then" || enOrdinalWord(r.toks[j].raw) || r.toks[j].kind == 'n' {
				return false // "the second layer also has a 3x3 filter", "layer 2": another layer
			}
		}
		for _, b := range r.anchors {
			if b == a {
				return false
			}
			if !b.ctx && b.kind == a.kind && slices.Equal(b.kernel, a.kernel) {
				return true
			}
		}
		return false
	})
}

// enOrdinalWord reports whether w names a place in a stack: "second",
// "third", "3rd", "last", "final", "next".
func enOrdinalWord(w string) bool {
	switch strings.ToLower(w) {
	case "second", "third", "fourth", "fifth", "last", "final", "next", "2nd", "3rd", "4th", "5th", "following", "other", "later":
		return true
	}
	return false
}

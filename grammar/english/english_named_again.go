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
		if w := strings.ToLower(r.toks[a.start].raw); w != "the" && w != "this" && w != "that" {
			return false
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

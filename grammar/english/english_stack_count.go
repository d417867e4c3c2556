package english

import "strings"

// A stack counted by its layers before the word "stack" ("a 3 layer stack
// of 3x3 convs", "a 3-layer stack of 3x3 convs", "a four layer deep stack
// of convs") repeats the layer the stack is made of: the "layer" word is
// an adjective of the stack, not a layer of its own.

// numStackCount reads "N layer stack of ..." as the first real layer after
// the word "stack" repeated N times, and reports whether it did.
func (r *enReader) numStackCount(n *enNum) bool {
	if n.nlem != "layer" || n.t.num < 2 || n.t.num > 64 || r.toks[n.nat].plural {
		return false
	}
	at := n.nat + 1
	if r.raw(at) == "deep" {
		at++
	}
	if r.raw(at) != "stack" {
		return false
	}
	for _, b := range r.anchors {
		if b.tok <= at || b.ctx || b.kind == "layer" {
			continue
		}
		if b.tok-at > 6 || b.repeat > 1 {
			return false
		}
		b.repeat = int(n.t.num)
		b.at["repeat"] = n.i
		return true
	}
	return false
}

// raw is the lower-cased text of token i, "" outside the question.
func (r *enReader) raw(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return strings.ToLower(r.toks[i].raw)
}

package english

import "strings"

// A conv named once and then only by its kernel: "three 3x3 convs stride 1
// then a 2x2 maxpool stride 2 then two more 3x3 stride 1", "a 5x5 conv,
// then another 3x3". After "more" or "another", a square kernel size with
// no layer word after it is one more conv, counted by the number before
// it (numRepeat), as "two more 3x3 convs" would be.

// enMoreKinds are the words that say one more layer of a kind said before.
var enMoreKinds = map[string]bool{"more": true, "another": true, "additional": true, "extra": true, "further": true}

// elidedConv reports whether token i is the kernel of a conv said without
// its word, after "more" or "another" and a conv said earlier.
func (r *enReader) elidedConv(i int) bool {
	t := r.toks[i]
	if t.kind != 's' || len(t.dims) != 2 || t.dims[0] != t.dims[1] || t.dims[0] > 11 || i == 0 {
		return false
	}
	if !enMoreKinds[strings.ToLower(r.toks[i-1].raw)] {
		return false
	}
	if next := r.lem(i + 1); enKinds[next] || next == "layer" || next == "input" || next == "image" || next == "kernel" || next == "filter" {
		return false // "two more 3x3 convs" has its word; "another 3x3 input" is no layer
	}
	for _, a := range r.anchors {
		if a.kind == "conv" {
			return true
		}
	}
	return false
}

// numMoreCount reads the count of "two more 3x3 stride 1": the number
// before "more" counts the layer whose anchor follows it, whatever noun
// comes after the kernel.
func (r *enReader) numMoreCount(n *enNum) bool {
	if n.t.kind != 'n' || n.t.isFrac || n.i+2 >= len(r.toks) || !enMoreKinds[strings.ToLower(r.toks[n.i+1].raw)] {
		return false
	}
	for _, b := range r.anchors {
		if b.tok == n.i+2 {
			r.numRepeat(n)
			return true
		}
	}
	return false
}

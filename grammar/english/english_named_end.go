package english

import "strings"

// A numbered layer named after "up to", "until" or "through" ("vgg16 up to
// pool3: conv3-64 conv3-64 pool2 ...", "alexnet until conv5, layers: ...")
// names where the layers the asker lists end: it is no layer of its own,
// and "pool3" is no 3x3 pool. Named again ("RF at pool3 output?") it is
// still that end.

// enEndWords are the words before a numbered name that say the layers
// listed run up to it.
var enEndWords = map[string]bool{"until": true, "till": true, "through": true, "thru": true}

// enRefWords come before a name said again as a place: "RF at pool3",
// "a pool3 unit", "the output of pool3".
var enRefWords = map[string]bool{"at": true, "of": true, "after": true, "the": true, "a": true, "an": true, "in": true, "each": true, "one": true}

// namedEnd reports whether token i is a numbered name ("pool3", "conv5")
// said as the end of the layers listed, here or earlier.
func (r *enReader) namedEnd(i int) bool {
	if r.toks[i].idx == 0 || i < 1 {
		return false
	}
	if r.endWordBefore(i) {
		return true
	}
	if !enRefWords[strings.ToLower(r.toks[i-1].raw)] {
		return false // "... conv3-128 pool2": a layer of the list, though its name ends it
	}
	for j := 0; j < i; j++ {
		if r.toks[j].idx == r.toks[i].idx && r.toks[j].lem == r.toks[i].lem && r.endWordBefore(j) {
			return true
		}
	}
	return false
}

// endWordBefore reports whether "up to", "until", "through" (and "the")
// come just before token i.
func (r *enReader) endWordBefore(i int) bool {
	if i >= 1 && strings.EqualFold(r.toks[i-1].raw, "the") {
		i--
	}
	if i < 1 {
		return false
	}
	before := strings.ToLower(r.toks[i-1].raw)
	return enEndWords[before] || before == "to" && i >= 2 && strings.EqualFold(r.toks[i-2].raw, "up")
}

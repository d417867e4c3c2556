package english

import "strings"

// A bias left out is said after the word as often as before it: "biases
// not counted", "bias excluded", "(bias not included)", "bias off", and
// in Keras's own words, "use_bias=False". The reader reads "no bias" and
// "bias=False"; enBiasAfter folds these into them.

// enBiasOffAfter are the words after "bias" that leave it out, alone or
// after "not" ("not counted").
var enBiasOffAfter = map[string]bool{"excluded": true, "ignored": true, "omitted": true, "off": true, "disabled": true, "dropped": true}

// enBiasNotAfter are the words after "bias(es) not" that leave it out.
var enBiasNotAfter = map[string]bool{"counted": true, "included": true, "incl": true, "used": true, "considered": true}

// enBiasAfter gives "use_bias" the lemma of "bias" (so "use_bias=False"
// reads as "bias=False") and marks "biases not counted", "bias excluded"
// as "no bias".
func enBiasAfter(toks []enTok) []enTok {
	for i := range toks {
		t := &toks[i]
		if t.kind != 'w' {
			continue
		}
		if strings.EqualFold(t.raw, "use_bias") {
			t.lem = "bias"
			continue
		}
		if t.lem == "bias" && enLeftOutBefore(toks, i) {
			t.lem = "nobias" // "if we leave out biases", "dropping the bias"
			continue
		}
		if t.lem != "bias" || i+1 >= len(toks) {
			continue
		}
		k := i + 1
		if l := strings.ToLower(toks[k].raw); l == "are" || l == "is" {
			k++
		}
		if k >= len(toks) {
			continue
		}
		next := strings.ToLower(toks[k].raw)
		switch {
		case enBiasOffAfter[next], next == "left" && k+1 < len(toks) && strings.EqualFold(toks[k+1].raw, "out"):
			t.lem = "nobias"
		case next == "not" && k+1 < len(toks) && enBiasNotAfter[strings.ToLower(toks[k+1].raw)]:
			t.lem = "nobias"
		case (next == "turned" || next == "switched") && k+1 < len(toks) && strings.EqualFold(toks[k+1].raw, "off"):
			t.lem = "nobias" // "bias turned off"
		}
	}
	return toks
}

// enLeaveOut are the verbs that leave a bias out said before it: "leave
// out biases", "drop the bias", "omitting biases".
var enLeaveOut = map[string]bool{"drop": true, "dropping": true, "dropped": true, "omit": true, "omitting": true, "omitted": true, "skip": true, "skipping": true, "skipped": true, "remove": true, "removing": true, "removed": true, "disable": true, "disabled": true}

// enLeftOutBefore reports whether the bias word at i is left out by the
// words before it: "leave out (the) biases", "leaving out", "left out",
// "drop the bias", "I dropped the bias".
func enLeftOutBefore(toks []enTok, i int) bool {
	j := i - 1
	if j >= 0 && (strings.EqualFold(toks[j].raw, "the") || strings.EqualFold(toks[j].raw, "all")) {
		j--
	}
	if j < 0 {
		return false
	}
	w := strings.ToLower(toks[j].raw)
	if enLeaveOut[w] {
		return true
	}
	if w != "out" || j == 0 {
		return false
	}
	v := strings.ToLower(toks[j-1].raw)
	return v == "leave" || v == "leaving" || v == "left" || v == "leaves"
}

// biasOwner is the layer a "no bias" said at layer m is of. A batch norm,
// pool, activation or dropout has no bias to leave out: "conv 3x3 64->128
// with batch norm after it, no bias" leaves out the conv's, the layer with
// a bias nearest before m.
func (r *enReader) biasOwner(m *enAnchor) *enAnchor {
	if m == nil || !biasless[m.kind] {
		return m
	}
	var owner *enAnchor
	for _, b := range r.anchors {
		if b.tok < m.tok && !b.ctx && !biasless[b.kind] && enKinds[b.kind] && (owner == nil || b.tok > owner.tok) {
			owner = b
		}
	}
	if owner == nil {
		return m
	}
	return owner
}

// biasless are the kinds of layer that have no bias of their own.
var biasless = map[string]bool{"bn": true, "pool": true, "act": true, "dropout": true, "flatten": true}

// biasOfEvery reports whether the "no bias" at i is said of several
// layers by a plural or "both": "no bias on the convs", "bias=False on both
// convs", "no bias in any of the conv layers".
func (r *enReader) biasOfEvery(i int) bool {
	for j := max(i-4, 0); j < min(i+5, len(r.toks)); j++ {
		switch strings.ToLower(r.toks[j].raw) {
		case "convs", "convolutions", "both", "each", "any":
			return true
		case ".", ";", "?", "!":
			if j > i {
				return false
			}
		}
	}
	return false
}

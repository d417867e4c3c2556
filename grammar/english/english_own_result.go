package english

import (
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The asker's own result, said before the question: "i calculated rf of 4
// stacked 3x3 convs as 12 but ...", "I think the receptive field of five
// 3x3 layers is 15, is that right?", "my params came out as 1792". The
// number is what they got for a quantity asked, to compare with the
// answer, not a size of the layers.

// enWorkVerbs are the words of the asker's own working.
var enWorkVerbs = map[string]bool{"calculated": true, "calculate": true, "computed": true, "compute": true, "got": true, "get": true,
	"think": true, "thought": true, "believe": true, "figured": true, "counted": true, "estimated": true, "worked": true,
	"reckon": true, "guess": true, "my": true, "answer": true, "getting": true}

// enResultWords are the quantities an asker states a result for.
var enResultWords = map[string]bool{"rf": true, "receptive": true, "param": true, "macs": true, "flops": true}

// enConfirm are the words after a figure that ask whether it is right.
var enConfirm = []string{"is that right", "is this right", "is that correct", "is it correct", "is it right", "right?", "correct?", "am i right", "or not"}

// ownResult reports whether the number at i is the asker's own result for
// a quantity: it follows "as", "is", "was", "=" or "be", and before it in
// the sentence are a word of their working and the quantity it counts
// ("calculated rf ... as 12"), or after it they ask whether it is right.
func (r *enReader) ownResult(i int) bool {
	if i < 2 || !r.isNum(i) {
		return false
	}
	switch strings.ToLower(r.toks[i-1].raw) {
	case "as", "is", "was", "=", "be":
	default:
		return false
	}
	if r.toks[i-2].kind == 'w' && (enAttr[r.lem(i-2)] || r.lem(i-2) == "filter" || r.lem(i-2) == "channel") {
		return false // "the stride is 2", "filters is 64": a setting
	}
	verb, quantity := false, false
	for j := i - 2; j >= 0 && i-j <= 16; j-- {
		if l := r.lem(j); l == "." || l == ";" || l == "?" {
			break
		}
		w := strings.ToLower(r.toks[j].raw)
		verb = verb || enWorkVerbs[w]
		quantity = quantity || enResultWords[r.lem(j)] || enResultWords[w]
	}
	after := strings.ToLower(r.src[r.toks[i].end:min(len(r.src), r.toks[i].end+24)])
	confirm := false
	for _, c := range enConfirm {
		confirm = confirm || strings.Contains(after, c)
	}
	return quantity && (verb || confirm)
}

// enDropProducts leaves out the asker's working of a figure, written as a
// product in brackets after it: "as 12 (3*4)" is 3 times 4, not a 3x4
// input. The product must equal the figure.
func enDropProducts(in []enTok) []enTok {
	out := make([]enTok, 0, len(in))
	for i := 0; i < len(in); i++ {
		if i >= 1 && i+2 < len(in) && in[i].raw == "(" && in[i+2].raw == ")" && in[i-1].kind == 'n' &&
			in[i+1].kind == 's' && strings.ContainsAny(in[i+1].raw, "*·") && product(in[i+1].dims) == in[i-1].num {
			i += 2
			continue
		}
		out = append(out, in[i])
	}
	return out
}

// product multiplies dims, saturating at 1<<50.
func product(dims []int) int64 {
	p := int64(1)
	for _, d := range dims {
		if d <= 0 || p > (1<<50)/int64(d) {
			return 1 << 50
		}
		p *= int64(d)
	}
	return p
}

// ownResultNoted is ownResult, naming the figure as not used, once.
func (r *enReader) ownResultNoted(i int) bool {
	if !r.ownResult(i) {
		return false
	}
	t := r.toks[i]
	for _, u := range r.g.unused {
		if u.Pos == enPos(r.src, t.off) {
			return true
		}
	}
	r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off), Why: "your own figure: compare it with the answer"})
	return true
}

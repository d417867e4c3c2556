package english

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Fully connected layers said once, then one pair of sizes each: "fc
// 256->16 and 16->256" (a squeeze-and-excitation's two layers), "dense
// 512->32 then 32->512", "fc layers 256->16, 16->256". Read as one layer,
// the second pair is left over.

// fcPairStack reads such a list as fully connected layers one after
// another: the fully connected word said and no other kind, two pairs or
// more, each pair's output the next one's input, and a count said ("two
// fc layers") the number of pairs. False leaves the question to the
// other readings.
func (r *enReader) fcPairStack(q *lang.Question) bool {
	if !r.fcOnly() {
		return false
	}
	pairs, lead, ok := r.pairList()
	if !ok || len(pairs) < 2 || r.comparing() || r.labelledPairs(lead) || !r.fcPairCount(lead, len(pairs)) {
		return false
	}
	for _, p := range pairs {
		if p.kernel != nil || p.stride != nil || p.pad != nil {
			return false // a size or a setting between the pairs: convs, not fully connected layers
		}
	}
	noBias := enNoBiasRE.MatchString(r.src)
	for _, p := range pairs {
		q.Layers = append(q.Layers, lang.Layer{Layer: calc.Linear{In: p.in, Out: p.out, NoBias: noBias}, Pos: enPos(r.src, r.toks[p.at].off)})
	}
	q.Network = true
	r.notes = append(r.notes, fmt.Sprintf("read as %d fully connected layers, one per pair of sizes", len(pairs)))
	q.Framework = r.framework()
	return true
}

// fcOnly reports whether the only layers the question names are fully
// connected ones (activations aside), named at least once.
func (r *enReader) fcOnly() bool {
	fc := 0
	for _, t := range r.toks {
		switch {
		case t.kind != 'w':
		case t.lem == "fc":
			fc++
		case t.lem == "act":
		case enKinds[t.lem] || t.lem == "conv" || t.kind == 's':
			return false
		}
	}
	return fc > 0
}

// fcPairCount checks a count said before the list ("two fc layers"): it
// must be the number of pairs, n.
func (r *enReader) fcPairCount(lead, n int) bool {
	for j := 0; j+1 < lead; j++ {
		if r.toks[j].kind == 'n' && r.lem(j+1) == "fc" && int(r.toks[j].num) != n {
			return false
		}
	}
	return true
}

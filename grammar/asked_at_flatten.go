package grammar

import (
	"slices"

	"github.com/cnnbot/cnnbot/calc"
)

// flattenPutBefore reports whether layer i of q is a flatten the reader
// put before the layer after it, at that layer's place ("self.classifier
// = nn.Linear(7500, 5)" fed a map): it is not what the name written there
// stands for, the Linear is.
func flattenPutBefore(q *Question, i int) bool {
	if _, ok := q.Layers[i].Layer.(calc.Flatten); !ok || i+1 >= len(q.Layers) {
		return false
	}
	return q.Layers[i+1].Pos == q.Layers[i].Pos
}

// withCalledAt is q's own places asked (set by a front-end or an earlier
// reader: "the size after Flatten") with the layers the words name by
// their call added ("and how many params does the Dense(256) have"): the
// asker wrote that layer's own code, so it is asked too.
func withCalledAt(src string, q *Question) []At {
	at := slices.Clone(q.At)
	for _, a := range resolveRefs(q, callRefs(src, q)) {
		if !slices.ContainsFunc(at, func(b At) bool { return b.Layer == a.Layer }) {
			at = append(at, a)
		}
	}
	return at
}

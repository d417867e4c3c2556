package grammar

// The batch norms' own count asked:
//
//	how many params do the batchnorms have?
//	how much do the BN layers add?
//
// The answer is theirs alone, not the whole reading's.

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// normsOnlyRE asks the batch norms' count: "params do the batchnorms
// have", "how much do the BN layers add", "params in the bn layers".
var normsOnlyRE = regexp.MustCompile(`(?i)\b(?:param(?:eter)?s?|how\s+much|how\s+many)\b[^.?!\n]{0,20}?\b(?:do|does|in|of|for)\s+(?:the\s+|all\s+the\s+|its\s+|my\s+)?(?:batch[\s_-]?norm\w*|bns?)(?:\s+layers?)?\s*(?:have|add|hold|contribute|take)?\s*\?`)

// withNormsOnly is q with its batch norms alone, asked for their
// parameters, when src asks their count and q holds them at its top level
// only; q itself otherwise.
func withNormsOnly(src string, q *Question) *Question {
	if q == nil || !normsOnlyRE.MatchString(src) || normsLeftOut(src) {
		return q
	}
	var norms []lang.Layer
	for _, l := range q.Layers {
		if _, bn := l.Layer.(calc.BatchNorm); bn {
			norms = append(norms, l)
		} else if holdsNorms(l) {
			return q // a norm inside a block: left to the whole reading
		}
	}
	if len(norms) == 0 || len(norms) == len(q.Layers) {
		return q
	}
	cp := *q
	cp.Layers, cp.Input, cp.Asked, cp.At = norms, nil, []string{"params"}, nil
	cp.Notes = append(append([]string{}, q.Notes...), "only the batch norms are counted, as the question asks")
	cp.Canonical = lang.Format(&cp)
	return &cp
}

// holdsNorms reports whether l is a block with batch norms inside.
func holdsNorms(l lang.Layer) bool {
	without := lang.Layer{Layer: withoutNorms(l.Layer)}
	return lang.Format(&Question{Layers: []lang.Layer{without}}) != lang.Format(&Question{Layers: []lang.Layer{{Layer: l.Layer}}})
}

package grammar

// Batch norms the words leave out of the count:
//
//	how many params in the three convs together, not counting the batchnorms?
//	params excluding BN?  ignoring the batch norm layers, how many weights?
//
// A batch norm keeps the shape, so taking it out of the reading changes
// nothing but the count it adds: the reading without it answers.

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// normsLeftOutRE says the batch norms are not counted.
var normsLeftOutRE = regexp.MustCompile(`(?i)\b(?:not\s+count\w*|exclud\w*|ignor\w*|without\s+count\w*|w/o|minus|leav\w*\s+out|except(?:\s+for)?|apart\s+from)\s+(?:the\s+|any\s+|all\s+)?(?:batch[\s_-]?norm\w*|bn\w*)\b|\b(?:batch[\s_-]?norm\w*|bns?)(?:\s+layers)?\s+(?:not\s+(?:counted|included)|excluded|ignored|left\s+out)\b`)

// normStatsRE are words after the batch norm that name its statistics
// alone: "excluding BN running stats" keeps the norms' parameters.
var normStatsRE = regexp.MustCompile(`(?i)^(?:'s|s'|s)?\s*(?:layers?'?s?\s+)?(?:running|moving|stat|buffer|mean|var|num_batches)`)

// normsLeftOut reports whether src says not to count the batch norms,
// their statistics alone aside.
func normsLeftOut(src string) bool {
	for _, m := range normsLeftOutRE.FindAllStringIndex(src, -1) {
		if !normStatsRE.MatchString(src[m[1]:]) {
			return true
		}
	}
	return false
}

// withNormsLeftOut is q without its batch norms (nested ones included),
// with a note, when src says not to count them and q asks for
// parameters or nothing in particular; q itself otherwise.
func withNormsLeftOut(src string, q *Question) *Question {
	if q == nil || !normsLeftOut(src) || !biasCounts(q) {
		return q
	}
	var kept []lang.Layer
	for _, l := range q.Layers {
		if _, bn := l.Layer.(calc.BatchNorm); bn {
			continue
		}
		l.Layer = withoutNorms(l.Layer)
		kept = append(kept, l)
	}
	if len(kept) == len(q.Layers) && lang.Format(&Question{Layers: kept}) == lang.Format(&Question{Layers: q.Layers}) || len(kept) == 0 {
		return q
	}
	cp := *q
	cp.Layers = kept
	cp.Notes = append(append([]string{}, q.Notes...), "the batch norms are left out, as the question asks: they keep the shape, and their parameters are not counted")
	cp.Canonical = lang.Format(&cp)
	return &cp
}

// withoutNorms is l with the batch norms inside its blocks taken out.
func withoutNorms(l calc.Layer) calc.Layer {
	switch b := l.(type) {
	case calc.Sequence:
		b.Layers = normsDropped(b.Layers)
		return b
	case calc.Residual:
		b.Body, b.Shortcut = normsDropped(b.Body), normsDropped(b.Shortcut)
		return b
	case calc.Concat:
		bs := make([][]calc.Layer, len(b.Branches))
		for i, br := range b.Branches {
			bs[i] = normsDropped(br)
		}
		b.Branches = bs
		return b
	}
	return l
}

// normsDropped is ls without batch norms, at every depth; nil stays nil.
func normsDropped(ls []calc.Layer) []calc.Layer {
	if ls == nil {
		return nil
	}
	out := []calc.Layer{}
	for _, l := range ls {
		if _, bn := l.(calc.BatchNorm); !bn {
			out = append(out, withoutNorms(l))
		}
	}
	return out
}

package english

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Layers said side by side that no reading puts side by side: "an
// inception module with parallel branches: 1x1 conv 64, 3x3 conv 128, 5x5
// conv 32" read as a chain would chain the branches, each taking the one
// before's channels. The answer then is not the asker's network, and the
// reply says so first.

// enSideBySideRE matches the words that put layers side by side, beyond
// enParallelRE's: an inception module, outputs concatenated.
var enSideBySideRE = regexp.MustCompile(`(?i)\binception\b|\bconcat(?:enat\w*)?\b|\btowers?\b`)

// chainNotParallel adds a doubt to a reading that chains layers the
// question puts side by side.
func (r *enReader) chainNotParallel(q *lang.Question, err error) (*lang.Question, error) {
	if err != nil || q == nil || len(q.Layers) < 2 || !enParallelRE.MatchString(r.src) && !enSideBySideRE.MatchString(r.src) {
		return q, err
	}
	for _, l := range q.Layers {
		if _, ok := l.Layer.(calc.Concat); ok {
			return q, err
		}
	}
	cp := *q
	cp.Doubts = append(cp.Doubts[:len(cp.Doubts):len(cp.Doubts)],
		"the question puts layers side by side (branches, concatenated), and this reading chains them one after the other, each taking the channels of the one before")
	return &cp, nil
}

package grammar

import (
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A batch norm named as the reason a conv has no bias — "no bias bc BN
// after", "no bias (batchnorm follows)" — explains the conv; it is not a
// layer whose parameters the asker counts ("how many weights does the
// first conv have"). Read as a layer, it added its 2·C parameters to an
// answer given with confidence.

// reasonNorm matches a batch norm given as the reason for no bias.
var reasonNorm = regexp.MustCompile(`(?i)\b(?:no|without)\s+(?:a\s+|the\s+)?bias(?:es)?\s*(?:\(|,|;|-|–|—)?\s*(?:bc|b/c|because|since|as|cause|cuz|coz)?\s*(?:of\s+)?(?:the\s+|a\s+)?(?:bn|batch[\s_-]?norm\w*)\s+(?:after|follows|comes\s+after|next|right\s+after|is\s+after|goes\s+after)`)

// normCounted matches words that ask for the batch norm's count too.
var normCounted = regexp.MustCompile(`(?i)\b(?:with|incl\w*|plus|and)\s+(?:the\s+)?(?:bn|batch[\s_-]?norm\w*)\b|\b(?:bn|batch[\s_-]?norm\w*)(?:'s)?\s+(?:params?|parameters|weights|count)\b|\btotal\b`)

// withoutReasonNorm drops from q a batch norm right after a conv without
// bias when src names it only as the reason for no bias.
func withoutReasonNorm(src string, q *Question) *Question {
	if m := reasonNorm.FindStringIndex(src); m == nil || normAfterEach.MatchString(src[m[1]:]) || normCounted.MatchString(src) || q.Preset != "" {
		return q
	}
	var kept []Layer
	dropped := false
	for i, l := range q.Layers {
		_, norm := l.Layer.(calc.BatchNorm)
		if norm && i > 0 && !dropped && noBias(q.Layers[i-1].Layer) {
			if _, conv := q.Layers[i-1].Layer.(calc.Conv); conv {
				dropped = true
				continue
			}
		}
		kept = append(kept, l)
	}
	if !dropped {
		return q
	}
	cp := *q
	cp.Layers = kept
	cp.Canonical = lang.Format(&cp)
	cp.Notes = append(slices.Clip(q.Notes), "the batch norm is named as why the conv has no bias, so it is not counted; ask \"with the batch norm\" to count its 2·C parameters")
	return &cp
}

package grammar

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// "params of the depthwise part and the pointwise part" asks each part of
// a depthwise separable conv: the answer's first line gives both, not
// only their sum.

// partsAsked names the two parts in words.
var (
	// both parts joined by "and", as an ask names them: "params of the
	// depthwise part and (of) the pointwise part"; "a 3x3 depthwise step
	// followed by a 1x1 pointwise conv" describes the layer and asks its whole
	partsAsked = regexp.MustCompile(`(?i)\b(?:depth[- ]?wise|dw)\s+(?:part|step|stage|half|portion|conv\w*|layer|one)\s+and\s+(?:(?:of|for|in)\s+)?(?:the\s+)?(?:point[- ]?wise|pw)\s+(?:part|step|stage|half|portion|conv\w*|layer|one)\b`)
)

// withSeparableParts asks each part of a reading that is one depthwise
// separable conv (a depthwise conv, then a 1×1 conv reading all its
// channels) when the words name both parts; q otherwise.
func withSeparableParts(src string, q *Question) *Question {
	if len(q.At) > 0 || len(q.Layers) != 2 || !partsAsked.MatchString(src) {
		return q
	}
	dw, ok1 := q.Layers[0].Layer.(calc.Conv)
	pw, ok2 := q.Layers[1].Layer.(calc.Conv)
	if !ok1 || !ok2 || dw.Groups <= 1 || dw.Groups != dw.In || pw.In != dw.Out || pw.Groups > 1 || lang.Per0(pw.Kernel) != 1 {
		return q
	}
	cp := *q
	cp.At = []lang.At{{Layer: 0, Name: "the depthwise part"}, {Layer: 1, Name: "the pointwise part"}}
	return &cp
}

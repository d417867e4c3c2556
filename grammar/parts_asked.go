package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A message may ask for two parts: a quantity and the same again with a
// change ("out size, and with ceil_mode=True?"), two designs ("MACs of
// the conv in each"), two objects named ("pool(x) and pool_ceil(x)"), a
// side and the other ("weights of the stack vs a single 7x7"), or a thing
// and that thing again ("and if i stack that block twice"). The readers
// that answer both ask each part as a question of its own (severalWays),
// propose a fix beside the code, or ask of several layers by place. A
// message asking two parts and read as one answer is answered for one
// side with confidence: the reply says first that it is not sure. This
// is the one check, after every reader, of how many parts were asked
// against how many the reading answers; the quantities asked are checked
// by unansweredAsks (asked_check.go), per reading.

// partCue is one way of asking a second part.
type partCue struct {
	word *regexp.Regexp
	name string // the part, as the doubt names it
	// asked is true when the cue counts only after a word that asks: "a
	// 3x3 conv with stride 2 and with padding 1" describes one layer.
	asked bool
}

// partCues are the ways of asking a second part, each matched in the
// prose of a message. Each names the part so the doubt can say which was
// left unanswered.
var partCues = []partCue{
	// "whats out size, and with ceil_mode=True?", "how many MACs with
	// stride 1, and how many with stride 2?", "receptive field? and if i
	// stack that block twice": a second part after the first is asked.
	{regexp.MustCompile(`(?i)(?:,|\?|\band\b)\s*(?:and\s+|also\s+|then\s+|but\s+)?(?:(?:how\s+many|how\s+much|what(?:'s|\s+is|\s+are)?|whats)\s+(?:\w+\s+){0,2}?)?(?:with|w/|if|when|what\s+if|what\s+about|how\s+about)\s+(?:i\s+|we\s+|you\s+)?(?:\w+\s*(?:_\w+)?\s*(?:=\s*)?(?:true|false|\d+|twice|again)|stack\w*|repeat\w*|chain\w*|use\w*\s+(?:it|that|this)\s+(?:twice|again))\b[^?.\n]{0,40}(?:\?|$)`), "the same again with the change asked after it", true},
	// "vs a single 7x7", "compared to a plain conv": the other side.
	{regexp.MustCompile(`(?i)\b(?:vs\.?|versus|compared\s+(?:to|with))\s`), sidesCompared, true},
	// "how many params does it save", "difference", "how many more".
	{regexp.MustCompile(`(?i)\b(?:how\s+(?:many|much)\s+(?:\w+\s+)?(?:more|fewer|less)\b|difference\s+(?:in|of|between)\b|(?:does|do|would|will)\s+(?:\w+\s+){0,3}?save\b|\bsaves?\s+(?:how\s+many|what)\b|by\s+what\s+factor\b)`), "the difference between the two sides", true},
	// "design A = ..., design B = ...", "option 1 ... option 2".
	{regexp.MustCompile(`(?i)\b(?:design|option|version|variant|setup|config)\s*(?:a|1|one)\b[\s\S]*\b(?:design|option|version|variant|setup|config)\s*(?:b|2|two)\b`), "the second design", false},
	// "pool(x) and pool_ceil(x)": two objects each called on the input.
	{regexp.MustCompile(`\b\w+\(\w+\)\s*(?:and|vs\.?|,|&)\s*\w+\(\w+\)`), "the second object named", false},
	// "and again on that output", "and then the same layer on 14".
	{regexp.MustCompile(`(?i)\band\s+(?:then\s+)?(?:again\b|the\s+same\s+(?:layer|conv|block)\b|same\s+(?:layer|conv|block)\b)`), "the same layer again", true},
}

// secondPartAsked is the first cue of src that asks a second part q does
// not answer, and whether there is one.
func secondPartAsked(src string, q *Question) (partCue, bool) {
	for _, c := range partCues {
		m := c.word.FindStringIndex(src)
		if m == nil || c.asked && !askWord.MatchString(src[:m[0]]) && !strings.Contains(src[:m[0]], "?") {
			continue
		}
		if c.name == sidesCompared && (q.Solve != nil || len(q.Asked) > 1) {
			continue // "params vs connections", "pad left vs right": two quantities of one reading
		}
		return c, true
	}
	return partCue{}, false
}

// sidesCompared names the part a "vs" asks.
const sidesCompared = "the other side of the comparison"

// partsAnswered reports whether qs answer more than one part: several
// questions, a fix beside the code as written, several layers asked by
// place, an inverse question solving for two settings.
func partsAnswered(qs []*Question) bool {
	if len(qs) > 1 {
		return true
	}
	q := qs[0]
	return q.Fix != nil || len(q.At) > 1 || q.Solve != nil && q.Solve.Second != ""
}

// withPartsDoubted is qs with a doubt on its first question when src asks
// two parts and qs answer one, and no doubt is said yet.
func withPartsDoubted(src string, qs []*Question) []*Question {
	if len(qs) == 0 || partsAnswered(qs) || slices.ContainsFunc(qs, func(q *Question) bool { return len(q.Doubts) > 0 }) {
		return qs
	}
	c, ok := secondPartAsked(src, qs[0])
	if !ok {
		return qs
	}
	cp := *qs[0]
	cp.Doubts = append(slices.Clip(cp.Doubts), fmt.Sprintf("the question asks two parts, and this reading answers one: %s is not answered", c.name))
	return append([]*Question{&cp}, qs[1:]...)
}

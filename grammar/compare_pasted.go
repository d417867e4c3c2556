package grammar

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Two layer calls set against each other in prose — "is
// nn.ConvTranspose2d(64, 32, 4) the same number of params as Conv2d(32,
// 64, 4)?", "Conv2d(3, 64, 7) vs Conv2d(3, 64, 3): params?" — are two
// questions, one a layer: read as one network, the reply adds them up, a
// number nobody asked for.

// callsCompared matches the words between two layer calls that set them
// side by side.
var callsCompared = regexp.MustCompile(`(?i)\bsame\b[^.?\n]{0,40}?\bas\b|\bas\s+many\b|\bas\s+much\b|\bvs\.?\s|\bversus\b|\bcompar(?:ed?|es|ing)\s+(?:to|with|against)\b|\bthan\b|\bequal\s+to\b|\bequivalent\s+to\b|\bdiffer\w*\s+from\b`)

// callsBetween matches the words before two calls joined by "and" that
// set them apart: "the difference between A and B", "compare A and B";
// callsJoined the "and".
var (
	callsBetween = regexp.MustCompile(`(?i)\b(?:differen\w*|compar\w*)\b[^.?\n]{0,30}$`)
	callsJoined  = regexp.MustCompile(`(?i)\)\s*(?:and|or|with|to|against)\s`)
	// callsOr matches two calls offered as a choice, "A or B", and
	// whichAsked the question that asks to choose: "which has more
	// params?".
	callsOr    = regexp.MustCompile(`(?i)\)\s*,?\s*or\s`)
	whichAsked = regexp.MustCompile(`(?i)\bwhich\b|\b(?:more|fewer|less|bigger|smaller|cheaper)\b`)
)

// callsChained matches what says two calls are layers of one network.
var callsChained = regexp.MustCompile(`(?i)->|\bthen\b|\bfollowed\s+by\b|\bSequential\b|\bforward\b|\bafter\b|\bbefore\b|\binto\b|\bfeeds?\b|\bself\.`)

// pastedPairSides answers two pasted layer calls set against each other,
// each on its own; nil when src pastes no two such calls with words of
// comparison between them, or says they are chained.
func pastedPairSides(src string) []*Question {
	low := strings.ToLower(src)
	if callsChained.MatchString(src) || !callsCompared.MatchString(src) && !strings.Contains(low, "differen") && !strings.Contains(low, "compar") && !callsOr.MatchString(src) {
		return nil // no words that set calls apart: the paste is not read again
	}
	fs := frontEnds(src)
	if len(fs) == 0 || fs[0].name != "pytorch" && fs[0].name != "keras" {
		return nil
	}
	q, err := fs[0].read(src)
	if err != nil || len(q.Layers) != 2 || q.Input != nil {
		return nil
	}
	at := [2]int{positionOffset(src, q.Layers[0].Pos), positionOffset(src, q.Layers[1].Pos)}
	if at[0] >= at[1] || !callsSetApart(src, at) {
		return nil
	}
	var sides []designSide
	for i, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Conv, calc.Linear:
		default:
			return nil
		}
		sides = append(sides, designSide{name: callName(src, at[i]), layers: []calc.Layer{l.Layer}, at: at[i]})
	}
	qs := designQuestions(src, nil, sides)
	for _, side := range qs {
		side.Framework = q.Framework
	}
	return qs
}

// callsSetApart reports whether the words around two calls, written at
// src[at[0]:] and src[at[1]:], set them against each other: "A vs B", "is
// A the same as B", "compare A to B", "A or B: which has more?".
func callsSetApart(src string, at [2]int) bool {
	between := src[at[0]:at[1]]
	return callsCompared.MatchString(between) ||
		callsBetween.MatchString(src[:at[0]]) && callsJoined.MatchString(between) ||
		callsOr.MatchString(between) && whichAsked.MatchString(src[at[1]:])
}

// callName is the call written at src[at:], up to its closing bracket:
// "nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1)".
func callName(src string, at int) string {
	depth := 0
	for i, r := range src[at:] {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return strings.TrimPrefix(src[at:at+i+1], "nn.")
			}
		case '\n':
			return strings.TrimSpace(src[at : at+i])
		}
	}
	return strings.TrimSpace(src[at:])
}

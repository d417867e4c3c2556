package grammar

import (
	"regexp"
	"slices"
	"strings"
)

// A message that asks the same of several things — "how many params does
// each have?", "params of each", "for each option", "for both" — is
// answered for each, side by side (severalWays). When no way of reading
// it finds the sides, the one reading left answers for one thing only: it
// says so first, as the asker cannot tell which side it answered.

// eachOfSeveral matches an ask for each of several things, not a per-layer
// table ("params of each layer") or a description ("each conv has 64
// filters").
var eachOfSeveral = regexp.MustCompile(`(?i)\b(?:does|do|did|would|will)\s+each\s+(?:one\s+)?(?:have|has|need|cost|take|use|give)\b|\beach\s+(?:one|option|version|variant|design|model|network|net|approach|of\s+(?:them|these|those|the\s+(?:two|three)))\b|\bof\s+each\s*(?:[?.!,;:]|$)|\b(?:for|of|in)\s+both\b|\bboth\s+(?:of\s+them|options|versions|designs|models|networks|nets|ways)\b`)

// eachDoubt is the doubt of a single reading of a message asking for
// each of several things.
const eachDoubt = "the question asks the same of several things (“each”, “both”), and this reading answers for one"

// withEachDoubted adds eachDoubt to q, the only reading of src, when src
// asks for each of several things; a reading that asks of several layers
// by name ("conv3_1 and conv3_2 ... params of each") answers each.
func withEachDoubted(src string, q *Question) *Question {
	if !eachAsksSeveral(src) || slices.Contains(q.Doubts, eachDoubt) || len(q.At) > 1 {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), eachDoubt)
	return &cp
}

// eachAsksSeveral reports whether an eachOfSeveral match of src asks, not
// a setting put on each ("bias=False in both convolutions").
func eachAsksSeveral(src string) bool {
	for _, m := range eachOfSeveral.FindAllStringIndex(src, -1) {
		word, _, _ := strings.Cut(strings.ToLower(src[m[0]:m[1]]), " ")
		if word != "for" && word != "of" && word != "in" || !settingOnEach.MatchString(src[:m[0]+len(word)]) {
			return true
		}
	}
	return false
}

package english

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// An example quoted before the question asked with other numbers: "The
// book says if we start with a 240x240 image, 10 layers of 5x5 convs
// shrink it to 200x200. If i start with a 180x180 image and apply 7 layers
// of 7x7 convolutions, what size is left?" The book's sentence is the
// rule the asker read, not the network asked about: it is left out, and
// its numbers named as the example's.

// enQuotedRE matches words that quote an example someone else worked.
var enQuotedRE = regexp.MustCompile(`(?i)\b(?:book|textbook|text|lecture|slides?|notes|professor|prof|teacher|tutorial|paper|video|course|example)\s+(?:says?|said|shows?|showed|states?|claims?|gives?|gave|has|had|goes)\b|\bfor\s+example\b|\bin\s+the\s+(?:book|lecture|example|slides|notes)\b`)

// enOwnCaseRE matches the start of the asker's own case: "If i start
// with", "now if we", "what if I", "suppose I", "in my case".
var enOwnCaseRE = regexp.MustCompile(`(?i)^\s*(?:so\s+|now\s+|but\s+|and\s+)?(?:(?:what\s+)?if\s+(?:i|we|my|instead)\b|suppose\s+(?:i|we)\b|in\s+my\s+(?:case|network|model)\b|for\s+my\s+(?:case|network|model)\b)`)

// enSentenceEnd matches the end of a sentence.
var enSentenceEnd = regexp.MustCompile(`[.!?]+(?:\s+|$)|\n+`)

// enHasLayers matches a size and a layer word: a sentence that sets up a
// network of its own.
var enHasSize = regexp.MustCompile(`\d+\s*[x×]\s*\d+`)

// enCallRE matches pasted code, a call: its own front-end reads it.
var enCallRE = regexp.MustCompile(`[A-Za-z]\(`)

// enDigits matches a number as the front door counts them.
var enDigits = regexp.MustCompile(`\d+(?:\.\d+)?`)

// quotedExample blanks, keeping every position, the sentences of src that
// quote an example before the asker's own case, and returns the numbers
// it blanked, named as the example's. src is returned unchanged when the
// question is not told that way.
func quotedExample(src string) (string, []lang.Unused) {
	ends := enSentenceEnd.FindAllStringIndex(src, -1)
	starts := []int{0}
	for _, e := range ends {
		if e[1] < len(src) {
			starts = append(starts, e[1])
		}
	}
	own := -1
	for k := len(starts) - 1; k >= 1; k-- {
		if enOwnCaseRE.MatchString(src[starts[k]:]) && enHasSize.MatchString(src[starts[k]:]) && !enCallRE.MatchString(src[starts[k]:]) {
			own = k
			break
		}
	}
	if own < 0 {
		return src, nil
	}
	b := []byte(src)
	var unused []lang.Unused
	for k := 0; k < own; k++ {
		s := src[starts[k]:starts[k+1]]
		if !enQuotedRE.MatchString(s) || !enHasSize.MatchString(s) || !ascii(s) {
			continue
		}
		for _, m := range enDigits.FindAllStringIndex(s, -1) {
			at := starts[k] + m[0]
			unused = append(unused, lang.Unused{Text: s[m[0]:m[1]], Pos: enPos(src, at), Why: "the example quoted before your own case, not the network asked about"})
		}
		for i := starts[k]; i < starts[k+1]; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	if unused == nil {
		return src, nil
	}
	return strings.Clone(string(b)), unused
}

// ascii reports whether s is ASCII: blanking it byte by byte keeps every
// column.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

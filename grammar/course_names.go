package grammar

import (
	"regexp"
	"strings"
)

// Courses name a layer's sizes with variables of their own: Andrew Ng's
// n_H_prev, n_W, n_C_prev and n_C, CS231n's W1, H1 and D1, the n_in of
// lecture notes. The English front-end reads the one-letter names (W=, F=,
// S=, P=, K=, n= beside f=); courseNames writes the longer ones as those,
// in place, so that every position in the text stays where it was.

// courseName matches a course's name for a size, before its "=" or ":".
var courseName = regexp.MustCompile(`(?i)\b(?:n_?[hw](?:_?prev|_in)?|n_?in|n_i|[wh](?:_in|1)|n_?c_?prev|c_in|d1|n_?c|n_?f|c_out|num_?filters)\s*[=:]\s*\d+\b(?:\s*[x×*]\s*\d)?`)

// courseOutput matches CS231n's names for the output volume asked,
// "W2, H2, D2", "W2 and H2", "W2 x H2 x D2": the output, written in
// their place (never longer than they are).
var courseOutput = regexp.MustCompile(`\b[WH]2(?:\s*(?:,|and|x|×)\s*[WHD]2){1,2}\b`)

// convContext matches a conv's settings written as letters or words
// ("f = 5", "s=1", "kernel", "stride"): only then are a course's names
// for sizes a conv's. "MLP with n_in = 784, h1 = 256" is no conv.
var convContext = regexp.MustCompile(`(?i)\b[fkps]\s*[=:]\s*\d|\b(?:kernel|filters?|stride|conv\w*)\b`)

// ngPrev matches Ng's name for the input's channels: beside it, n_C is the
// layer's own channels (its filters); alone, the n_C of an input ("n_H =
// 64, n_W = 64, n_C = 3") is the input's channels.
var ngPrev = regexp.MustCompile(`(?i)\bn_?c_?prev\b`)

// courseLetter is the one-letter name the English front-end reads for a
// course's name: the input's side, its channels, or the filters.
func courseLetter(name string, prevSaid bool) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	switch {
	case strings.HasPrefix(n, "ncprev") || n == "cin" || n == "d1" || n == "nc" && !prevSaid:
		return "C"
	case n == "nc" || n == "nf" || n == "cout" || n == "numfilters":
		return "K"
	}
	return "W"
}

// courseNames returns src with each course name of a size written as the
// one letter it stands for, padded with spaces to its length.
func courseNames(src string) string {
	if !convContext.MatchString(src) {
		return src
	}
	prevSaid := ngPrev.MatchString(src)
	src = courseOutput.ReplaceAllStringFunc(src, func(m string) string {
		if len(m) < len("output") {
			return "out" + strings.Repeat(" ", len(m)-3) // "W2,H2"
		}
		return "output" + strings.Repeat(" ", len(m)-6)
	})
	return courseName.ReplaceAllStringFunc(src, func(m string) string {
		at := strings.IndexAny(m, "=:")
		if strings.ContainsAny(m[at:], "x×*") {
			return m // "W1 = 784x128": a weight matrix, not a size
		}
		name := strings.TrimSpace(m[:at])
		if name == "d1" {
			return m // CS231n's depth is D1; a lowercase d1 is as often a dilation
		}
		return courseLetter(name, prevSaid) + strings.Repeat(" ", at-1) + m[at:]
	})
}

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
var courseName = regexp.MustCompile(`(?i)\b(?:n_?[hw](?:_?prev|_in)?|n_?in|n_i|[wh](?:_in|_?1)|n_?c_?prev|c_in|d_?1|n_?c|n_?f|c_out|d_?2|num_?filters)\s*[=:]`)

// courseLetter is the one-letter name the English front-end reads for a
// course's name: the input's side, its channels, or the filters.
func courseLetter(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	switch {
	case strings.HasPrefix(n, "ncprev") || n == "cin" || n == "d1":
		return "C"
	case n == "nc" || n == "nf" || n == "cout" || n == "d2" || n == "numfilters":
		return "K"
	}
	return "W"
}

// courseNames returns src with each course name of a size written as the
// one letter it stands for, padded with spaces to its length.
func courseNames(src string) string {
	return courseName.ReplaceAllStringFunc(src, func(m string) string {
		sep := m[len(m)-1:]
		name := strings.TrimSpace(m[:len(m)-1])
		return courseLetter(name) + strings.Repeat(" ", len(m)-2) + sep
	})
}

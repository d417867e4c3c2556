package grammar

import "regexp"

// A ratio said in passing ("thop gives 2x the MACs I get", "3 times slower",
// "off by 2x") compares two figures: no size or count of a layer depends
// on it. The English reader leaves such numbers out (english_ratio.go);
// this names them for every front-end's reading.

// ratioAfterRE matches what follows the number of a ratio: a times sign
// glued to it or the word "times", then a comparison or what is compared.
var ratioAfterRE = regexp.MustCompile(`(?i)^(?:x|×|\s*times)\s+(?:what|the|as|more|less|fewer|faster|slower|bigger|larger|smaller|higher|lower|that|my|mine|expected|too|than|longer|difference|off|speedup|slowdown|greater|heavier|cheaper|memory|compute|flops|macs|params|parameters)\b`)

// ratioBeforeRE matches "off by 2x", "about 2x" ending a phrase.
var ratioBeforeRE = regexp.MustCompile(`(?i)\b(?:by|about|roughly|nearly|almost|~)\s*$`)

// ratioEndRE matches a glued times sign that ends a phrase: "by 2x.".
var ratioEndRE = regexp.MustCompile(`(?i)^[x×]\s*(?:[.,;:!?)]|$)`)

// isRatio reports whether the number w is a ratio: "2x what I expect",
// "off by 2x".
func isRatio(src string, w written) bool {
	after := src[w.end:]
	if ratioAfterRE.MatchString(after) {
		return true
	}
	return ratioEndRE.MatchString(after) && ratioBeforeRE.MatchString(src[:w.off])
}

package grammar

import (
	"regexp"
	"slices"
)

// A question about one unit's weights ("how many weights feed into one
// output unit of Conv2d(20, 50, 5)") names no other count: a pasted
// reading that took "weights" for the layer's parameters, or "output
// unit" for the output's size, asks neither.

// unitParamWords ask a layer's parameters in so many words.
var unitParamWords = regexp.MustCompile(`(?i)\b(?:param(?:eter)?s?|trainable|learnable)\b`)

// unitOutputAsked asks an output's size in so many words, not "output unit".
var unitOutputAsked = regexp.MustCompile(`(?i)\boutput\s+(?:size|shape|dim\w*|volume|spatial|h\b|w\b|height|width)|\b(?:size|shape)\s+of\s+the\s+output|\boutput\s*\?`)

// unitOnly drops from asked the parameters and the output a one-unit
// question does not ask in words.
func unitOnly(src string, asked []string) []string {
	return slices.DeleteFunc(asked, func(a string) bool {
		return a == "params" && !unitParamWords.MatchString(src) || a == "output" && !unitOutputAsked.MatchString(src)
	})
}

// unitParamsAsked is the index in asked of the parameters a reading took
// the word "weights" for, when no word asks the parameters; -1 otherwise.
func unitParamsAsked(src string, asked []string) int {
	if unitParamWords.MatchString(src) {
		return -1
	}
	return slices.Index(asked, "params")
}

package grammar

import (
	"regexp"
	"strings"
)

// "BN after each conv", "a ReLU following every layer", "each conv
// followed by a max pool" place a layer after each of others: they
// describe the stack, and ask nothing of each layer.

// afterEachBefore matches the words before "each conv" that place a layer
// after it.
var afterEachBefore = regexp.MustCompile(`(?i)\b(?:after|following|behind|before|between)\s*$`)

// followedAfter matches the words after "each conv" that place a layer
// after it.
var followedAfter = regexp.MustCompile(`(?i)^\s*(?:,\s*)?(?:is\s+)?(?:followed|then|\+)\b`)

// placedAfterEach reports whether the eachWords match m of src places a
// layer after each layer rather than asking of each.
func placedAfterEach(src string, m []int) bool {
	return afterEachBefore.MatchString(strings.TrimRight(src[:m[0]], " ")+" ") || followedAfter.MatchString(src[m[1]:])
}

// normAfterEach matches the words after "no bias, BN after" that put a
// batch norm after every conv ("each conv", "every layer"): a layer of
// the stack, counted, not only the reason the convs have no bias.
var normAfterEach = regexp.MustCompile(`(?i)^\s*(?:each|every|all)\b`)

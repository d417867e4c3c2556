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

// settingOnEach matches the words before "both convs", "every conv" that
// set something on each of them: "bias=False on both convs", "with
// padding=1 on every conv", "no bias on all layers", "same padding for
// each conv"; they describe, and ask nothing of each layer.
var settingOnEach = regexp.MustCompile(`(?i)(?:=\s*[\w'"]+|\b(?:padding|pad|stride|strides|bias|dilation|relu|bn|batch\s*norm|batchnorm)\s*(?:[=:]|to\b|of\b)?\s*(?:\d+|same|valid|true|false)?|\b(?:same|valid)\s+padding|\bno\s+bias)\s*,?\s+(?:on|for|in|across|to|applied\s+to)\s*$`)

// countBeforeEach matches a count said of every layer before "each":
// "16 filters each", "64 channels each", "stride 1 each".
var countBeforeEach = regexp.MustCompile(`(?i)\b\d+\s+(?:filters|channels|kernels|units|neurons|feature\s+maps|maps|out(?:put)?\s+channels)\s*$|\b(?:stride|padding|pad|dilation)\s*=?\s*\d+\s*$`)

// placedAfterEach reports whether the eachWords match m of src places a
// layer after each layer, or a setting on each, rather than asking of
// each.
func placedAfterEach(src string, m []int) bool {
	before := strings.TrimRight(src[:m[0]], " ")
	return afterEachBefore.MatchString(before+" ") || followedAfter.MatchString(src[m[1]:]) ||
		settingOnEach.MatchString(before) || countBeforeEach.MatchString(before)
}

// normAfterEach matches the words after "no bias, BN after" that put a
// batch norm after every conv ("each conv", "every layer"): a layer of
// the stack, counted, not only the reason the convs have no bias.
var normAfterEach = regexp.MustCompile(`(?i)^\s*(?:each|every|all)\b`)

package grammar

import (
	"regexp"
	"slices"
)

// The activations of a whole network are sometimes asked summed over its
// layers: "counting only outputs of the conv and pool layers, total
// activation values per img?", "total activations of all layers". The
// readings answer one output (the last) or the network's counts, which
// look as sure as the sum asked; until the sum is read, the reply says it
// is not sure.

// layerSumAsked matches the activations of every layer asked summed.
var layerSumAsked = regexp.MustCompile(`(?i)\btotal\s+(?:number\s+of\s+)?activations?\b|\bactivations?\s+(?:values\s+)?(?:of|in|across|over)\s+(?:all|every|each)\s+(?:the\s+)?(?:layers?|convs?|conv\s+and\s+pool)\b|\boutputs\s+of\s+(?:all\s+|every\s+|each\s+)?(?:the\s+)?(?:conv\w*|pool\w*)\s+(?:and|&|\+)\s+(?:pool\w*|conv\w*)\s+layers\b`)

// layerSumDoubts is the doubt for src asking the activations of its
// layers summed when q, of two layers or more, answers no sum of them.
func layerSumDoubts(src string, q *Question) []string {
	if q.AtTogether || len(leafLayers(q)) < 2 || !layerSumAsked.MatchString(src) || slices.Contains(answeredFirst(q), "memory") {
		return nil
	}
	return []string{"the question asks for the activations of every layer summed, and this reading answers one output or the network's counts, not that sum"}
}

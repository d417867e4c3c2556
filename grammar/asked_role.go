package grammar

import (
	"regexp"
	"slices"
)

// The quantity asked decides the first line. "How many connections does
// it have, each bias counting as one" asks every link of the layer, as
// the LeNet paper counts them, not what one neuron reads; "how many
// incoming weights does each neuron have" asks what one neuron reads, not
// the layer's parameters.

// biasCountsAs counts the bias among the connections in words the plain
// reader of storage.go does not know: "if each bias counts as a
// connection", "biases count as connections".
var biasCountsAs = regexp.MustCompile(`(?i)\bbias(?:es)?\s+counts?\s+as\s+(?:a\s+|an\s+|one\s+)?(?:connection|input|weight)s?\b`)

// oneUnitAsked names one unit whose connections are asked, beyond
// oneNeuron's words: "1 neuron", "per output position".
var oneUnitAsked = regexp.MustCompile(`(?i)\b(?:1|single)\s+(?:output\s+)?(?:neuron|unit|node)s?\b|\bper\s+(?:output\s+)?(?:neuron|unit|node|position|pixel|location)\b|\beach\s+(?:output\s+)?(?:neuron|unit|node|position|pixel|location)\b`)

// itHas asks what the layer itself has: "how many connections does it
// have", "connections in the layer".
var itHas = regexp.MustCompile(`(?i)\bconnections\s+(?:does|do|will)\s+(?:it|this|that)\s+have\b|\bconnections\s+in\s+(?:the|this|that)\s+(?:whole\s+)?layer\b`)

// withLayerConnections reads a question about a single layer's
// connections that counts the bias as one, or asks what the layer has,
// and names no single unit, as every link of the layer: "A fully
// connected layer maps 200 inputs to 50 outputs. How many connections
// does it have if each bias counts as a connection?" asks 10,050, not
// 200.
func withLayerConnections(src string, q *Question) *Question {
	cp := *q
	if biasCountsAs.MatchString(src) && !q.BiasLeftOut {
		cp.BiasConnection = true
	}
	i := slices.Index(q.Asked, "connections")
	plain := withoutBiasClause(biasCountsAs.ReplaceAllStringFunc(src, blank))
	if i >= 0 && (cp.BiasConnection || itHas.MatchString(src)) && !oneNeuron.MatchString(plain) && !oneUnitAsked.MatchString(plain) && soleWeighted(q) && len(q.At) == 0 {
		cp.Asked = slices.Clone(q.Asked)
		cp.Asked[i] = "total connections"
	}
	return &cp
}

// blank is s as spaces, so positions after it are kept.
func blank(s string) string {
	b := make([]byte, len(s))
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

package grammar

import (
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
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

// storedObject says the weights or parameters are what the asked room
// stores: "bytes to store its weights+biases", "memory of the weights",
// "how many MB do the parameters take".
var storedObject = regexp.MustCompile(`(?i)\b(?:bytes?|memory|storage|room|space|[kmg]i?b|megabytes?|kilobytes?|gigabytes?)\b[^.?!]{0,40}?\b(?:weights?|param(?:eter)?s?|biases)\b|\b(?:weights?|param(?:eter)?s?|biases)\b[^.?!]{0,30}?\b(?:take\s+up|takes?|occupy|occupies|need|needs|use|uses)\b[^.?!]{0,20}\b(?:bytes?|memory|storage|room|space|[kmg]i?b)\b`)

// countAsked asks the count of weights or parameters for itself: "how
// many params", "params and bytes", "parameter count".
var countAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:learnable\s+|trainable\s+)?(?:weights|param(?:eter)?s)\b|\b(?:weights|param(?:eter)?s)\s*(?:\?|,|and\b|&|\+\s*(?:bytes|memory|size))|\b(?:param(?:eter)?|weight)\s+count\b|\bnumber\s+of\s+(?:weights|param(?:eter)?s)\b`)

// withStoredObject returns q without the weights or parameters its
// reading asked when the words name them only as what the asked bytes
// store: "how many bytes to store its weights+biases in float32?" asks
// the bytes, and a first line that leads with the weights answers
// another quantity.
func withStoredObject(src string, q *Question) *Question {
	if !slices.Contains(q.Asked, "param bytes") || !storedObject.MatchString(src) || countAsked.MatchString(src) {
		return q
	}
	cp := *q
	cp.Asked = slices.DeleteFunc(slices.Clone(q.Asked), func(a string) bool { return a == "weights" || a == "params" || a == "biases" })
	return &cp
}

// withVectorInput gives a chain of fully connected layers said without
// an input ("mlp 784-256-64-10: params and MACs per sample?") the vector
// its first layer reads, so the MACs asked are counted: a fully
// connected layer's In is its input, whole.
func withVectorInput(src string, q *Question) *Question {
	if q.Input != nil || !q.Network || len(q.Layers) == 0 || !slices.Contains(q.Asked, "macs") && !slices.Contains(q.Asked, "flops") {
		return q
	}
	first, ok := q.Layers[0].Layer.(calc.Linear)
	if !ok || first.In <= 0 {
		return q
	}
	cp := *q
	cp.Input = calc.Shape{first.In}
	return &cp
}

// weightsWithBias asks the weights with the biases counted in: "how many
// weights, with bias?", "weights including biases" — the parameters.
var weightsWithBias = regexp.MustCompile(`(?i)\bweights?\b[^.?!]{0,60}?\b(?:with|incl\.?|including|plus)\s+(?:the\s+|its\s+)?bias(?:es)?\b(?:\s*[^=\s]|\s*$)`)

// withWeightsAndBias returns q asking the parameters first where the
// words ask the weights with the bias counted in: "How many weights in a
// 3x3x3 Conv3d going from 4 to 8 channels, with bias?" asks 872, and a
// first line of the weights alone (864) answers another count.
func withWeightsAndBias(src string, q *Question) *Question {
	if !slices.Contains(q.Asked, "weights") || slices.Contains(q.Asked, "params") || q.BiasConnection || !weightsWithBias.MatchString(src) {
		return q
	}
	cp := *q
	cp.Asked = append([]string{"params"}, q.Asked...)
	return &cp
}

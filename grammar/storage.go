package grammar

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A question about storage — "how many bytes is resnet50 in fp16?", "MB
// for the weights of this conv in float32" — asks how much room the
// parameters take, in the number format it names. The front-ends read
// the layers; this reads the format and the storage asked, for all of
// them.

// numberFormats maps the names of number formats to their bytes.
var numberFormats = []struct {
	name  *regexp.Regexp
	bytes int
}{
	{regexp.MustCompile(`(?i)\b(?:fp16|float16|half(?:[- ]precision)?|bf16|bfloat16|f16)\b`), 2},
	{regexp.MustCompile(`(?i)\b(?:fp32|float32|single[- ]precision|float|f32)\b`), 4},
	{regexp.MustCompile(`(?i)\b(?:fp64|float64|double(?:[- ]precision)?|f64)\b`), 8},
	{regexp.MustCompile(`(?i)\b(?:int8|uint8|8[- ]bit|quantized)\b`), 1},
}

var (
	// storageWords ask how much room something takes.
	storageWords = regexp.MustCompile(`(?i)\b(?:bytes?|kb|mb|mib|gb|gib|megabytes?|gigabytes?|kilobytes?|memory|storage|disk|ram|vram|footprint|file\s+size|model\s+size)\b`)
	// paramWords say the room is the parameters'.
	paramWords = regexp.MustCompile(`(?i)\b(?:params?|parameters?|weights?|model\s+size|file\s+size|checkpoint|disk|storage|state_dict)\b`)
	// activationWords say it is the activations' (or training's), which
	// the memory estimate answers.
	activationWords = regexp.MustCompile(`(?i)\b(?:activations?|feature\s+maps?|tensors?|training|train|forward|backward|batch|gradients?|inference)\b`)
)

// paramTensor matches a tensor of parameters, "the weight tensor",
// "its kernel tensor": the parameters' room, not an activation's.
var paramTensor = regexp.MustCompile(`(?i)\b(?:weight|param(?:eter)?|bias|kernel|filter)s?\s+tensors?\b`)

// biasCounted matches words that count the bias among a neuron's
// connections: "counting the bias as one", "bias included", "plus its
// bias", "how many connections does a neuron have (with bias)".
var biasCounted = regexp.MustCompile(`(?i)\bcount(?:s|ed|ing)?\s+(?:the\s+|its\s+|a\s+)?bias|\bbias(?:es)?\s+(?:is\s+|are\s+)?(?:counted|included|incl\b|as\s+(?:a|an|one)\s+(?:connection|input|weight))|\b(?:plus|incl\.?|including)\s+(?:the\s+|its\s+|a\s+)?bias\b|\bwith\s+(?:the\s+)?bias\s+(?:connection|input)|\(\s*bias\s+incl|\bconnections?\s+(?:\w+\s+){0,7}\(?(?:with|\+)\s+(?:the\s+|its\s+)?bias\b`)

// biasNotCounted matches a negation just before the words that count the
// bias: "dont count bias", "do not count the bias".
var biasNotCounted = regexp.MustCompile(`(?i)\b(?:don'?t|do\s+not|not|never|without)\s*$`)

// withBiasCounted marks a question that counts the bias among a neuron's
// connections, whichever front-end read it.
func withBiasCounted(src string, q *Question) *Question {
	m := biasCounted.FindStringIndex(src)
	if m == nil || biasNotCounted.MatchString(src[max(0, m[0]-12):m[0]]) {
		return q
	}
	cp := *q
	cp.BiasConnection = true
	return &cp
}

// withStorage returns q with the number format src names and, when src
// asks how much room the parameters take, that asked.
func withStorage(src string, q *Question) *Question {
	bytes := 0
	for _, f := range numberFormats {
		if f.name.MatchString(src) {
			bytes = f.bytes
			break
		}
	}
	storage := storageWords.MatchString(src)
	activations := activationWords.MatchString(paramTensor.ReplaceAllString(src, " "))
	params := paramWords.MatchString(src)
	asked := ""
	switch {
	case storage && tensorOnly(q):
		asked = "tensor bytes" // "bytes of a float32 activation of shape 1x64x112x112"
	case storage && params && !activations:
		asked = "param bytes"
	case asksOutputRoom(src) && len(q.Layers) > 0 && q.Input != nil:
		asked = "output bytes" // memory_output.go: "memory of the output of a conv ..., stride 2"
	case byteWords.MatchString(src) && (activations || outputWords.MatchString(src)) && len(q.Layers) > 0:
		asked = "output bytes" // "the first conv outputs 224x224x64: how many bytes in float32?"
	case byteWords.MatchString(src) && len(q.Layers) > 0:
		asked = "param bytes" // "fp16 bytes for conv 3x3 512->512"
	}
	binary := binaryUnits.MatchString(src)
	if bytes == 0 && asked == "" && !binary {
		return q
	}
	cp := *q
	cp.Bytes = bytes
	cp.MiB = binary
	cp.Unused = unitNumbers(src, cp.Unused)
	if asked == "param bytes" && weightTensorSaid.MatchString(src) && len(cp.Layers) == 1 {
		cp.Layers = []Layer{cp.Layers[0]}
		cp.Layers[0].Layer, _ = unbiased(cp.Layers[0].Layer)
		cp.Canonical = lang.Format(&cp)
	}
	if asked != "" {
		cp.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(a string) bool {
			return a == "memory" || a == "output" || strings.HasSuffix(a, " bytes")
		}), asked)
	}
	return &cp
}

// binaryUnits count memory in powers of 1024: "MiB", "GiB", "the
// 1024*1024 kind of MB", "1024^2 bytes".
var binaryUnits = regexp.MustCompile(`(?i)\b(?:mib|gib|kib|mebibytes?|gibibytes?)\b|\b1024\s*(?:[*x×]\s*1024|\^\s*2|²)`)

// unitNumbers explains the numbers of a binary unit written out ("the
// 1024*1024 kind of MB"): they name the unit, not a size.
func unitNumbers(src string, unused []Unused) []Unused {
	return explainedWithin(src, unused, binaryUnits, func(string) string { return "it names the unit asked, 1024·1024 bytes (MiB)" })
}

// explainedWithin gives the unexplained numbers of unused that stand
// inside a match of re the reason why tells for that match.
func explainedWithin(src string, unused []Unused, re *regexp.Regexp, why func(match string) string) []Unused {
	spans := re.FindAllStringIndex(src, -1)
	if len(spans) == 0 {
		return unused
	}
	out := slices.Clone(unused)
	for i, u := range out {
		off := positionOffset(src, u.Pos)
		for _, sp := range spans {
			if out[i].Why == "" && off >= sp[0] && off < sp[1] {
				out[i].Why = why(src[sp[0]:sp[1]])
			}
		}
	}
	return out
}

// outputWords say the room asked is an output's: "the conv outputs
// 224x224x64: how many values and bytes".
var outputWords = regexp.MustCompile(`(?i)\b(?:outputs?|values|floats?)\b`)

// byteWords name a number of bytes, which a question about a layer asks
// of its parameters unless it says activations ("fp16 bytes for conv 3x3
// 512->512").
var byteWords = regexp.MustCompile(`(?i)\b(?:bytes?|kb|mb|mib|gb|gib|megabytes?|gigabytes?|kilobytes?)\b`)

// tensorOnly reports whether a reading is a tensor and nothing done to it.
func tensorOnly(q *Question) bool {
	if q.Input == nil {
		return false
	}
	for _, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.Activation: // "an activation of shape ..."
		default:
			return false
		}
	}
	return true
}

// flattenAsked matches a question for the size a fully connected layer
// takes in: "in_features of the Linear", "fc1 in = ?", "flatten size".
var flattenAsked = regexp.MustCompile(`(?i)\bin_features\b|\bin\s+features\b|\bfc\d?\s+in\b|\bflatten(?:ed)?\s+(?:size|dim\w*|length|features)\b|\bsize\s+after\s+(?:the\s+)?flatten|\binput\s+(?:size|features|dim\w*)\s+(?:of|for|to)\s+(?:the\s+)?(?:next\s+|first\s+)?(?:linear|dense|fc)`)

// withFlattenAsked asks a reading for its output when the words ask what
// a fully connected layer after it takes in: the flattened output is the
// answer, and a reply of parameters alone answers another question.
func withFlattenAsked(src string, q *Question) *Question {
	if slices.Contains(q.Asked, "output") || !flattenAsked.MatchString(src) || q.Fix != nil || endsInLinear(q) {
		return q // an error's fix, or the Linear itself read, answers it already
	}
	cp := *q
	cp.Asked = append(slices.Clip(q.Asked), "output")
	return &cp
}

// endsInLinear reports whether q's last layer is a fully connected one.
func endsInLinear(q *Question) bool {
	return len(q.Layers) > 0 && q.Layers[len(q.Layers)-1].Layer.Kind() == "linear"
}

// weightTensorSaid matches the weight alone asked, as PyTorch's .weight
// holds it: "the weight tensor", "weights only, no bias", ".weight".
var weightTensorSaid = regexp.MustCompile(`(?i)\bweight\s+tensor\b|\.weight\b|\bweights?\s+only\b|\bno\s+bias\b|\bwithout\s+(?:the\s+)?bias\b`)

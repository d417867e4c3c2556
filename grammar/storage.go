package grammar

import (
	"regexp"
	"slices"
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
	activationWords = regexp.MustCompile(`(?i)\b(?:activations?|feature\s+maps?|training|train|forward|backward|batch|gradients?|inference)\b`)
)

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
	params := storageWords.MatchString(src) && paramWords.MatchString(src) && !activationWords.MatchString(src)
	if bytes == 0 && !params {
		return q
	}
	cp := *q
	cp.Bytes = bytes
	if params {
		asked := slices.DeleteFunc(slices.Clone(q.Asked), func(a string) bool { return a == "memory" })
		cp.Asked = append(asked, "param bytes")
	}
	return &cp
}

package grammar

import "regexp"

// A separable conv's parts are often written with their kernels:
// "depthwise(3x3)+pointwise(1x1)", "a 3x3 dw then a 1x1 pw". The pointwise
// part's 1×1 is no size of the layer compared: read with the rest, it
// took the kernel's place ("conv 1x1") and pushed the real kernel into the
// input size ("input 3x3").

// pointwiseSize matches a pointwise conv's 1×1 written beside it:
// "pointwise(1x1)", "pointwise 1x1", "1x1 pointwise", "pw 1x1".
var pointwiseSize = regexp.MustCompile(`(?i)\b(pointwise|pw)\s*[(\[]?\s*1\s*[x×]\s*1(?:\s*[)\]])?|\b1\s*[x×]\s*1\s*[(\[]?\s*(pointwise|pw)\b(?:\s*[)\]])?`)

// withoutPointwiseSize returns src with the 1×1 of every pointwise conv
// left out, the word kept: "depthwise(3x3)+pointwise" reads as one 3×3
// layer's separable kind.
func withoutPointwiseSize(src string) string {
	return pointwiseSize.ReplaceAllString(src, "$1$2")
}

// pointwiseNamedFirst matches the part named before its 1×1, "pointwise(1x1)",
// "pw 1x1": that 1×1 is surely the part's. Written after it ("a 1x1
// pointwise"), the layer's own reading is tried first.
var pointwiseNamedFirst = regexp.MustCompile(`(?i)\b(?:pointwise|pw)\s*[(\[]?\s*1\s*[x×]\s*1\b`)

package english

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// "same" padding is TensorFlow's rule (out = ceil(in/stride)) in the spec
// language and in Keras, but PyTorch's nn.Conv2d(..., padding='same')
// refuses any stride above 1 ("padding='same' is not supported for
// strided convolutions"). A question in PyTorch's terms gets PyTorch's
// answer: the error, with the padding that works and the Keras rule
// named, never TensorFlow's size as if PyTorch gave it.

// padNumber matches a padding given as a number.
var padNumber = regexp.MustCompile(`(?i)\b(?:padding|pad)\s*(?:=|:|of)?\s*\(?\d`)

// torchSameStride refuses a strided 'same' conv of a question asked in
// PyTorch's terms; nil otherwise.
func (r *enReader) torchSameStride(a *enAnchor, c calc.Conv) error {
	if r.framework() != "pytorch" && !strings.Contains(r.src, "nn.Conv") || padNumber.MatchString(r.src) {
		return nil // "'same' isnt allowed so i use padding=2": the number is the padding used
	}
	s := 1
	for _, v := range c.Stride {
		s = max(s, v)
	}
	if s <= 1 || c.Transposed {
		return nil
	}
	k := 3
	if len(c.Kernel) > 0 {
		k = c.Kernel[0]
	}
	at := a.tok
	if i, ok := a.at["pad"]; ok {
		at = i
	}
	return r.fail(at, fmt.Sprintf("PyTorch refuses padding='same' with a stride above 1 (ValueError: \"padding='same' is not supported for strided convolutions\"); stride %d was given", s),
		fmt.Sprintf("give the padding as a number: padding=%d with a %dx%d kernel and stride %d; or ask it in Keras's terms, where 'same' gives ceil(input/stride)", (k-1)/2, k, k, s))
}

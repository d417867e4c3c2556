package grammar

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/paste"
)

// Keras's PReLU learns one slope per value of its input (H·W·C unless
// shared_axes says otherwise); PyTorch's nn.PReLU learns one, or one per
// channel. A reading that sizes a PReLU the PyTorch way for a question in
// Keras's words is not sure of its count.

// kerasPReLUDoubt says why a Keras question's PReLU count is in doubt, or
// "" when there is none; a PReLU named and not read is in doubt too.
func kerasPReLUDoubt(src string, q *Question) string {
	has := false
	for _, l := range leafLayers(q) {
		if _, ok := l.(calc.PReLU); ok {
			has = true
		}
	}
	switch {
	case !has && preluSaid.MatchString(src):
		return "the question names a PReLU, and this reading has none"
	case has && (kerasWords.MatchString(src) || paste.LooksLikeKeras(src)):
		return "the question is about Keras, whose PReLU learns one slope per value of its input (H·W·C unless shared_axes is set), and this reading counts PyTorch's nn.PReLU"
	}
	return ""
}

// preluSaid matches a PReLU named.
var preluSaid = regexp.MustCompile(`(?i)\bp-?relu\b`)

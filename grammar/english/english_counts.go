package english

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// enBiasCountedRE says the bias counts as a connection of a neuron: "we
// count the bias as a connection", "counting the bias", "if the bias is
// included", "plus its bias".
var enBiasCountedRE = regexp.MustCompile(`(?i)\bcount(?:ing|ed|s)? (?:the |its |a )?bias|\bbias(?:es)? (?:is |are )?(?:counted|included|incl\b|as (?:a|one) (?:connection|input|weight))|\b(?:plus|incl\.?|including|with) (?:the |its |a )?bias\b`)

// biasConnections says, for one layer asked about what one neuron reads
// with the bias counted as a connection ("(we count the bias as a
// connection)"), that count too, as the paste front-end does. Total
// connections already count the bias, as LeNet-5's paper does.
func (r *enReader) biasConnections(q *lang.Question) {
	if len(q.Layers) != 1 || !slices.Contains(q.Asked, "connections") || !enBiasCountedRE.MatchString(r.src) {
		return
	}
	var n int64
	switch x := q.Layers[0].Layer.(type) {
	case calc.Conv:
		if x.In == 0 || x.NoBias {
			return
		}
		n = int64(x.In / max(x.Groups, 1))
		for d := 0; d < max(x.Dims, 2); d++ {
			n *= int64(calc.Per(x.Kernel, d, 1))
		}
	case calc.Linear:
		if x.In == 0 || x.NoBias {
			return
		}
		n = int64(x.In)
	default:
		return
	}
	r.notes = append(r.notes, fmt.Sprintf("with the bias counted as a connection, as asked: %s + 1 = %s connections per output neuron",
		lang.Group(int(n)), lang.Group(int(n+1))))
}

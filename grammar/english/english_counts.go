package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

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

// enNoFlattenRE says no flatten comes before a dense layer: "i forgot the
// Flatten", "without flatten", "no Flatten layer".
var enNoFlattenRE = regexp.MustCompile(`(?i)\b(?:forg[eo]t(?:ten)?|without|w/o|no|missing|skipp?(?:ed|ing)?|didn'?t\s+(?:add|use|put))\s+(?:a\s+|the\s+|any\s+)?flatten(?:ing)?\b`)

// denseLastAxis reads a Keras Dense fed a volume with no Flatten before it
// ("input to it is (None, 10, 10, 32), i forgot the Flatten"): Keras's
// Dense acts on the last axis, so it has the channels as inputs at each
// position. It returns the layers and input to use, unchanged unless that
// is the question.
func (r *enReader) denseLastAxis(layers []lang.Layer, input calc.Shape) ([]lang.Layer, calc.Shape) {
	if len(input) < 2 || !enNoFlattenRE.MatchString(r.src) || r.framework() != "keras" && !strings.Contains(r.src, "Dense") {
		return layers, input
	}
	// The flatten named is the one missing.
	kept := slices.DeleteFunc(slices.Clone(layers), func(l lang.Layer) bool { _, f := l.Layer.(calc.Flatten); return f })
	if len(kept) != 1 {
		return layers, input
	}
	l, ok := kept[0].Layer.(calc.Linear)
	if !ok {
		return layers, input
	}
	l.In = input[0]
	layers = []lang.Layer{{Layer: l, Pos: kept[0].Pos, Fields: kept[0].Fields}}
	for _, t := range r.toks {
		if t.kind != 's' || len(t.dims) < 3 || t.dims[len(t.dims)-1] != input[0] {
			continue
		}
		for _, m := range enDigitsRE.FindAllStringIndex(r.src[t.off:min(t.end, len(r.src))], -1) {
			if text := r.src[t.off+m[0] : t.off+m[1]]; text != fmt.Sprint(input[0]) {
				r.g.unused = append(r.g.unused, lang.Unused{Text: text, Pos: enPos(r.src, t.off+m[0]),
					Why: "a position count: with no Flatten, Keras's Dense has the same weights at every position"})
			}
		}
		break
	}
	r.notes = append(r.notes, fmt.Sprintf("with no Flatten, Keras's Dense acts on the last axis: %d inputs at each of the %s positions, output %s×%d (the parameters do not depend on the positions)",
		input[0], enShapeText(input[1:]), enShapeText(input[1:]), l.Out))
	return layers, nil
}

// enDigitsRE finds the numbers written in a size.
var enDigitsRE = regexp.MustCompile(`\d+`)

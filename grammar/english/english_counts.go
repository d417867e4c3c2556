package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

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

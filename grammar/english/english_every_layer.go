package english

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A network said by one layer that every layer is, asked about a layer by
// its depth: "if every layer is a 3x3 conv with stride 1, how many input
// pixels does a unit in layer 5 depend on" is five such convs, not one.

// enEveryLayerRE matches words that say every layer is the one described.
var enEveryLayerRE = regexp.MustCompile(`(?i)\b(?:every|each|all(?:\s+(?:the|of\s+the))?)\s+(?:conv\w*\s+|hidden\s+)?layers?\s+(?:is|are|has|have|uses?|being|use)\b|\ball\s+(?:of\s+them\s+)?(?:are|use)\s+(?:an?\s+)?\d+\s*x\s*\d+`)

// enLayerDepthRE matches a layer named by its depth: "layer 5", "the 5th
// layer", "the fifth layer".
var enLayerDepthRE = regexp.MustCompile(`(?i)\b(?:in|of|at|from)\s+(?:the\s+)?(?:layer\s+(\d{1,2})\b|(\d{1,2})(?:st|nd|rd|th)\s+(?:conv\w*\s+)?layer\b|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:conv\w*\s+)?layer\b)`)

// enOrdinalWords number the layers up to the tenth.
var enOrdinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// everyLayer repeats the one conv described when the words say every
// layer is it and ask about a layer by its depth.
func (r *enReader) everyLayer() {
	real := r.realAnchors()
	if len(real) != 1 || real[0].kind != "conv" || real[0].repeat > 1 || !enEveryLayerRE.MatchString(r.src) {
		return
	}
	m := enLayerDepthRE.FindStringSubmatch(r.src)
	if m == nil {
		return
	}
	n := enOrdinalWords[strings.ToLower(m[3])]
	for _, s := range m[1:3] {
		if v, err := strconv.Atoi(s); err == nil {
			n = v
		}
	}
	if n < 2 || n > 64 {
		return
	}
	real[0].repeat = n
	r.notes = append(r.notes, fmt.Sprintf("every layer read as the one described, up to layer %d", n))
}

package grammar

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A layer said once and then again without its numbers: "conv k=3 s=3
// p=0 -> ? then another one the same -> ?", "and then an identical conv
// after it", "then the same layer again". Read alone, the second layer is
// lost and the reply sizes one layer; the second is the first again, on
// its output.

// sameAgain matches a layer said again as the one before: "then another
// one the same", "another identical conv", "the same conv again".
var sameAgain = regexp.MustCompile(`(?i)\b(?:then|and|followed\s+by|after\s+that|plus)\s+(?:(?:an?other|one\s+more|a\s+second)\s+(?:identical|same)(?:\s+(?:one|conv\w*|layer|pool\w*))?|(?:an?other|one\s+more|a\s+second)\s+(?:(?:one|conv\w*|layer|pool\w*)\s+)?(?:(?:exactly|just)\s+)?(?:the\s+same|identical|like\s+(?:it|that))|(?:the\s+)?same\s+(?:one|conv\w*|layer|pool\w*|thing)\s+again)\b`)

// askedEach matches an output asked after a layer: "-> ?", "-> ??".
var askedEach = regexp.MustCompile(`(?:->|→|=>)\s*\?`)

// sameAgainRead reads src with the words that say a layer again blanked
// out, then with the layer before repeated; nil when src says no layer
// again or the rest does not read.
func sameAgainRead(src string) *Question {
	ms := sameAgain.FindAllStringIndex(src, -1)
	if len(ms) != 1 {
		return nil
	}
	blank := src[:ms[0][0]] + strings.Repeat(" ", ms[0][1]-ms[0][0]) + src[ms[0][1]:]
	q, err := Parse(blank)
	if err != nil {
		return nil
	}
	if again := withSameAgain(src, q); again != q {
		return again
	}
	return nil
}

// withSameAgain returns q with its last layer repeated once on its output
// when src says a layer again as the one before, after every layer q
// read; the outputs asked after each ("-> ?") become places asked. It
// returns q when src says no such thing or q has no sized layer to repeat.
func withSameAgain(src string, q *Question) *Question {
	ms := sameAgain.FindAllStringIndex(src, -1)
	if len(ms) != 1 || len(q.Layers) == 0 || q.Solve != nil || q.Preset != "" {
		return q
	}
	m := ms[0]
	last := q.Layers[len(q.Layers)-1]
	if positionOffset(src, last.Pos) > m[0] {
		return q // a layer is described after the words: no repeat of the last
	}
	switch l := last.Layer.(type) {
	case calc.Conv:
		if l.In != l.Out {
			return q // "identical" to a conv that changes the channels cannot take its output
		}
	case calc.Pool:
	default:
		return q
	}
	var layers []calc.Layer
	for _, l := range q.Layers {
		layers = append(layers, l.Layer)
	}
	again, err := specQuestion(q.Input, append(layers, last.Layer))
	if err != nil {
		return q
	}
	for i := range q.Layers {
		again.Layers[i].Pos = q.Layers[i].Pos
	}
	again.Asked, again.Unused, again.Doubts = q.Asked, q.Unused, q.Doubts
	again.Notes = append(append([]string{}, q.Notes...), "“"+src[m[0]:m[1]]+"” read as the layer before, again, on its output")
	if len(askedEach.FindAllStringIndex(src, -1)) == len(again.Layers) {
		for i := range again.Layers {
			again.At = append(again.At, At{Layer: i, What: AtOutput, Name: ordinalName(i)})
		}
	}
	return again
}

// ordinalName names the i-th (0-based) layer in words.
func ordinalName(i int) string {
	names := []string{"the first", "the second", "the third", "the fourth"}
	if i < len(names) {
		return names[i]
	}
	return "a later one"
}

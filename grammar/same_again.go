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
// one the same", "another identical conv", "then an identical one", "the
// same conv again".
var sameAgain = regexp.MustCompile(`(?i)\b(?:then|and|followed\s+by|after\s+that|plus)\s+(?:an\s+identical\s+(?:one|conv\w*|layer|pool\w*)|(?:an?other|one\s+more|a\s+second)\s+(?:identical|same)(?:\s+(?:one|conv\w*|layer|pool\w*))?|(?:an?other|one\s+more|a\s+second)\s+(?:(?:one|conv\w*|layer|pool\w*)\s+)?(?:(?:exactly|just)\s+)?(?:the\s+same|identical|like\s+(?:it|that))|(?:the\s+)?same\s+(?:one|conv\w*|layer|pool\w*|thing)\s+again)\b`)

// askedEach matches an output asked after a layer: "-> ?", "-> ??".
var askedEach = regexp.MustCompile(`(?:->|→|=>)\s*\?`)

// sameAgainRead reads src with the words that say a layer again blanked
// out, then with the layer before repeated; nil when src says no layer
// again or the rest does not read.
func sameAgainRead(src string) *Question {
	ms := sameAgain.FindAllStringIndex(src, -1)
	if len(ms) == 0 || len(ms) > 4 {
		return nil
	}
	blank := src
	for _, m := range ms {
		blank = blank[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + blank[m[1]:]
	}
	q, err := Parse(blank)
	if err != nil {
		return nil
	}
	if again := withSameAgain(src, q); again != q {
		return again
	}
	return nil
}

// withSameAgain returns q with a layer repeated on its output each time
// src says a layer again as the one before, after every layer q read:
// the last, or the last of the kind named ("the same conv again" after a
// pool). The outputs asked after each ("-> ?") become places asked. It
// returns q when src says no such thing or q has no sized layer to repeat.
func withSameAgain(src string, q *Question) *Question {
	ms := sameAgain.FindAllStringIndex(src, -1)
	if len(ms) == 0 || len(q.Layers) == 0 || q.Solve != nil || q.Preset != "" {
		return q
	}
	if positionOffset(src, q.Layers[len(q.Layers)-1].Pos) > ms[0][0] {
		return q // a layer is described after the words: no repeat of the last
	}
	layers := make([]calc.Layer, 0, len(q.Layers)+len(ms))
	for _, l := range q.Layers {
		layers = append(layers, l.Layer)
	}
	var said []string
	for _, m := range ms {
		l, ok := repeated(src[m[0]:m[1]], layers)
		if !ok {
			return q
		}
		layers, said = append(layers, l), append(said, "“"+src[m[0]:m[1]]+"”")
	}
	again, err := specQuestion(q.Input, layers)
	if err != nil {
		return q
	}
	for i := range q.Layers {
		again.Layers[i].Pos = q.Layers[i].Pos
	}
	again.Asked, again.Unused, again.Doubts = q.Asked, q.Unused, q.Doubts
	again.Notes = append(append([]string{}, q.Notes...), strings.Join(said, ", ")+" read as the layer before, again, on its output")
	if len(askedEach.FindAllStringIndex(src, -1)) == len(again.Layers) {
		for i := range again.Layers {
			again.At = append(again.At, At{Layer: i, What: AtOutput, Name: ordinalName(i)})
		}
	}
	return again
}

// namedKind matches the kind of layer the words say again.
var namedKind = regexp.MustCompile(`(?i)\b(conv|pool)`)

// repeated is the layer the words say again: the last of layers, or the
// last of the kind they name; false when it cannot take the output of
// the last layer (a conv that changes its channels) or is no conv or pool.
func repeated(words string, layers []calc.Layer) (calc.Layer, bool) {
	kind := strings.ToLower(namedKind.FindString(words))
	for i := len(layers) - 1; i >= 0; i-- {
		switch l := layers[i].(type) {
		case calc.Conv:
			if kind == "" || kind == "conv" {
				return l, l.In == l.Out // "identical" to a conv that changes the channels cannot take its output
			}
		case calc.Pool:
			if kind == "" || kind == "pool" {
				return l, true
			}
		}
		if kind == "" {
			return nil, false
		}
	}
	return nil, false
}

// ordinalName names the i-th (0-based) layer in words.
func ordinalName(i int) string {
	names := []string{"the first", "the second", "the third", "the fourth"}
	if i < len(names) {
		return names[i]
	}
	return "a later one"
}

// sameAgainPart matches a part that only says the layer before again:
// "then another one the same -> ?".
var sameAgainPart = regexp.MustCompile(`(?i)^(?:` + sameAgain.String()[4:] + `)\W*$`)

// withPartAfter is p with the part after it, and what is between, added:
// a layer said again belongs to the question that said it first, not to
// every question as a shared remark.
func withPartAfter(src string, p, after part) part {
	p.text = src[p.off : after.off+len(after.text)]
	return p
}

package grammar

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A question may describe layers one after another in one sentence: "3x3
// depthwise on 32ch 56x56 (p1) then 1x1 to 64, MACs?". When its reading
// folds them into fewer layers (a depthwise conv that goes to 64
// channels), each clause is read as one layer on the output of the one
// before, and the whole as a network.

// thenWord matches the words between two layers described one after the
// other.
var thenWord = regexp.MustCompile(`(?i)[,;]?\s+(?:and\s+)?(?:then|followed\s+by)\s+(?:an?\s+|the\s+)?`)

// startsWithSize matches a clause that starts with a kernel size: "1x1 to
// 64", "k3s1p1".
var startsWithSize = regexp.MustCompile(`(?i)^(?:\d+\s*[x×]\s*\d+\b|k\s*\d)`)

// withThen returns q read again as layers one after another when src
// describes more layers after "then" than q has and the clauses read; q
// otherwise.
func withThen(src string, q *Question) *Question {
	q = withSizeSaid(src, q)
	if again := withoutPlaces(src, q); again != q {
		return withAt(src, again)
	}
	if thenChain(src, leafLayers(q)) == "" {
		return q
	}
	if again := readThen(src); again != nil {
		if len(again.Asked) == 0 {
			again.Asked = q.Asked // "-> ?": what the first reading took as asked
		}
		return again
	}
	return q
}

// readThen reads src clause by clause, each clause one layer on the
// output of the one before; nil when a clause does not read as one layer,
// or the first gives no input.
func readThen(src string) *Question {
	cuts := thenWord.FindAllStringIndex(src, -1)
	if len(cuts) == 0 || len(cuts) > 4 {
		return nil
	}
	first, err := Parse(src[:cuts[0][0]])
	if err != nil || len(first.Layers) != 1 || len(first.Input) != 3 {
		return nil
	}
	layers := []calc.Layer{first.Layers[0].Layer}
	for k, c := range cuts {
		end := len(src)
		if k+1 < len(cuts) {
			end = cuts[k+1][0]
		}
		l, ok := clauseLayer(src[c[1]:end], first.Input, layers)
		if !ok {
			return nil
		}
		layers = append(layers, l)
	}
	in := first.Input
	text := fmt.Sprintf("input %dx%dx%d", in[1], in[2], in[0])
	for _, l := range layers {
		text += "\n" + FormatLayer(l)
	}
	q, err := Parse(text)
	if err != nil {
		return nil
	}
	for i := range q.Layers {
		q.Layers[i].Pos, q.Layers[i].Fields = Position{}, nil // written by us, not the asker
	}
	q.Asked = askedOf(src)
	q.Notes = append([]string{"read as layers one after another, each clause after \"then\" one layer on the output of the one before"}, q.Notes...)
	return q
}

// clauseLayer reads one clause after "then" as one layer on the output of
// layers on in.
func clauseLayer(clause string, in calc.Shape, layers []calc.Layer) (calc.Layer, bool) {
	s, err := calc.Network{Input: in, Layers: layers}.Summarize()
	if err != nil || len(s.Output) != 3 {
		return nil, false
	}
	clause = strings.TrimRight(strings.TrimSpace(clause), "?.-> ")
	forms := []string{clause}
	if startsWithSize.MatchString(clause) {
		forms = []string{"conv " + clause, clause} // "1x1 to 64": the layer kind is the one before's
	}
	out := s.Output
	for _, f := range forms {
		q, err := Parse(fmt.Sprintf("%s, on a %dx%dx%d input", f, out[1], out[2], out[0]))
		if err == nil && len(q.Layers) == 1 {
			return q.Layers[0].Layer, true
		}
	}
	return nil, false
}

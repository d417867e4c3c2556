package grammar

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A layer written after words that change another into it is that other
// layer changed, not one more layer:
//
//	my first layer was nn.Conv2d(32, 64, 5) ... after I change it to nn.Conv2d(3, 64, 5)
//	if I change Conv2D(64, (3, 3)) to Conv2D(96, (3, 3)), how many params?
//	if I replace conv2 with nn.Conv2d(16, 64, 5) ...
//
// The front-ends read every call as a layer, so the new one was sized after
// the old (a conv 3->64 after a conv 3->64). The reader here puts the new
// layer in the old one's place and drops the layer the words wrote again
// to name it; when it cannot tell which layer is changed it says so.

// changeInto matches the words before a layer that change another into
// it; group 1 names the layer changed: "change it to", "replaced conv2
// with", "switch Conv2D(64, (3, 3)) for".
var changeInto = regexp.MustCompile(`(?i)\b(?:chang(?:e|ed|es|ing)|switch(?:ed|es|ing)?|replac(?:e|ed|es|ing)|swap(?:ped|s|ping)?)\b(\s(?:[^.?!\n]|\.\S){0,80}?)\s(?:to|into|with|for|by)\s*$`)

// changeMade matches the words before a layer that make the one a fix
// is about into it, named by a pronoun: "so i just make it", "should I
// make that layer", "set it to".
var changeMade = regexp.MustCompile(`(?i)\b(?:make|makes|made|making|set)(\s+(?:it|that|this|(?:that|this|the)\s+(?:layer|one|linear|fc|conv)))\s+(?:to\s+|into\s+|just\s+)?(?:an?\s+)?(?:nn\.)?$`)

// changedPronoun is a layer changed named by a pronoun or as "that layer":
// the layer the error message's fix is about.
var changedPronoun = regexp.MustCompile(`(?i)^\s*(?:it|that|this|(?:that|this|the)\s+(?:layer|one|conv|line)|(?:my|the)\s+(?:first|1st)\s+(?:layer|conv))\s*$`)

// changedAsked is a question about the changed layer itself: "how many
// params does it have", "that layer's params", "the new layer", "how
// many params is that then".
var changedAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:params|parameters|weights)\s+(?:is|would|will|does|has)\s+(?:be\s+)?(?:that|it)\b|\b(?:does|do|has|have|of|in|for)\s+(?:it|that\s+(?:layer|one|conv)|this\s+(?:layer|one|conv)|the\s+(?:new|changed|fixed)\s+(?:layer|one|conv)|the\s+layer)\b`)

// withChangedInto returns q with each layer written as the new form of
// another put in that one's place; q itself when the words change none.
func withChangedInto(src string, q *Question) *Question {
	if len(q.Layers) < 2 || len(src) > MaxChars*4 {
		return q
	}
	offs := layerOffsets(src, q)
	for y, o := range offs {
		if o <= 0 || o > len(src) {
			continue
		}
		lineStart := strings.LastIndexByte(src[:o], '\n') + 1
		m := changeInto.FindStringSubmatchIndex(src[lineStart:o])
		if m == nil {
			m = changeMade.FindStringSubmatchIndex(src[lineStart:o]) // "so i just make it Linear(5408, 10)?"
		}
		if m == nil {
			continue
		}
		old, copies := changedLayer(src, q, offs, y, lineStart+m[2], lineStart+m[3])
		if old < 0 {
			return withChangeDoubt(q, y)
		}
		return withChangedInto(src, changedInto(src, q, old, y, copies)) // "change fc1 to ... and fc2 to ..."
	}
	return q
}

// changedLayer is the layer the words src[from:to] change into layer y,
// and the layers written again there to name it; -1 when it is not told.
func changedLayer(src string, q *Question, offs []int, y, from, to int) (int, []int) {
	var copies []int
	for k, o := range offs {
		if o >= from && o < to && k < y {
			copies = append(copies, k)
		}
	}
	switch {
	case len(copies) == 1:
		k := copies[0]
		for j := k - 1; j >= 0; j-- {
			if reflect.DeepEqual(q.Layers[j].Layer, q.Layers[k].Layer) {
				return j, copies // the code's layer, written again in the words
			}
		}
		return k, nil
	case len(copies) > 1:
		return -1, nil
	}
	words := strings.TrimSpace(lastChanged(src[from:to]))
	if changedPronoun.MatchString(words) {
		if q.Fix != nil && q.Fix.Layer >= 0 && q.Fix.Layer < y {
			return q.Fix.Layer, nil
		}
		return -1, nil
	}
	names, _ := layerNames(src, offs)
	name := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(words), "the "), "self.")
	if l := names[name]; len(l) == 1 && l[0] < y {
		return l[0], nil
	}
	return -1, nil
}

// changeJoined matches what joins two changes: "change fc1 to X and fc2
// to Y" ("and", "then", a comma).
var changeJoined = regexp.MustCompile(`(?i)\b(?:and|then)\b|[,;]`)

// lastChanged is the words naming the layer changed when they follow
// another change: "fc2" of "fc1 to nn.Linear(784, 256) and fc2"; words
// itself otherwise.
func lastChanged(words string) string {
	end := strings.LastIndexByte(words, ')')
	if end < 0 {
		return words
	}
	rest := words[end+1:]
	all := changeJoined.FindAllStringIndex(rest, -1)
	if all == nil {
		return words
	}
	return rest[all[len(all)-1][1]:]
}

// changedInto is q with layer y put in place of layer old, y and the
// copies dropped, and a note that says so.
func changedInto(src string, q *Question, old, y int, copies []int) *Question {
	cp := *q
	cp.Layers = slices.Clone(q.Layers)
	cp.Layers[old].Layer, cp.Layers[old].Fields = q.Layers[y].Layer, q.Layers[y].Fields
	drop := append([]int{y}, copies...)
	keep := make([]int, len(q.Layers)) // old index -> new index, -1 dropped
	n := 0
	for i := range q.Layers {
		keep[i] = -1
		if !slices.Contains(drop, i) {
			keep[i], n = n, n+1
		}
	}
	layers := cp.Layers[:0:0]
	for i, l := range cp.Layers {
		if keep[i] >= 0 {
			layers = append(layers, l)
		}
	}
	cp.Layers = layers
	cp.At = nil
	for _, a := range q.At {
		if a.Layer >= 0 && a.Layer < len(keep) && keep[a.Layer] >= 0 {
			a.Layer = keep[a.Layer]
			cp.At = append(cp.At, a)
		}
	}
	if len(cp.At) == 0 && changedAsked.MatchString(src) {
		cp.At = []At{{Layer: keep[old], Name: "the changed layer"}}
	}
	cp.Fix = nil
	if f := q.Fix; f != nil && f.Layer >= 0 && f.Layer < len(keep) && keep[f.Layer] >= 0 &&
		(f.Layer != old || reflect.DeepEqual(q.Layers[old].Layer, q.Layers[y].Layer)) {
		fixed := *f // a fix of the layer the asker changed otherwise is theirs to drop
		fixed.Layer = keep[f.Layer]
		cp.Fix = &fixed
	}
	cp.Notes = append([]string{fmt.Sprintf("layer %d read as changed into the layer on line %d, as the words say", keep[old]+1, q.Layers[y].Pos.Line)}, q.Notes...)
	cp.Canonical = lang.Format(&cp)
	return &cp
}

// withChangeDoubt is q doubted: the words change a layer into layer y and
// the reading cannot tell which, so y is read as one more layer.
func withChangeDoubt(q *Question, y int) *Question {
	cp := *q
	d := fmt.Sprintf("the question changes a layer into the one on line %d, and this reading cannot tell which: it is read as one more layer", q.Layers[y].Pos.Line)
	cp.Doubts = append(slices.Clip(q.Doubts), d)
	return &cp
}

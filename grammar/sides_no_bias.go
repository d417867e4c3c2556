package grammar

import (
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
)

// Two designs set side by side, then "no bias." said once after both:
// "plain 3x3 conv 256->256 vs bottleneck 1x1 256->64, 3x3 64->64, 1x1
// 64->256. no bias. params of each?". Read side by side, the words fall
// to the last layer of the last side, and the other layers keep a bias
// the question took away.

// tailNoBias matches biases left out in a clause of their own: after a
// sentence's end, a semicolon or a colon, or after a comma with a word
// for every layer ("no bias anywhere").
var tailNoBias = regexp.MustCompile(`(?i)(?:^|[.;:!?\n]\s*|\(\s*)(?:and\s+|with\s+|but\s+)?(?:no\s+bias(?:es)?|bias\s*=\s*false|without\s+(?:any\s+)?bias(?:es)?|bias(?:es)?\s+(?:off|ignored|excluded|not\s+counted))\b`)

// markAfter matches a question mark right after the words: "and without
// bias?" asks the question again, changed.
var markAfter = regexp.MustCompile(`^\s*\?`)

// biasKept matches a bias said of some layer: then the words are not said
// of all.
var biasKept = regexp.MustCompile(`(?i)\bwith\s+(?:a\s+)?bias(?:es)?\b|\bbias\s*=\s*true\b|\bbias(?:es)?\s+(?:on|included)\b`)

// withSidesUnbiased takes the bias off every layer of every side when src
// says "no bias" in a clause of its own after every layer of the sides
// (or says it of all of them); the sides are returned as they were
// otherwise.
func withSidesUnbiased(src string, qs []*Question) []*Question {
	m := tailNoBias.FindStringIndex(src)
	if len(qs) < 2 || m == nil || markAfter.MatchString(src[m[1]:]) || biasKept.MatchString(src) || !allNoBias.MatchString(src) && !afterEveryLayer(src, m[1]) {
		return qs
	}
	out := make([]*Question, len(qs))
	for i, q := range qs {
		out[i] = withoutBias(q)
	}
	return out
}

// layerAfter matches what describes a layer: channels or a size.
var layerAfter = regexp.MustCompile(`\d\s*(?:->|→|[x×]\s*\d)|\bconv|\bfc\b|\blinear\b|\bdense\b`)

// afterEveryLayer reports whether offset at of src comes after every
// layer the sides describe: no channels, size or layer word after it.
func afterEveryLayer(src string, at int) bool {
	return !layerAfter.MatchString(src[at:])
}

// withoutBias is q with no bias on any conv or fully connected layer; q
// itself when none has one, or a layer is a block.
func withoutBias(q *Question) *Question {
	cp := *q
	cp.Layers = slices.Clone(q.Layers)
	changed := false
	for i, l := range cp.Layers {
		nb, ok := unbiased(l.Layer)
		if !ok && calc.Leaves(l.Layer, 2) != 1 {
			return q
		}
		changed = changed || biased(l.Layer)
		cp.Layers[i].Layer = nb
	}
	if !changed {
		return q
	}
	cp.Canonical = Format(&cp)
	cp.Notes = append(slices.Clip(q.Notes), "no layer has a bias, as the question says of all")
	return &cp
}

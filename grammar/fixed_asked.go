package grammar

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// An error message's fix is the asker's next step, and often what they ask
// about: "expected input to have 3 channels, but got 1 ... if I change that
// layer to take 1 input channel, how many params will it have?". The reply
// answered the layer as written, with confidence. The fixed layer is read
// from the fix's own line and put in the reading in place of the one
// written, and that is answered instead.

// changeAsked matches words that ask about the layer once changed: "if I
// change it to", "after fixing", "with 1 input channel instead".
var changeAsked = regexp.MustCompile(`(?i)\bif\s+(?:i|we|you)\s+(?:change|make|switch|set|fix|update|modify|use)\b|\b(?:after|once)\s+(?:i\s+|we\s+)?(?:chang|fix|switch|updat)\w*|\bwith\s+(?:the\s+|that\s+)?fix\b|\bfixed\s+(?:layer|version|one)\b`)

// withFixedAsked returns q with its fix applied when src asks about the
// layer once changed; nil otherwise.
func withFixedAsked(src string, q *Question) *Question {
	if q.Fix == nil || q.Fix.Line == "" || !changeAsked.MatchString(src) {
		return nil
	}
	fixed, err := Parse(q.Fix.Line)
	if err != nil || len(fixed.Layers) != 1 || q.Fix.Layer < 0 || q.Fix.Layer >= len(q.Layers) {
		return nil
	}
	cp := *q
	cp.Layers = slices.Clone(q.Layers)
	cp.Layers[q.Fix.Layer].Layer = withoutBiasSaid(src, fixed.Layers[0].Layer)
	cp.Fix = nil
	cp.Canonical = lang.Format(&cp)
	cp.Notes = append([]string{"asked with the fix applied: " + q.Fix.Line}, q.Notes...)
	reports, _ := computed(&cp)
	used := readingValues(&cp, reports)
	cp.Unused = slices.DeleteFunc(slices.Clone(q.Unused), func(u Unused) bool {
		v, err := strconv.ParseFloat(strings.ReplaceAll(u.Text, ",", ""), 64)
		return u.Why == "" && err == nil && used[v] // the fixed layer uses it: "to accept 3 channels"
	})
	if d := biasIgnored(src, &cp); d != "" && !slices.Contains(cp.Doubts, d) {
		cp.Doubts = append(slices.Clip(cp.Doubts), d)
	}
	return &cp
}

// withoutBiasSaid takes the bias off a fixed conv or linear layer when the
// words say it has none ("(bias=False like resnet)"): the fix's line is
// written with the framework's default.
func withoutBiasSaid(src string, l calc.Layer) calc.Layer {
	if !noBiasSaid.MatchString(src) || biasOn(src) {
		return l
	}
	l, _ = unbiased(l)
	return l
}

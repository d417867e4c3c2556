package bot

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// A comparison's words often settle the biases of every side at once:
// "biases included in every conv", "bias off on everything". When the
// sides read below do not have the biases the words give — a depthwise
// separable side with Keras's one bias, on the pointwise conv, where the
// asker gave each conv its own — the comparison is answered with the
// biases as said, after saying the reading differs.

// everyBias matches words that give every conv a bias: "biases included
// in every conv", "bias on both the depthwise and the pointwise conv",
// "each conv has its own bias", "biases on everything".
var everyBias = regexp.MustCompile(`(?i)\b(?:every|each|all|both)\b[^.?!;\n]{0,40}\bbias(?:es)?\b|\bbias(?:es)?\b[^.?!;\n]{0,30}\b(?:every(?:thing|where)?|each|all|both)\b`)

// biasNegated matches the words that take biases away ("no bias in
// every conv"): everyBias then says the opposite.
var biasNegated = regexp.MustCompile(`(?i)\b(?:no|without|w/o|ignor\w*|exclud\w*|not|off|false|minus|drop\w*|disabled?|skip\w*)\b`)

// noBiasAnywhere matches words that leave every bias out: "bias off on
// everything", "no bias anywhere", "all convs without bias".
var noBiasAnywhere = regexp.MustCompile(`(?i)\b(?:no|without)\s+(?:any\s+)?bias(?:es)?\b[^.?!;\n]{0,20}\b(?:everywhere|anywhere|at\s+all|on\s+(?:all|every|each|everything|both))\b` +
	`|\bbias(?:es)?\s+(?:off|disabled|false)\s+(?:(?:on|for|in)\s+)?(?:all|every|each|everything|both|everywhere)\b` +
	`|\b(?:all|every|each|both)\b[^.?!;\n]{0,30}(?:bias\s*=\s*false|no\s+bias|without\s+(?:a\s+)?bias|bias\s+off)`)

// kerasWords matches a message about Keras, whose SeparableConv2D has one
// bias: its count is the one meant.
var kerasWords = regexp.MustCompile(`(?i)\bkeras\b|\bSeparableConv[123]D\b|\btensorflow\b|\btf\.`)

// biasesAsSaid is the parameters of both sides with the biases the words
// of text give every conv (asked "params"), what the words say, and
// whether the sides read below differ from them. The counting is calc's
// (calc.ParamsWithEveryBias, calc.ParamsWithoutBiases).
func biasesAsSaid(text string, one, two Reply, asked string) (said string, x, y int64, ok bool) {
	if asked != "params" || kerasWords.MatchString(text) || nested(one) || nested(two) {
		return "", 0, 0, false // biases inside blocks are not counted here: the reading's doubts speak for them
	}
	x, _ = paramsOf(one)
	y, _ = paramsOf(two)
	if m := everyBias.FindStringIndex(text); m != nil && !biasNegated.MatchString(clauseOf(text, m)) {
		x2, errx := calc.ParamsWithEveryBias(x, sideLayers(one))
		y2, erry := calc.ParamsWithEveryBias(y, sideLayers(two))
		if errx != nil || erry != nil || x2 == x && y2 == y {
			return "", 0, 0, false
		}
		said = "the question gives every conv a bias, and a side below has a conv without one"
		if separableSide(one) || separableSide(two) {
			said += " (a depthwise separable conv with one bias, on its pointwise conv, as Keras's SeparableConv2D has it)"
		}
		return said + ". With a bias on every conv, as asked", x2, y2, true
	}
	if noBiasAnywhere.MatchString(text) {
		x2, errx := calc.ParamsWithoutBiases(x, leafReports(one))
		y2, erry := calc.ParamsWithoutBiases(y, leafReports(two))
		if errx != nil || erry != nil || x2 == x && y2 == y {
			return "", 0, 0, false
		}
		return "the question leaves every bias out, and a side below has biases. Without any bias, as asked", x2, y2, true
	}
	return "", 0, 0, false
}

// clauseEnd matches the end of a clause.
var clauseEnd = regexp.MustCompile(`[.?!;\n]`)

// clauseOf is the clause of text around the span m: a negation anywhere
// in it ("in both, bias=False") takes the biases away.
func clauseOf(text string, m []int) string {
	from, to := 0, len(text)
	if ends := clauseEnd.FindAllStringIndex(text[:m[0]], -1); len(ends) > 0 {
		from = ends[len(ends)-1][1]
	}
	if end := clauseEnd.FindStringIndex(text[m[1]:]); end != nil {
		to = m[1] + end[0]
	}
	return text[from:to]
}

// nested reports whether a side has blocks, whose convs the counts here
// do not reach.
func nested(r Reply) bool {
	for _, l := range r.Question.Layers {
		if calc.Leaves(l.Layer, 2) > 1 {
			return true
		}
	}
	return false
}

// separableSide reports whether a side has a depthwise conv (one group
// per input channel) without a bias.
func separableSide(r Reply) bool {
	for _, l := range r.Question.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && c.NoBias && (c.Depthwise || c.Groups > 1 && c.Groups == c.In) {
			return true
		}
	}
	return false
}

// sideLayers are the layers of a side as read (blocks not entered: see
// nested).
func sideLayers(r Reply) []calc.Layer {
	out := make([]calc.Layer, 0, len(r.Question.Layers))
	for _, l := range r.Question.Layers {
		out = append(out, l.Layer)
	}
	return out
}

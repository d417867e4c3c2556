package bot

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// comparing matches the words of a message that sets two designs side by
// side: "vs", "instead of", "how many do I save".
var comparing = regexp.MustCompile(`(?i)\b(?:vs|versus|instead|compared?|comparison|rather|save[sd]?|saving|fewer|less|more|differen(?:ce|t)|reduc\w*|than|replac\w*|options?|each\s+way|both)\b`)

// compared is one number both sides of a comparison have.
type compared struct {
	name string // "learnable parameters"
	get  func(Reply) (int64, bool)
}

// comparedNumbers are the numbers a comparison is answered with, the first
// one both sides asked for and have.
var comparedNumbers = map[string]compared{
	"params": {"learnable parameters", paramsOf},
	"macs":   {"multiply-accumulates", totalMACs},
	"flops":  {"multiply-accumulates", totalMACs},
	"weights": {"weights", func(r Reply) (int64, bool) {
		var n int64
		for _, rep := range leafReports(r) {
			n += rep.Weights
		}
		return n, len(leafReports(r)) > 0
	}},
}

// leafReports are the single layers of a reply.
func leafReports(r Reply) []calc.Report {
	if r.Summary == nil {
		return r.Reports
	}
	var out []calc.Report
	for _, row := range r.Summary.Leaves() {
		out = append(out, *row.Report)
	}
	return out
}

// writeCompared answers a comparison of two designs on its first line —
// "73,856 vs 102,464 learnable parameters: the first has 28,608 fewer" —
// before each side is worked under its own number, and reports whether it
// did.
func writeCompared(b *strings.Builder, r Reply, m markup) bool {
	if len(r.Answers) != 2 || !comparing.MatchString(r.Text) {
		return false
	}
	one, two := r.Answers[0], r.Answers[1]
	if one.Err != nil || two.Err != nil || one.Question == nil || two.Question == nil {
		return false
	}
	for _, asked := range comparedAsked(one) {
		c, ok := comparedNumbers[asked]
		if !ok {
			continue
		}
		x, okx := c.get(one)
		y, oky := c.get(two)
		if !okx || !oky {
			continue
		}
		if x == y {
			// Two designs compared come out alike only when one was
			// misread (or both): say so first.
			fmt.Fprintf(b, "%s both sides come out with %s %s, so one of them is likely misread: check each “Understood as” below, and rephrase if it is not your question.\n\n", m.bold("Not sure I read this right:"), large(x), c.name)
			return false
		}
		fmt.Fprintf(b, "%s %s vs %s %s: %s\n\n", m.bold("Answer:"), large(x), large(y), c.name, difference(x, y))
		return true
	}
	return false
}

// comparedAsked is what the first side asked for, parameters first when
// it asked for nothing in particular.
func comparedAsked(r Reply) []string {
	if len(r.Question.Asked) > 0 {
		return r.Question.Asked
	}
	return []string{"params", "macs"}
}

// difference says how the first number stands to the second.
func difference(x, y int64) string {
	switch {
	case x == y:
		return "the same"
	case x < y:
		return fmt.Sprintf("the first has %s fewer (%s)", large(y-x), share(x, y))
	default:
		return fmt.Sprintf("the first has %s more (%s)", large(x-y), share(x, y))
	}
}

// share is x as a share of y, "72% of the second", or as a ratio when x
// is many times y, "40.4× the second".
func share(x, y int64) string {
	switch f := float64(x) / float64(y); {
	case y == 0:
		return "the second is 0"
	case f >= 2:
		return fmt.Sprintf("%.3g× the second", f)
	case f < 0.01:
		return fmt.Sprintf("1/%s of the second", group(int64(math.Round(1/f)))) // 456 of 14,455,392: 1/31,700, not "0%"
	default:
		return fmt.Sprintf("%.0f%% of the second", 100*f)
	}
}

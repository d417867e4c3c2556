package bot

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// comparing matches the words of a message that sets two designs side by
// side: "vs", "instead of", "how many do I save", "which is cheaper".
var comparing = regexp.MustCompile(`(?i)\b(?:vs|versus|instead|compared?|comparison|rather|save[sd]?|saving|fewer|less|more|differen(?:ce|t)|reduc\w*|than|replac\w*|options?|each\s+way|both|cheaper|costlier|bigger|smaller|larger|heavier|lighter|directly|equivalent)\b`)

// comparedNote matches the note a grammar reader puts on the side of a
// comparison that sets two designs apart even when the words hold no "vs":
// a stack against one layer ("compared: two 3x3 convs instead of one 5x5
// conv"), a bottleneck against the layer it slims ("directly, and if we
// first use a 1x1 conv"). A layer compared with its fully connected
// equivalent is not one: the two may well be alike.
var comparedNote = regexp.MustCompile(`^compared: (?:.+ instead of .+|a 1×1 conv down to .+)$`)

// sidesCompared reports whether a reader of comparisons made the answers.
func sidesCompared(r Reply) bool {
	for _, a := range r.Answers {
		if a.Question == nil {
			continue
		}
		for _, n := range a.Question.Notes {
			if comparedNote.MatchString(n) {
				return true
			}
		}
	}
	return false
}

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

// matchedByDesign matches a factorization built to keep its twin's
// parameter count: (2+1)D picks the middle width of its 1×k×k and t×1×1
// convs so both sides come out alike (Tran et al. 2018), which is then no
// sign of a misreading.
var matchedByDesign = regexp.MustCompile(`(?i)\(\s*2\s*\+\s*1\s*\)\s*-?d\b|\br2plus1d\b`)

// writeCompared answers a comparison of two designs on its first line —
// "two 3x3 convs 73,856 vs one 5x5 conv 102,464 learnable parameters: two
// 3x3 convs have 28,608 fewer" — before each side is worked under its own
// number, and reports whether it did. Sides that come out alike, that were
// asked different things, or whose biases are not the ones the words give
// are said first to be likely misread.
func writeCompared(b *strings.Builder, r Reply, m markup) bool {
	if len(r.Answers) != 2 || !comparing.MatchString(r.Text) && !sidesCompared(r) {
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
		if other, ok := askedOther(one.Question.Asked, two.Question.Asked); ok {
			fmt.Fprintf(b, "%s the first side was read as asking for the %s and the second for the %s, so one of them is likely misread: check each “Understood as” below, and rephrase if it is not your question.\n\n", m.bold("Not sure I read this right:"), c.name, other)
			return false
		}
		if x == 0 && y == 0 && len(one.Question.Asked) == 0 {
			continue // nothing asked, and neither side has any: two pools compare by their outputs
		}
		if said, ok := effectCompared(r, asked, x, y); ok {
			fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), said)
			return true
		}
		if x == y && !matchedByDesign.MatchString(r.Text) {
			// Two designs compared come out alike only when one was
			// misread (or both): say so first.
			fmt.Fprintf(b, "%s both sides come out with %s %s, so one of them is likely misread: check each “Understood as” below, and rephrase if it is not your question.\n\n", m.bold("Not sure I read this right:"), large(x), c.name)
			return false
		}
		first, second := sideNames(two.Question)
		if asked == "params" || asked == "weights" {
			if said, x2, y2, ok := biasesAsSaid(r.Text, one, two, asked); ok {
				fmt.Fprintf(b, "%s %s; as read below, %s vs %s.\n\n", m.bold("Not sure I read this right:"), said, large(x), large(y))
				fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), comparedLine(x2, y2, c.name, first, second))
				return true
			}
		}
		fmt.Fprintf(b, "%s %s\n\n", m.bold("Answer:"), comparedLine(x, y, c.name, first, second))
		return true
	}
	return false
}

// comparedLine sets two numbers side by side: "two 3x3 convs 73,856 vs one
// 5x5 conv 102,464 learnable parameters: two 3x3 convs have 28,608 fewer
// (72% of one 5x5 conv)"; sides not named are "the first" and "the second".
func comparedLine(x, y int64, name, first, second string) string {
	if first == "" {
		return fmt.Sprintf("%s vs %s %s: %s", large(x), large(y), name, difference(x, y, "the first has", "the second"))
	}
	has := " has"
	if plural.MatchString(first) {
		has = " have" // "two 3x3 convs have"
	}
	return fmt.Sprintf("%s %s vs %s %s %s: %s", first, large(x), second, large(y), name, difference(x, y, first+has, second))
}

// plural matches a side named in the plural: "two 3x3 convs".
var plural = regexp.MustCompile(`(?i)^(?:two|three|four|five|six|seven|eight|nine|[2-9])\b`)

// stackNote matches the note of a stack comparison's second side: the two
// sides by name.
var stackNote = regexp.MustCompile(`^compared: (.+) instead of (.+)$`)

// sideNames are the names of a stack comparison's sides ("two 3x3 convs",
// "one 5x5 conv"), read from the note on the second side q; "" when it has
// none.
func sideNames(q *grammar.Question) (first, second string) {
	for _, n := range q.Notes {
		if m := stackNote.FindStringSubmatch(n); m != nil {
			return m[2], m[1]
		}
	}
	return "", ""
}

// askedFamilies puts together the words for one number: the weights of a
// side without biases are its parameters.
var askedFamilies = map[string]string{"params": "params", "weights": "params", "macs": "macs", "flops": "macs"}

// askedNames name what a side may be asked for.
var askedNames = map[string]string{"output": "output size", "receptive field": "receptive field", "biases": "biases",
	"params": "learnable parameters", "weights": "weights", "macs": "multiply-accumulates", "flops": "multiply-accumulates"}

// askedOther reports whether the second side asked for something (asked2)
// and nothing the first side asked (asked1), and names what it asked.
func askedOther(asked1, asked2 []string) (string, bool) {
	if len(asked1) == 0 || len(asked2) == 0 {
		return "", false
	}
	for _, a := range asked2 {
		for _, b := range asked1 {
			if a == b || askedFamilies[a] != "" && askedFamilies[a] == askedFamilies[b] {
				return "", false
			}
		}
	}
	name := askedNames[asked2[0]]
	if name == "" {
		name = asked2[0]
	}
	return name, true
}

// comparedAsked is what the first side asked for, parameters first when
// it asked for nothing in particular.
func comparedAsked(r Reply) []string {
	if len(r.Question.Asked) > 0 {
		return r.Question.Asked
	}
	return []string{"params", "macs"}
}

// difference says how the first number stands to the second: "the first
// has 28,608 fewer (72% of the second)".
func difference(x, y int64, firstHas, second string) string {
	switch {
	case x == y:
		return "the same"
	case x < y:
		return fmt.Sprintf("%s %s fewer (%s)", firstHas, large(y-x), share(x, y, second))
	default:
		return fmt.Sprintf("%s %s more (%s)", firstHas, large(x-y), share(x, y, second))
	}
}

// share is x as a share of y, "72% of the second", or as a ratio when x
// is many times y, "40.4× the second".
func share(x, y int64, second string) string {
	switch f := float64(x) / float64(y); {
	case y == 0:
		return second + " is 0"
	case x == 0:
		return "it has none"
	case f >= 2:
		return fmt.Sprintf("%.3g× %s", f, second)
	case f < 0.01:
		return fmt.Sprintf("1/%s of %s", group(int64(math.Round(1/f))), second) // 456 of 14,455,392: 1/31,700, not "0%"
	default:
		return fmt.Sprintf("%.0f%% of %s", 100*f, second)
	}
}

package english

import (
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// numYear reads a year said as a citation or a date ("as in LeCun et al.
// 1998", "the 2012 AlexNet paper", "(Krizhevsky, 2012)") as a number the
// question does not compute with, and says so: it is no size, and
// leaving it unexplained casts doubt on a right reading.
// enAuthors are authors whose name and year name a network in lower
// case too: "kim 2014" (the text CNN), "lecun 1998".
var enAuthors = map[string]bool{"kim": true, "lecun": true, "krizhevsky": true, "simonyan": true, "szegedy": true, "ronneberger": true}

func (r *enReader) numYear(n *enNum) bool {
	if n.t.kind != 'n' || n.t.isFrac || n.t.num < 1950 || n.t.num > 2035 || strings.Contains(n.t.raw, ",") {
		return false
	}
	if i := n.i + 1; i < len(r.toks) && r.toks[i].kind == 'w' && enNouns[r.toks[i].lem] {
		return false // "2048 channels", "1998 inputs"
	}
	cited := false
	for j := max(n.i-3, 0); j < n.i; j++ {
		raw := r.toks[j].raw
		low := strings.ToLower(raw)
		cited = cited || low == "al" || low == "paper" || low == "year" || low == "in" && j == n.i-1 ||
			r.toks[j].kind == 'w' && unicode.IsUpper([]rune(raw)[0]) && (j > 0 && r.toks[j-1].raw != "." || j == n.i-1) && len(raw) > 2 && !enKinds[r.toks[j].lem] ||
			enAuthors[low] // "Kim 2014 text cnn", "(kim 2014 style)"
	}
	for i := n.i + 1; i < len(r.toks) && i <= n.i+2; i++ {
		cited = cited || strings.EqualFold(r.toks[i].raw, "paper") || strings.EqualFold(r.toks[i].raw, "version") || strings.EqualFold(r.toks[i].raw, "style") // "the 2012 AlexNet paper"
	}
	if !cited {
		return false
	}
	r.toks[n.i].used = true
	r.g.unused = append(r.g.unused, lang.Unused{Text: n.t.raw, Pos: enPos(r.src, n.t.off), Why: "a year (a citation or a date), not a size"})
	return true
}

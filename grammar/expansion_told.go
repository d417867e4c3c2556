package grammar

// An expansion factor told beside pasted layers that already expand by it:
//
//	expansion factor is 6 here. total params?
//	block = nn.Sequential(nn.Conv2d(16, 96, 1), ...)
//
// The layers give every size; the factor only says why 96 is 16·6. A
// reading that leaves the 6 unexplained is not made unsure by it.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// expansionToldRE tells an expansion factor: "expansion factor is 6",
// "expansion = 4", "expand_ratio=6", "t = 6" is not read (too short).
var expansionToldRE = regexp.MustCompile(`(?i)\bexpan(?:sion|d)(?:[\s_]+(?:factor|ratio|rate))?\s*(?:is|=|of|:)?\s*(\d+)\b`)

// withExpansionTold returns q with the expansion factor its words tell
// explained, where q left it unused and one of its layers expands its
// channels by it; q itself otherwise.
func withExpansionTold(src string, q *Question) *Question {
	for _, m := range expansionToldRE.FindAllStringSubmatch(src, -1) {
		i := slices.IndexFunc(q.Unused, func(u Unused) bool { return u.Text == m[1] && u.Why == "" })
		t, _ := strconv.Atoi(m[1])
		in, out := expandsBy(q, t)
		if i < 0 || out == 0 {
			continue
		}
		cp := *q
		cp.Unused = slices.Clone(q.Unused)
		cp.Unused[i].Why = fmt.Sprintf("the expansion factor: the layers expand %d to %d channels by it already", in, out)
		q = &cp
	}
	return q
}

// expandsBy finds a conv or a Linear of q whose outputs are t times its
// inputs, at any depth: its inputs and outputs, or zeros for none.
func expandsBy(q *Question, t int) (in, out int) {
	var walk func(ls []calc.Layer)
	walk = func(ls []calc.Layer) {
		for _, l := range ls {
			switch x := l.(type) {
			case calc.Conv:
				if t > 1 && x.In > 0 && x.Out == t*x.In && out == 0 {
					in, out = x.In, x.Out
				}
			case calc.Linear:
				if t > 1 && x.In > 0 && x.Out == t*x.In && out == 0 {
					in, out = x.In, x.Out
				}
			case calc.Sequence:
				walk(x.Layers)
			case calc.Residual:
				walk(x.Body)
			}
		}
	}
	var top []calc.Layer
	for _, l := range q.Layers {
		top = append(top, l.Layer)
	}
	walk(top)
	return in, out
}

package paste

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptTracedViewBlank reads a blank in forward's last view ("x = x.view(-1,
// ???)" after the layers it traced) as the question: what reaches the
// view, flattened, fills it (q.Fix, in the asker's words) and is what is
// asked, when nothing else is.
func ptTracedViewBlank(f *ptFile, src string, q *lang.Question) {
	if q.Input == nil || len(q.Layers) < 2 || q.Fix != nil || len(q.Asked) > 0 {
		return
	}
	last := len(q.Layers) - 1
	if _, ok := q.Layers[last].Layer.(calc.Flatten); !ok {
		return
	}
	c := ptTopView(f.Nodes)
	if c == nil || c.Pos.Line != q.Layers[last].Pos.Line || !strings.Contains(ptArgSource(src, c, 1, ""), "?") {
		return
	}
	n, ok := ptElementsBefore(q.Layers, last, q.Input)
	if !ok {
		return
	}
	in := q.Input
	for _, l := range q.Layers[:last] {
		r, _ := l.Apply(in)
		in = r.Output
	}
	line := ptCallWith(src, c, 1, "", fmt.Sprint(n))
	why := fmt.Sprintf("%d is what goes in the view: what reaches it, %s, flattens to %d values", n, ptShapeText(in), n)
	q.Fix = &lang.Fix{Layer: last, Line: line, Why: why}
	q.Asked = []string{"output"}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
}

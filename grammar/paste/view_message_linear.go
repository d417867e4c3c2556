package paste

// A view message pasted with the view line and the Linear after it, and
// no layer before them: "RuntimeError: shape '[-1, 2048]' is invalid for
// input of size 401408 ... batch size is 16, x.view(-1, 2048) right before
// nn.Linear(2048, 10)". The message's size is the whole batch's values:
// over the batch it is what one sample brings (25,088), the number that
// goes in the view and in the Linear's in_features. Without the batch
// the per-sample count is not known, and the reading says so rather than
// answer the Linear as written.

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// vlNameRE finds the name a Linear of in_features n is assigned to:
// "self.fc = nn.Linear(2048".
var vlNameRE = regexp.MustCompile(`(?:self\.)?(\w+)\s*=\s*(?:nn\.)?Linear\(\s*(?:in_features\s*=\s*)?(\d+)\b`)

// ptViewMessageLinear fixes a reading of Linears only (no input size)
// from a view message whose figure is the first Linear's in_features.
func ptViewMessageLinear(src string, batch int, q *lang.Question) {
	g := errViewRE.FindStringSubmatch(src)
	if g == nil || q.Input != nil || len(q.Layers) == 0 || q.Fix != nil {
		return
	}
	lin, ok := q.Layers[0].Layer.(calc.Linear)
	if !ok || strconv.Itoa(lin.In) != g[2] {
		return
	}
	size, err := strconv.ParseInt(g[3], 10, 64)
	if err != nil || size <= 0 {
		return
	}
	if batch <= 0 {
		q.Doubts = append(q.Doubts, fmt.Sprintf("PyTorch's message says %s values reach the view for the whole batch: without the batch size, the count one sample brings (what goes in the view and in_features) is not known; say the batch size", lang.Group(int(size))))
		return
	}
	per, err := calc.SplitBatch(size, batch)
	if err != nil {
		q.Doubts = append(q.Doubts, fmt.Sprintf("PyTorch's message's %s values are not a whole number of samples for the batch of %d", lang.Group(int(size)), batch))
		return
	}
	if per == lin.In {
		return
	}
	name := "the Linear"
	for _, m := range vlNameRE.FindAllStringSubmatch(src, -1) {
		if m[2] == g[2] && m[1] != "x" {
			name = m[1]
			break
		}
	}
	was := lin.In
	lin.In = per
	q.Layers[0].Layer = lin
	q.Input = calc.Shape{per}
	line := fmt.Sprintf("nn.Linear(%d, %d)", per, lin.Out)
	why := fmt.Sprintf("PyTorch's message says %s values reach the view for the batch of %d: %s = %s a sample, not %d (write x.view(x.size(0), -1), or x.view(-1, %d))",
		lang.Group(int(size)), batch, lang.Group(int(size)), fmt.Sprintf("%d·%s", batch, lang.Group(per)), was, per)
	q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	q.At = []lang.At{{Layer: 0, What: lang.AtInFeatures, Name: name}}
}

// ptViewAsked makes the view what the first line answers when a view's
// message is pasted (its shape is invalid, or it folded the batch) and
// the reading flattens: the values one sample brings to it are what goes
// in the view, not the network's totals. Nothing changes when the
// question already names what it asks.
func ptViewAsked(src string, q *lang.Question) {
	if len(q.At) > 0 || q.Input == nil || !(errViewRE.MatchString(src) || errBatchRE.MatchString(src)) || !ptViewFigureRE.MatchString(src) {
		return
	}
	for _, a := range q.Asked {
		if a != "output" {
			return
		}
	}
	for i, l := range q.Layers {
		if _, ok := l.Layer.(calc.Flatten); ok {
			q.At = []lang.At{{Layer: i, What: lang.AtFlattened, Name: "the Linear after the view"}}
			return
		}
	}
}

package paste

// A model pasted without its forward whose Linear does not take what the
// modules as written give: the classic MNIST example ("forward omitted,
// it's the usual one"), whose forward pools with F.max_pool2d. The
// parameters do not depend on the forward; the shapes do.

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptUntracedMismatch drops the input of a reading that asks only for
// parameters when forward is not pasted and the first Linear does not
// take what the modules before it give: forward then does what the paste
// does not show, and the parameters are counted layer by layer. The
// input's numbers are left unused, with why. It reports whether it did.
func ptUntracedMismatch(prose ptProse, fx *ptFixer, q *lang.Question) bool {
	if q.Input == nil || q.Fix != nil || fx.trusted || !ptOnlyParams(q.Asked) {
		return false
	}
	i, ok := ptFirstLinear(q.Layers)
	if !ok {
		return false
	}
	lin := q.Layers[i].Layer.(calc.Linear)
	n, ok := ptElementsBefore(q.Layers, i, q.Input)
	if !ok || lin.In == 0 || n == int64(lin.In) {
		return false
	}
	why := fmt.Sprintf("forward is not pasted, and on %s the modules before the first Linear give %d values, not the %d it takes: forward does more than the modules show (F.max_pool2d, a reshape), so parameters are counted layer by layer, which does not need the input",
		ptShapeText(q.Input), n, lin.In)
	pos := prose.dimsPos
	for _, d := range prose.dims {
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(d), Pos: pos, Why: why})
		pos.Col += len(fmt.Sprint(d)) + 1
	}
	q.Notes = append(q.Notes, why)
	q.Input = nil
	return true
}

// ptOnlyParams reports whether asked wants parameter counts and nothing
// that needs the input's size.
func ptOnlyParams(asked []string) bool {
	for _, a := range asked {
		if a != "params" {
			return false
		}
	}
	return len(asked) > 0
}

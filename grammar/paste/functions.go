package paste

// A paste's helper functions that build layers: `def block(cin, cout):
// return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), ...)`, used as
// `block(3, 32)`. A call is read as a class instance is: the arguments
// bound to the parameters, the body's layers read with them.

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFunctions finds the top-level `def name(...)` of nodes that are not
// forward or __init__, as classes whose __init__ parameters are the
// function's; and returns nodes without their bodies.
func ptFunctions(nodes []*ptNode) ([]*ptClass, []*ptNode) {
	var fns []*ptClass
	var rest []*ptNode
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		if n.Ident != "def" || i+1 >= len(nodes) || len(nodes[i+1].Calls) == 0 || nodes[i+1].Ident == "forward" || nodes[i+1].Ident == "__init__" {
			rest = append(rest, n)
			continue
		}
		col := n.Pos.Column
		end := i + 2
		for end < len(nodes) && !(nodes[end].Pos.Column <= col && nodes[end].Pos.Line > n.Pos.Line && nodes[end].Ident != "") {
			end++
		}
		fn := &ptClass{name: nodes[i+1].Ident, body: nodes[i+2 : end]}
		for _, a := range ptSplitArgs(nodes[i+1].Calls[0].Nodes) {
			if a.Key == "" && len(a.Nodes) > 0 && (a.Nodes[0].Ident == "self" || a.Nodes[0].Punct == "*") {
				continue
			}
			fn.params = append(fn.params, a)
		}
		if !slices.ContainsFunc(fn.body, func(m *ptNode) bool { return ptCallOf(m) != nil }) {
			rest = append(rest, nodes[i:end]...)
		} else {
			fns = append(fns, fn)
		}
		i = end - 1
	}
	return fns, rest
}

// ptRFInput gives a network asked only for its receptive field, without an
// input size, an input to trace it on (the field does not depend on it),
// and says so.
func ptRFInput(q *lang.Question) {
	if q.Input != nil || len(q.Layers) < 2 || !slices.Contains(q.Asked, "receptive field") {
		return
	}
	c, ok := ptFirstLeaf(q.Layers[0].Layer).(calc.Conv)
	dims := ptDims(c.Dims)
	if !ok || c.In == 0 || dims != 2 && dims != 1 {
		return
	}
	for _, side := range []int{224, 1024} {
		in, said := calc.Shape{c.In, side, side}, fmt.Sprintf("%dx%d", side, side)
		if dims == 1 { // a Conv1d stack: a sequence of that length
			in, said = calc.Shape{c.In, side}, fmt.Sprintf("a length of %d", side)
		}
		if _, ok := ptElementsBefore(q.Layers, len(q.Layers), in); ok {
			q.Input = in
			q.Notes = append(q.Notes, fmt.Sprintf("no input size given: traced on %s, as the receptive field does not depend on it", said))
			return
		}
	}
}

package paste

// A functional pool named in words without its tensor: "conv1 then
// max_pool2d(2) then flatten", "-> F.avg_pool2d(2, 2)". Askers drop the
// x they would pass in code; the first number is the window, not the
// input.

import (
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// fwPoolFunctions take a tensor first, then the window.
var fwPoolFunctions = map[string]bool{"max_pool1d": true, "max_pool2d": true, "max_pool3d": true,
	"avg_pool1d": true, "avg_pool2d": true, "avg_pool3d": true}

// fwTensorOmitted returns c with a tensor put first when c is a pool
// function whose first argument is a whole number written positionally
// (the window): the call as code would write it. Any other call is
// returned as it is.
func fwTensorOmitted(c *ptCall) *ptCall {
	if !fwPoolFunctions[c.Base()] || len(c.Args) == 0 || c.Args[0].Key != "" {
		return c
	}
	first := c.Args[0].Nodes
	if len(first) != 1 || first[0].Num == "" || strings.ContainsAny(first[0].Num, ".eE") {
		return c
	}
	x := ptArg{Pos: c.Args[0].Pos, Nodes: []*ptNode{{Ident: "x", Pos: first[0].Pos}}}
	cp := *c
	cp.Args = append([]ptArg{x}, c.Args...)
	return &cp
}

// fwFunctionalWords is fwFunctional for a call that may leave its tensor
// out, as words do.
func fwFunctionalWords(c *ptCall, env map[string]ptValue) *lang.Layer {
	return fwFunctional(fwTensorOmitted(c), env)
}

// omittedTensor applies, in words (t.bare), a pool function written
// without its tensor to the tensor the words have reached; ok is false
// for any other call.
func (t *fwTracer) omittedTensor(name string, n *ptNode, g *ptGroup) (fwVal, bool) {
	if !t.bare {
		return fwVal{}, false
	}
	c := ptCallOf(&ptNode{Ident: name, Pos: n.Pos, Calls: []*ptGroup{g}})
	if c == nil || fwTensorOmitted(c) == c {
		return fwVal{}, false
	}
	x, ok := t.vars["x"]
	if !ok || x.kind != fwTensor {
		return fwVal{}, false
	}
	l := fwFunctional(fwTensorOmitted(c), t.env)
	if l == nil {
		return fwVal{}, false
	}
	return t.push(x, *l), true
}

// ptListedWords reports whether the call c at nodes[i] is a pool written
// without its tensor in a comma list after a module ("conv2 =
// nn.Conv2d(32, 64, 3), max_pool2d(2), flatten, fc1 = nn.Linear(...)"):
// words listing forward's steps between the modules, as no code writes it.
// Arrows list them as commas do ("conv1 = ... -> F.max_pool2d(2) -> conv2
// = ..."): read otherwise, only the pool after the last module was kept.
func ptListedWords(nodes []*ptNode, i int, c *ptCall, m *ptModuleSet) bool {
	if fwTensorOmitted(c) == c || i == 0 || nodes[i-1].Punct != "," && nodes[i-1].Punct != "->" || len(m.order) == 0 {
		return false
	}
	if i+1 < len(nodes) && nodes[i+1].Punct != "," && nodes[i+1].Punct != "->" && !strings.EqualFold(nodes[i+1].Ident, "then") {
		return false // "max_pool2d(2) after each relu": a rule for every conv, not a step of the list
	}
	first := m.order[0].Pos
	return c.Pos.Line > first.Line || c.Pos.Line == first.Line && c.Pos.Col > first.Col
}

// ptHoldsLinear reports whether a module's layers hold a Linear: named
// again in words, it is mentioned, not applied twice (a shared pool is).
func ptHoldsLinear(ls []lang.Layer) bool {
	for _, l := range ls {
		if _, ok := l.Layer.(calc.Linear); ok {
			return true
		}
	}
	return false
}

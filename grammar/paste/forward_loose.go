package paste

import (
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptLooseForward traces the lines of a forward pasted without its `def
// forward(self, x):` line — `x = self.pool(F.relu(self.conv1(x)))` at the
// top of the paste — as forward; nil when there are none.
func ptLooseForward(f *ptFile, m *ptModuleSet, env map[string]ptValue, q *lang.Question) []lang.Layer {
	if m.fwd != nil {
		return nil
	}
	stmts := fwStatements(f.Nodes)
	start, name := -1, ""
	for i, s := range stmts {
		if v := ptLooseAssign(s.nodes, m); v != "" {
			start, name = i, v
			break
		}
	}
	if start < 0 {
		return nil
	}
	t := &fwTracer{m: m, env: env, q: q, vars: map[string]fwVal{name: {kind: fwTensor}}, used: map[string]bool{}}
	t.run(stmts[start:])
	res, ok := t.vars[name]
	if t.out != nil {
		res, ok = *t.out, true
	}
	if !ok || res.kind != fwTensor || len(res.chain) == 0 {
		return nil
	}
	out := make([]lang.Layer, len(res.chain))
	for i, s := range res.chain {
		out[i] = s.l
	}
	if merged := ptFragment(f, m, out, q); merged != nil {
		return merged
	}
	q.Notes = append(q.Notes, "layers taken in the order the pasted lines of forward apply them")
	q.Notes = append(q.Notes, t.notes...)
	if _, flat := ptLastLayer(out).(calc.Flatten); flat {
		// the lines stop at x.view(...): the Linear defined next follows
		out = append(out, fwUnnamedTail(m, out, q)...)
	}
	return out
}

// ptLooseAssign is the variable of a statement `x = ...self.conv1(x)...`
// that applies a module of the paste (or a functional layer: `x =
// F.max_pool2d(x, 3)`) to that same variable, or "".
func ptLooseAssign(nodes []*ptNode, m *ptModuleSet) string {
	if len(nodes) < 3 || nodes[0].Ident == "" || len(nodes[0].Calls) > 0 || nodes[1].Punct != "=" || strings.Contains(nodes[0].Ident, ".") {
		return ""
	}
	v := nodes[0].Ident
	found := false
	ptWalk(nodes[2:], func(n *ptNode) bool {
		if c := ptCallOf(n); c != nil && strings.Contains(c.Name, ".") && fwFunctional(c, nil) != nil && len(c.Args) > 0 && ptArgText(c.Args[0]) == v {
			found = true // x = F.max_pool2d(x, 3, stride=3)
		}
		if name, ok := strings.CutPrefix(n.Ident, "self."); ok && len(n.Calls) > 0 && m.byName[name] != nil {
			for _, a := range ptSplitArgs(n.Calls[0].Nodes) {
				if len(a.Nodes) == 1 && a.Nodes[0].Ident == v {
					found = true
				}
			}
		}
		return !found
	})
	if !found {
		return ""
	}
	return v
}

package paste

// A comprehension over written values builds one module per value:
//
//	self.convs = nn.ModuleList([nn.Conv1d(100, 50, k) for k in (3, 4, 5)])
//
// is three convs (a text CNN's kernel sizes), not one conv asked three
// ways: the ModuleList holds them all, and a Linear after them takes their
// outputs together (150 = 3 × 50).

import "slices"

// ptComprehensionValues reads "for NAME in (v1, v2, ...)" (or a [list]) at
// the end of nodes: the loop's name and its values; ok is false for any
// other loop, or none.
func ptComprehensionValues(nodes []*ptNode, env map[string]ptValue) (string, []ptValue, bool) {
	i := slices.IndexFunc(nodes, func(n *ptNode) bool { return n.Ident == "for" })
	if i < 0 || i+2 >= len(nodes) || nodes[i+1].Ident == "" || nodes[i+2].Ident != "in" {
		return "", nil, false
	}
	var rest []*ptNode
	switch in := nodes[i+2]; {
	case len(in.Calls) == 1 && i+3 == len(nodes):
		// "in (3, 4, 5)" reads as a call of in
		rest = []*ptNode{{Pos: in.Calls[0].Pos, Group: in.Calls[0]}}
	case len(in.Calls) == 0 && i+4 == len(nodes) && nodes[i+3].Group != nil:
		rest = nodes[i+3:]
	default:
		return "", nil, false
	}
	v, err := ptEval(rest, env)
	if err != nil || v.Kind != ptTuple || len(v.Items) < 2 || len(v.Items) > 64 {
		return "", nil, false
	}
	for _, it := range v.Items {
		if it.Kind != ptInt {
			return "", nil, false
		}
	}
	return nodes[i+1].Ident, v.Items, true
}

// perValue walks a comprehension's module once for each of its values,
// with the loop's name bound to it, into container name; it reports
// whether el was such a comprehension.
func (w *ptModuleWalk) perValue(el ptElement, all []*ptNode, name, inner string) bool {
	loop, vals, ok := ptComprehensionValues(all, w.env)
	if !ok {
		return false
	}
	old, had := w.env[loop]
	m := w.m
	for _, v := range vals {
		w.env[loop] = v
		b := len(m.order)
		w.walk(el.nodes, inner)
		m.items[name] = append(m.items[name], slices.Clone(m.order[b:]))
	}
	if had {
		w.env[loop] = old
	} else {
		delete(w.env, loop)
	}
	return true
}

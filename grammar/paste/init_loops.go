package paste

// Loops that build layers in __init__ or a helper: d2l's vgg_block
// (`for _ in range(num_convs): layers.append(nn.Conv2d(in_channels,
// out_channels, 3, padding=1)); in_channels = out_channels`) and its
// `for (num_convs, out_channels) in conv_arch:`. The body is read once for
// each value, the names it assigns carried from one turn to the next, as
// Python runs it.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptMaxLoopTurns bounds the turns of one loop that builds layers,
// ptMaxLoopLayers the layers loops may build in all (nested loops).
const (
	ptMaxLoopTurns  = 1000
	ptMaxLoopLayers = 10000
)

// loop reads the `for` at nodes[i] and returns the index after its body.
// A loop whose values cannot be worked out from the paste, over a body
// that builds layers, is refused: read once, it would miscount.
func (w *ptModuleWalk) loop(nodes []*ptNode, i int) int {
	n := nodes[i]
	in, colon := -1, -1
	for j := i + 1; j < len(nodes) && nodes[j].Pos.Line == n.Pos.Line; j++ {
		if nodes[j].Ident == "in" && in < 0 {
			in = j
		}
		if nodes[j].Punct == ":" {
			colon = j
		}
	}
	end := i + 1
	for end < len(nodes) && (nodes[end].Pos.Line == n.Pos.Line || nodes[end].Pos.Column > n.Pos.Column) {
		end++
	}
	if in < 0 || colon < in {
		return i + 1 // not a loop statement: read on as before
	}
	body := nodes[colon+1 : end]
	if !slices.ContainsFunc(body, func(m *ptNode) bool { return ptLoopBuilds(m) }) {
		return i + 1
	}
	head, iter := nodes[i+1:in], nodes[in+1:colon]
	if len(n.Calls) == 1 && len(head) == 0 {
		head = []*ptNode{{Group: n.Calls[0], Pos: n.Calls[0].Pos}} // for (n, c) in arch: read as a call of for
	}
	if len(nodes[in].Calls) == 1 && len(iter) == 0 {
		iter = []*ptNode{{Group: nodes[in].Calls[0], Pos: nodes[in].Calls[0].Pos}} // in [16, 'M', 32]: read as an index of in
	}
	names := ptLoopNames(head)
	values, ok := ptLoopValues(iter, w.env)
	if !ok || len(names) == 0 {
		w.err = &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column,
			Msg:  "a loop builds layers over values I cannot work out from the paste",
			Hint: "give the values (for _ in range(2):, for c in [64, 128]:) or paste the layers it builds, e.g. print(model)"}
		return end
	}
	w.env = maps.Clone(w.env)
	w.loops++
	defer func() { w.loops-- }()
	for _, v := range values {
		if err := ptBindLoop(names, v, w.env); err != nil {
			w.err = &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: err.Error(),
				Hint: "for (num_convs, out_channels) in conv_arch: needs a tuple of pairs, e.g. conv_arch = ((1, 64), (2, 128))"}
			return end
		}
		w.walk(body, "")
		if w.err != nil {
			return end
		}
		if len(w.m.order) > ptMaxLoopLayers {
			w.err = &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: fmt.Sprintf("the loops build more than %d layers", ptMaxLoopLayers),
				Hint: "ask about one block, or fewer repeats"}
			return end
		}
	}
	return end
}

// ptLoopBuilds reports whether node m (at any depth) calls a module.
func ptLoopBuilds(m *ptNode) bool {
	found := false
	ptWalk([]*ptNode{m}, func(x *ptNode) bool {
		if c := ptCallOf(x); c != nil && (ptSpecs[c.Base()].build != nil || ptIsModuleName(c.Base())) {
			found = true
		}
		return !found
	})
	return found
}

// ptLoopNames are the names a loop binds: `_`, `i`, `(num_convs,
// out_channels)`, `num_convs, out_channels`.
func ptLoopNames(nodes []*ptNode) []string {
	if len(nodes) == 1 && nodes[0].Group != nil {
		nodes = nodes[0].Group.Nodes
	}
	var names []string
	for _, a := range ptSplitArgs(nodes) {
		if len(a.Nodes) != 1 || a.Nodes[0].Ident == "" || a.Key != "" {
			return nil
		}
		names = append(names, a.Nodes[0].Ident)
	}
	return names
}

// ptLoopValues are the values a loop runs over: range(...) of numbers, or a
// tuple or list the paste spells out or names.
func ptLoopValues(nodes []*ptNode, env map[string]ptValue) ([]ptValue, bool) {
	if len(nodes) == 1 && nodes[0].Ident == "range" && len(nodes[0].Calls) == 1 {
		var bounds []int
		for _, a := range ptSplitArgs(nodes[0].Calls[0].Nodes) {
			v, err := ptEval(a.Nodes, env)
			if err != nil || v.Kind != ptInt || v.Int < -ptMaxLoopTurns || v.Int > ptMaxLoopTurns {
				return nil, false
			}
			bounds = append(bounds, int(v.Int))
		}
		if len(bounds) == 0 || len(bounds) > 3 {
			return nil, false
		}
		var out []ptValue
		for _, x := range fwRange(bounds).list {
			out = append(out, ptValue{Kind: ptInt, Int: x.num})
		}
		return out, true
	}
	v, err := ptEval(nodes, env)
	if err != nil || v.Kind != ptTuple || len(v.Items) > ptMaxLoopTurns {
		return nil, false
	}
	return v.Items, true
}

// ptBindLoop binds one turn's value to the loop's names, unpacking a tuple
// over several names.
func ptBindLoop(names []string, v ptValue, env map[string]ptValue) error {
	if len(names) == 1 {
		env[names[0]] = v
		return nil
	}
	if v.Kind != ptTuple || len(v.Items) != len(names) {
		return fmt.Errorf("a loop unpacks %d names from a value that does not have %d", len(names), len(names))
	}
	for k, name := range names {
		env[name] = v.Items[k]
	}
	return nil
}

// assign carries `in_channels = out_channels` (a name given a number or a
// tuple) into env while a loop or a helper's body is read, so the next
// turn and the layers after it see the new value. It reports whether
// nodes[i] was such an assignment.
func (w *ptModuleWalk) assign(nodes []*ptNode, i int) bool {
	n := nodes[i]
	if n.Ident == "" || len(n.Calls) > 0 || i+2 >= len(nodes) || nodes[i+1].Punct != "=" || (i > 0 && nodes[i-1].Pos.Line == n.Pos.Line) {
		return false
	}
	var rhs []*ptNode
	for _, m := range nodes[i+2:] {
		if m.Pos.Line != n.Pos.Line {
			break
		}
		rhs = append(rhs, m)
	}
	v, err := ptEval(rhs, w.env)
	if err != nil || (v.Kind != ptInt && v.Kind != ptTuple) {
		return false
	}
	w.env[n.Ident] = v
	return true
}

// appendCall reads `self.layers.append(nn.Conv2d(...))` or
// `blocks.extend([...])`: the modules become items of the list named,
// for forward's `for layer in self.layers:` and `nn.Sequential(*blocks)`.
// It reports whether c was such a call.
func (w *ptModuleWalk) appendCall(n *ptNode, c *ptCall) bool {
	list, ok := strings.CutSuffix(c.Name, ".append")
	extend := false
	if !ok {
		list, extend = strings.CutSuffix(c.Name, ".extend")
	}
	list = strings.TrimPrefix(list, "self.")
	if (!ok && !extend) || list == "" || strings.Contains(list, ".") || len(n.Calls) == 0 {
		return false
	}
	m := w.m
	if m.byName[list] == nil {
		m.byName[list] = []lang.Layer{}
	}
	els := []ptElement{{nodes: n.Calls[0].Nodes, times: 1}}
	if extend {
		els = ptElements(n.Calls[0].Nodes, w.env)
	}
	for _, el := range els {
		b := len(m.order)
		w.walk(el.nodes, list)
		item := slices.Clone(m.order[b:])
		for range el.times {
			m.items[list] = append(m.items[list], item)
		}
	}
	return true
}

// spread reads `*layers` among a container's arguments
// (nn.Sequential(*layers)): the items of the list the paste built become
// the container's. It reports whether nodes were such an argument.
func (w *ptModuleWalk) spread(nodes []*ptNode, name, inner string) bool {
	if len(nodes) != 2 || nodes[0].Punct != "*" || nodes[1].Ident == "" {
		return false
	}
	m := w.m
	items, ok := m.items[strings.TrimPrefix(nodes[1].Ident, "self.")]
	if !ok {
		return false
	}
	for _, item := range items {
		m.byName[inner] = append(m.byName[inner], item...)
		m.items[name] = append(m.items[name], item)
	}
	return true
}

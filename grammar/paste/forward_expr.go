package paste

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// expr evaluates an expression of forward: terms joined by + - * (a
// tensor plus a tensor is a residual block; anything else keeps the
// tensor).
func (t *fwTracer) expr(nodes []*ptNode) fwVal {
	if len(nodes) == 0 {
		return fwVal{}
	}
	if ptHasTopComma(nodes) {
		var list []fwVal
		for _, a := range ptSplitArgs(nodes) {
			list = append(list, t.expr(a.Nodes))
		}
		return fwVal{kind: fwList, list: list}
	}
	var terms []fwVal
	op := ""
	start := 0
	for i, n := range nodes {
		if i > start && (n.Punct == "+" || n.Punct == "-" || n.Punct == "*" || n.Punct == "@") {
			terms = append(terms, t.term(nodes[start:i]))
			if op == "" || n.Punct == "+" {
				op = n.Punct
			}
			start = i + 1
		}
	}
	terms = append(terms, t.term(nodes[start:]))
	if len(terms) == 1 {
		return terms[0]
	}
	return t.combine(op, terms)
}

// ptHasTopComma reports whether nodes hold a comma at their top level.
func ptHasTopComma(nodes []*ptNode) bool {
	for _, n := range nodes {
		if n.Punct == "," {
			return true
		}
	}
	return false
}

// combine joins terms by op: tensors added make a residual block; a tensor
// with numbers stays the tensor.
func (t *fwTracer) combine(op string, terms []fwVal) fwVal {
	var tensors []fwVal
	for _, v := range terms {
		if v.kind == fwTensor {
			tensors = append(tensors, v)
		}
	}
	switch {
	case len(tensors) == 0:
		return fwVal{}
	case len(tensors) == 1:
		return tensors[0]
	case op != "+" && op != "-":
		t.notes = append(t.notes, fmt.Sprintf("forward multiplies two tensors (%s): read as the first one, its shape kept", op))
		return tensors[0]
	}
	v := tensors[0]
	for _, w := range tensors[1:] {
		v = t.join(v, w)
	}
	return v
}

// join adds two tensors: what follows their common prefix is the body and
// the shortcut of a residual block.
func (t *fwTracer) join(a, b fwVal) fwVal {
	p := fwPrefix(a.chain, b.chain)
	body, short := fwLayers(a.chain[p:]), fwLayers(b.chain[p:])
	if len(body) == 0 {
		body, short = short, body
	}
	if len(body) == 0 {
		return a
	}
	r := calc.Residual{Body: body, Shortcut: short}
	t.notes = append(t.notes, "forward adds two tensors made from the same input: read as a residual block (body, then the shortcut"+
		map[bool]string{true: " its own layers)", false: " the identity)"}[len(short) > 0])
	if len(short) == 0 {
		r.Shortcut = nil
	}
	var pos lang.Position
	if p < len(a.chain) {
		pos = a.chain[p].l.Pos
	} else if p < len(b.chain) {
		pos = b.chain[p].l.Pos
	}
	return fwVal{kind: fwTensor, chain: append(a.chain[:p:p], &fwStep{lang.Layer{Layer: r, Pos: pos}})}
}

// fwPrefix is the length of the steps chains a and b share.
func fwPrefix(a, b []*fwStep) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func fwLayers(steps []*fwStep) []calc.Layer {
	out := make([]calc.Layer, len(steps))
	for i, s := range steps {
		out[i] = s.l.Layer
	}
	return out
}

// concat joins tensors along the channels: their remainders after the
// shared prefix are the branches.
func (t *fwTracer) concat(list []fwVal) fwVal {
	var tensors []fwVal
	for _, v := range list {
		if v.kind == fwTensor {
			tensors = append(tensors, v)
		}
	}
	if len(tensors) == 0 {
		return fwVal{}
	}
	p := len(tensors[0].chain)
	for _, v := range tensors[1:] {
		p = min(p, fwPrefix(tensors[0].chain, v.chain))
	}
	var branches [][]calc.Layer
	pos := lang.Position{}
	for _, v := range tensors {
		branches = append(branches, fwLayers(v.chain[p:]))
		if pos.Line == 0 && len(v.chain) > p {
			pos = v.chain[p].l.Pos
		}
	}
	base := tensors[0].chain[:p:p]
	return fwVal{kind: fwTensor, chain: append(base, &fwStep{lang.Layer{Layer: calc.Concat{Branches: branches}, Pos: pos}})}
}

// term evaluates a primary with its trailers: `.view(...)` after a call,
// `[0]` after a name.
func (t *fwTracer) term(nodes []*ptNode) fwVal {
	if len(nodes) == 0 {
		return fwVal{}
	}
	v := t.primary(nodes[0])
	for i := 1; i < len(nodes); i++ {
		n := nodes[i]
		if n.Punct == "." && i+1 < len(nodes) && nodes[i+1].Ident != "" {
			m := nodes[i+1]
			v = t.method(v, m.Ident, m, m.Calls)
			i++
			continue
		}
		if n.Punct == "-" || n.Punct == "+" {
			continue // a unary sign
		}
		break
	}
	return v
}

// primary evaluates one node.
func (t *fwTracer) primary(n *ptNode) fwVal {
	switch {
	case n.Num != "":
		v, err := ptEval([]*ptNode{n}, t.env)
		if err == nil && v.Kind == ptInt {
			return fwVal{kind: fwNumber, num: v.Int}
		}
		return fwVal{}
	case n.Group != nil:
		if n.Group.Open != "(" || ptHasTopComma(n.Group.Nodes) {
			var list []fwVal
			for _, a := range ptSplitArgs(n.Group.Nodes) {
				list = append(list, t.expr(a.Nodes))
			}
			return fwVal{kind: fwList, list: list}
		}
		return t.expr(n.Group.Nodes)
	case n.Ident == "":
		return fwVal{}
	case len(n.Calls) == 0:
		if v := t.lookup(n); v.kind != fwOther {
			return v
		}
		return t.dotted(n.Ident, n, nil)
	}
	return t.dotted(n.Ident, n, n.Calls)
}

// dotted evaluates a dotted name with its calls: self.conv1(x), x.view(...),
// F.relu(x), torch.cat([...], 1), self.blocks[0](x).
func (t *fwTracer) dotted(name string, n *ptNode, calls []*ptGroup) fwVal {
	if v, ok := t.vars[name]; ok {
		return t.apply(v, n, calls)
	}
	if v := t.lookup(&ptNode{Ident: name}); v.kind == fwModule {
		return t.apply(v, n, calls)
	}
	// x.view(...): a method of a variable
	if i := strings.IndexByte(name, '.'); i > 0 {
		head, rest := name[:i], name[i+1:]
		if v, ok := t.vars[head]; ok {
			for _, part := range strings.Split(rest, ".") {
				v = t.method(v, part, n, nil)
			}
			if len(calls) > 0 {
				// the last part was the method called
				return t.apply(v, n, calls)
			}
			return v
		}
	}
	if len(calls) == 0 {
		return fwVal{}
	}
	return t.function(name, n, calls)
}

// apply applies v to calls in turn: an index picks a module of a list, a
// call runs a module on its first argument.
func (t *fwTracer) apply(v fwVal, n *ptNode, calls []*ptGroup) fwVal {
	for _, g := range calls {
		t.steps++
		switch {
		case g.Open == "[" && v.kind == fwModule && v.items != nil:
			i := t.expr(g.Nodes)
			if i.kind != fwNumber || i.num < 0 || int(i.num) >= len(v.items) {
				return fwVal{}
			}
			v = fwVal{kind: fwModule, mod: v.items[i.num], name: v.name}
		case g.Open == "(" && v.kind == fwModule:
			args := ptSplitArgs(g.Nodes)
			if len(args) == 0 {
				return fwVal{}
			}
			in := t.tensorArg(args[0].Nodes)
			if in.kind != fwTensor {
				return fwVal{}
			}
			t.used[v.name] = true
			v = t.push(in, t.sharedApply(v.mod)...)
		case v.kind == fwMethod:
			v = t.callMethod(v, n, g)
		default:
			return fwVal{}
		}
	}
	return v
}

// tensorArg evaluates a call's first argument. In a forward told in words,
// a module named alone stands for the module applied to the tensor so far:
// "pool(relu(conv1))" is pool(relu(conv1(x))).
func (t *fwTracer) tensorArg(nodes []*ptNode) fwVal {
	v := t.expr(nodes)
	if v.kind != fwModule || !t.bare || v.items != nil {
		return v
	}
	x, ok := t.vars["x"]
	if !ok || x.kind != fwTensor {
		return v
	}
	t.used[v.name] = true
	return t.push(x, t.sharedApply(v.mod)...)
}

// push appends layers to a tensor's chain.
func (t *fwTracer) push(in fwVal, ls ...lang.Layer) fwVal {
	chain := in.chain[:len(in.chain):len(in.chain)]
	for _, l := range ls {
		chain = append(chain, &fwStep{l})
	}
	return fwVal{kind: fwTensor, chain: chain}
}

package paste

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// fwMethod is a tensor's method not yet called (x.view before its "(").
const fwMethod fwKind = 100

// method looks up an attribute of v (`.view`, `.shape`) and calls it when
// calls follow.
func (t *fwTracer) method(v fwVal, name string, n *ptNode, calls []*ptGroup) fwVal {
	if v.kind != fwTensor {
		return fwVal{}
	}
	switch name {
	case "shape", "data", "T":
		return fwVal{}
	}
	m := fwVal{kind: fwMethod, chain: v.chain, name: name}
	if len(calls) == 0 {
		return m
	}
	return t.apply(m, n, calls)
}

// callMethod calls a tensor method with the arguments in g.
func (t *fwTracer) callMethod(m fwVal, n *ptNode, g *ptGroup) fwVal {
	x := fwVal{kind: fwTensor, chain: m.chain}
	args := ptSplitArgs(g.Nodes)
	at := lang.Layer{Pos: ptPos(n.Pos)}
	switch m.name {
	case "view", "reshape":
		return t.reshape(x, args, at)
	case "flatten":
		at.Layer = calc.Flatten{}
	case "mean", "sum", "amax", "max":
		if len(args) == 0 {
			return fwVal{}
		}
		at.Layer = calc.GlobalAvgPool{}
	case "permute":
		dims, ok := t.ints(args)
		if !ok || len(dims) < 2 || dims[0] != 0 {
			return t.passed(x, n.Pos.Line, "permute")
		}
		if ptEmbeddingToChannels(x, dims) {
			return x // embedding_permute.go
		}
		at.Layer = permuteLayer{Order: dims[1:]}
	case "transpose":
		if dims, ok := t.ints(args); ok && ptEmbeddingToChannels(x, dims) {
			return x // embedding_permute.go: transpose(1, 2)
		}
		return t.passed(x, n.Pos.Line, m.name)
	case "relu", "sigmoid", "tanh", "relu_", "sigmoid_", "tanh_":
		at.Layer = calc.Activation{Name: strings.TrimSuffix(m.name, "_")}
	case "size", "dim", "numel", "item", "tolist":
		return fwVal{}
	case "contiguous", "clone", "float", "double", "half", "detach", "to", "cuda", "cpu", "squeeze", "unsqueeze", "type":
		return x
	default:
		return t.passed(x, n.Pos.Line, m.name)
	}
	return t.push(x, at)
}

// passed keeps a tensor through a call that is not sized, and says so.
func (t *fwTracer) passed(x fwVal, line int, what string) fwVal {
	t.m.unsure = true
	t.notes = append(t.notes, fmt.Sprintf("%s (line %d) is not sized: the tensor is taken through it unchanged", what, line))
	return x
}

// ints evaluates arguments that must all be whole numbers (a single tuple
// argument is unpacked).
func (t *fwTracer) ints(args []ptArg) ([]int, bool) {
	var out []int
	for _, a := range args {
		v := t.expr(a.Nodes)
		switch {
		case v.kind == fwNumber:
			out = append(out, int(v.num))
		case v.kind == fwList && len(args) == 1:
			for _, x := range v.list {
				if x.kind != fwNumber {
					return nil, false
				}
				out = append(out, int(x.num))
			}
		default:
			if n, err := ptEval(a.Nodes, t.env); err == nil && n.Kind == ptInt {
				out = append(out, int(n.Int))
				continue
			}
			return nil, false
		}
	}
	return out, true
}

// reshape reads x.view(...): (batch, -1) or (-1, N) flattens; (batch, C,
// H, W) unflattens.
func (t *fwTracer) reshape(x fwVal, args []ptArg, at lang.Layer) fwVal {
	if len(args) == 1 {
		if len(args[0].Nodes) == 1 && args[0].Nodes[0].Group != nil {
			args = ptSplitArgs(args[0].Nodes[0].Group.Nodes)
		}
	}
	switch {
	case len(args) <= 2:
		at.Layer = calc.Flatten{}
	default:
		dims, ok := t.ints(args[1:])
		if !ok {
			return t.passed(x, at.Pos.Line, "a reshape to sizes not in the paste")
		}
		at.Layer = reshapeLayer{Shape: dims}
	}
	return t.push(x, at)
}

// function calls a function of torch or F on tensors.
func (t *fwTracer) function(name string, n *ptNode, calls []*ptGroup) fwVal {
	if t.bare && !strings.Contains(name, ".") {
		name = "F." + name // max_pool2d(...) in words is F.max_pool2d
	}
	base := name[strings.LastIndexByte(name, '.')+1:]
	g := calls[0]
	args := ptSplitArgs(g.Nodes)
	switch base {
	case "cat", "concat", "concatenate", "stack", "hstack":
		if len(args) == 0 {
			return fwVal{}
		}
		list := t.expr(args[0].Nodes)
		if list.kind != fwList {
			return fwVal{}
		}
		return t.concat(list.list)
	case "add":
		if len(args) >= 2 {
			return t.combine("+", []fwVal{t.expr(args[0].Nodes), t.expr(args[1].Nodes)})
		}
	case "range":
		if v, ok := t.ints(args); ok && len(v) >= 1 && len(v) <= 3 {
			return fwRange(v)
		}
	case "len":
		if len(args) == 1 {
			if v := t.expr(args[0].Nodes); v.kind == fwModule && v.items != nil {
				return fwVal{kind: fwNumber, num: int64(len(v.items))}
			}
		}
	}
	if len(args) == 0 {
		return fwVal{}
	}
	if v, ok := t.omittedTensor(name, n, g); ok {
		return v // functional_words.go: "then max_pool2d(2)"
	}
	x := t.tensorArg(args[0].Nodes)
	if x.kind != fwTensor {
		return fwVal{}
	}
	c := ptCallOf(&ptNode{Ident: name, Pos: n.Pos, Calls: []*ptGroup{g}})
	if l := fwFunctional(c, t.env); l != nil {
		return t.push(x, *l)
	}
	return t.passed(x, n.Pos.Line, name+"(...)")
}

// fwFunctional reads a functional layer of forward: ptFunctional's, and
// the mean and interpolation calls it does not read.
func fwFunctional(c *ptCall, env map[string]ptValue) *lang.Layer {
	at := lang.Layer{Pos: c.Pos}
	switch c.Base() {
	case "mean", "amax":
		at.Layer = calc.GlobalAvgPool{}
		return &at
	case "interpolate", "upsample":
		b, err := ptBind(c, env, []string{"input", "size", "scale_factor", "mode", "align_corners"}, []string{"recompute_scale_factor", "antialias"}, "")
		if err != nil {
			return nil
		}
		f, err := b.ints("scale_factor")
		if err != nil || f == nil {
			return nil
		}
		at.Layer = upsampleLayer{Scale: f}
		return &at
	case "avg_pool2d", "max_pool2d":
		if len(c.Args) == 2 && strings.Contains(ptArgText(c.Args[1]), "size") {
			at.Layer = calc.GlobalAvgPool{}
			return &at
		}
	}
	return ptFunctional(c)
}

// fwRange is range(stop), range(start, stop) or range(start, stop, step)
// as a list of numbers (at most 1,000).
func fwRange(v []int) fwVal {
	start, stop, step := 0, v[0], 1
	if len(v) >= 2 {
		start, stop = v[0], v[1]
	}
	if len(v) == 3 {
		step = v[2]
	}
	var list []fwVal
	for i := start; step > 0 && i < stop && len(list) < 1000; i += step {
		list = append(list, fwVal{kind: fwNumber, num: int64(i)})
	}
	return fwVal{kind: fwList, list: list}
}

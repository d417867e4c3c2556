package paste

// A paste's own modules: `class BasicBlock(nn.Module)` used as
// `self.block = BasicBlock(16, 32, stride=2)` in the model. An instance is
// read by binding the call's arguments to __init__'s parameters, reading
// the class's modules with them and tracing its forward; its layers are
// then one module of the model.

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptMaxDepth bounds classes used inside classes, ptMaxInstances the
// instances of them one paste builds.
const (
	ptMaxDepth     = 6
	ptMaxInstances = 300
)

// ptClass is a class of the paste: its name, __init__'s parameters (self
// dropped) and its body.
type ptClass struct {
	name   string
	params []ptArg // Key empty; Nodes hold the parameter name, then = default
	body   []*ptNode
}

// ptClasses finds the classes of the paste, in order.
func ptClasses(nodes []*ptNode) []*ptClass {
	var out []*ptClass
	for i := 0; i+1 < len(nodes); i++ {
		if nodes[i].Ident != "class" || nodes[i+1].Ident == "" {
			continue
		}
		col := nodes[i].Pos.Column
		end := i + 2
		for end < len(nodes) && !(nodes[end].Pos.Column <= col && nodes[end].Pos.Line > nodes[i].Pos.Line && nodes[end].Ident != "") {
			end++
		}
		c := &ptClass{name: nodes[i+1].Ident, body: nodes[i+2 : end]}
		c.params = ptInitParams(c.body)
		out = append(out, c)
		i = end - 1
	}
	return out
}

// ptInitParams are the parameters of the __init__ in body, self dropped.
func ptInitParams(body []*ptNode) []ptArg {
	for i := 0; i+1 < len(body); i++ {
		if body[i].Ident == "def" && body[i+1].Ident == "__init__" && len(body[i+1].Calls) > 0 {
			args := ptSplitArgs(body[i+1].Calls[0].Nodes)
			var out []ptArg
			for _, a := range args {
				if a.Key == "" && len(a.Nodes) > 0 && (a.Nodes[0].Ident == "self" || a.Nodes[0].Punct == "*") {
					continue
				}
				out = append(out, a)
			}
			return out
		}
	}
	return nil
}

// ptMainClass picks the model among the classes: the last one no other
// class uses. It returns nil for a paste with fewer than two classes.
func ptMainClass(classes []*ptClass) *ptClass {
	if len(classes) < 2 {
		return nil
	}
	used := map[string]bool{}
	for _, c := range classes {
		ptWalk(c.body, func(n *ptNode) bool {
			if len(n.Calls) > 0 {
				used[n.Ident] = true
			}
			return true
		})
	}
	for i := len(classes) - 1; i >= 0; i-- {
		if !used[classes[i].name] {
			return classes[i]
		}
	}
	return classes[len(classes)-1]
}

// instance reads `BasicBlock(16, 32, stride=2)`: its layers, in the order
// its forward applies them, filed as one module.
func (w *ptModuleWalk) instance(cls *ptClass, c *ptCall, name, owner string) {
	if w.instances == nil {
		w.instances = new(int)
	}
	if *w.instances++; *w.instances > ptMaxInstances {
		w.err = &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: fmt.Sprintf("the paste builds more than %d of its own modules", ptMaxInstances)}
		return
	}
	if w.depth >= ptMaxDepth {
		w.err = &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: fmt.Sprintf("%s is built from itself more than %d deep", cls.name, ptMaxDepth)}
		return
	}
	env, err := ptBindInit(cls, c, w.env)
	if err != nil {
		w.err = err
		return
	}
	sub := &ptModuleSet{byName: map[string][]lang.Layer{}, items: map[string][][]lang.Layer{}, calls: w.m.calls}
	sub.fwd, sub.body = ptForwardBody(cls.body)
	inner := &ptModuleWalk{m: sub, env: env, q: w.q, classes: w.classes, depth: w.depth + 1, instances: w.instances}
	inner.walk(cls.body, "")
	if inner.err != nil {
		w.err = inner.err
		return
	}
	layers := sub.order
	if fw := ptForward(nil, sub, env, &lang.Question{}); len(fw) > 0 {
		layers = fw
	}
	w.m.unsure = w.m.unsure || sub.unsure
	for _, l := range layers {
		w.m.order = append(w.m.order, l)
		if name != "" {
			w.m.byName[name] = append(w.m.byName[name], l)
		}
		if owner != "" && owner != name {
			w.m.byName[owner] = append(w.m.byName[owner], l)
		}
	}
	w.q.Notes = append(w.q.Notes, fmt.Sprintf("%s (line %d) is the paste's own %s: its layers as its forward applies them", c.Name, c.Pos.Line, cls.name))
}

// ptBindInit binds a call's arguments to the class's __init__ parameters
// (defaults where not given), over env.
func ptBindInit(cls *ptClass, c *ptCall, env map[string]ptValue) (map[string]ptValue, error) {
	out := make(map[string]ptValue, len(env)+len(cls.params))
	for k, v := range env {
		out[k] = v
	}
	names := make([]string, len(cls.params))
	for i, p := range cls.params {
		if len(p.Nodes) > 0 {
			names[i] = p.Nodes[0].Ident
		}
		if eq := slices.IndexFunc(p.Nodes, func(n *ptNode) bool { return n.Punct == "=" }); eq >= 0 {
			if v, err := ptEval(p.Nodes[eq+1:], env); err == nil {
				out[names[i]] = v
			}
		}
		if p.Key != "" { // name=default, split as a keyword by ptSplitArgs
			names[i] = p.Key
			if v, err := ptEval(p.Nodes, env); err == nil {
				out[p.Key] = v
			}
		}
	}
	for i, a := range c.Args {
		key := a.Key
		if key == "" {
			if i >= len(names) {
				return nil, &lang.Error{Line: a.Pos.Line, Col: a.Pos.Col, Msg: fmt.Sprintf("%s takes %d arguments", cls.name, len(names))}
			}
			key = names[i]
		}
		v, err := ptEval(a.Nodes, env)
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, nil
}

// branch reads an if (or else) of a module's __init__ at nodes[i]: the
// block runs when the condition holds as the instance's arguments make it;
// an else runs when the if before it did not. It returns the index after
// the block. A condition that cannot be worked out is refused.
func (w *ptModuleWalk) branch(nodes []*ptNode, i int) int {
	n := nodes[i]
	colon := i + 1
	for colon < len(nodes) && nodes[colon].Punct != ":" && nodes[colon].Pos.Line == n.Pos.Line {
		colon++
	}
	end := colon + 1
	for end < len(nodes) && (nodes[end].Pos.Line == n.Pos.Line || nodes[end].Pos.Column > n.Pos.Column) {
		end++
	}
	if colon >= len(nodes) || nodes[colon].Punct != ":" {
		return i + 1
	}
	run := false
	switch n.Ident {
	case "if":
		v, ok := ptCondition(nodes[i+1:colon], w.env)
		if !ok {
			w.err = &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column,
				Msg:  "a module builds layers under an if whose condition I cannot work out from the paste",
				Hint: "paste the layers this instance builds, e.g. its print(model) output"}
			return end
		}
		run, w.taken = v, v
	case "else":
		run = !w.taken
	default: // elif
		w.err = &lang.Error{Line: n.Pos.Line, Col: n.Pos.Column, Msg: "a module builds layers under an elif, which I do not follow",
			Hint: "paste the layers this instance builds, e.g. its print(model) output"}
		return end
	}
	if run {
		w.walk(nodes[colon+1:end], "")
	}
	return end
}

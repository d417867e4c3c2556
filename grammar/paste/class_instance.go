package paste

// A class of the paste built below it with arguments:
//
//	class BasicBlock(nn.Module):
//	    def __init__(self, inp, out, stride): ...
//	blk = BasicBlock(64, 128, 2)
//
// The model is the instance, not the class read with its parameters
// unbound: the code outside the class is walked, and its call builds the
// class with the arguments given (classes.go's instance).

// ptOutsideClasses is nodes without the classes' own lines (the class
// keyword, its name and its body), and whether what is left builds one of
// classes with arguments its __init__ takes: when it does, that code is
// the model. A class built bare ("net = Net()") reads as before, its body
// the model.
func ptOutsideClasses(nodes []*ptNode, classes []*ptClass) ([]*ptNode, bool) {
	if len(classes) == 0 {
		return nodes, false
	}
	inside := map[*ptNode]bool{}
	names, takes := map[string]bool{}, map[string]bool{}
	for _, c := range classes {
		names[c.name], takes[c.name] = true, len(c.params) > 0
		for _, n := range c.body {
			inside[n] = true
		}
	}
	var out []*ptNode
	calls := false
	for i, n := range nodes {
		if inside[n] || n.Ident == "class" && i+1 < len(nodes) && names[nodes[i+1].Ident] && len(nodes[i+1].Calls) <= 1 && inside[ptAt(nodes, i+2)] {
			continue
		}
		if i > 0 && nodes[i-1].Ident == "class" && names[n.Ident] {
			continue
		}
		out = append(out, n)
		ptWalk([]*ptNode{n}, func(m *ptNode) bool {
			calls = calls || takes[m.Ident] && len(m.Calls) > 0 && len(ptSplitArgs(m.Calls[0].Nodes)) > 0
			return !calls
		})
	}
	return out, calls
}

// ptAt is nodes[i], or nil past the end.
func ptAt(nodes []*ptNode, i int) *ptNode {
	if i < 0 || i >= len(nodes) {
		return nil
	}
	return nodes[i]
}

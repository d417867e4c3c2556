package paste

import "strings"

// A size in a comment beside a layer is usually what the layer gives
// ("conv(1, 4),  # 14x14"). It is what the layer takes when the comment
// names the tensor passed to it:
//
//	x = GlobalAveragePooling2D()(base.output)   # base out is 7x7x1280
//	x = self.pool(feats)                        # feats: 512x7x7

// commentNamesArg reports whether the comment words before node i (a size
// in a comment) name a tensor passed to a call on the same line: the
// size is then that call's input.
func (r *ptProseReader) commentNamesArg(i int, code []*ptNode) bool {
	line := r.nodes[i].Pos.Line
	args := ptCallArgNames(code, line)
	if len(args) == 0 {
		return false
	}
	for j := i - 1; j >= 0 && r.nodes[j].Pos.Line == line && j >= i-5; j-- {
		if w := r.word(j); w != "" && args[strings.SplitN(w, ".", 2)[0]] {
			return true
		}
	}
	return false
}

// ptCallArgNames are the names (their first part: base of base.output)
// passed bare as an argument to a call that starts on line, less a name
// the line assigns.
func ptCallArgNames(nodes []*ptNode, line int) map[string]bool {
	names := map[string]bool{}
	ptWalk(nodes, func(n *ptNode) bool {
		if n.Pos.Line != line {
			return true
		}
		for _, g := range n.Calls {
			for _, a := range ptSplitArgs(g.Nodes) {
				if len(a.Nodes) == 1 && a.Nodes[0].Ident != "" && len(a.Nodes[0].Calls) == 0 {
					names[strings.ToLower(strings.SplitN(a.Nodes[0].Ident, ".", 2)[0])] = true
				}
			}
		}
		return true
	})
	delete(names, "self")
	for k, n := range nodes {
		if n.Pos.Line == line && n.Ident != "" && k+1 < len(nodes) && nodes[k+1].Punct == "=" {
			delete(names, strings.ToLower(n.Ident)) // x = conv(x)  # x: 14x14: after the line, x is the output
		}
	}
	return names
}

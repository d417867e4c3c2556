package paste

// A batched shape said to be the input, after another size the words
// gave in passing:
//
//	my decoder doesn't give 28x28 back ... input (B,64,1,1). what H/W?
//
// The first size written is the input only until the words name one: the
// 28x28 is what the asker wanted out, (B,64,1,1) what goes in.

// batchedInput reads node i as a batched shape the words call the input
// ("input (B,64,1,1)", "takes x of (N, 3, 32, 32)") and puts it in place
// of a size read before without an input word; it reports whether it did.
func (r *ptProseReader) batchedInput(i int, n *ptNode) bool {
	if r.p.dims == nil || r.p.dimsSaid {
		return false
	}
	var g *ptGroup
	switch {
	case n.Group != nil && r.inputWordBefore(i):
		g = n.Group
	case len(n.Calls) > 0 && (r.word(i) == "input" || r.word(i) == "inputs"):
		g = n.Calls[0]
	}
	if g == nil {
		return false
	}
	args := ptSplitArgs(g.Nodes)
	if len(args) < 3 || len(args) > 5 || len(args[0].Nodes) != 1 || args[0].Nodes[0].Num != "" && len(args) < 4 {
		return false // a batch first: B, N, None or a number before three sizes
	}
	d := ptIntGroup(g)
	if len(d) != len(args)-1 {
		return false
	}
	r.p.dims, r.p.dimsPos, r.p.single, r.p.dimsSaid = d, ptPos(g.Pos), false, true
	return true
}

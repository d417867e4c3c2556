package paste

// Layer calls in a remark beside a model.summary() table:
//
//	(last conv is Conv2D(64, (3,3)), dense is Dense(64))
//
// name the table's rows in words; they are not a model of their own, so
// they do not outnumber the table (kerasCountLayers).

// kerasRemark reports whether n is a bracketed remark: a top-level "("
// group whose first word is no call ("(last conv is ...)", "(dense is
// Dense(64))").
func kerasRemark(n *ptNode) bool {
	if n.Group == nil || n.Group.Open != "(" || n.Ident != "" || len(n.Group.Nodes) < 3 {
		return false
	}
	first := n.Group.Nodes[0]
	return first.Ident != "" && len(first.Calls) == 0 && kerasSpecs[ptBase(first)] == nil
}

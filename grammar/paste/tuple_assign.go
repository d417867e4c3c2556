package paste

// Modules assigned in one line to several names:
//
//	self.d1, self.d2, self.d3 = dc(1, 64), dc(64, 128), dc(128, 256)
//
// Each call on the right is filed under the name in its place on the
// left, as if written on its own line.

import "strings"

// ptTupleName is the name the call at nodes[i] is assigned to when it is
// one of the values of a tuple assignment (a, b = f(), g()), or "" when it
// is not: the values and the names must be as many, on one line.
func ptTupleName(nodes []*ptNode, i int) string {
	k, j := 0, i
	for j >= 2 && nodes[j-1].Punct == "," && len(nodes[j-2].Calls) > 0 {
		k, j = k+1, j-2 // the values before it: f(), g(), ...
	}
	if j < 2 || nodes[j-1].Punct != "=" {
		return ""
	}
	var names []string
	for e := j - 2; e >= 0; e -= 2 {
		n := nodes[e]
		if n.Ident == "" || len(n.Calls) > 0 || n.Pos.Line != nodes[i].Pos.Line {
			return ""
		}
		names = append([]string{strings.TrimPrefix(n.Ident, "self.")}, names...)
		if e == 0 || nodes[e-1].Punct != "," {
			break
		}
	}
	values := k + 1
	for v := i; v+2 < len(nodes) && nodes[v+1].Punct == "," && len(nodes[v+2].Calls) > 0 && nodes[v+2].Pos.Line == nodes[i].Pos.Line; v += 2 {
		values++
	}
	if len(names) < 2 || len(names) != values {
		return ""
	}
	return names[k]
}

package paste

// A view to a feature map told after a Linear: "self.fc = nn.Linear(z_dim,
// 128 * 4 * 4), then x.view(-1, 128, 4, 4)". The view rearranges what the
// Linear gives, so the Linear comes first; a flatten or a pool in the
// words comes before it (ptWrittenBefore).

import (
	"slices"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptThenUnflattens reports whether the call at n reshapes to a map: a
// view or reshape to three sizes or more.
func ptThenUnflattens(n *ptNode) bool {
	c := ptCallOf(n)
	if c == nil {
		return false
	}
	b := c.Base()
	return (b == "view" || b == "reshape") && len(c.Args) >= 3 || b == "unflatten" || b == "Unflatten"
}

// ptWrittenAll is m's layers in the order written, Linear layers too,
// without the modules the words name later.
func ptWrittenAll(m *ptModuleSet, named map[string]bool) []lang.Layer {
	var out []lang.Layer
	for _, l := range m.order {
		mentioned := false
		for name := range named {
			if slices.ContainsFunc(m.byName[name], func(x lang.Layer) bool { return x.Pos == l.Pos }) {
				mentioned = true
			}
		}
		if !mentioned {
			out = append(out, l)
		}
	}
	return out
}

package paste

// Several modules defined in one comment, each after its name:
//
//	x = self.pool(F.relu(self.conv1(x)))  # conv1: nn.Conv2d(3, 32, 3, padding=1), pool = MaxPool2d(2)
//
// A comment that holds two layer calls says nothing certain on its own
// (ptCommentModules leaves it), but a call labelled with the name forward
// calls ("conv1:", "pool =") defines that module wherever it is used.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptLabelledCommentModules defines each module forward calls but the paste
// never assigns from a comment's layer call written after its name and a
// colon or "=".
func ptLabelledCommentModules(f *ptFile, env map[string]ptValue, mods *ptModuleSet, q *lang.Question) error {
	undefined := map[string]bool{}
	for _, n := range ptUndefinedCalls(f.Nodes, mods) {
		undefined[strings.TrimPrefix(n.Ident, "self.")] = true
	}
	cms := f.Comments
	for i, cm := range cms {
		c := ptCallOf(cm)
		if c == nil || i < 2 {
			continue
		}
		spec, ok := ptSpecs[c.Base()]
		if !ok || ptLayerCallsOnLine(cms, cm.Pos.Line) < 2 {
			continue // a comment of one call is ptCommentModules' to read
		}
		sep, label := cms[i-1], cms[i-2]
		if sep.Punct != ":" && sep.Punct != "=" || sep.Pos.Line != cm.Pos.Line || label.Pos.Line != cm.Pos.Line || len(label.Calls) > 0 {
			continue
		}
		name := strings.TrimPrefix(label.Ident, "self.")
		if name == "" || !undefined[name] || mods.byName[name] != nil {
			continue
		}
		ls, err := spec.build(c, env, q)
		if err != nil {
			return err
		}
		for _, l := range ls {
			mods.calls[l.Pos] = c
		}
		mods.byName[name] = ls
		mods.order = append(mods.order, ls...)
		note := fmt.Sprintf("self.%s is not defined in the paste: read from the comment on line %d, %s", name, cm.Pos.Line, ptCallText(c))
		if !slices.Contains(q.Notes, note) {
			q.Notes = append(q.Notes, note)
		}
	}
	return nil
}

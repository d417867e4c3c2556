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
	"regexp"
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
	fromComment := map[string]*ptNode{} // the comment call that defined each name here
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
		earlier := fromComment[name]
		if name == "" || !undefined[name] || mods.byName[name] != nil && earlier == nil {
			continue
		}
		ls, err := spec.build(c, env, q)
		if err != nil {
			return err
		}
		if earlier != nil {
			// "conv1 = nn.Conv2d(3, 16, 5) originally, now conv1 = nn.Conv2d(3, 32, 5)": the later one is the module
			old := mods.byName[name]
			was := fmt.Sprintf("self.%s is not defined in the paste: read from the comment on line %d, %s", name, earlier.Pos.Line, ptCallText(ptCallOf(earlier)))
			q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool { return n == was })
			mods.order = slices.DeleteFunc(mods.order, func(l lang.Layer) bool {
				return slices.ContainsFunc(old, func(o lang.Layer) bool { return o.Pos == l.Pos })
			})
			if !ptLaterWordsRE.MatchString(ptCommentText(cms, earlier, cm)) {
				q.Doubts = append(q.Doubts, fmt.Sprintf("the comment on line %d defines %s twice (%s, then %s): the later is taken; say which is yours", cm.Pos.Line, name, ptCallText(ptCallOf(earlier)), ptCallText(c)))
			}
		}
		fromComment[name] = cm
		for _, l := range ls {
			mods.calls[l.Pos] = c
		}
		mods.byName[name] = ls
		mods.order = append(mods.order, ls...)
		note := fmt.Sprintf("self.%s is not defined in the paste: read from the comment on line %d, %s", name, cm.Pos.Line, ptCallText(c))
		if earlier != nil {
			note += fmt.Sprintf(", the later of its two definitions there (not %s)", ptCallText(ptCallOf(earlier)))
		}
		if !slices.Contains(q.Notes, note) {
			q.Notes = append(q.Notes, note)
		}
	}
	return nil
}

// ptLaterWordsRE between two definitions of one name says the later is
// the one in use.
var ptLaterWordsRE = regexp.MustCompile(`(?i)\b(?:now|changed|change[sd]?\s+(?:it\s+)?to|instead|updated?|replaced|currently)\b`)

// ptCommentText is the words of the comment nodes from a up to b, joined.
func ptCommentText(cms []*ptNode, a, b *ptNode) string {
	var words []string
	in := false
	for _, n := range cms {
		if n == a {
			in = true
		}
		if n == b {
			break
		}
		if in && n.Ident != "" {
			words = append(words, n.Ident)
		}
	}
	return strings.Join(words, " ")
}

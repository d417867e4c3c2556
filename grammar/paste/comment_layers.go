package paste

// Layers told in comments, as people paste forward lines in chat:
//
//	x = self.pool(F.relu(self.conv1(x)))  # Conv2d(3, 32, 5, padding=2)
//
// self.conv1 is defined nowhere but in the comment on the line that calls
// it; self.pool is defined nowhere at all. The first is read from the
// comment; the second, when its name says a pool, is taken as the usual
// 2x2 max pool with a doubt, never silently as nothing.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptUndefinedCalls lists, in text order, the `self.NAME(...)` calls of
// nodes whose NAME mods does not define, with the line of each.
func ptUndefinedCalls(nodes []*ptNode, mods *ptModuleSet) []*ptNode {
	var out []*ptNode
	ptWalk(nodes, func(n *ptNode) bool {
		name, ok := strings.CutPrefix(n.Ident, "self.")
		if ok && len(n.Calls) > 0 && !strings.Contains(name, ".") && mods.byName[name] == nil {
			out = append(out, n)
		}
		return true
	})
	return out
}

// ptCommentModules defines each module forward's lines call but the paste
// never assigns, from the one layer call of the comment on its line
// ("self.conv1(x)  # Conv2d(3, 32, 5, padding=2)"). A comment whose line
// calls two undefined modules, or that holds two layers, says nothing
// certain and is left alone.
func ptCommentModules(f *ptFile, env map[string]ptValue, mods *ptModuleSet, q *lang.Question) error {
	undefined := ptUndefinedCalls(f.Nodes, mods)
	for _, cm := range f.Comments {
		c := ptCallOf(cm)
		if c == nil {
			continue
		}
		spec, ok := ptSpecs[c.Base()]
		if !ok {
			continue
		}
		var on []*ptNode
		for _, n := range undefined {
			if n.Pos.Line == cm.Pos.Line && !slices.ContainsFunc(on, func(o *ptNode) bool { return o.Ident == n.Ident }) {
				on = append(on, n)
			}
		}
		if len(on) > 1 {
			on = slices.DeleteFunc(on, func(n *ptNode) bool { return !ptNameSaysKind(strings.TrimPrefix(n.Ident, "self."), c.Base()) })
		}
		if len(on) != 1 || ptLayerCallsOnLine(f.Comments, cm.Pos.Line) != 1 {
			continue
		}
		ls, err := spec.build(c, env, q)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(on[0].Ident, "self.")
		for _, l := range ls {
			mods.calls[l.Pos] = c
		}
		mods.byName[name] = ls
		mods.order = append(mods.order, ls...)
		q.Notes = append(q.Notes, fmt.Sprintf("self.%s is not defined in the paste: read from the comment on line %d, %s", name, cm.Pos.Line, ptCallText(c)))
	}
	return nil
}

// ptKindWords are the words a module's name may use for the kind of
// layer a module call (its base name, lowercase) builds.
var ptKindWords = map[string][]string{"conv": {"conv"}, "linear": {"fc", "linear", "dense", "classifier", "head"},
	"pool": {"pool"}, "batchnorm": {"bn", "norm"}, "convtranspose": {"deconv", "up", "convt"}}

// ptNameSaysKind reports whether a module's name (conv1, fc2, bn1) says
// the kind of layer the call named base builds (Conv2d, Linear).
func ptNameSaysKind(name, base string) bool {
	name, base = strings.ToLower(name), strings.ToLower(base)
	best := ""
	for k := range ptKindWords {
		if strings.Contains(base, k) && len(k) > len(best) {
			best = k // ConvTranspose2d is a convtranspose, not a conv
		}
	}
	for _, w := range ptKindWords[best] {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// ptLayerCallsOnLine counts the layer calls among the comment nodes of a
// line.
func ptLayerCallsOnLine(comments []*ptNode, line int) int {
	n := 0
	for _, cm := range comments {
		if c := ptCallOf(cm); c != nil && cm.Pos.Line == line {
			if _, ok := ptSpecs[c.Base()]; ok {
				n++
			}
		}
	}
	return n
}

// ptPoolNameRE is a module name that says a max pool: pool, maxpool,
// max_pool, pool1.
var ptPoolNameRE = regexp.MustCompile(`^(?:max_?)?pool[0-9]?$`)

// ptAssumedPools takes an undefined self.pool (or maxpool, pool2) that
// forward calls beside layers the paste does define as nn.MaxPool2d(2, 2),
// the pool of the PyTorch tutorial these lines come from, and says so as a
// doubt: the number depends on a layer the paste does not show.
func ptAssumedPools(f *ptFile, mods *ptModuleSet, q *lang.Question) {
	if len(mods.order) == 0 {
		return
	}
	for _, n := range ptUndefinedCalls(f.Nodes, mods) {
		name := strings.TrimPrefix(n.Ident, "self.")
		if !ptPoolNameRE.MatchString(name) || mods.byName[name] != nil {
			continue
		}
		l := lang.Layer{Layer: calc.Pool{Kernel: []int{2}}, Pos: ptPos(n.Pos)}
		mods.byName[name] = []lang.Layer{l}
		mods.order = append(mods.order, l)
		q.Doubts = append(q.Doubts, fmt.Sprintf("self.%s is used on line %d but not defined in the paste: taken as nn.MaxPool2d(2, 2), the usual pool; say if yours differs", name, n.Pos.Line))
	}
}

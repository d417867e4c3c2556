package paste

// A forward told in words after the modules, without the word "forward":
// "conv1 = nn.Conv2d(1, 32, 3, 1), conv2 = nn.Conv2d(32, 64, 3, 1), then
// max_pool2d(x, 2) then flatten". The modules come first, in the order
// written; the words after "then" apply theirs to what they give.

import (
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptThenWords before a functional call say it follows what comes before.
var ptThenWords = map[string]bool{"then": true, "followed": true, "after": true, "afterwards": true, "next": true}

// ptThenForward traces a paste whose modules are followed by words that
// apply a functional layer ("then max_pool2d(x, 2)", "-> F.max_pool2d(x,
// 2)"); nil when there are none. The modules before the first Linear are
// applied in the order written, then the words in theirs; the Linear and
// the modules after it follow when the words do not name them.
func ptThenForward(f *ptFile, m *ptModuleSet, env map[string]ptValue, q *lang.Question) []lang.Layer {
	if m.fwd != nil || len(m.order) == 0 {
		return nil
	}
	i := ptThenCall(f.Nodes, m, env)
	if i < 0 {
		return nil
	}
	named := map[string]bool{}
	for _, n := range f.Nodes[i:] {
		if m.byName[n.Ident] != nil {
			named[n.Ident] = true
		}
	}
	t := &fwTracer{m: m, env: env, q: q, vars: map[string]fwVal{}, used: map[string]bool{}, bare: true}
	before := ptWrittenBefore(m, named)
	if ptThenUnflattens(f.Nodes[i]) {
		before = ptWrittenAll(m, named) // then_view.go: the view reshapes the Linear's output
	}
	cur := t.push(fwVal{kind: fwTensor}, before...)
	cur = t.proseSteps(f.Nodes[i:], cur)
	out := make([]lang.Layer, len(cur.chain))
	for k, s := range cur.chain {
		out[k] = s.l
	}
	q.Notes = append(q.Notes, "layers taken in the order written, then in the order the words after \"then\" apply them")
	q.Notes = append(q.Notes, t.notes...)
	return append(out, fwUnnamedTail(m, out, q)...)
}

// ptThenCall is the index in nodes of the first functional call that
// words say comes next ("then max_pool2d(x, 2)") written after every
// module of m; -1 when there is none.
func ptThenCall(nodes []*ptNode, m *ptModuleSet, env map[string]ptValue) int {
	last := m.order[len(m.order)-1].Pos
	for i, n := range nodes {
		c := ptCallOf(n)
		if c == nil || fwFunctionalWords(c, env) == nil {
			continue
		}
		if ptListedWords(nodes, i, c, m) {
			return i // functional_words.go: "conv2 = nn.Conv2d(32, 64, 3), max_pool2d(2), flatten, fc1 = ..."
		}
		if c.Pos.Line < last.Line || c.Pos.Line == last.Line && c.Pos.Col < last.Col {
			continue
		}
		for j := i - 1; j >= max(0, i-2); j-- {
			if ptThenWords[strings.ToLower(nodes[j].Ident)] || nodes[j].Punct == "->" {
				return i
			}
		}
	}
	return -1
}

// ptWrittenBefore is m's layers in the order written, up to the first
// Linear, without the modules the words name later.
func ptWrittenBefore(m *ptModuleSet, named map[string]bool) []lang.Layer {
	var out []lang.Layer
	for _, l := range m.order {
		if _, lin := l.Layer.(calc.Linear); lin {
			break
		}
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

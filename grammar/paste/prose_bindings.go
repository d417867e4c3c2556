package paste

// Names bound in the words, not in the code: askers paste one line of a
// model and give its names' values in a sentence —
//
//	self.fc = nn.Linear(latent_dim, 64 * 7 * 7) ... latent_dim=20.
//	nn.Embedding(vocab_size, embed_dim), where embed_dim is 300
//	nn.Conv2d(in_ch, 64, 3) with in_ch = 3
//
// Python's own assignment (ptEnv) reads a line to its end, so "latent_dim=20.
// how many params" binds nothing. A name an argument of a call uses, that
// the code leaves unbound, takes the one number the words give it.

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// proseBindingRE finds NAME = 20, NAME: 20, NAME is 20, NAME of 20, NAME
// equals 20, NAME set to 20; the number is whole and not the start of a
// product, a size (20x20) or a decimal.
var proseBindingRE = regexp.MustCompile(`(?i)\b([a-z_][a-z0-9_]*)\s*(?:=|:|\s(?:is|of|equals?|set to|being)\s)\s*(\d+)(?:[^\d.x×*/,]|[.,](?:\s|$)|$)`)

// ptProseBindings adds to env the names the calls of f use and the code
// never binds, each with the number the words give it (only a name given
// one value), and names each in q's notes.
func ptProseBindings(src string, f *ptFile, env map[string]ptValue, q *lang.Question) {
	used := ptArgNames(f)
	found := map[string][]int64{}
	for _, at := range proseBindingRE.FindAllStringSubmatchIndex(src, -1) {
		m := []string{src[at[0]:at[1]], src[at[2]:at[3]], src[at[4]:at[5]]}
		name := m[1]
		if !used[name] || bracketDepth(src[:at[0]]) > 0 {
			continue
		}
		if _, bound := env[name]; bound {
			continue
		}
		n, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil || n < 1 || n > 1<<30 {
			continue
		}
		found[name] = append(found[name], n)
	}
	for name, vals := range found {
		if !allSame(vals) {
			continue // two values in the words: several questions, not one binding
		}
		env[name] = ptValue{Kind: ptInt, Int: vals[0]}
		q.Notes = append(q.Notes, fmt.Sprintf("%s = %d read from the words", name, vals[0]))
	}
}

// allSame reports whether vals holds one value, however often.
func allSame(vals []int64) bool {
	for _, v := range vals {
		if v != vals[0] {
			return false
		}
	}
	return true
}

// ptArgNames are the bare names used inside the brackets of f's calls:
// the names whose values the layers need.
func ptArgNames(f *ptFile) map[string]bool {
	names := map[string]bool{}
	var in func(nodes []*ptNode)
	in = func(nodes []*ptNode) {
		for i, n := range nodes {
			keyword := i+1 < len(nodes) && nodes[i+1].Punct == "="
			if n.Ident != "" && len(n.Calls) == 0 && !keyword {
				names[n.Ident] = true
			}
			for _, g := range n.Calls {
				in(g.Nodes)
			}
			if n.Group != nil {
				in(n.Group.Nodes)
			}
		}
	}
	for _, n := range f.Nodes {
		for _, g := range n.Calls {
			in(g.Nodes)
		}
	}
	return names
}

// bracketDepth is how many brackets are open at the end of s: a binding
// inside a call is a keyword argument, not the words'.
func bracketDepth(s string) int {
	d := 0
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d = max(0, d-1)
		}
	}
	return d
}

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
var proseBindingRE = regexp.MustCompile(`(?i)\b([a-z_][a-z0-9_]*)\s*(?:=|:|\s(?:is|of|equals?|set to|being)\s)\s*(\d+)(?:[^\d.x×*/,]|[.,](?:\s|$)|$|\s*\*\s*\d)`)

// ptProseBindings adds to env the names the calls of f use and the code
// never binds, each with the number the words give it (only a name given
// one value), and names each in q's notes.
func ptProseBindings(src string, f *ptFile, env map[string]ptValue, q *lang.Question) {
	used := ptArgNames(f)
	found := map[string][]int64{}
	for _, at := range proseBindingRE.FindAllStringSubmatchIndex(src, -1) {
		m := []string{src[at[0]:at[1]], src[at[2]:at[3]], src[at[4]:at[5]]}
		name := m[1]
		if !used[name] || name == "x" || bracketDepth(src[:at[0]]) > 0 {
			continue // x is forward's tensor, never a number the words give
		}
		if _, bound := env[name]; bound {
			continue
		}
		n, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil || n < 1 || n > 1<<30 {
			continue
		}
		n, ok := proseBindingValue(n, src[at[5]:])
		if !ok {
			continue // "k is 3, 5 or 7", "in_ch is 3 or 1 depending on dataset": no one value
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

// proseArithRE is one operator and a whole number after a binding's
// first number: "20 + 1", "64 * 2" (never x: "32 x 32" is a size).
var proseArithRE = regexp.MustCompile(`^\s*([-+*])\s*(\d{1,7})\b`)

// proseHedgeRE in the rest of a binding's sentence says the number is
// not the one value: alternatives, a doubt, a value that depends.
var proseHedgeRE = regexp.MustCompile(`(?i)^[^.?!\n]*?(?:\bnot\s+sure\b|\bunsure\b|\bmaybe\b|\bperhaps\b|\bdepend|\bvar(?:y|ies)\b|\bin\s+(?:layer|some|one)\b)|^\s*(?:,\s*\d|or\s+\d|/|\*\*|[x×]\s*\d)`)

// proseBindingValue is the value of a binding whose words start with the
// number n, rest being the words after it: simple arithmetic ("20 + 1",
// "64 * 2 * 2") is worked out; ok is false when the words give no one
// value (a list, alternatives, a hedge, arithmetic it cannot do safely).
func proseBindingValue(n int64, rest string) (int64, bool) {
	if proseHedgeRE.MatchString(rest) {
		return 0, false
	}
	for k := 0; k < 4; k++ {
		m := proseArithRE.FindStringSubmatch(rest)
		if m == nil {
			break
		}
		b, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil {
			return 0, false
		}
		switch m[1] {
		case "+":
			if k > 0 || proseArithRE.MatchString(rest[len(m[0]):]) {
				return 0, false // "2 * 3 + 1", "1 + 2 * 3": precedence not worked here
			}
			n += b
		case "-":
			if k > 0 || proseArithRE.MatchString(rest[len(m[0]):]) {
				return 0, false
			}
			n -= b
		default:
			n *= b
		}
		if n < 1 || n > 1<<30 {
			return 0, false
		}
		rest = rest[len(m[0]):]
	}
	if proseHedgeRE.MatchString(rest) {
		return 0, false // "64 * 2 / 4": arithmetic not worked here
	}
	return n, true
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

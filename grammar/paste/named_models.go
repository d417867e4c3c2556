package paste

// Two designs pasted under their own names, at least one a whole module:
//
//	sep = nn.Sequential(
//	    nn.Conv2d(64, 64, 3, padding=1, groups=64),
//	    nn.Conv2d(64, 128, 1),
//	)
//	normal = nn.Conv2d(64, 128, 3, padding=1)
//	how many params does each have?
//
// Read as one model, the layers chain (normal after sep) and the reply
// sums them, a number nobody asked for; each name is one design taking the
// same input, answered on its own.

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// namedModelRE starts a top-level assignment of a module to a name:
// "sep = nn.Sequential(", "regular = nn.Conv2d(".
var namedModelRE = regexp.MustCompile(`(?m)^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:torch\.)?nn\.(\w+)\(`)

// namedModelsChained matches code that wires modules itself.
var namedModelsChained = regexp.MustCompile(`\bdef\s+forward\b|\bclass\s`)

// namedModel is one assignment: its name, the module's type and where the
// assignment is written (up to its closing bracket).
type namedModel struct {
	name, kind string
	at         allSpan
}

// namedModels finds the top-level module assignments of src; nil when a
// bracket is left open.
func namedModels(src string) []namedModel {
	var out []namedModel
	for _, m := range namedModelRE.FindAllStringSubmatchIndex(src, -1) {
		end := lang.ClosingBracket(src, m[1]-1)
		if end < 0 {
			return nil
		}
		out = append(out, namedModel{name: src[m[2]:m[3]], kind: src[m[4]:m[5]], at: allSpan{m[0], end + 1}})
	}
	return out
}

// allNamedModels reads two to four modules assigned to names, at least
// one an nn.Sequential, as one question each; nil when src has no such
// modules, wires them itself (a class, a forward, one module built of
// another's name), or they do not all take the same input channels (a
// chain split in parts).
func allNamedModels(src string) []*lang.Question {
	ms := namedModels(src)
	if len(ms) < 2 || len(ms) > 4 || namedModelsChained.MatchString(src) || !namedModelsSequential(ms) {
		return nil
	}
	for _, m := range ms {
		for _, other := range ms {
			if regexp.MustCompile(`\b` + other.name + `\b`).MatchString(src[m.at.from:m.at.to][len(m.name):]) {
				return nil // one module built of another
			}
		}
	}
	var out []*lang.Question
	in := -1
	for k := range ms {
		q, err := namedModelRead(src, ms, k)
		if err != nil || len(q.Layers) == 0 {
			return nil
		}
		c, _ := sbsChannels(q.Layers[0].Layer)
		if c == 0 || in >= 0 && c != in {
			return nil
		}
		in = c
		q.Notes = append(q.Notes, fmt.Sprintf("`%s` is read on its own: the pasted modules are designs side by side (each takes %d channels), not one after the other", ms[k].name, c))
		out = append(out, q)
	}
	if k := namedModelAsked(src, ms); k >= 0 {
		return out[k : k+1]
	}
	return out
}

// namedModelAsked is the one module of ms that the words outside them
// name ("params of m1?"), or -1 when they name none, several or each
// ("params of each", "which of a and b").
func namedModelAsked(src string, ms []namedModel) int {
	b := []byte(src)
	for _, m := range ms {
		allBlank(b, m.at)
	}
	words := string(b)
	if namedModelsEach.MatchString(words) {
		return -1
	}
	asked := -1
	for k, m := range ms {
		if m.name == "a" || m.name == "i" {
			continue // an article, a pronoun
		}
		if regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(m.name) + `\b`).MatchString(words) {
			if asked >= 0 {
				return -1
			}
			asked = k
		}
	}
	return asked
}

// namedModelsEach matches words that ask every module: "each", "both",
// "which", "compare", "vs".
var namedModelsEach = regexp.MustCompile(`(?i)\b(?:each|both|which|compare|vs|versus|all|every|either)\b`)

// namedModelsSequential reports whether a module of ms is an
// nn.Sequential.
func namedModelsSequential(ms []namedModel) bool {
	for _, m := range ms {
		if m.kind == "Sequential" {
			return true
		}
	}
	return false
}

// namedModelRead reads the k-th module of ms with the others blanked, so
// positions stay those of src.
func namedModelRead(src string, ms []namedModel, k int) (*lang.Question, error) {
	b := []byte(src)
	for j, m := range ms {
		if j != k {
			allBlank(b, m.at)
		}
	}
	return parseOne(string(b))
}

package grammar

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A module of the pasted model asked about by its name is its layers
// together, not the model:
//
//	self.encoder = nn.Sequential(...)
//	self.decoder = nn.Sequential(...)
//	need the param count of the decoder only
//
// The reading keeps the whole chain (the decoder's input is what the
// encoder gives) and asks the module's layers, summed.

// moduleAssigned starts a module assigned to a name: "self.decoder =
// nn.Sequential(", "self.head = nn.Linear(".
var moduleAssigned = regexp.MustCompile(`(?m)^[ \t]*(?:self\.)?([A-Za-z_]\w*)[ \t]*=[ \t]*(?:torch\.)?nn\.(\w+)\(`)

// moduleWholeAsked matches words that ask the whole model after all:
// "whole", "each", "both".
var moduleWholeAsked = regexp.MustCompile(`(?i)\b(?:whole|entire|all|each|both|every)\b`)

// module is a named module of src: its name and the byte span from the
// assignment to its closing bracket.
type module struct {
	name, kind string
	from, to   int
}

// modules are the modules src assigns to names; nil when a bracket is
// left open.
func modules(src string) []module {
	var out []module
	for _, m := range moduleAssigned.FindAllStringSubmatchIndex(src, -1) {
		end := lang.ClosingBracket(src, m[1]-1)
		if end < 0 {
			return nil
		}
		out = append(out, module{name: strings.ToLower(src[m[2]:m[3]]), kind: src[m[4]:m[5]], from: m[0], to: end + 1})
	}
	return out
}

// askedModule is the one module of ms the words outside every module
// name, with the index of its mention; -1 when they name none or
// several.
func askedModule(src string, ms []module) int {
	words := []byte(strings.ToLower(src))
	for _, m := range ms {
		for i := m.from; i < m.to; i++ {
			words[i] = ' '
		}
	}
	asked := -1
	for k, m := range ms {
		if notNames[m.name] && m.name != "features" {
			continue
		}
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(m.name) + `\b`).Match(words) {
			if asked >= 0 {
				return -1
			}
			asked = k
		}
	}
	return asked
}

// withModuleAsked returns q asking the layers of the one module its words
// name, together; q itself when they name none, several, or ask the
// whole model.
func withModuleAsked(src string, q *Question) *Question {
	if len(q.Layers) < 2 || len(src) > MaxChars*4 || len(q.At) > 0 || slices.Contains(q.Asked, "output") || moduleWholeAsked.MatchString(questionWords(src)) || wholeWords.MatchString(src) {
		return q
	}
	ms := modules(src)
	if len(ms) < 2 {
		return q
	}
	k := askedModule(src, ms)
	if k < 0 || ms[k].kind != "Sequential" {
		return q // a single layer named is asked_at.go's
	}
	at, all := moduleLayers(src, q, ms[k])
	if len(at) == 0 || all == len(q.Layers) {
		return q
	}
	cp := *q
	cp.At, cp.AtTogether = at, len(at) > 1
	return &cp
}

// moduleLayers are the layers of q written inside m that hold
// parameters, as places asked, and how many layers m holds in all.
func moduleLayers(src string, q *Question, m module) ([]At, int) {
	var at []At
	all := 0
	for i, o := range layerOffsets(src, q) {
		if o < m.from || o >= m.to {
			continue
		}
		all++
		if rep, err := q.Layers[i].Layer.Apply(nil); err == nil && rep.Params == 0 {
			continue // a ReLU adds nothing to the sum
		}
		at = append(at, At{Layer: i, Name: "the " + m.name})
	}
	return at, all
}

// questionWords are the lines of src outside its code: those that hold no
// call and no assignment.
func questionWords(src string) string {
	var b strings.Builder
	for _, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "(") || strings.Contains(l, "=") {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

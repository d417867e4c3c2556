package paste

// A fragment of forward pasted under __init__'s modules: only the
// functional lines (`x = F.max_pool2d(x, 2)   # after conv2`, `x =
// torch.flatten(x, 1)`), the lines that call the modules left out
// ("..."). Read alone they would size a pool on the input and drop every
// conv; the modules are taken in the order written, each functional layer
// where its comment puts it ("after conv2") or before the first Linear.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFragment merges out, the layers the pasted lines of forward apply,
// into the modules of m when out applies none of them; nil when out
// needs no merging.
func ptFragment(f *ptFile, m *ptModuleSet, out []lang.Layer, q *lang.Question) []lang.Layer {
	defined := map[lang.Position]bool{}
	learns := false
	for _, l := range m.order {
		defined[l.Pos] = true
		switch l.Layer.(type) {
		case calc.Conv, calc.Linear:
			learns = true
		}
	}
	if !learns || slices.ContainsFunc(out, func(l lang.Layer) bool { return defined[l.Pos] }) {
		return nil
	}
	merged := slices.Clone(m.order)
	var placed []string
	guessed := false
	for _, l := range out {
		if _, flat := l.Layer.(calc.Flatten); flat {
			continue // the Linear's own flatten comes before it in any case
		}
		at, name := ptAfterComment(f, m, merged, l.Pos.Line)
		if at < 0 {
			at, _ = ptFirstLinear(merged)
			if at < 0 {
				at = len(merged)
			}
			guessed = true
		}
		merged = slices.Insert(merged, at, l)
		if name != "" {
			placed = append(placed, fmt.Sprintf("%s after %s, as its comment says", lang.FormatLayer(l.Layer), name))
		} else {
			placed = append(placed, fmt.Sprintf("%s before the first Linear", lang.FormatLayer(l.Layer)))
		}
	}
	q.Notes = append(q.Notes, "the pasted lines of forward apply none of __init__'s modules: the modules are taken in the order written, with "+strings.Join(placed, "; "))
	if guessed {
		q.Doubts = append(q.Doubts, "forward is only partly pasted: where its functional layers go among the modules is a guess ("+strings.Join(placed, "; ")+"); paste the whole forward to be sure")
	}
	return merged
}

// ptAfterComment reads a comment "after conv2" on line: the index in
// layers just after the last layer of the module named, and its name; -1
// when the line has no such comment.
func ptAfterComment(f *ptFile, m *ptModuleSet, layers []lang.Layer, line int) (int, string) {
	for i, c := range f.Comments {
		if c.Pos.Line != line || strings.ToLower(c.Ident) != "after" || i+1 >= len(f.Comments) || f.Comments[i+1].Pos.Line != line {
			continue
		}
		name := strings.TrimPrefix(f.Comments[i+1].Ident, "self.")
		ls := m.byName[name]
		if len(ls) == 0 {
			continue
		}
		last := ls[len(ls)-1].Pos
		if at := slices.IndexFunc(layers, func(l lang.Layer) bool { return l.Pos == last }); at >= 0 {
			return at + 1, name
		}
	}
	return -1, ""
}

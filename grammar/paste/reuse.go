package paste

// A module defined once and applied several times. An __init__ pasted
// without its forward lists `self.pool = nn.MaxPool2d(2, 2)` once, as
// PyTorch's CIFAR-10 tutorial does, though forward pools after every conv.
// The order the layers are applied in is then not known: the paste is read
// in the order written unless the model's own Linear says otherwise (its
// in_features fits only when the pool follows each conv), and a `???` to
// fill is filled with that assumption said first.

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptReuseShared reads q.Layers (in the order written, no forward pasted)
// with a pool defined once applied after every later conv too, when that
// is the reading the first Linear asks for. It returns the assumption to
// say first when the Linear has no number to check it against ("???"),
// and "" otherwise.
func ptReuseShared(q *lang.Question, m *ptModuleSet, fx *ptFixer) string {
	if q.Input == nil {
		return ""
	}
	name, at := ptSharedPool(q.Layers, m)
	if at < 0 {
		return ""
	}
	alt := ptPoolAfterConvs(q.Layers, at)
	if len(alt) <= len(q.Layers) {
		return ""
	}
	li, ok := ptFirstLinear(q.Layers)
	if !ok {
		return ""
	}
	lin := q.Layers[li].Layer.(calc.Linear)
	asWritten, _ := ptElementsBefore(q.Layers, li, q.Input)
	ai, _ := ptFirstLinear(alt)
	reused, okAlt := ptElementsBefore(alt, ai, q.Input)
	why := fmt.Sprintf("forward is not pasted: %s (defined once) is taken after every conv, as forward usually applies it", name)
	switch {
	case !okAlt:
		return ""
	case lin.In != 0 && int64(lin.In) != asWritten && int64(lin.In) == reused:
		q.Layers = alt
		q.Notes = append(q.Notes, why+fmt.Sprintf(" — the order in which the Linear's %d fits", lin.In))
	case lin.In == 0 && fx.calls[q.Layers[li].Pos] != nil && ptUnknownArg(fx.calls[q.Layers[li].Pos], 0, "in_features"):
		q.Layers = alt
		q.Notes = append(q.Notes, why)
		return fmt.Sprintf("assuming forward applies %s after each conv (forward is not pasted; without the pool after the later convs it would be %d)", name, asWritten)
	}
	return ""
}

// ptSharedPool finds the one pooling module assigned to a name once: its
// name and index in layers, or -1.
func ptSharedPool(layers []lang.Layer, m *ptModuleSet) (string, int) {
	var names []string
	for name, ls := range m.byName {
		if len(ls) == 1 && m.items[name] == nil {
			if _, ok := ls[0].Layer.(calc.Pool); ok {
				names = append(names, name)
			}
		}
	}
	if len(names) != 1 {
		return "", -1 // none, or several pools: each is likely used once
	}
	pos := m.byName[names[0]][0].Pos
	at := slices.IndexFunc(layers, func(l lang.Layer) bool { return l.Pos == pos })
	return names[0], at
}

// ptPoolAfterConvs is layers with the pool at index at taken after every
// conv instead (whether defined before or after it), unless a pool already
// follows that conv before the next conv or Linear.
func ptPoolAfterConvs(layers []lang.Layer, at int) []lang.Layer {
	pool := layers[at]
	rest := slices.Delete(slices.Clone(layers), at, at+1)
	var out []lang.Layer
	pending := false
	for _, l := range rest {
		switch l.Layer.(type) {
		case calc.Conv, calc.Linear, calc.Flatten:
			if pending {
				out = append(out, pool)
			}
			_, pending = l.Layer.(calc.Conv)
		case calc.Pool, calc.AdaptivePool, calc.GlobalAvgPool:
			pending = false
		}
		out = append(out, l)
	}
	if pending {
		out = append(out, pool)
	}
	return out
}

// ptFirstLinear is the index of the first Linear of layers.
func ptFirstLinear(layers []lang.Layer) (int, bool) {
	i := slices.IndexFunc(layers, func(l lang.Layer) bool {
		_, ok := l.Layer.(calc.Linear)
		return ok
	})
	return i, i >= 0
}

// ptElementsBefore is how many values reach layer i of layers from in.
func ptElementsBefore(layers []lang.Layer, i int, in calc.Shape) (int64, bool) {
	for _, l := range layers[:i] {
		r, err := l.Apply(in)
		if err != nil {
			return 0, false
		}
		in = r.Output
	}
	n, err := in.Elements()
	return n, err == nil
}

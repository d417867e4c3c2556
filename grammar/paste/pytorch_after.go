package paste

import (
	"slices"
	"strings"
)

// A layer named in the words as coming after another on the same line —
// "nn.Upsample(scale_factor=2) after a Conv2d(64, 32, 3) on 33x33" — runs
// second though it is written first: the call after "after" (or
// "following", "behind") is moved before the ones read earlier on its
// line, as Keras's reader does (keras_context.go).

// ptAfterArticles may stand between "after" and the layer call.
var ptAfterArticles = map[string]bool{"a": true, "an": true, "the": true, "my": true, "this": true, "that": true}

// ptAfterWord reports whether the call at nodes[i] follows an "after"
// word on its own line, articles skipped.
func ptAfterWord(nodes []*ptNode, i int) bool {
	j := i - 1
	for j >= 0 && ptAfterArticles[strings.ToLower(nodes[j].Ident)] && len(nodes[j].Calls) == 0 {
		j--
	}
	return j >= 0 && len(nodes[j].Calls) == 0 && kerasAfterWords[strings.ToLower(nodes[j].Ident)] &&
		nodes[j].Pos.Line == nodes[i].Pos.Line
}

// afterMove puts the modules read from index from on, when their call at
// nodes[i] follows "after", before the top-level modules read earlier on
// the same line.
func (w *ptModuleWalk) afterMove(nodes []*ptNode, i, from int) {
	ls := w.m.order
	if from >= len(ls) || from == 0 || !ptAfterWord(nodes, i) {
		return
	}
	line := nodes[i].Pos.Line
	at := from
	for at > 0 && ls[at-1].Pos.Line == line {
		at--
	}
	if at == from {
		return
	}
	moved := slices.Clone(ls[from:])
	w.m.order = append(append(slices.Clone(ls[:at]), moved...), ls[at:from]...)
}

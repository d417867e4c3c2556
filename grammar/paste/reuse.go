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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptReuseShared reads q.Layers (in the order written, no forward pasted)
// with a pool defined once applied after every later conv too, when that
// is the reading the first Linear asks for. It returns the assumption to
// say first when the Linear has no number to check it against ("???"),
// and "" otherwise.
func ptReuseShared(src string, msg *ptMessage, q *lang.Question, m *ptModuleSet, fx *ptFixer) string {
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
	case msg != nil && msg.kind == "linear" && len(msg.nums) == 4 && int64(msg.nums[1]) == reused && int64(msg.nums[1]) != asWritten:
		q.Layers = alt
		q.Notes = append(q.Notes, why+fmt.Sprintf(" — the order in which the %d features of PyTorch's message reach the Linear", msg.nums[1]))
	case ptPoolEachWordsRE.MatchString(src):
		q.Layers = alt
		q.Notes = append(q.Notes, why+", as the words say")
	case lin.In != 0 && int64(lin.In) != asWritten:
		if side, at := ptWrittenFor(src, q.Layers, alt, li, ai, lin.In, q.Input); side > 0 {
			q.Layers = alt
			fx.trusted = true // the Linear was written for the other size: the order is known, the fix is the answer
			q.Notes = append(q.Notes, why+fmt.Sprintf(" — the order in which the Linear's %d fits the %dx%d input it was written for", lin.In, side, side))
			if at >= 0 {
				m := ptSizeRE.FindStringSubmatchIndex(src[at:])
				for _, k := range []int{2, 4} { // each side is a number of its own
					q.Unused = append(q.Unused, lang.Unused{Text: src[at+m[k] : at+m[k+1]], Pos: ptOffsetPos(src, at+m[k]),
						Why: fmt.Sprintf("the input the Linear's %d was written for; the question is about %dx%d", lin.In, q.Input[1], q.Input[2])})
				}
			}
		}
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

// ptPoolEachWordsRE finds words that say the pool follows every conv:
// "pool after each conv", "max pooling after every conv layer", "each conv
// is followed by the pool".
var ptPoolEachWordsRE = regexp.MustCompile(`(?i)\bpool(?:ing|ed)?\s+(?:\w+\s+){0,2}after\s+(?:each|every|all(?:\s+the)?|both)\s+(?:of\s+the\s+)?convs?\b|\b(?:each|every)\s+conv(?:olution)?(?:al)?(?:\s+layer)?\s+(?:is\s+)?followed\s+by\s+(?:a\s+|the\s+)?(?:max\s*)?pool`)

// ptSizeRE finds a square size written in the words: "32x32", "28 x 28".
var ptSizeRE = regexp.MustCompile(`\b(\d{1,4})\s*[x×]\s*(\d{1,4})\b`)

// ptWrittenFor is the side of another square input the words name ("my
// images are 64x64 not 32x32", "the CIFAR tutorial") at which the
// Linear's in_features fits alt (the pool after every conv) and not the
// layers as written; 0 when there is none.
func ptWrittenFor(src string, layers, alt []lang.Layer, li, ai, in int, input calc.Shape) (side, at int) {
	if len(input) != 3 {
		return 0, -1
	}
	var sides, ats []int
	for _, m := range ptSizeRE.FindAllStringSubmatchIndex(src, -1) {
		if src[m[2]:m[3]] == src[m[4]:m[5]] {
			if v, err := strconv.Atoi(src[m[2]:m[3]]); err == nil {
				sides, ats = append(sides, v), append(ats, m[0])
			}
		}
	}
	low := strings.ToLower(src)
	if strings.Contains(low, "cifar") {
		sides, ats = append(sides, 32), append(ats, -1)
	}
	if strings.Contains(low, "mnist") {
		sides, ats = append(sides, 28), append(ats, -1)
	}
	for k, side := range sides {
		if side == input[1] && side == input[2] {
			continue
		}
		at := calc.Shape{input[0], side, side}
		written, ok1 := ptElementsBefore(layers, li, at)
		reused, ok2 := ptElementsBefore(alt, ai, at)
		if ok2 && reused == int64(in) && (!ok1 || written != int64(in)) {
			return side, ats[k]
		}
	}
	return 0, -1
}

// ptOffsetPos is the line and column (1-based, in runes) of byte offset
// off of src.
func ptOffsetPos(src string, off int) lang.Position {
	before := src[:off]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return lang.Position{Line: line, Col: col}
}

package paste

// Keras layers asked about with their input in words: "SeparableConv2D(64,
// 3) in keras, input has 32 channels", "Conv2D(16, 3, strides=2) on 75x75:
// out size?", "BatchNormalization after Conv2D(128)". Keras layers do not
// say their inputs, so the words do: the channels, the sizes (the
// channels then matter to nothing asked), or the layer written after
// "after", which comes first.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasAfterWords say that the call that follows comes before what was
// written first on its line: "BatchNormalization after Conv2D(128)".
var kerasAfterWords = map[string]bool{"after": true, "following": true, "behind": true}

// kerasAfter reports whether nodes[i] follows a word of kerasAfterWords
// with a layer already read on its line.
func (k *kerasReader) kerasAfter(nodes []*ptNode, i int) bool {
	if i == 0 || !kerasAfterWords[strings.ToLower(nodes[i-1].Ident)] {
		return false
	}
	line := nodes[i].Pos.Line
	return slices.ContainsFunc(k.q.Layers, func(l lang.Layer) bool { return l.Pos.Line == line })
}

// context reads a layer written after "after" that cannot be built (no
// kernel size: "after Conv2D(128)") or that has no input to size it from:
// only its filters (units) are used, as the channels of what follows it.
// It reports whether c was read so.
func (k *kerasReader) context(c *ptCall) bool {
	if len(c.Args) == 0 || c.Args[0].Key != "" && c.Args[0].Key != "filters" && c.Args[0].Key != "units" {
		return false
	}
	v, err := ptEval(c.Args[0].Nodes, k.env)
	if err != nil || v.Kind != ptInt || v.Int < 1 || v.Int > calc.MaxSize {
		return false
	}
	k.contextCh = int(v.Int)
	k.q.Notes = append(k.q.Notes, fmt.Sprintf("%s comes first and is not sized here (no input given): only its %d outputs are used, as the channels of what follows it", ptCallText(c), v.Int))
	return true
}

// ptCallText is a short form of a call: Conv2D(128).
func ptCallText(c *ptCall) string {
	var args []string
	for _, a := range c.Args {
		t := ptArgText(a)
		if a.Key != "" {
			t = a.Key + "=" + t
		}
		args = append(args, t)
	}
	return c.Name + "(" + strings.Join(args, ", ") + ")"
}

// moveBefore puts the layers read from index from on (the call after
// "after") before the layers read earlier on the same line.
func (k *kerasReader) moveBefore(from int) {
	ls := k.q.Layers
	if from >= len(ls) {
		return
	}
	line := ls[from].Pos.Line
	at := from
	for at > 0 && ls[at-1].Pos.Line == line {
		at--
	}
	moved := slices.Clone(ls[from:])
	k.q.Layers = append(append(slices.Clone(ls[:at]), moved...), ls[at:from]...)
}

// proseChannels gives the first layers the channels the words name when
// no size is given: parameters can be counted, shapes cannot.
func (k *kerasReader) proseChannels(prose ptProse) bool {
	ch := prose.channels
	if ch == 0 {
		ch = k.contextCh
	}
	if ch == 0 {
		return false
	}
	q := k.q
	if l, ok := q.Layers[0].Layer.(calc.LayerNorm); ok {
		l.Shape = []int{ch}
		q.Layers[0].Layer = l
		return true
	}
	kerasChannels(q, ch)
	if prose.channels != 0 {
		q.Notes = append(q.Notes, fmt.Sprintf("the input's %d channels taken from the words; no size given, so parameters only", ch))
	}
	return true
}

// proseSizes reads sizes without channels ("on 75x75") as the input when
// only output sizes are asked: the channels change none of them, so 1 is
// taken, and said.
func (k *kerasReader) proseSizes(prose ptProse) calc.Shape {
	q := k.q
	if len(prose.dims) != ptRank(q.Layers)-1 || len(prose.dims) == 0 || len(q.Asked) == 0 {
		return nil
	}
	for _, a := range q.Asked {
		if a != "output" {
			return nil
		}
	}
	q.Notes = append(q.Notes, "the input's channels were not given: 1 assumed (the output size asked does not depend on them)")
	return append(calc.Shape{1}, prose.dims...)
}

// kerasReferWords before a call written a second time make it a mention of
// the first ("param count of the Dense(10)?"), not another layer.
var kerasReferWords = map[string]bool{"the": true, "of": true, "for": true, "that": true, "this": true}

// mentionedAgain reports whether the call at nodes[i] names, in words, a
// layer already read with the same text.
func (k *kerasReader) mentionedAgain(nodes []*ptNode, i int, c *ptCall) bool {
	if i == 0 || !kerasReferWords[strings.ToLower(nodes[i-1].Ident)] {
		return false
	}
	return k.mentioned(c)
}

// wordsFlatten puts the Flatten the words name ("then Dense(10) after
// flatten") before the first Dense that follows a feature map, when the
// code does not write one.
func (k *kerasReader) wordsFlatten(prose ptProse) {
	q := k.q
	if !prose.flatten {
		return
	}
	spatial := false
	for i, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.GlobalAvgPool, calc.AdaptivePool, reshapeLayer:
			return
		case calc.Conv, calc.Pool, calc.Separable:
			spatial = true
		case calc.Linear:
			if !spatial {
				return
			}
			q.Layers = slices.Insert(q.Layers, i, lang.Layer{Layer: calc.Flatten{}, Pos: l.Pos})
			q.Notes = append(q.Notes, "the words say the map is flattened: Flatten() taken before the first Dense")
			return
		}
	}
}

// kerasDoubtWords say the asker knows something is off.
var kerasDoubtWords = []string{"weird", "wrong", "strange", "correctly", "error", "huge", "too big", "too many"}

// channelsFirstFix corrects an input_shape written channels-first —
// (3, 150, 150) for 150x150 RGB images, which channels-last Keras reads as
// 3 rows of 150 columns with 150 channels — when the words say the images
// are what the shape means in PyTorch's order, or that the result looks
// wrong.
func (k *kerasReader) channelsFirstFix(src string, prose ptProse) {
	s := k.shape
	if k.chFirst || k.shapeCall == nil || k.q.Fix != nil || len(s) != 3 {
		return
	}
	for _, it := range s {
		if it.Kind != ptInt {
			return
		}
	}
	c, h, w := int(s[0].Int), int(s[1].Int), int(s[2].Int)
	if c > 4 || h <= 4 || w <= 4 {
		return
	}
	low := strings.ToLower(src)
	said := prose.channels == c || slices.Equal(prose.dims, []int{h, w}) ||
		slices.ContainsFunc(kerasDoubtWords, func(w string) bool { return strings.Contains(low, w) })
	if !said {
		return
	}
	old := ptArgSource(src, k.shapeCall, -1, k.shapeKey)
	shape := fmt.Sprintf("(%d, %d, %d)", h, w, c)
	line := ptCallWith(src, k.shapeCall, -1, k.shapeKey, shape)
	why := fmt.Sprintf("Keras is channels-last: %s=%s is %d rows of %d columns with %d channels; %dx%d images with %d channels are %s", k.shapeKey, old, c, h, w, h, w, c, shape)
	k.shape = []ptValue{s[1], s[2], s[0]}
	k.q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	k.q.Notes = append(k.q.Notes, "fix: "+line+" ("+why+")")
	k.q.Unused = append(k.q.Unused, lang.Unused{Text: old, Pos: k.shapeAt, Why: "channels-first; read as " + shape})
}

// looseShape reads an input shape written on its own, outside a layer —
// "input_shape=(28, 28, 1)" on a line of the question — and reports
// whether nodes[i] was one.
func (k *kerasReader) looseShape(nodes []*ptNode, i int) bool {
	n := nodes[i]
	if n.Ident != "input_shape" || len(n.Calls) > 0 || i+2 >= len(nodes) || nodes[i+1].Punct != "=" || nodes[i+2].Group == nil {
		return false
	}
	if k.shape != nil {
		return true
	}
	v, err := ptEval(nodes[i+2:i+3], k.env)
	if err != nil || v.Kind != ptTuple || len(v.Items) == 0 {
		return true
	}
	for _, it := range v.Items {
		if it.Kind != ptNone && (it.Kind != ptInt || it.Int < 1 || it.Int > calc.MaxSize) {
			return true
		}
	}
	k.shape, k.shapeAt = v.Items, ptPos(nodes[i+2].Pos)
	return true
}

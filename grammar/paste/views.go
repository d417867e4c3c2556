package paste

// PyTorch's view message: "RuntimeError: shape '[-1, 400]' is invalid for
// input of size 10816". The size is the values of the whole batch that
// reach the view; the reading must fit it, or say it does not.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var errViewRE = regexp.MustCompile(`shape '\[(-?\d+),\s*(-?\d+)\]' is invalid for input of size (\d+)`)

// errBatchRE is the loss's message when a view with the wrong figure
// folds the batch: "Expected input batch_size (256) to match target
// batch_size (64)". The view's rows times its figure are the values that
// reached it.
var errBatchRE = regexp.MustCompile(`Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)`)

// ptViewFigureRE is a view or reshape that keeps -1 rows: its figure.
var ptViewFigureRE = regexp.MustCompile(`\.(?:view|reshape)\(\s*-1\s*,\s*(\d+(?:\s*\*\s*\d+)*)\s*\)`)

// ptMessageSize is the values of the whole batch that reached the view,
// and the batch, as a message in src says: the view's message's size, or
// the batch message's rows times the view's figure (its batch the
// target's). ok false when src holds neither.
func ptMessageSize(src string, batch int) (size int64, n int, ok bool) {
	if g := errViewRE.FindStringSubmatch(src); g != nil {
		size, err := strconv.ParseInt(g[3], 10, 64)
		return size, batch, err == nil && size > 0
	}
	g, v := errBatchRE.FindStringSubmatch(src), ptViewFigureRE.FindStringSubmatch(src)
	if g == nil || v == nil {
		return 0, 0, false
	}
	rows, err1 := strconv.ParseInt(g[1], 10, 64)
	target, err2 := strconv.Atoi(g[2])
	fig := int64(1)
	for _, f := range strings.Split(v[1], "*") {
		d, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil || d <= 0 || d > 1<<20 {
			return 0, 0, false
		}
		fig *= d
	}
	if err1 != nil || err2 != nil || rows <= 0 || target <= 0 || rows > 1<<20 || fig > 1<<30 {
		return 0, 0, false
	}
	return rows * fig, target, true
}

// ptViewMessage checks q's layers against a view message in src: when
// the values reaching the view do not fit the message's size (a multiple
// of them, the batch's when it is given), the reading with a 2x2 max pool
// after every conv is taken if the words name a pool and it fits;
// otherwise the reading is doubted, with the message's figure said.
func ptViewMessage(src string, batch int, q *lang.Question, m *ptModuleSet) {
	size, batch, ok := ptMessageSize(src, batch)
	if !ok || q.Input == nil || len(q.Layers) == 0 {
		return
	}
	n, ok := ptViewFits(q.Layers, q.Input, size, batch)
	if ok {
		return
	}
	if alt := ptPoolEachConv(q.Layers); alt != nil && strings.Contains(strings.ToLower(src), "pool") {
		if _, ok := ptViewFits(alt, q.Input, size, batch); ok {
			q.Layers = alt
			q.Notes = append(q.Notes, fmt.Sprintf("a 2x2 max pool after each conv, as the words say: the view's message (input of size %d) fits only then", size))
			return
		}
	}
	if name, at := ptSharedPool(q.Layers, m); at >= 0 && m.fwd == nil {
		// the tutorial's self.pool, defined once and applied after each conv
		if alt := ptPoolAfterConvs(q.Layers, at); len(alt) > len(q.Layers) {
			if _, ok := ptViewFits(alt, q.Input, size, batch); ok {
				q.Layers = alt
				q.Notes = append(q.Notes, fmt.Sprintf("forward is not pasted: %s (defined once) is taken after every conv, as forward usually applies it — the view's message (input of size %d) fits only then", name, size))
				return
			}
		}
	}
	per := ""
	if n, err := calc.SplitBatch(size, batch); err == nil {
		per = fmt.Sprintf(" (%d per sample with the batch of %d)", n, batch)
	}
	q.Doubts = append(q.Doubts, fmt.Sprintf("PyTorch's message says %d values reach the view%s; this reading gives %d per sample, which does not fit it: a layer of forward is likely missing here", size, per, n))
}

// ptViewFits is how many values per sample reach the first Flatten or
// Linear of layers (the end when there is none) from in, and whether a
// view message's size is a whole batch of them (batch of them, when
// batch is known).
func ptViewFits(layers []lang.Layer, in calc.Shape, size int64, batch int) (int64, bool) {
	at := len(layers)
	for i, l := range layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.Linear:
			at = min(at, i)
		}
	}
	n, ok := ptElementsBefore(layers, at, in)
	if !ok || n <= 0 {
		return n, false
	}
	return n, size%n == 0 && (batch <= 0 || size == int64(batch)*n)
}

// ptPoolEachConv is layers with a 2x2 max pool after every conv, or nil
// when they already hold a pool.
func ptPoolEachConv(layers []lang.Layer) []lang.Layer {
	var out []lang.Layer
	for _, l := range layers {
		if _, ok := l.Layer.(calc.Pool); ok {
			return nil
		}
		out = append(out, l)
		if c, ok := l.Layer.(calc.Conv); ok && (c.Dims == 0 || c.Dims == 2) {
			out = append(out, lang.Layer{Layer: calc.Pool{Op: calc.MaxPool, Kernel: []int{2, 2}}})
		}
	}
	return out
}

// ptLoneView reads a paste whose only code is a view line ("x =
// x.view(-1, 16*5*5) in lenet w 32x32 input, so fc1 in_features is?"):
// what the view passes on is its own argument, a flatten of that product.
// The words' input size is said to be not used: the view's figure does not
// depend on it. False when there is no such view.
func ptLoneView(f *ptFile, src, orig string, env map[string]ptValue, prose ptProse, q *lang.Question) bool {
	c := ptTopView(f.Nodes)
	if c == nil {
		return false
	}
	v, err := ptEval(c.Args[1].Nodes, env)
	if err != nil || v.Kind != ptInt || v.Int <= 0 {
		return false
	}
	text := ptArgSource(src, c, 1, "")
	var shape calc.Shape
	prod := int64(1)
	for _, p := range strings.Split(text, "*") {
		d, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || d <= 0 {
			shape = nil
			break
		}
		shape, prod = append(shape, d), prod*int64(d)
	}
	if shape == nil || prod != int64(v.Int) {
		shape = calc.Shape{int(v.Int)}
	}
	q.Input = shape
	q.Layers = []lang.Layer{{Layer: calc.Flatten{}, Pos: c.Pos}}
	if len(q.Asked) == 0 {
		q.Asked = []string{"output"}
	}
	if ptLoneViewShape(orig, c, text, int64(v.Int), q) || ptLoneViewMessage(orig, prose, c, text, shape, int64(v.Int), q) {
		return true
	}
	q.Notes = append(q.Notes, fmt.Sprintf("the view passes on %d values a sample (%s): that is the next Linear's in_features", v.Int, text))
	why := fmt.Sprintf("the view's own %s says what reaches the Linear; the input size does not change it (if %s is wrong for that input, the view fails)", text, text)
	pos := prose.dimsPos
	for _, d := range prose.dims {
		// "28x28": each side where it is written, so each is accounted for
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(d), Pos: pos, Why: why})
		pos.Col += len(fmt.Sprint(d)) + 1
	}
	return true
}

// ptLoneViewMessage reads a lone view line with PyTorch's view message
// and the batch in the words ("shape '[-1, 400]' is invalid for input of
// size 10816 ... batch size is 4"): the message's size over the batch is
// what reaches the view a sample, so the view's figure is fixed to it,
// written as the view's channels times a square map when it is one
// (16 * 13 * 13). False when the message, the batch or the view's figure
// do not say so.
func ptLoneViewMessage(src string, prose ptProse, c *ptCall, text string, shape calc.Shape, was int64, q *lang.Question) bool {
	g := errViewRE.FindStringSubmatch(src)
	if g == nil || g[2] != fmt.Sprint(was) {
		return false
	}
	batch := prose.batch
	if rows, err := strconv.Atoi(g[1]); err == nil && rows > 0 && (batch <= 0 || batch == rows) {
		batch = rows // "shape '[16, 400]'": the view was written with the batch in it
		text = g[1] + ", " + text
	}
	size, err := strconv.ParseInt(g[3], 10, 64)
	if err != nil || batch <= 0 {
		return false
	}
	p, err := calc.SplitBatch(size, batch)
	if err != nil || int64(p) == was {
		return false
	}
	per := int64(p)
	prose.batch = batch
	line := fmt.Sprintf("x.view(-1, %d)", per)
	q.Input = calc.Shape{int(per)}
	if len(shape) == 3 && per%int64(shape[0]) == 0 {
		if side := ptSquareSide(per / int64(shape[0])); side > 0 {
			line = fmt.Sprintf("x.view(-1, %d * %d * %d)", shape[0], side, side)
			q.Input = calc.Shape{shape[0], side, side}
		}
	}
	why := fmt.Sprintf("PyTorch's message says %s values reach the view for the batch of %d: %s a sample, not %d", lang.Group(int(size)), prose.batch, lang.Group(int(per)), was)
	q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	q.Unused = append(q.Unused, lang.Unused{Text: text, Pos: c.Pos, Why: "the view's figure, which the message shows is wrong for this input"})
	if len(q.Asked) == 0 || slices.Equal(q.Asked, []string{"output"}) {
		q.Asked = []string{"output"}
	}
	pos := prose.dimsPos
	for _, d := range prose.dims {
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(d), Pos: pos, Why: "the input size: the message's size already holds what it gives"})
		pos.Col += len(fmt.Sprint(d)) + 1
	}
	return true
}

// ptSquareSide is s when n is s*s, else 0.
func ptSquareSide(n int64) int {
	for s := int64(1); s*s <= n; s++ {
		if s*s == n {
			return int(s)
		}
	}
	return 0
}

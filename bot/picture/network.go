package picture

import (
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// The network picture: the output shapes as blocks of proportional size,
// then parameters and MACs per layer as a log-scale bar chart, then the
// totals.
const (
	networkW     = 880
	maxBars      = 26 // rows in the chart; deeper rows are folded into their block
	barRowH      = 26
	labelW       = 300
	shapesTop    = 96
	shapesHeight = 200
)

// networkLayout is where the network picture's parts went.
type networkLayout struct {
	shapes []image.Rectangle // one per block of the shapes strip
	bars   []image.Rectangle // one per chart row: the params bar (may be empty)
	macs   []image.Rectangle // one per chart row: the MACs bar (may be empty)
	hidden int               // layers left out of the chart: no parameters, no MACs
}

// chartRow is a row of the bar chart.
type chartRow struct {
	label        string
	shape        string // "→ 56×56×64", or "" where unknown
	params, macs int64
	known        bool // MACs known
}

func renderNetwork(q *grammar.Question, s calc.Summary) *canvas {
	c, _ := drawNetwork(q, s)
	return c
}

func drawNetwork(q *grammar.Question, s calc.Summary) (*canvas, networkLayout) {
	var lay networkLayout
	rows, hidden := chartRows(q, s)
	lay.hidden = hidden
	steps := shapeSteps(s)
	shapesH := shapesHeight
	if len(steps) == 0 {
		shapesH = 50 // room for the line that says how to get the shapes
	}
	chartTop := shapesTop + shapesH + 70
	h := chartTop + barRowH*len(rows) + 70
	c := newCanvas(networkW, h)
	name := c.fit(title(q), networkW-56, textStyle{size: 22, bold: true})
	c.text(28, 40, name, textStyle{size: 22, bold: true, col: theme.text})
	c.text(28, 70, totalsLine(s), textStyle{size: 17, bold: true, col: theme.filter})
	lay.shapes = c.drawShapes(steps, shapesTop, float64(shapesH))
	lay.bars, lay.macs = c.drawChart(rows, float64(chartTop))
	note := "bars on a log scale"
	if hidden > 0 {
		note = fmt.Sprintf("%s; %d layers without parameters or MACs (activations, pools, …) not shown", note, hidden)
	}
	c.text(28, float64(h-20), note, textStyle{size: 14, col: theme.muted})
	return c, lay
}

// totalsLine is "11,689,512 params (11.7 M) · 1.82 G MACs".
func totalsLine(s calc.Summary) string {
	t := group(s.Params) + " params" + siNote(s.Params)
	if s.Input != nil {
		t += " · " + group(s.MACs) + " MACs" + siNote(s.MACs)
	}
	return t
}

// siNote is " (11.7 M)" for a number of 1,000 or more, else "".
func siNote(n int64) string {
	if n < 1000 {
		return ""
	}
	return " (" + si(n) + ")"
}

// shapeStep is one block of the shapes strip.
type shapeStep struct {
	shape calc.Shape
	name  string
}

// shapeSteps are the input and each top-level output that differs from
// the one before it.
func shapeSteps(s calc.Summary) []shapeStep {
	if s.Input == nil {
		return nil
	}
	steps := []shapeStep{{s.Input, "input"}}
	for _, r := range s.Rows {
		if r.Depth > 0 || r.Output == nil || r.Output.Equal(steps[len(steps)-1].shape) {
			continue
		}
		steps = append(steps, shapeStep{r.Output, strings.TrimSuffix(r.Kind, "2d")})
	}
	return steps
}

// stepBox is the box drawn for a shape at scale f: [C, H, W] a volume,
// [C, L] a slab, [N] a bar as tall as N is large.
func stepBox(s calc.Shape, f float64) box {
	var b box
	switch len(s) {
	case 1:
		b = box{w: 10 * f, h: spatialPx(s[0]) * f}
	case 2:
		b = box{w: spatialPx(s[1]) * f, h: 10 * f}
		b.dx, b.dy = depthVector(depthPx(s[0]) * f)
	default:
		b = box{w: spatialPx(s[len(s)-1]) * f, h: spatialPx(s[len(s)-2]) * f}
		b.dx, b.dy = depthVector(depthPx(s[0]) * f)
	}
	return b
}

// drawShapes draws the steps left to right, scaled to fit, each with its
// shape under it.
func (c *canvas) drawShapes(steps []shapeStep, top, height float64) []image.Rectangle {
	if len(steps) == 0 {
		c.text(28, top+30, "no input size given: add `input HxWxC` as the first line for the shapes", textStyle{size: 15, col: theme.muted})
		return nil
	}
	const gap = 14.0
	avail := float64(networkW) - 56 - gap*float64(len(steps)-1)
	total, tallest := 0.0, 0.0
	for _, st := range steps {
		b := stepBox(st.shape, 1)
		total += b.w + b.dx
		tallest = math.Max(tallest, b.h-b.dy)
	}
	f := math.Min(math.Min(avail/total, (height-44)/tallest), 1)
	x := 28.0
	base := top + height - 44 // the boxes stand on this line
	var out []image.Rectangle
	for i, st := range steps {
		b := stepBox(st.shape, f)
		b.x, b.y = x, base-b.h
		col := theme.output
		if i == 0 {
			col = theme.input
		}
		if len(st.shape) == 1 {
			col = theme.macs
		}
		c.drawBox(b, col, 1)
		out = append(out, b.bounds())
		cx := x + (b.w+b.dx)/2
		label := textStyle{size: 12, col: theme.muted, align: center}
		dy := 16.0
		if i%2 == 1 && b.w+b.dx < 70 {
			dy = 32 // staggered, so neighbours' labels do not collide
		}
		c.text(cx, base+dy, shapeLabel(st.shape), label)
		x += b.w + b.dx + gap
	}
	return out
}

// shapeLabel is channels-last, as the questions write it: 56×56×64.
func shapeLabel(s calc.Shape) string {
	if len(s) < 2 {
		return dims(s...)
	}
	return dims(append(append([]int{}, s[1:]...), s[0])...)
}

// chartRows picks the rows of the chart: the deepest level of blocks at
// which the rows with parameters or MACs number at most maxBars. hidden
// counts the rows left out at that level for having neither.
func chartRows(q *grammar.Question, s calc.Summary) (rows []chartRow, hidden int) {
	for depth := s.MaxDepth(); depth >= 1; depth-- {
		rows, hidden = rowsAt(q, s, depth)
		if len(rows) <= maxBars {
			return rows, hidden
		}
	}
	if len(rows) > maxBars {
		rows = rows[:maxBars]
	}
	return rows, hidden
}

// rowsAt lists the rows shown at depth: leaves above it and blocks at its
// edge (a block whose children are shown is not a row of its own).
func rowsAt(q *grammar.Question, s calc.Summary, depth int) (rows []chartRow, hidden int) {
	for _, r := range s.Rows {
		if r.Depth >= depth || (!r.Leaf() && r.Depth < depth-1) {
			continue
		}
		if r.Params == 0 && r.MACs == 0 {
			hidden++
			continue
		}
		row := chartRow{label: rowLabel(q, r), params: r.Params, macs: r.MACs, known: r.MACsKnown || s.Input != nil}
		if r.Output != nil {
			row.shape = "→ " + shapeLabel(r.Output)
		}
		rows = append(rows, row)
	}
	return rows, hidden
}

// rowLabel is "5.1  conv 3x3 64->64 pad 1 nobias": the row's number in the
// table and its layer in the spec language.
func rowLabel(q *grammar.Question, r calc.Row) string {
	num := fmt.Sprint(r.Index)
	for _, p := range r.Path {
		num += fmt.Sprintf(".%d", p)
	}
	name := r.Kind
	if r.Index >= 1 && r.Index <= len(q.Layers) {
		if l, ok := calc.At(q.Layers[r.Index-1].Layer, r.Path); ok {
			name = grammar.FormatHead(l)
		}
	}
	return num + "  " + name
}

// drawChart draws the rows as pairs of log-scale bars, params above MACs,
// with decade lines and a legend.
func (c *canvas) drawChart(rows []chartRow, top float64) (params, macs []image.Rectangle) {
	var hi int64 = 10
	for _, r := range rows {
		hi = max(hi, r.params, r.macs)
	}
	decades := int(math.Ceil(math.Log10(float64(hi))))
	x0, x1 := float64(28+labelW), float64(networkW-70)
	pos := func(v int64) float64 {
		if v < 1 {
			return x0
		}
		return x0 + (x1-x0)*math.Log10(float64(v))/float64(decades)
	}
	head := textStyle{size: 15, bold: true, col: theme.filter}
	c.text(28, top-34, "params", head)
	head.col = theme.macs
	c.text(28+c.width("params ", head), top-34, "MACs", head)
	c.text(28+c.width("params MACs ", head), top-34, "per layer", textStyle{size: 15, col: theme.muted})
	bottom := top + barRowH*float64(len(rows))
	for d := 0; d <= decades; d++ {
		x := pos(int64(math.Pow(10, float64(d))))
		c.rect(image.Rect(int(x), int(top-6), int(x)+1, int(bottom)), theme.grid)
		c.text(x, top-12, tick(d), textStyle{size: 11, col: theme.muted, align: center})
	}
	for i, r := range rows {
		y := top + barRowH*float64(i)
		label, shape := textStyle{size: 13, col: theme.text}, textStyle{size: 12, col: theme.muted, align: right}
		sw := c.width(r.shape, shape)
		c.text(28, y+17, c.fit(r.label, labelW-20-sw, label), label)
		c.text(28+labelW-12, y+17, r.shape, shape)
		p := image.Rect(int(x0), int(y+4), int(pos(r.params)), int(y+12))
		m := image.Rect(int(x0), int(y+13), int(pos(r.macs)), int(y+21))
		c.rect(p, theme.filter)
		c.rect(m, theme.macs)
		small := textStyle{size: 11, col: theme.muted}
		if r.params > 0 {
			c.text(float64(p.Max.X)+4, y+12, si(r.params), small)
		}
		if r.macs > 0 {
			c.text(float64(m.Max.X)+4, y+22, si(r.macs), small)
		}
		params, macs = append(params, p), append(macs, m)
	}
	return params, macs
}

// tick is the label of the decade 10^d: "1", "10", "100", "1k", … "100G".
func tick(d int) string {
	units := []string{"", "k", "M", "G", "T", "P"}
	if d/3 >= len(units) {
		return fmt.Sprintf("1e%d", d)
	}
	return fmt.Sprintf("%d%s", int(math.Pow(10, float64(d%3))), units[d/3])
}

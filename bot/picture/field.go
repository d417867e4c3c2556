package picture

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// The receptive-field picture: one panel per level, from the input to the
// one output unit, each showing the window that unit sees there.
const (
	fieldW, fieldH = 880, 420
	maxPanels      = 6
	fieldMargin    = 1  // cells drawn around the window in each panel
	maxCells       = 40 // more cells than this a side are drawn as one block, scaled
)

// level is one panel: a layer's output (or the input) and the window of
// the final unit on it, per axis (a 1-D stack has one axis).
type level struct {
	name   string
	window []calc.Window // of the layers after this level, composed
}

// stackOf reads q as a stack of sliding-window layers (convs, pools and
// layers that keep positions, such as relu and batch norm), 1-D or 2-D,
// with the levels the picture shows. ok is false when a layer has no
// window (linear, flatten), the stack is 3-D, or it does not size.
func stackOf(q *grammar.Question) (stack, bool) {
	if q == nil || len(q.Layers) < 2 {
		return stack{}, false
	}
	n := calc.Network{Input: q.Input}
	for _, l := range q.Layers {
		n.Layers = append(n.Layers, l.Layer)
	}
	s, err := n.Summarize()
	if err != nil {
		return stack{}, false
	}
	var kept []calc.Row
	dimsN := 0
	for _, r := range s.Rows {
		if r.Depth > 0 {
			continue
		}
		if r.Window == nil || (dimsN != 0 && len(r.Window) != dimsN) || len(r.Window) > 2 {
			return stack{}, false
		}
		dimsN = len(r.Window)
		if !identity(r.Window) {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return stack{}, false
	}
	levels := make([]level, len(kept)+1)
	levels[len(kept)] = level{name: "output unit", window: ones(dimsN)}
	// From the top down: the window at level i is layer i+1's window
	// composed with the window above it.
	for i := len(kept) - 1; i >= 0; i-- {
		levels[i].window = calc.Compose(kept[i].Window, levels[i+1].window)
		levels[i].name = "input"
		if i > 0 {
			levels[i].name = "after " + layerName(kept[i-1].Report)
		}
	}
	return stack{levels: pick(levels, maxPanels), all: len(levels), formula: fieldFormula(kept, levels[0].window)}, true
}

// stack is a receptive-field picture's data: the levels shown and the
// sum that gives the field.
type stack struct {
	levels  []level
	all     int    // levels before picking: the input and one per layer that moves the window
	formula string // "1 + 2·1 + 2·1 + 2·1 = 7" along the last axis; "" when it does not check
}

// fieldFormula writes r = 1 + Σ (k_l − 1)·Π_{i<l} s_i along the last axis
// (Distill 2019, eq. 2), with the numbers of the kept layers; it is empty
// unless the sum is the composed window's size.
func fieldFormula(kept []calc.Row, whole []calc.Window) string {
	last := len(whole) - 1
	terms, sum, jump := []string{"1"}, int64(1), int64(1)
	for _, r := range kept {
		w := r.Window[last]
		terms = append(terms, fmt.Sprintf("%d·%d", w.Size-1, jump))
		sum += (w.Size - 1) * jump
		jump *= w.Stride
	}
	if sum != whole[last].Size || len(terms) > 9 {
		return ""
	}
	return fmt.Sprintf("%s = %d", strings.Join(terms, " + "), sum)
}

// pick keeps at most n levels, the first and the last among them, evenly
// spaced.
func pick(levels []level, n int) []level {
	if len(levels) <= n {
		return levels
	}
	out := make([]level, n)
	for i := range out {
		out[i] = levels[i*(len(levels)-1)/(n-1)]
	}
	return out
}

func identity(ws []calc.Window) bool {
	for _, w := range ws {
		if w != (calc.Window{Size: 1, Stride: 1}) {
			return false
		}
	}
	return true
}

func ones(n int) []calc.Window {
	w := make([]calc.Window, n)
	for i := range w {
		w[i] = calc.Window{Size: 1, Stride: 1}
	}
	return w
}

// layerName is a short name for a layer's report: "conv 3×3 s2".
func layerName(r *calc.Report) string {
	ws := r.Window
	if len(ws) == 0 {
		return r.Kind
	}
	name := strings.TrimSuffix(strings.TrimSuffix(r.Kind, "2d"), "1d")
	k := fmt.Sprint(ws[len(ws)-1].Size)
	if len(ws) == 2 {
		k = fmt.Sprintf("%d×%d", ws[0].Size, ws[1].Size)
	}
	s := ""
	if st := ws[len(ws)-1].Stride; st > 1 {
		s = fmt.Sprintf(" s%d", st)
	}
	return name + " " + k + s
}

// fieldLayout is where the receptive-field picture's panels went.
type fieldLayout struct {
	panels  []image.Rectangle // each level's grid
	windows []image.Rectangle // the window in each grid
	scaled  bool              // some grid was too large to draw cell by cell
}

// renderField draws levels as panels left to right.
func renderField(st stack, title string) *canvas {
	c, _ := drawField(st, title)
	return c
}

func drawField(st stack, title string) (*canvas, fieldLayout) {
	levels := st.levels
	c := newCanvas(fieldW, fieldH)
	var lay fieldLayout
	first := levels[0].window
	rf := first[len(first)-1]
	head := fmt.Sprintf("receptive field: %s", fieldWords(first))
	c.text(28, 40, c.fit(title, fieldW-56, textStyle{size: 18, bold: true}), textStyle{size: 18, bold: true, col: theme.text})
	c.text(28, 70, head, textStyle{size: 17, bold: true, col: theme.hit})
	sub := fmt.Sprintf("effective stride %d, effective padding %d", rf.Stride, rf.Pad)
	if st.formula != "" {
		sub = "r = 1 + Σ (k − 1)·(stride so far) = " + st.formula + "; " + sub
	}
	c.text(28, 94, c.fit(sub, fieldW-56, textStyle{size: 15}), textStyle{size: 15, col: theme.muted})
	n := len(levels)
	gap := 24.0
	pw := (float64(fieldW) - 56 - gap*float64(n-1)) / float64(n)
	top, bottom := 130.0, float64(fieldH)-84
	cell := cellSize(levels[0], pw, bottom-top)
	for i, lv := range levels {
		x := 28 + float64(i)*(pw+gap)
		col := theme.filter
		switch i {
		case 0:
			col = theme.input
		case n - 1:
			col = theme.hit
		}
		g, win, scaled := c.drawLevel(lv, x, top, pw, bottom-top, cell, col)
		lay.panels, lay.windows = append(lay.panels, g), append(lay.windows, win)
		lay.scaled = lay.scaled || scaled
		st := textStyle{size: 14, col: theme.muted, align: center}
		c.text(x+pw/2, bottom+24, c.fit(lv.name, pw+gap-4, st), st)
		st.col, st.bold = col, true
		c.text(x+pw/2, bottom+46, fieldWords(lv.window), st)
		if i > 0 {
			c.text(x-gap/2, (top+bottom)/2, "→", textStyle{size: 18, col: theme.muted, align: center})
		}
	}
	var notes []string
	if st.all > len(levels) {
		notes = append(notes, fmt.Sprintf("%d of the %d levels shown", len(levels), st.all))
	}
	if lay.scaled {
		notes = append(notes, "large windows drawn as blocks, not cell by cell")
	}
	if len(notes) > 0 {
		c.text(28, float64(fieldH)-10, strings.Join(notes, "; "), textStyle{size: 13, col: theme.muted})
	}
	return c, lay
}

// fieldWords is "7×7" for a window, or "7" for 1-D.
func fieldWords(ws []calc.Window) string {
	if len(ws) == 1 {
		return fmt.Sprint(ws[0].Size)
	}
	return fmt.Sprintf("%d×%d", ws[0].Size, ws[1].Size)
}

// gridOf is a level's window (rows × cols) and the grid drawn around it.
func gridOf(lv level) (rows, cols, gr, gc int) {
	rows, cols = 1, int(lv.window[len(lv.window)-1].Size)
	if len(lv.window) == 2 {
		rows = int(lv.window[0].Size)
	}
	gr, gc = rows+2*fieldMargin, cols+2*fieldMargin
	if len(lv.window) == 1 {
		gr = 1
	}
	return rows, cols, gr, gc
}

// cellSize is the cell size that fits the largest grid (the input's) in a
// panel w×h, at most 26 pixels.
func cellSize(lv level, w, h float64) float64 {
	_, _, gr, gc := gridOf(lv)
	return math.Min(math.Min(w/float64(gc), h/float64(gr)), 26)
}

// drawLevel draws one panel's grid in the box (x, y, w, h): the window
// with a cell of margin, centred. It returns the grid's and the window's
// rectangles and whether the grid was scaled.
func (c *canvas) drawLevel(lv level, x, y, w, h, cell float64, col color.RGBA) (grid, win image.Rectangle, scaled bool) {
	rows, cols, gr, gc := gridOf(lv)
	scaled = gr > maxCells || gc > maxCells
	fit := math.Min(w/float64(gc), h/float64(gr))
	if cell < 4 {
		cell = fit / 2 // a field too large for one cell size: each panel its own scale
	}
	cell = math.Min(cell, fit)
	gw, gh := cell*float64(gc), cell*float64(gr)
	x0, y0 := x+(w-gw)/2, y+(h-gh)/2
	grid = image.Rect(int(x0), int(y0), int(x0+gw), int(y0+gh))
	c.rect(grid, theme.panel)
	my := float64(fieldMargin)
	if len(lv.window) == 1 {
		my = 0
	}
	win = image.Rect(int(x0+cell*fieldMargin), int(y0+cell*my), int(x0+cell*float64(fieldMargin+cols)), int(y0+cell*(my+float64(rows))))
	c.rect(win, alpha(col, 0.85))
	if !scaled && cell >= 4 {
		for i := 0; i <= gc; i++ {
			xx := int(x0 + cell*float64(i))
			c.rect(image.Rect(xx, grid.Min.Y, xx+1, grid.Max.Y), theme.bg)
		}
		for j := 0; j <= gr; j++ {
			yy := int(y0 + cell*float64(j))
			c.rect(image.Rect(grid.Min.X, yy, grid.Max.X, yy+1), theme.bg)
		}
	}
	c.frame(win, 2, shade(col, 1.4))
	return grid, win, scaled
}

package picture

import (
	"image"
	"image/color"
	"image/gif"
	"io"
	"math"
)

// The animation: the kernel sliding over the padded input (for a
// transposed conv, over the input spread by the stride), the output cells
// filling in, one frame per output position.
const (
	maxOutAll    = 7  // an output up to this many positions a side is shown whole
	cropOut      = 5  // a larger one shows its first cropOut positions a side
	maxGridCells = 40 // more input cells a side than this, and there is no animation
	stepDelay    = 50 // hundredths of a second per position
	holdDelay    = 250
)

// track is one axis of the animation: the grid of the (padded, spread)
// input it draws and the outputs it shows.
type track struct {
	cells   int   // grid cells drawn
	kinds   []int // per cell: cellInput, cellPad or cellZero
	index   []int // per cell: the input index, or -1
	outs    int   // outputs shown
	out     int   // the layer's outputs
	span, d int   // the window
	step    int   // grid cells between windows
	cropped bool
}

const (
	cellInput = iota
	cellPad
	cellZero // a zero a transposed conv inserts between inputs
)

// trackOf lays out axis a. ok is false when the grid would be too large
// to draw or the arithmetic does not give calc's output size.
func trackOf(a axis, transposed bool) (track, bool) {
	t := track{out: a.out, span: a.span(), d: a.d, step: a.s}
	var full int // the whole grid's cells
	var kind func(g int) (int, int)
	if transposed {
		q := a.d*(a.k-1) - a.before
		spread := (a.in-1)*a.s + 1
		full, t.step = spread+2*q+a.outPad, 1
		if q < 0 || full-t.span+1 != a.out {
			return track{}, false
		}
		kind = func(g int) (int, int) {
			i := g - q
			switch {
			case i < 0 || i >= spread:
				return cellPad, -1
			case i%a.s != 0:
				return cellZero, -1
			}
			return cellInput, i / a.s
		}
	} else {
		full = a.before + a.in + a.after
		if (a.out-1)*a.s+t.span > full {
			return track{}, false
		}
		kind = func(g int) (int, int) {
			if i := g - a.before; i >= 0 && i < a.in {
				return cellInput, i
			}
			return cellPad, -1
		}
	}
	t.outs = a.out
	if a.out > maxOutAll {
		t.outs, t.cropped = cropOut, true
	}
	for ; ; t.outs-- {
		t.cells = (t.outs-1)*t.step + t.span
		if t.cropped || t.outs < a.out {
			t.cells = min(t.cells+1, full) // one cell of what follows
		} else {
			t.cells = full
		}
		if t.cells <= maxGridCells || t.outs == 1 {
			break
		}
		t.cropped = true
	}
	if t.cells > maxGridCells {
		return track{}, false
	}
	for g := 0; g < t.cells; g++ {
		k, i := kind(g)
		t.kinds, t.index = append(t.kinds, k), append(t.index, i)
	}
	return t, true
}

// animation is the frames of a GIF and where their parts are.
type animation struct {
	g       gif.GIF
	inGrid  image.Rectangle
	outGrid image.Rectangle
	texts   []image.Rectangle
}

// animate draws w's animation; ok is false for layers without one (no
// input size, a grid too large, a transposed conv whose padding crops).
func animate(w window, title string) (*animation, bool) {
	if w.noInput || w.dims > 2 {
		return nil, false
	}
	ty, ok1 := trackOf(w.ax[0], w.transposed)
	tx, ok2 := trackOf(w.ax[1], w.transposed)
	if !ok1 || !ok2 {
		return nil, false
	}
	cell := math.Floor(math.Min(math.Min(360/float64(tx.cells), 300/float64(ty.cells)), 30))
	if cell < 6 {
		return nil, false
	}
	s := slideLayout(w, ty, tx, int(cell))
	p := newPCanvas(s.width, s.height)
	s.drawStatic(p, title)
	a := &animation{inGrid: s.in, outGrid: s.out}
	a.g.Config = image.Config{ColorModel: p.img.Palette, Width: s.width, Height: s.height}
	var prev image.Rectangle
	var shown *image.Paletted // what the frames so far show
	for oy := 0; oy < ty.outs; oy++ {
		for ox := 0; ox < tx.outs; ox++ {
			changed := s.drawStep(p, oy, ox)
			frame := p.img.Bounds()
			if len(a.g.Image) > 0 {
				frame = changed.Union(prev)
			}
			prev = changed
			a.g.Image = append(a.g.Image, p.crop(frame, shown))
			if shown == nil {
				shown = p.crop(p.img.Bounds(), nil)
			}
			a.g.Delay = append(a.g.Delay, stepDelay)
			a.g.Disposal = append(a.g.Disposal, gif.DisposalNone)
		}
	}
	frame := s.drawDone(p).Union(prev)
	a.g.Image = append(a.g.Image, p.crop(frame, shown))
	a.g.Delay = append(a.g.Delay, holdDelay)
	a.g.Disposal = append(a.g.Disposal, gif.DisposalNone)
	a.texts = p.texts
	return a, true
}

func (a *animation) encode(w io.Writer) error { return gif.EncodeAll(w, &a.g) }

// slide is the animation's geometry.
type slide struct {
	w             window
	ty, tx        track
	cell          int
	in, out       image.Rectangle // the grids
	caption       image.Rectangle // where the per-frame caption goes
	width, height int
	lastWin       image.Rectangle
	lastOut       image.Rectangle
}

func slideLayout(w window, ty, tx track, cell int) *slide {
	s := &slide{w: w, ty: ty, tx: tx, cell: cell}
	top := 110
	s.in = image.Rect(28, top, 28+cell*tx.cells, top+cell*ty.cells)
	s.out = image.Rect(s.in.Max.X+70, top, s.in.Max.X+70+cell*tx.outs, top+cell*ty.outs)
	// The caption sits under the output grid, so a frame's changes (window,
	// output cell, caption) stay in a small rectangle.
	s.caption = image.Rect(s.out.Min.X, s.out.Max.Y+12, s.out.Min.X+230, s.out.Max.Y+12+3*captionLine)
	s.width = max(s.out.Max.X+28, s.caption.Max.X+28, 720)
	s.height = max(s.in.Max.Y, s.caption.Max.Y) + 50
	return s
}

const captionLine = 22

// cellRect is grid cell (r, c) of a grid whose top left is at o.
func (s *slide) cellRect(o image.Point, r, c int) image.Rectangle {
	x, y := o.X+c*s.cell, o.Y+r*s.cell
	return image.Rect(x+1, y+1, x+s.cell-1, y+s.cell-1)
}

// drawStatic draws what every frame shares: the title, the grids and
// their labels.
func (s *slide) drawStatic(p *pcanvas, title string) {
	p.text(28, 36, p.fit(title, float64(s.width-56), textStyle{size: 20, bold: true}), textStyle{size: 20, bold: true, col: theme.text})
	p.text(28, 62, p.fit(s.settings(), float64(s.width-56), textStyle{size: 15}), textStyle{size: 15, col: theme.muted})
	for r := 0; r < s.ty.cells; r++ {
		for c := 0; c < s.tx.cells; c++ {
			col := shade(theme.input, 0.55)
			switch {
			case s.ty.kinds[r] == cellPad || s.tx.kinds[c] == cellPad:
				col = theme.pad
			case s.ty.kinds[r] == cellZero || s.tx.kinds[c] == cellZero:
				col = theme.panel
			}
			p.fill(s.cellRect(s.in.Min, r, c), col)
		}
	}
	for r := 0; r < s.ty.outs; r++ {
		for c := 0; c < s.tx.outs; c++ {
			p.fill(s.cellRect(s.out.Min, r, c), theme.panel)
		}
	}
	head := textStyle{size: 15, bold: true, col: theme.input}
	p.text(float64(s.in.Min.X), float64(s.in.Min.Y-12), p.fit(s.inLabel(), float64(s.out.Min.X-s.in.Min.X-8), head), head)
	head.col = theme.output
	p.text(float64(s.out.Min.X), float64(s.out.Min.Y-12), s.outLabel(), head)
	p.text(28, float64(s.height-14), s.legend(), textStyle{size: 13, col: theme.muted})
}

// drawStep draws the frame of output (oy, ox) over the last one and
// returns the rectangle that changed.
func (s *slide) drawStep(p *pcanvas, oy, ox int) image.Rectangle {
	s.restore(p)
	y0, x0 := oy*s.ty.step, ox*s.tx.step
	var win image.Rectangle
	for i := 0; i < s.ty.span; i += s.ty.d {
		for j := 0; j < s.tx.span; j += s.tx.d {
			r := s.cellRect(s.in.Min, y0+i, x0+j)
			col := theme.filter
			if s.ty.kinds[y0+i] != cellInput || s.tx.kinds[x0+j] != cellInput {
				col = shade(theme.filter, 0.55) // a tap on padding or an inserted zero
			}
			p.fill(r, col)
			win = win.Union(r)
		}
	}
	p.frame(win.Inset(-1), 2, shade(theme.filter, 1.35))
	if !s.lastOut.Empty() {
		p.fill(s.lastOut, theme.output)
	}
	out := s.cellRect(s.out.Min, oy, ox)
	p.fill(out, theme.hit)
	cap := s.drawCaption(p, s.captionFor(oy, ox), theme.hit)
	changed := win.Inset(-2).Union(out).Union(cap).Union(s.lastOut).Union(s.lastWin)
	s.lastWin, s.lastOut = win.Inset(-2), out
	return changed
}

// drawDone draws the last frame: the window gone, every output shown
// filled.
func (s *slide) drawDone(p *pcanvas) image.Rectangle {
	s.restore(p)
	p.fill(s.lastOut, theme.output)
	msg := []string{"done:", s.outSize() + " outputs"}
	if s.ty.cropped || s.tx.cropped {
		msg = []string{"… and so on,", "to all " + s.outSize() + " outputs"}
	}
	cap := s.drawCaption(p, msg, theme.output)
	return s.lastWin.Union(s.lastOut).Union(cap)
}

// restore redraws the input cells under the last window and clears the
// caption.
func (s *slide) restore(p *pcanvas) {
	p.fill(s.caption, theme.bg)
	if s.lastWin.Empty() {
		return
	}
	p.fill(s.lastWin, theme.bg)
	for r := 0; r < s.ty.cells; r++ {
		for c := 0; c < s.tx.cells; c++ {
			cr := s.cellRect(s.in.Min, r, c)
			if !cr.Overlaps(s.lastWin) {
				continue
			}
			col := shade(theme.input, 0.55)
			switch {
			case s.ty.kinds[r] == cellPad || s.tx.kinds[c] == cellPad:
				col = theme.pad
			case s.ty.kinds[r] == cellZero || s.tx.kinds[c] == cellZero:
				col = theme.panel
			}
			p.fill(cr, col)
		}
	}
}

// drawCaption writes a frame's lines under the output grid, the first in
// bold in col, and returns the rectangle they cover.
func (s *slide) drawCaption(p *pcanvas, lines []string, col color.RGBA) image.Rectangle {
	var box image.Rectangle
	for i, l := range lines {
		st := textStyle{size: 15, col: theme.text}
		if i == 0 {
			st.bold, st.col = true, col
		}
		y := float64(s.caption.Min.Y + (i+1)*captionLine - 6)
		box = box.Union(p.text(float64(s.caption.Min.X), y, p.fit(l, float64(s.caption.Dx()), st), st))
	}
	return box
}

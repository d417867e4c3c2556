package picture

import (
	"fmt"
	"image"
	"math"
)

// The still picture of one layer: canvas size and the picture's parts.
const (
	volumeW, volumeH = 880, 540
	minWindowPx      = 10 // a window drawn smaller would not be seen
	minNeuronPx      = 10
)

// volumeLayout is where the parts of a layer's still picture went, for
// tests and for the caller's alt text.
type volumeLayout struct {
	input, output, filter image.Rectangle // the three volumes' bounds
	inFace, outFace       image.Rectangle // the input's and output's front faces
	window, neuron        image.Rectangle // the window read and the unit it makes (front faces)
	enlarged              bool            // the window or neuron was drawn bigger than to scale
}

// spatialPx is the drawn size of a spatial extent of n positions: on a
// log scale, so 224 and 7 both fit.
func spatialPx(n int) float64 {
	if n <= 1 {
		return 18
	}
	return math.Min(20+22*math.Log2(float64(n)), 160)
}

// depthPx is the drawn depth of c channels, on a log scale.
func depthPx(c int) float64 {
	return math.Max(math.Min(6+12*math.Log2(float64(max(c, 1))), 110), 5)
}

// volumeBox places a volume of h×w×c with its bounds centred at (cx, cy).
func volumeBox(h, w, c int, cx, cy float64) box {
	b := box{w: spatialPx(w), h: spatialPx(h)}
	b.dx, b.dy = depthVector(depthPx(c))
	b.x = cx - (b.w+b.dx)/2
	b.y = cy - (b.h+b.dy)/2 - b.dy
	return b
}

// nominal is the size drawn for an axis whose input size is unknown.
const nominal = 12

// drawnSizes are the input and output sizes drawn for axis a: its own, or
// nominal ones when the question gave no input size.
func drawnSizes(a axis, transposed bool) (in, out int) {
	if a.in > 0 {
		return a.in, a.out
	}
	if a.k == 1 && a.s == 1 && a.d == 1 && a.before == 0 {
		return 1, 1 // the row of a 1-D layer
	}
	in = nominal
	if transposed {
		return in, max((in-1)*a.s-2*a.before+a.span()+a.outPad, 1)
	}
	return in, max((in+a.before+a.after-a.span())/a.s+1, 1)
}

// renderVolume draws a conv, transposed conv or pool as volumes: the
// input with the window one output unit reads, the filter, and the output
// with that unit.
func renderVolume(w window, title string) (*canvas, volumeLayout) {
	var lay volumeLayout
	hin, hout := drawnSizes(w.ax[0], w.transposed)
	win, wout := drawnSizes(w.ax[1], w.transposed)
	const cy = 200
	inBox := volumeBox(hin, win, w.cin, 190, cy)
	outBox := volumeBox(hout, wout, w.cout, volumeW-190, cy)
	filt := filterBox(w, volumeW/2, cy-10)
	ring := padRing(inBox, w, hin, win)
	// Labels under the lowest volume, the facts under them.
	labelY := float64(max(inBox.bounds().Max.Y, outBox.bounds().Max.Y, filt.bounds().Max.Y, ring.Max.Y)) + 28
	factsY := max(factsTop, labelY+70)
	lines := factLines(w)
	c := newCanvas(volumeW, max(volumeH, int(factsY)+25*len(lines)+26))
	lay.input, lay.output = inBox.bounds(), outBox.bounds()
	lay.inFace, lay.outFace = inBox.front(), outBox.front()

	c.text(28, 40, c.fit(title, volumeW-56, textStyle{size: 22, bold: true}), textStyle{size: 22, bold: true, col: theme.text})

	// The unit shown: output (1, 1), or input (1, 1) for a transposed conv,
	// clamped to the layer.
	oy, ox := min(1, hout-1), min(1, wout-1)
	if w.transposed {
		oy, ox = min(1, hin-1), min(1, win-1)
	}
	var from, to box
	if w.transposed {
		from = unitBox(inBox, w, hin, win, oy, ox, &lay)
		to = spreadBox(outBox, w, hout, wout, oy, ox, &lay)
		lay.neuron, lay.window = from.front(), to.front()
	} else {
		from = windowBox(inBox, w, hin, win, oy, ox, &lay)
		to = neuronBox(outBox, w, hout, wout, oy, ox, &lay)
		lay.window, lay.neuron = from.front(), to.front()
	}
	lay.filter = filt.bounds()
	c.rect(ring, theme.pad)
	c.drawBox(inBox, theme.input, 1)
	c.drawBox(outBox, theme.output, 1)
	c.connect(from, filt, to)
	if !w.pool && w.cout > 1 {
		// The bank: more filters stacked behind the one drawn.
		for i := min(w.cout-1, 3); i >= 1; i-- {
			ghost := filt
			ghost.x, ghost.y = filt.x+float64(i)*7, filt.y-float64(i)*7
			c.drawBox(ghost, shade(theme.filter, 0.85-0.12*float64(i)), 1)
		}
	}
	c.drawBox(filt, theme.filter, 1)
	if w.transposed {
		c.drawBox(from, theme.hit, 1)
		c.drawBox(to, theme.filter, 0.8)
	} else {
		c.drawBox(from, theme.filter, 0.8)
		c.drawBox(to, theme.hit, 1)
	}
	c.volumeLabels(w, inBox, outBox, filt, labelY)
	c.facts(lines, factsY, lay.enlarged)
	return c, lay
}

// padRing is the zero padding drawn as a grey ring around the input's
// front face, as wide as the padding is to scale (at least 3 pixels): its
// outer rectangle, empty without padding.
func padRing(b box, w window, hin, win int) image.Rectangle {
	cellY, cellX := b.h/float64(hin), b.w/float64(win)
	if w.transposed {
		return image.Rectangle{} // a transposed conv's padding crops its output instead
	}
	ring := func(n int, cell float64) float64 {
		if n == 0 {
			return 0
		}
		return math.Max(float64(n)*cell, 3)
	}
	t, bt := ring(w.ax[0].before, cellY), ring(w.ax[0].after, cellY)
	l, r := ring(w.ax[1].before, cellX), ring(w.ax[1].after, cellX)
	if t+bt+l+r == 0 {
		return image.Rectangle{}
	}
	return image.Rect(int(b.x-l), int(b.y-t), int(b.x+b.w+r), int(b.y+b.h+bt))
}

// windowBox is the window that output (oy, ox) reads, on the input's front
// face, as deep as the channels one filter reads.
func windowBox(in box, w window, hin, win, oy, ox int, lay *volumeLayout) box {
	y0, y1 := axisSpan(w.ax[0], oy, hin, in.h)
	x0, x1 := axisSpan(w.ax[1], ox, win, in.w)
	depth := depthPx(w.cin) * float64(w.cin/w.groups) / float64(w.cin)
	b := box{x: in.x + x0, y: in.y + y0, w: x1 - x0, h: y1 - y0}
	b.dx, b.dy = depthVector(math.Max(depth, 3))
	return enlarge(b, minWindowPx, lay)
}

// axisSpan is where, in pixels from the face's edge, the window of output
// o lies along axis a, for a face of px pixels showing n positions.
func axisSpan(a axis, o, n int, px float64) (lo, hi float64) {
	cell := px / float64(n)
	s := a.start(o)
	if a.in == 0 && n == 1 {
		return 0, px
	}
	return float64(s) * cell, float64(s+a.span()) * cell
}

// neuronBox is output unit (oy, ox): one channel deep.
func neuronBox(out box, w window, hout, wout, oy, ox int, lay *volumeLayout) box {
	cy, cx := out.h/float64(hout), out.w/float64(wout)
	b := box{x: out.x + float64(ox)*cx, y: out.y + float64(oy)*cy, w: cx, h: cy}
	b.dx, b.dy = depthVector(math.Max(depthPx(w.cout)/float64(w.cout), 3))
	return enlarge(b, minNeuronPx, lay)
}

// unitBox is input unit (iy, ix) of a transposed conv: one channel deep.
func unitBox(in box, w window, hin, win, iy, ix int, lay *volumeLayout) box {
	cy, cx := in.h/float64(hin), in.w/float64(win)
	b := box{x: in.x + float64(ix)*cx, y: in.y + float64(iy)*cy, w: cx, h: cy}
	b.dx, b.dy = depthVector(math.Max(depthPx(w.cin)*float64(w.cin/w.groups)/float64(w.cin), 3))
	return enlarge(b, minNeuronPx, lay)
}

// spreadBox is the patch of a transposed conv's output that input unit
// (iy, ix) is spread over: k×k (dilated), s·i − p from the edge.
func spreadBox(out box, w window, hout, wout, iy, ix int, lay *volumeLayout) box {
	cy, cx := out.h/float64(hout), out.w/float64(wout)
	ay, ax := w.ax[0], w.ax[1]
	y0 := float64(iy*ay.s - ay.before)
	x0 := float64(ix*ax.s - ax.before)
	if ay.k == 1 && ay.in <= 1 {
		y0, cy = 0, out.h
	}
	b := box{x: out.x + x0*cx, y: out.y + y0*cy, w: float64(ax.span()) * cx, h: float64(ay.span()) * cy}
	b.dx, b.dy = depthVector(math.Max(depthPx(w.cout)*float64(w.cout/w.groups)/float64(w.cout), 3))
	return enlarge(b, minWindowPx, lay)
}

// enlarge grows a box smaller than min pixels about its centre and notes
// that it is not to scale.
func enlarge(b box, minPx float64, lay *volumeLayout) box {
	if b.w < minPx {
		b.x -= (minPx - b.w) / 2
		b.w = minPx
		lay.enlarged = true
	}
	if b.h < minPx {
		b.y -= (minPx - b.h) / 2
		b.h = minPx
		lay.enlarged = true
	}
	return b
}

// filterBox is one filter, k×k×(Cin/G), drawn bigger than to scale,
// centred at (cx, cy).
func filterBox(w window, cx, cy float64) box {
	kh, kw := w.ax[0].k, w.ax[1].k
	side := func(k int) float64 { return math.Min(16+12*float64(k), 84) }
	b := box{w: side(kw), h: side(kh)}
	if w.dims == 1 {
		b.h = 18
	}
	depth := depthPx(w.cin / w.groups)
	if w.pool {
		depth = 4
	}
	b.dx, b.dy = depthVector(depth)
	b.x, b.y = cx-(b.w+b.dx)/2, cy-(b.h+b.dy)/2-b.dy
	return b
}

// connect draws the lines from the window's corners to the filter's and
// on to the unit's, as the CS231n figures do.
func (c *canvas) connect(from, filt, to box) {
	a, f, t := from.corners(), filt.corners(), to.corners()
	col := alpha(theme.filter, 0.55)
	for i := range a {
		c.line(a[i], f[i], 1.3, col)
		c.line(f[i], t[i], 1.3, col)
	}
}

// volumeLabels names the three volumes under them.
func (c *canvas) volumeLabels(w window, in, out, filt box, y float64) {
	head := textStyle{size: 17, bold: true, align: center}
	sub := textStyle{size: 15, col: theme.muted, align: center}
	inName, outName := shapeWords(w, w.cin, false), shapeWords(w, w.cout, true)
	head.col = theme.input
	c.text(in.x+in.w/2, y, "input "+inName, head)
	head.col = theme.output
	c.text(out.x+out.w/2, y, "output "+outName, head)
	head.col = theme.filter
	fx := filt.x + filt.w/2
	if w.pool {
		c.text(fx, y, fmt.Sprintf("%s window", kernelWords(w)), head)
		c.text(fx, y+22, "per channel, no weights", sub)
	} else {
		c.text(fx, y, fmt.Sprintf("filter %s×%d", kernelWords(w), w.cin/w.groups), head)
		c.text(fx, y+22, fmt.Sprintf("× %d filters", w.cout), sub)
	}
	if pad := axisWords(w, func(a axis) int { return a.before }); pad != "0" && !w.transposed {
		c.text(in.x+in.w/2, y+22, "grey ring: padding "+pad, sub)
	}
	switch {
	case w.noInput:
		c.text(out.x+out.w/2, y+22, "sizes drawn for a 12-wide input", sub)
	case w.dims == 3:
		c.text(out.x+out.w/2, y+22, "3-D: height × width drawn, depth not", sub)
	}
}

// kernelWords is "3×3", "5" for a 1-D layer, "3×3×3" for 3-D.
func kernelWords(w window) string { return joinAxes(w, "×", func(a axis) int { return a.k }) }

// shapeWords is a volume's size as the question would say it (H×W×C,
// L×C for 1-D, D×H×W×C for 3-D), with letters where the size is unknown.
func shapeWords(w window, ch int, out bool) string {
	if w.noInput {
		letters := map[int]string{1: "L", 2: "H×W", 3: "D×H×W"}[w.dims]
		if out {
			letters = map[int]string{1: "L'", 2: "H'×W'", 3: "D'×H'×W'"}[w.dims]
		}
		return fmt.Sprintf("%s×%d", letters, ch)
	}
	sizes := make([]int, 0, 4)
	for _, a := range w.axes {
		if out {
			sizes = append(sizes, a.out)
		} else {
			sizes = append(sizes, a.in)
		}
	}
	return dims(append(sizes, ch)...)
}

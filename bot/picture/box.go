package picture

import (
	"image"
	"image/color"
	"math"
)

// box is a volume drawn in oblique projection: a front face (x, y, w, h)
// and a depth vector (dx, dy) pointing back and up.
type box struct {
	x, y, w, h float64
	dx, dy     float64
}

// depthVector is the oblique projection of a depth of n pixels.
func depthVector(n float64) (dx, dy float64) { return n * 0.72, -n * 0.52 }

// bounds is the box's bounding rectangle on the canvas.
func (b box) bounds() image.Rectangle {
	x0, y0 := math.Min(b.x, b.x+b.dx), math.Min(b.y, b.y+b.dy)
	x1, y1 := math.Max(b.x+b.w, b.x+b.w+b.dx), math.Max(b.y+b.h, b.y+b.h+b.dy)
	return image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
}

// front is the front face's rectangle.
func (b box) front() image.Rectangle {
	return image.Rect(int(math.Round(b.x)), int(math.Round(b.y)), int(math.Round(b.x+b.w)), int(math.Round(b.y+b.h)))
}

// corners are the front face's corners, clockwise from the top left.
func (b box) corners() [4]pt {
	return [4]pt{{b.x, b.y}, {b.x + b.w, b.y}, {b.x + b.w, b.y + b.h}, {b.x, b.y + b.h}}
}

// drawBox draws b in col: the front face as col, the top lighter, the side
// darker, with edges. a is the opacity of the faces (1 solid).
func (c *canvas) drawBox(b box, col color.RGBA, a float64) {
	f := b.corners()
	d := pt{b.dx, b.dy}
	top := []pt{f[0], f[1], f[1].add(d), f[0].add(d)}
	side := []pt{f[1], f[1].add(d), f[2].add(d), f[2]}
	edge := shade(col, 1.45)
	if b.dx != 0 || b.dy != 0 {
		c.poly(alpha(shade(col, 1.25), a), top...)
		c.poly(alpha(shade(col, 0.62), a), side...)
	}
	c.poly(alpha(col, a), f[:]...)
	w := 1.2
	c.outline(w, edge, f[:]...)
	if b.dx != 0 || b.dy != 0 {
		c.line(f[0], f[0].add(d), w, edge)
		c.line(f[1], f[1].add(d), w, edge)
		c.line(f[2], f[2].add(d), w, edge)
		c.line(f[0].add(d), f[1].add(d), w, edge)
		c.line(f[1].add(d), f[2].add(d), w, edge)
	}
}

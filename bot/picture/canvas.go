package picture

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// pt is a point on the canvas, in pixels, y down.
type pt struct{ X, Y float64 }

func (p pt) add(q pt) pt { return pt{p.X + q.X, p.Y + q.Y} }

// canvas is an RGBA image with the few primitives the pictures need:
// rectangles, antialiased polygons and lines, and text in the Go fonts.
// It records where every text went, so tests can check that none falls
// off the picture.
type canvas struct {
	img   *image.RGBA
	ras   vector.Rasterizer
	faces map[faceKey]font.Face
	texts []image.Rectangle
}

type faceKey struct {
	size float64
	bold bool
}

var (
	fontsOnce           sync.Once
	regularTTF, boldTTF *opentype.Font
	fontsErr            error
)

// fonts parses the embedded Go fonts once; parsed fonts are safe for
// concurrent use, faces are not (each canvas makes its own).
func fonts() (regular, bold *opentype.Font, err error) {
	fontsOnce.Do(func() {
		if regularTTF, fontsErr = opentype.Parse(goregular.TTF); fontsErr != nil {
			return
		}
		boldTTF, fontsErr = opentype.Parse(gobold.TTF)
	})
	return regularTTF, boldTTF, fontsErr
}

// newCanvas returns a w×h canvas filled with the background colour.
func newCanvas(w, h int) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), faces: map[faceKey]font.Face{}}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(theme.bg), image.Point{}, draw.Src)
	return c
}

// rect fills r with col (blended when col is translucent).
func (c *canvas) rect(r image.Rectangle, col color.Color) {
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

// frame outlines r with a line w pixels wide, inside r.
func (c *canvas) frame(r image.Rectangle, w int, col color.Color) {
	c.rect(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w), col)
	c.rect(image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y), col)
	c.rect(image.Rect(r.Min.X, r.Min.Y+w, r.Min.X+w, r.Max.Y-w), col)
	c.rect(image.Rect(r.Max.X-w, r.Min.Y+w, r.Max.X, r.Max.Y-w), col)
}

// poly fills the polygon through ps, antialiased. The rasterizer covers
// only the polygon's bounding box, so small shapes cost little.
func (c *canvas) poly(col color.Color, ps ...pt) {
	if len(ps) < 3 {
		return
	}
	minX, minY, maxX, maxY := ps[0].X, ps[0].Y, ps[0].X, ps[0].Y
	for _, p := range ps[1:] {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	if box.Intersect(c.img.Bounds()) != box || box.Empty() {
		return // drawn inside the canvas or not at all
	}
	c.ras.Reset(box.Dx(), box.Dy())
	c.ras.MoveTo(float32(ps[0].X-float64(box.Min.X)), float32(ps[0].Y-float64(box.Min.Y)))
	for _, p := range ps[1:] {
		c.ras.LineTo(float32(p.X-float64(box.Min.X)), float32(p.Y-float64(box.Min.Y)))
	}
	c.ras.ClosePath()
	c.ras.Draw(c.img, box, image.NewUniform(col), image.Point{})
}

// line draws a straight line w pixels wide from a to b.
func (c *canvas) line(a, b pt, w float64, col color.Color) {
	dx, dy := b.X-a.X, b.Y-a.Y
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	ox, oy := -dy/n*w/2, dx/n*w/2
	c.poly(col, pt{a.X + ox, a.Y + oy}, pt{b.X + ox, b.Y + oy}, pt{b.X - ox, b.Y - oy}, pt{a.X - ox, a.Y - oy})
}

// outline draws the closed polygon's edges.
func (c *canvas) outline(w float64, col color.Color, ps ...pt) {
	for i := range ps {
		c.line(ps[i], ps[(i+1)%len(ps)], w, col)
	}
}

// face returns the Go font (regular or bold) at size pixels.
func (c *canvas) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if f, ok := c.faces[k]; ok {
		return f
	}
	regular, b, err := fonts()
	if err != nil {
		panic(err) // the embedded fonts are part of the binary
	}
	src := regular
	if bold {
		src = b
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	c.faces[k] = f
	return f
}

// align says where a text's x coordinate is.
type align int

const (
	left align = iota
	center
	right
)

// textStyle is how a text is drawn.
type textStyle struct {
	size  float64
	bold  bool
	col   color.Color
	align align
}

// width is the advance of s in style st.
func (c *canvas) width(s string, st textStyle) float64 {
	return fix(font.MeasureString(c.face(st.size, st.bold), s))
}

// text draws s with its baseline at y and returns the box it covers,
// which the canvas also records.
func (c *canvas) text(x, y float64, s string, st textStyle) image.Rectangle {
	f := c.face(st.size, st.bold)
	w := c.width(s, st)
	switch st.align {
	case center:
		x -= w / 2
	case right:
		x -= w
	}
	m := f.Metrics()
	box := image.Rect(int(math.Floor(x)), int(math.Floor(y-fix(m.Ascent))), int(math.Ceil(x+w)), int(math.Ceil(y+fix(m.Descent))))
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(st.col), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
	c.texts = append(c.texts, box)
	return box
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// close releases the canvas's font faces.
func (c *canvas) close() {
	for _, f := range c.faces {
		f.Close()
	}
}

// fit shortens s with "…" until it is at most maxW pixels wide in st.
func (c *canvas) fit(s string, maxW float64, st textStyle) string {
	if c.width(s, st) <= maxW {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && c.width(string(r)+"…", st) > maxW {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

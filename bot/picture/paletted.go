package picture

import (
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// rampLevels is how many shades of a text colour over the background the
// GIF palette holds, for antialiased text without dithering.
const rampLevels = 8

// pcanvas draws straight into a paletted image with the theme's colours,
// so a GIF's frames need no colour quantization: rectangles by palette
// index, text through an alpha mask mapped onto a ramp of shades.
type pcanvas struct {
	*canvas                      // for fonts, widths and the record of texts
	img     *image.Paletted      // what is drawn
	index   map[color.RGBA]uint8 // theme colour → palette index
	ramp    map[color.RGBA]uint8 // text colour → index of its first shade
	mask    *image.Alpha
}

// gifPalette is the theme's colours, then a ramp of shades for each text
// colour.
func gifPalette() (color.Palette, map[color.RGBA]uint8, map[color.RGBA]uint8) {
	flat := []color.RGBA{theme.bg, theme.panel, theme.grid, theme.pad, theme.input, shade(theme.input, 0.55),
		theme.filter, shade(theme.filter, 1.35), shade(theme.filter, 0.55), theme.output, shade(theme.output, 0.5), theme.hit, theme.text, theme.muted}
	// The faces and edges of the still pictures' boxes (drawBox's shades).
	for _, c := range []color.RGBA{theme.input, theme.output, theme.filter, theme.hit, theme.macs} {
		flat = append(flat, shade(c, 1.25), shade(c, 0.62), shade(c, 1.45))
	}
	flat = append(flat, theme.macs)
	pal := color.Palette{color.RGBA{}} // index 0: transparent, for pixels a frame leaves as they were
	index, ramp := map[color.RGBA]uint8{}, map[color.RGBA]uint8{}
	for _, c := range flat {
		if _, dup := index[c]; dup {
			continue
		}
		index[c] = uint8(len(pal))
		pal = append(pal, c)
	}
	for _, c := range []color.RGBA{theme.text, theme.muted, theme.input, theme.output, theme.filter, theme.hit} {
		ramp[c] = uint8(len(pal))
		for i := 0; i < rampLevels; i++ {
			t := float64(i+1) / rampLevels
			mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
			pal = append(pal, color.RGBA{mix(theme.bg.R, c.R), mix(theme.bg.G, c.G), mix(theme.bg.B, c.B), 0xff})
		}
	}
	return pal, index, ramp
}

func newPCanvas(w, h int) *pcanvas {
	pal, index, ramp := gifPalette()
	p := &pcanvas{canvas: &canvas{faces: map[faceKey]font.Face{}},
		img: image.NewPaletted(image.Rect(0, 0, w, h), pal), index: index, ramp: ramp}
	p.fill(p.img.Bounds(), theme.bg)
	return p
}

// fill paints r in col, a theme colour.
func (p *pcanvas) fill(r image.Rectangle, col color.RGBA) {
	r = r.Intersect(p.img.Bounds())
	i, ok := p.index[col]
	if !ok {
		i = uint8(p.img.Palette.Index(col))
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := p.img.Pix[p.img.PixOffset(r.Min.X, y):p.img.PixOffset(r.Max.X, y)]
		for x := range row {
			row[x] = i
		}
	}
}

// frame outlines r, w pixels wide, inside r.
func (p *pcanvas) frame(r image.Rectangle, w int, col color.RGBA) {
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w), col)
	p.fill(image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y), col)
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+w, r.Max.Y), col)
	p.fill(image.Rect(r.Max.X-w, r.Min.Y, r.Max.X, r.Max.Y), col)
}

// text draws s on the background (text is only ever drawn on it) and
// returns its box. The colour must be one with a ramp.
func (p *pcanvas) text(x, y float64, s string, st textStyle) image.Rectangle {
	f := p.face(st.size, st.bold)
	w := p.width(s, st)
	switch st.align {
	case center:
		x -= w / 2
	case right:
		x -= w
	}
	m := f.Metrics()
	box := image.Rect(int(math.Floor(x)), int(math.Floor(y-fix(m.Ascent))), int(math.Ceil(x+w))+1, int(math.Ceil(y+fix(m.Descent))))
	p.texts = append(p.texts, box)
	box = box.Intersect(p.img.Bounds())
	if p.mask == nil || !box.In(p.mask.Rect) {
		p.mask = image.NewAlpha(p.img.Bounds())
	}
	mask := p.mask.SubImage(box).(*image.Alpha)
	draw.Draw(mask, box, image.Transparent, image.Point{}, draw.Src)
	d := font.Drawer{Dst: mask, Src: image.Opaque, Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
	start, bg := p.ramp[st.col.(color.RGBA)], p.index[theme.bg]
	for yy := box.Min.Y; yy < box.Max.Y; yy++ {
		for xx := box.Min.X; xx < box.Max.X; xx++ {
			a := mask.Pix[mask.PixOffset(xx, yy)]
			if a < 256/(2*rampLevels) {
				continue
			}
			lvl := min(int(a)*rampLevels/256, rampLevels-1)
			if i := p.img.PixOffset(xx, yy); p.img.Pix[i] == bg {
				p.img.Pix[i] = start + uint8(lvl)
			}
		}
	}
	return box
}

// transparent is the palette index of pixels a frame does not change.
const transparent = 0

// crop copies r of p into a frame of its own, with the pixels that are
// the same as in shown (what the frames so far show) left transparent, so
// a frame's LZW stream is mostly one code; shown is brought up to date.
// A nil shown copies every pixel.
func (p *pcanvas) crop(r image.Rectangle, shown *image.Paletted) *image.Paletted {
	r = r.Intersect(p.img.Bounds())
	out := image.NewPaletted(r, p.img.Palette)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		src := p.img.Pix[p.img.PixOffset(r.Min.X, y):p.img.PixOffset(r.Max.X, y)]
		dst := out.Pix[out.PixOffset(r.Min.X, y):out.PixOffset(r.Max.X, y)]
		if shown == nil {
			copy(dst, src)
			continue
		}
		was := shown.Pix[shown.PixOffset(r.Min.X, y):shown.PixOffset(r.Max.X, y)]
		for i, v := range src {
			if v == was[i] {
				dst[i] = transparent
				continue
			}
			dst[i], was[i] = v, v
		}
	}
	return out
}

// encodeStill writes img as a one-frame GIF, for an answer that has a
// still picture but no animation. The palette is the theme's colours and
// text shades, topped up from Plan 9's; each pixel takes the nearest entry,
// looked up once per 15-bit colour, so the flat fills stay exact and the
// conversion costs a few milliseconds rather than a dither's hundreds.
func encodeStill(w io.Writer, img *image.RGBA) error {
	pal, _, _ := gifPalette()
	pal = append(pal, palette.Plan9[:256-len(pal)]...)
	var cache [1 << 15]int16
	for i := range cache {
		cache[i] = -1
	}
	key := func(r, g, b uint8) int { return int(r>>3)<<10 | int(g>>3)<<5 | int(b>>3) }
	for i, c := range pal[1:] { // the theme's own colours claim their buckets first
		r, g, b, _ := c.RGBA()
		if k := key(uint8(r>>8), uint8(g>>8), uint8(b>>8)); cache[k] < 0 {
			cache[k] = int16(i + 1)
		}
	}
	out := image.NewPaletted(img.Bounds(), pal)
	opaque := pal[1:] // never the transparent entry
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			o := img.PixOffset(x, y)
			r, g, b := img.Pix[o], img.Pix[o+1], img.Pix[o+2]
			k := key(r, g, b)
			if cache[k] < 0 {
				cache[k] = int16(opaque.Index(color.RGBA{r, g, b, 0xff}) + 1)
			}
			out.Pix[out.PixOffset(x, y)] = uint8(cache[k])
		}
	}
	return gif.Encode(w, out, nil)
}

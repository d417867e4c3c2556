package picture

import (
	"fmt"
	"image/color"
	"strconv"
)

// colours are the pictures' colours. The background is opaque and dark,
// like a Discord code block, so the picture looks the same on Discord's
// dark and light themes; the fills are mid-tone and saturated, readable on
// it and distinct for the common colour-vision deficiencies (blue, orange,
// green, pink differ in lightness as well as hue).
type colours struct {
	bg, panel, grid, text, muted color.RGBA
	input, filter, output, hit   color.RGBA
	pad, macs                    color.RGBA
}

var theme = colours{
	bg:     rgb(0x1c, 0x20, 0x2b),
	panel:  rgb(0x26, 0x2b, 0x39),
	grid:   rgb(0x3c, 0x43, 0x55),
	text:   rgb(0xec, 0xee, 0xf3),
	muted:  rgb(0xa2, 0xaa, 0xbb),
	input:  rgb(0x4c, 0x8d, 0xf6),
	filter: rgb(0xf5, 0xa5, 0x24),
	output: rgb(0x35, 0xc2, 0x8a),
	hit:    rgb(0xff, 0x5c, 0x8a),
	pad:    rgb(0x5b, 0x63, 0x76),
	macs:   rgb(0xb0, 0x7c, 0xf5),
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// shade returns c with its lightness scaled by f (below 1 darker, above 1
// lighter, clamped).
func shade(c color.RGBA, f float64) color.RGBA {
	s := func(v uint8) uint8 {
		x := float64(v) * f
		if f > 1 {
			x = float64(v) + (255-float64(v))*(f-1)
		}
		return uint8(min(max(x, 0), 255))
	}
	return color.RGBA{s(c.R), s(c.G), s(c.B), c.A}
}

// alpha returns c with opacity a (0–1), premultiplied as color.RGBA wants.
func alpha(c color.RGBA, a float64) color.RGBA {
	m := func(v uint8) uint8 { return uint8(float64(v) * a) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), uint8(255 * a)}
}

// group writes n with thousands separators: 18496 → "18,496".
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// si writes n in short SI form: 11689512 → "11.7 M"; below 1,000 it is
// the number itself.
func si(n int64) string {
	v := float64(n)
	for _, u := range []struct {
		div  float64
		name string
	}{{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}} {
		if v >= u.div {
			x := v / u.div
			if x >= 100 {
				return fmt.Sprintf("%.0f %s", x, u.name)
			}
			if x >= 10 {
				return fmt.Sprintf("%.1f %s", x, u.name)
			}
			return fmt.Sprintf("%.2f %s", x, u.name)
		}
	}
	return strconv.FormatInt(n, 10)
}

// dims writes sizes joined by "×": [56 56 32] → "56×56×32".
func dims(xs ...int) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += "×"
		}
		s += strconv.Itoa(x)
	}
	return s
}

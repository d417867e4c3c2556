package picture

import (
	"image"
	"image/draw"
	"image/gif"
	"os"
)

// gifFrames decodes a GIF and composites its frames as a viewer shows
// them (every frame here is drawn over the last).
func gifFrames(path string) (*gif.GIF, []*image.RGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	g, err := gif.DecodeAll(f)
	if err != nil {
		return nil, nil, err
	}
	return g, composite(g), nil
}

func composite(g *gif.GIF) []*image.RGBA {
	cur := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	var out []*image.RGBA
	for _, fr := range g.Image {
		draw.Draw(cur, fr.Bounds(), fr, fr.Bounds().Min, draw.Over) // transparent pixels keep what was there
		c := image.NewRGBA(cur.Bounds())
		copy(c.Pix, cur.Pix)
		out = append(out, c)
	}
	return out
}

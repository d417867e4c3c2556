package picture

import (
	"image"
	"io"
)

type animation struct{}

func animate(w window, title string) (animation, bool) { return animation{}, false }

func (a animation) encode(w io.Writer) error { return nil }

func encodeStill(w io.Writer, img image.Image) error { return nil }

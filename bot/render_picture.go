package bot

import (
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/bot/picture"
	"github.com/cnnbot/cnnbot/calc"
)

// Pictures on Discord: the Picture button's answer and /explain's
// attachments. Drawing happens only when asked for (a press, /explain), on
// a worker; a card only asks hasPicture, which draws nothing.

// pictureBudget bounds the bytes one reply attaches as pictures, well
// under Discord's upload limit: the still picture always (when it fits),
// the animation too when both fit.
const pictureBudget = 750_000

// hasPicture reports, without drawing, whether r has a picture: the test
// picture.For makes, on what Answer already computed. Refusals have none,
// and neither have layers the picture package does not draw (a lone
// linear layer, batch norm, an inverse question).
func hasPicture(r Reply) bool {
	q := r.Question
	if !r.OK() || q == nil || len(q.Layers) == 0 {
		return false
	}
	wantsField := slices.Contains(q.Asked, "receptive field") || len(q.Input) == 0
	if len(q.Layers) >= 2 && wantsField && fieldDrawable(r) {
		return true
	}
	if q.Network {
		return r.Summary != nil && len(r.Summary.Rows) > 0
	}
	return len(q.Layers) == 1 && len(r.Reports) == 1 && slidingWindow(q.Layers[0].Layer, q.Input)
}

// slidingWindow reports whether l, fed in, is a layer the picture package
// draws as volumes: a conv (1-D to 3-D, its input channels known) or a
// pool with an input size.
func slidingWindow(l calc.Layer, in calc.Shape) bool {
	switch c := l.(type) {
	case calc.Conv:
		dims := c.Dims
		if dims == 0 {
			dims = 2
		}
		return dims <= 3 && (c.In != 0 || (len(in) > 0 && in[0] != 0))
	case calc.Pool:
		return len(in) > 0 && in[0] != 0 && max(c.Dims, 2) <= 3
	}
	return false
}

// fieldDrawable reports whether stacked layers have a receptive-field
// picture: every top-level layer slides a window of the same 1 or 2
// dimensions, and one of them widens it.
func fieldDrawable(r Reply) bool {
	q := r.Question
	s := r.Summary
	if s == nil { // layers asked about without a chain: size them as one
		n := calc.Network{Input: q.Input}
		for _, l := range q.Layers {
			n.Layers = append(n.Layers, l.Layer)
		}
		sum, err := n.Summarize()
		if err != nil {
			return false
		}
		s = &sum
	}
	dims, widens := 0, false
	for _, row := range s.Rows {
		if row.Depth > 0 {
			continue
		}
		w := row.Window
		if w == nil || (dims != 0 && len(w) != dims) || len(w) > 2 {
			return false
		}
		dims = len(w)
		for _, a := range w {
			widens = widens || a != (calc.Window{Size: 1, Stride: 1})
		}
	}
	return widens
}

// noPicture is why an answer has no picture.
const noPicture = "I have no picture for this answer (I draw convs, pools and transposed convs, stacks of them, and networks)"

// pictureFiles draws r's picture as attachments: the still PNG, and for a
// single 1-D or 2-D layer the animation as a GIF when both fit
// pictureBudget. files is empty, with why set, when there is nothing to
// attach: no picture, a picture too large, or a drawing that failed.
func pictureFiles(r Reply) (files []File, why string) {
	if !hasPicture(r) {
		return nil, noPicture
	}
	png, name, ok, err := picture.For(r.Question)
	switch {
	case err != nil:
		return nil, "drawing it failed on my side"
	case !ok:
		return nil, noPicture
	case len(png) > pictureBudget:
		return nil, "the picture came out too large to attach (" + byteSize(len(png)) + ")"
	}
	files = []File{{Name: name, ContentType: "image/png", Data: png}}
	if !r.Question.Network && len(r.Question.Layers) == 1 {
		gif, gname, ok, err := picture.Animation(r.Question)
		if err == nil && ok && len(png)+len(gif) <= pictureBudget {
			files = append(files, File{Name: gname, ContentType: "image/gif", Data: gif})
		}
	}
	return files, ""
}

// RenderPicture renders r's picture for the Picture button (ephemeral):
// the PNG, with the GIF of the kernel sliding for a single 1-D or 2-D
// layer. An answer that cannot be drawn gets a short note saying why,
// never silence.
func RenderPicture(r Reply) Card {
	card := Card{Ephemeral: true}
	files, why := pictureFiles(r)
	if len(files) == 0 {
		card.Err = true
		card.Content = "Sorry — " + why + ". **Show working** has the numbers; `cnnbot ask --picture FILE` draws in a terminal."
		return card
	}
	card.Files = files
	stem := strings.TrimSuffix(files[0].Name, ".png")
	card.Content = "**" + pictureCaption(stem) + "**"
	if len(files) > 1 {
		card.Content += ", and " + slideCaption(stem)
	}
	if c := r.Question.Canonical; c != "" && !strings.Contains(c, "\n") {
		card.Content += " — " + discordMarkup.code(truncateRunes(printable(c), 300))
	}
	return card
}

// pictureCaption says what a still picture shows, by its file name's stem.
func pictureCaption(stem string) string {
	switch stem {
	case "network":
		return "Your network: output shapes, and params and MACs per layer"
	case "receptive-field":
		return "The receptive field, layer by layer"
	}
	return "Your " + stem + " as volumes: the input, the window one output reads, the output"
}

// slideCaption says what the animation of a layer shows.
func slideCaption(stem string) string {
	switch {
	case strings.Contains(stem, "pool"):
		return "the window sliding over the input"
	case strings.HasPrefix(stem, "deconv"):
		return "the kernel sliding over the input spread by the stride"
	}
	return "the kernel sliding over the padded input"
}

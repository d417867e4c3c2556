// Package picture draws an answer: a single conv, transposed conv or pool
// as volumes in perspective with the window one unit reads (PNG), the
// kernel sliding over the padded input (GIF), the receptive field of
// stacked layers, and a network's shapes, parameters and MACs (PNG).
//
// It draws from a [grammar.Question] and sizes it again with calc, so it
// needs nothing from package bot and bot can call it. Pure Go: the Go
// fonts are embedded, the drawing is golang.org/x/image/vector.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// For draws the still picture of an answered question: a PNG (at most a
// few hundred KB), its file name ("conv2d.png", "receptive-field.png",
// "network.png", ...) and ok. ok is false, with no error, when the answer
// has no picture (a linear layer on its own, an inverse question) or q is
// nil or does not size; err is set only when encoding fails or drawing
// hit a bug (a recovered panic). It is safe for concurrent use.
//
// A chat front-end calls it with reply.Question of a reply whose OK() is
// true (a refused network still has a Question), and attaches data as
// filename.
func For(q *grammar.Question) (data []byte, filename string, ok bool, err error) {
	defer recoverTo(&ok, &err)
	c, name, ok := still(q)
	if !ok {
		return nil, "", false, nil
	}
	defer c.close()
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, c.img); err != nil {
		return nil, "", false, err
	}
	return buf.Bytes(), name + ".png", true, nil
}

// Animation draws the kernel sliding over the padded input of a single
// 1-D or 2-D conv, transposed conv or pool, as a GIF that loops. ok is
// false, with no error, when the answer has no animation.
func Animation(q *grammar.Question) (data []byte, filename string, ok bool, err error) {
	defer recoverTo(&ok, &err)
	w, ok := single(q)
	if !ok {
		return nil, "", false, nil
	}
	a, ok := animate(w, title(q))
	if !ok {
		return nil, "", false, nil
	}
	var buf bytes.Buffer
	if err := a.encode(&buf); err != nil {
		return nil, "", false, err
	}
	return buf.Bytes(), w.kind + ".gif", true, nil
}

// ErrNoPicture is what Save returns for an answer without a picture of the
// kind asked for.
var ErrNoPicture = errors.New("this answer has no picture")

// Save writes the picture of q to path: a PNG for ".png", the animation
// for ".gif" (or, for an answer without one, the still picture as a
// one-frame GIF). Other extensions are refused before anything is drawn.
func Save(path string, q *grammar.Question) error {
	var data []byte
	var ok bool
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		data, _, ok, err = For(q)
	case ".gif":
		if data, _, ok, err = Animation(q); err == nil && !ok {
			data, ok, err = stillGIF(q)
		}
	default:
		return fmt.Errorf("a picture file ends in .png or .gif, not %q", filepath.Ext(path))
	}
	if err != nil {
		return err
	}
	if !ok {
		return ErrNoPicture
	}
	return os.WriteFile(path, data, 0o644)
}

// CheckPath reports whether path names a picture Save can write, so a
// command line can refuse a bad name before answering.
func CheckPath(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png", ".gif":
		return nil
	}
	return fmt.Errorf("a picture file ends in .png or .gif, not %q", filepath.Ext(path))
}

// recoverTo turns a panic in drawing into an error: a picture is never
// worth a crash.
func recoverTo(ok *bool, err *error) {
	if v := recover(); v != nil {
		*ok, *err = false, fmt.Errorf("picture: %v", v)
	}
}

// still draws the picture that fits q, with its file name's stem.
func still(q *grammar.Question) (*canvas, string, bool) {
	if q == nil || len(q.Layers) == 0 {
		return nil, "", false
	}
	if st, ok := stackOf(q); ok && wantsField(q) {
		return renderField(st, title(q)), "receptive-field", true
	}
	if q.Network {
		s, ok := summarize(q)
		if !ok {
			return nil, "", false
		}
		return renderNetwork(q, s), "network", true
	}
	w, ok := single(q)
	if !ok {
		return nil, "", false
	}
	c, _ := renderVolume(w, title(q))
	return c, w.kind, true
}

// stillGIF is the still picture as a one-frame GIF.
func stillGIF(q *grammar.Question) ([]byte, bool, error) {
	c, _, ok := still(q)
	if !ok {
		return nil, false, nil
	}
	defer c.close()
	var buf bytes.Buffer
	if err := encodeStill(&buf, c.img); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// single is the one sliding-window layer q asks about, sized.
func single(q *grammar.Question) (window, bool) {
	if q == nil || q.Network || len(q.Layers) != 1 {
		return window{}, false
	}
	return windowOf(q.Layers[0].Layer, q.Input)
}

// summarize sizes a network as the bot does.
func summarize(q *grammar.Question) (calc.Summary, bool) {
	n := calc.Network{Input: q.Input, Layers: make([]calc.Layer, len(q.Layers))}
	for i, l := range q.Layers {
		n.Layers[i] = l.Layer
	}
	s, err := n.Summarize()
	return s, err == nil && len(s.Rows) > 0
}

// wantsField reports whether a stack of layers is better drawn as its
// receptive field than as a network: when the question asks for it, or
// when there is no input size to draw shapes from ("three stacked 3x3
// convs").
func wantsField(q *grammar.Question) bool {
	return slices.Contains(q.Asked, "receptive field") || len(q.Input) == 0
}

// title is the question in the spec language, on one line.
func title(q *grammar.Question) string {
	if len(q.Layers) == 1 && !q.Network {
		t := grammar.FormatLayer(q.Layers[0].Layer)
		if sp := q.Input.Spatial(); len(sp) > 0 {
			t += " · input " + dims(append(slices.Clone(sp), q.Input[0])...)
		}
		return t
	}
	t := strings.ReplaceAll(strings.TrimSpace(q.Canonical), "\n", " · ")
	if len(t) > 80 {
		t = t[:77] + "…"
	}
	return t
}

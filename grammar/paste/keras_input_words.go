package paste

// The input of a pasted Keras layer said beside it rather than in the
// code: in a comment ("x = Conv2DTranspose(64, 3, ...)(x)   # x was (None,
// 14, 14, 128)"), or as a size alone in the words when only sizes are
// asked ("Conv2D(32, 3, strides=2) on the 101x101 input?": the output
// size does not depend on the channels).

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// kiCommentShapeRE is a Keras shape with its batch in a comment: "# x was
// (None, 14, 14, 128)", "# -> (None, 28, 28, 64)" is an output, not this.
var kiCommentShapeRE = regexp.MustCompile(`#[^\n]*?\b(?:was|is|in|input|from|comes?\s+in\s+as|shape)\b[^\n(]*\(\s*(?:None|\?|\d+)\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*(?:,\s*(\d{1,5})\s*)?\)`)

// commentInput is the input a comment on the pasted lines gives, channels
// first, with the note to say; nil when no comment gives one, or several
// do.
func (k *kerasReader) commentInput() (calc.Shape, string) {
	ms := kiCommentShapeRE.FindAllStringSubmatch(k.src, -1)
	if len(ms) != 1 {
		return nil, ""
	}
	var d []int
	for _, g := range ms[0][1:] {
		if g == "" {
			continue
		}
		v, err := strconv.Atoi(g)
		if err != nil || v < 1 || v > calc.MaxSize {
			return nil, ""
		}
		d = append(d, v)
	}
	if len(d) != ptRank(k.q.Layers) {
		return nil, ""
	}
	in := append(calc.Shape{d[len(d)-1]}, d[:len(d)-1]...)
	return in, fmt.Sprintf("the input is the shape the comment gives, %s (channels-last, read as %s)", ptJoin(d), ptShapeText(in))
}

// sizeOnlyInput is the input of a first conv or pool whose channels are
// not given, when the words give its size and ask for sizes only: one
// channel is taken, as the output size does not depend on it. Nil
// otherwise.
func (k *kerasReader) sizeOnlyInput(prose ptProse) (calc.Shape, string) {
	q := k.q
	if len(q.Layers) != 1 || prose.channels > 0 {
		return nil, ""
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.In != 0 || c.Dims != 0 && c.Dims != 2 || len(prose.dims) != 2 {
		return nil, ""
	}
	for _, a := range prose.asked {
		if a != "output" {
			return nil, ""
		}
	}
	c.In = 1
	q.Layers[0].Layer = c
	q.Asked = []string{"output"}
	in := calc.Shape{1, prose.dims[0], prose.dims[1]}
	return in, "the input's channels were not given: 1 assumed (the output size asked for does not depend on them; the parameters do)"
}

// kerasWordsInput tries the comment, then the size alone, for a paste
// whose code gives no input; it sets q.Input and says so in a note.
func (k *kerasReader) kerasWordsInput(prose ptProse) bool {
	in, note := k.commentInput()
	if in == nil {
		in, note = k.wordsShapeInput()
	}
	if in == nil {
		in, note = k.flattenShapeInput() // keras_flatten_shape.go
	}
	if in == nil {
		in, note = k.sizeOnlyInput(prose)
	}
	if in == nil {
		return false
	}
	if c, ok := k.q.Layers[0].Layer.(calc.Conv); ok && c.In == 0 {
		c.In = in[0]
		k.q.Layers[0].Layer = c
	}
	k.q.Input = in
	k.q.Notes = append(k.q.Notes, note)
	return true
}

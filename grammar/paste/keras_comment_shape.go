package paste

import (
	"regexp"
)

// The input told by a shape comment on the line that gives the tensor the
// Keras layers are then called on, a base model's output or a slice:
//
//	x = base_model.output            # (None, 8, 8, 256)
//	x = GlobalAveragePooling2D()(x)
//
// The comment is the shape of x, so the layers after it start from it.

// kcsLineRE is an assignment that calls no layer, with a batched shape in
// its comment: the shape's sizes after the batch.
var kcsLineRE = regexp.MustCompile(`^\s*[A-Za-z_]\w*\s*=[^=#]*#\s*(?:shape\s*:?\s*|->\s*)?[\[(]\s*(?:None|B|N|b|n|bs|batch|batch_size|\d{1,5})\s*,\s*(\d{1,5}(?:\s*,\s*\d{1,5}){0,3})\s*,?\s*[\])]`)

// kcsLayerRE is a Keras layer built: a capitalised call.
var kcsLayerRE = regexp.MustCompile(`\b[A-Z]\w*\(`)

// kerasCommentShapeInput returns src with the input the first shape
// comment gives said at its end ("input shape (None, 8, 8, 256)"), when
// it comes before every layer and nothing else gives the input; ok is
// false otherwise.
func kerasCommentShapeInput(src string) (string, bool) {
	if kerasInputSetRE.MatchString(src) {
		return src, false
	}
	if dims, ok := firstShapeComment(src, kcsLayerRE, kcsLineRE); ok {
		return src + "\ninput shape (None, " + dims + ")\n", true
	}
	return src, false
}

// kerasInputSetRE is the input set in code or words already.
var kerasInputSetRE = regexp.MustCompile(`\b(?:Input|InputLayer)\s*\(|\binput_shape\s*=|\binput\s+shape\b|\bshape\s*=`)

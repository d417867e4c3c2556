package english

import "regexp"

// A layer named by Keras's automatic name inside an error message — "for
// 'max_pooling2d_3'", "layer 'conv2d_1'" — names a layer of the model the
// question goes on to describe; it is no layer of its own. (Read as one,
// it put a pool before "[Conv2D(3x3 valid) -> MaxPooling2D(2)] x3" and
// the smallest input came out 44 for 22.)

// enKerasAutoName matches a quoted Keras automatic name: a layer word,
// then an underscore and its count.
var enKerasAutoName = regexp.MustCompile(`^['"` + "`" + `][a-z_]+(?:[123]d)?_\d+['"` + "`" + `]`)

// kerasAutoName reports whether the word at token i opens a quoted Keras
// automatic name.
func (r *enReader) kerasAutoName(i int) bool {
	off := r.toks[i].off
	return off > 0 && enKerasAutoName.MatchString(r.src[off-1:])
}

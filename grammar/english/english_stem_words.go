package english

// A stack said after the image it reads and a colon: "a ResNet-style stem
// on a 200x200 RGB image: 7x7 conv, 64 filters, stride 2, padding 3, then
// 3x3 max pool". The size after the colon, with a layer word right after
// it, is that layer's kernel, not the image again: the image had its size
// before the colon.

// kernelAfterColon reports whether the size at token i opens a layer
// after a colon ("image: 7x7 conv"), an input size having been said
// before it.
func (r *enReader) kernelAfterColon(i int) bool {
	if i < 2 || r.lem(i-1) != ":" || !enKinds[r.lem(i+1)] {
		return false
	}
	for j := i - 2; j >= 0 && i-j <= 4; j-- {
		if r.toks[j].kind == 's' || r.toks[j].kind == 'n' {
			return true // "200x200 RGB image:", "224 x 224 input:"
		}
	}
	return false
}

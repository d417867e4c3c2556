package english

import "strings"

// U-Net's paper calls its transposed convolutions "up-convolutions", and
// students write them "up-conv", "up conv", "upconv". Before the layer's
// sizes they often name it twice: "the first up-conv is a 2x2 transposed
// conv with stride 2", "conv1 is a 3x3 conv with 64 filters": the first
// name, with no sizes of its own, is the layer the second describes.

// enUpConv merges "up-conv", "up conv" and "up-convolution" into one word
// read as a transposed convolution, one layer; n is how many tokens after
// i it took, 0 when none.
func enUpConv(in []enTok, i int) (enTok, int) {
	if !strings.EqualFold(in[i].raw, "up") {
		return enTok{}, 0
	}
	j := i + 1
	if h := enAt(in, j); h != nil && h.raw == "-" && h.glued {
		j++
	}
	c := enAt(in, j)
	if c == nil || c.kind != 'w' {
		return enTok{}, 0
	}
	w := strings.ToLower(c.raw)
	if w != "conv" && w != "convolution" {
		return enTok{}, 0 // "2x2 up-convs" describe a network's layers, which another reader sizes
	}
	t := in[i]
	t.raw, t.end = "upconv", c.end
	t.lem, t.plural = enLemma("upconv")
	return t, j - i
}

// enIsA are the words between a layer's name and the layer it is: "is a",
// "is an", ":", "=".
var enIsA = map[string]bool{"is": true, "a": true, "an": true, ":": true, "=": true, "-": true, "just": true, "basically": true, "simply": true}

// namedAsNext reports whether the k-th mention, a conv named without
// sizes, is only the name of the conv mentioned next ("the up-conv is a
// 2x2 transposed conv", "the first hidden layer is a conv layer"): the two
// are one layer.
func (r *enReader) namedAsNext(k int) bool {
	if k+1 >= len(r.anchors) {
		return false
	}
	a, b := r.anchors[k], r.anchors[k+1]
	convy := func(kind string) bool { return kind == "conv" || kind == "deconv" || kind == "layer" }
	if a.ctx || b.ctx || !convy(a.kind) && !r.hiddenNamed(a) || !convy(b.kind) || a.kind == "deconv" && b.kind == "conv" {
		return false
	}
	if b.start <= a.tok+1 || !strings.EqualFold(r.toks[a.tok+1].raw, "is") && r.toks[a.tok+1].raw != ":" && r.toks[a.tok+1].raw != "=" {
		return false
	}
	for j := a.tok + 1; j < b.start; j++ {
		if !enIsA[strings.ToLower(r.toks[j].raw)] {
			return false
		}
	}
	return true
}

// hiddenNamed reports whether a is a "hidden layer" said bare, which a
// quiz then says is a conv.
func (r *enReader) hiddenNamed(a *enAnchor) bool {
	if a.kind != "fc" {
		return false
	}
	return strings.EqualFold(r.toks[a.tok].raw, "hidden") || a.tok > 0 && strings.EqualFold(r.toks[a.tok-1].raw, "hidden")
}

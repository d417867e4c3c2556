package english

// A depthwise separable pair with its settings said once, after both
// ("depthwise 3x3 on 112x112x32 then pointwise 32 -> 64, stride 1 pad 1"),
// pads the depthwise conv: a 1x1 pointwise conv is never padded or strided
// in MobileNet's pair, and padding it would grow the map by two a side.

// separableSettings moves a padding (and a stride) said of a 1x1 pointwise
// conv to the depthwise conv just before it when that one has none.
func (r *enReader) separableSettings(real []*enAnchor) {
	for k := 1; k < len(real); k++ {
		dw, pw := real[k-1], real[k]
		if !dw.depthwise || dw.kind != "conv" || pw.kind != "conv" || !pointwiseKernel(pw) || !biggerKernel(dw) {
			continue
		}
		moved := false
		if len(pw.pad) > 0 && len(dw.pad) == 0 && dw.padMode == "" {
			dw.pad, pw.pad = pw.pad, nil
			dw.at["pad"] = pw.at["pad"]
			moved = true
		}
		if pw.padMode != "" && len(dw.pad) == 0 && dw.padMode == "" {
			dw.padMode, pw.padMode = pw.padMode, ""
			moved = true
		}
		if len(pw.stride) > 0 && len(dw.stride) == 0 {
			dw.stride, pw.stride = pw.stride, nil
			dw.at["stride"] = pw.at["stride"]
			moved = true
		}
		if moved {
			r.notes = append(r.notes, "the padding and stride said after the pair read as the depthwise conv's: a 1x1 pointwise conv is not padded")
		}
	}
}

// pointwiseKernel reports whether a is a 1x1 conv: said pointwise or
// with a kernel of 1.
func pointwiseKernel(a *enAnchor) bool {
	if len(a.kernel) == 0 {
		return a.pointwise
	}
	for _, k := range a.kernel {
		if k != 1 {
			return false
		}
	}
	return true
}

// biggerKernel reports whether a has a kernel said, larger than 1.
func biggerKernel(a *enAnchor) bool {
	return len(a.kernel) > 0 && a.kernel[0] > 1
}

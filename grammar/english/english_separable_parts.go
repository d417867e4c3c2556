package english

import (
	"fmt"
	"slices"
)

// A depthwise separable conv is often said with its two steps spelled
// out: "a depthwise separable conv takes a 28x28x64 input and produces
// 128 channels, using a 3x3 depthwise step followed by a 1x1 pointwise
// conv". The steps are the separable conv's parts, not layers after it:
// the depthwise step gives its kernel (and stride and padding), the
// pointwise step is the 1×1 the separable conv already holds.

// separableParts folds the depthwise and pointwise steps said after a
// separable conv into it, when it says no kernel of its own.
func (r *enReader) separableParts() {
	for k, s := range r.anchors {
		if s.kind != "conv" || !s.separable || len(s.kernel) > 0 || s.ctx {
			continue
		}
		var dw, pw *enAnchor
		for _, a := range r.anchors[k+1:] {
			switch {
			case a.kind != "conv" || a.separable:
				return
			case a.depthwise && dw == nil && len(a.counts)+len(a.args) == 0 && (len(a.kernel) > 0 || r.kernelBefore(a)):
				dw = a
			case a.pointwise && pw == nil && len(a.counts)+len(a.args) == 0:
				pw = a
			default:
				return
			}
		}
		if dw == nil {
			return
		}
		s.kernel, s.at["kernel"] = dw.kernel, dw.at["kernel"]
		if len(s.stride) == 0 {
			s.stride = dw.stride
		}
		if len(s.pad) == 0 && s.padMode == "" {
			s.pad, s.padMode = dw.pad, dw.padMode
		}
		s.noBias = s.noBias || dw.noBias
		dw.ctx = true
		if pw != nil {
			pw.ctx = true
			s.noBias = s.noBias || pw.noBias
		}
		r.notes = append(r.notes, fmt.Sprintf("the %s depthwise step and the 1×1 pointwise step read as the two parts of the separable conv", enDimsText(dw.kernel)))
		return
	}
}

// kernelBefore gives the depthwise step a the size written just before
// it ("3x3 depthwise (stride 2) followed by 1x1 pointwise") as its kernel,
// when no other reading kept that size but as an input; it reports
// whether it did.
func (r *enReader) kernelBefore(a *enAnchor) bool {
	i := a.tok - 1
	if i < 0 || r.toks[i].kind != 's' || len(r.toks[i].dims) != 2 {
		return false
	}
	k := slices.IndexFunc(r.g.inputs, func(f enSizeFact) bool { return f.tok == i })
	if k < 0 || len(r.g.inputs) < 2 {
		return false // the question's only input size is no kernel
	}
	r.g.inputs = slices.Delete(r.g.inputs, k, k+1)
	a.kernel, a.at["kernel"] = r.toks[i].dims, i
	return true
}

// enDimsText writes a kernel as 3×3.
func enDimsText(d []int) string {
	s := ""
	for i, v := range d {
		if i > 0 {
			s += "×"
		}
		s += fmt.Sprint(v)
	}
	return s
}

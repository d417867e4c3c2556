package picture

import (
	"fmt"
	"strings"
)

// settings is the line under the title: the sliding rule.
func (s *slide) settings() string {
	w := s.w
	k, st := kernelWords(w), strideWords(w)
	pad, dil := axisWords(w, func(a axis) int { return a.before }), axisWords(w, func(a axis) int { return a.d })
	if w.transposed {
		q := axisWords(w, func(a axis) int { return a.d*(a.k-1) - a.before })
		return fmt.Sprintf("the input spread by stride %s (zeros between), padded by d(k−1)−p = %s, then the %s kernel at stride 1", st, q, k)
	}
	line := fmt.Sprintf("kernel %s · stride %s · padding %s · dilation %s", k, st, pad, dil)
	if w.overhang {
		line += " · ceil mode: the last windows overhang the padding"
	}
	return line
}

// axisWords is f of the layer's axes: "2" when they agree, else "2×1".
func axisWords(w window, f func(axis) int) string {
	for _, a := range w.axes {
		if f(a) != f(w.axes[0]) {
			return joinAxes(w, "×", f)
		}
	}
	return fmt.Sprint(f(w.axes[0]))
}

// sizeWords is "12×14", or "14" for 1-D.
func (s *slide) sizeWords(h, w int) string {
	if s.w.dims == 1 {
		return fmt.Sprint(w)
	}
	return dims(h, w)
}

func (s *slide) inLabel() string {
	name := "padded input"
	if s.w.transposed {
		name = "spread, padded input"
	}
	fh, fw := s.fullCells(s.w.ax[0], s.ty), s.fullCells(s.w.ax[1], s.tx)
	if s.ty.cropped || s.tx.cropped {
		return fmt.Sprintf("%s: top-left %s of %s", name, s.sizeWords(s.ty.cells, s.tx.cells), s.sizeWords(fh, fw))
	}
	return fmt.Sprintf("%s %s", name, s.sizeWords(fh, fw))
}

// fullCells is the whole grid's size along a.
func (s *slide) fullCells(a axis, t track) int {
	if s.w.transposed {
		return (a.in-1)*a.s + 1 + 2*(a.d*(a.k-1)-a.before) + a.outPad
	}
	return a.before + a.in + a.after
}

func (s *slide) outSize() string { return s.sizeWords(s.ty.out, s.tx.out) }

func (s *slide) outLabel() string {
	if s.ty.cropped || s.tx.cropped {
		return fmt.Sprintf("output: first %s of %s", s.sizeWords(s.ty.outs, s.tx.outs), s.outSize())
	}
	return "output " + s.outSize()
}

func (s *slide) legend() string {
	parts := []string{"grey: padding", "blue: input", "orange: kernel taps", "pink: the output being computed"}
	if s.w.transposed {
		parts = append(parts[:2], append([]string{"dark: inserted zeros"}, parts[2:]...)...)
	}
	return strings.Join(parts, " · ")
}

// captionFor is the frame's sentence: which inputs output (oy, ox) reads,
// counted from 0 (PyTorch's indices).
func (s *slide) captionFor(oy, ox int) []string {
	rows := readRange(s.ty, oy)
	cols := readRange(s.tx, ox)
	if s.w.dims == 1 {
		return []string{fmt.Sprintf("output %d", ox), "reads input positions", cols}
	}
	return []string{fmt.Sprintf("output (%d, %d)", oy, ox), "reads input rows " + rows + ",", "columns " + cols}
}

// readRange is the input indices that window o of track t covers,
// "3–5", or "none (padding)".
func readRange(t track, o int) string {
	lo, hi := -1, -1
	for i := 0; i < t.span; i += t.d {
		if idx := t.index[o*t.step+i]; idx >= 0 {
			if lo < 0 {
				lo = idx
			}
			hi = idx
		}
	}
	switch {
	case lo < 0:
		return "none (padding)"
	case lo == hi:
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

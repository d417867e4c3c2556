package picture

import (
	"fmt"
	"strings"
)

// facts writes the numbers under a layer's picture: what one unit reads,
// the parameters, and the output size with the numbers put in.
func (c *canvas) facts(w window, enlarged bool) {
	lines := factLines(w)
	if enlarged {
		lines = append(lines, "sizes on a log scale; the smallest parts are drawn larger than to scale")
	} else {
		lines = append(lines, "sizes on a log scale")
	}
	y := float64(volumeH) - 24 - 25*float64(len(lines)-1)
	for i, l := range lines {
		st := textStyle{size: 16, col: theme.text}
		if i == len(lines)-1 {
			st.col, st.size = theme.muted, 14
		}
		c.text(28, y, l, st)
		y += 25
	}
}

// factLines are the picture's sentences, each number calc's.
func factLines(w window) []string {
	r := w.report
	var out []string
	kernel := kernelProduct(w)
	per := w.cin / w.groups
	switch {
	case w.pool:
		op := map[string]string{"maxpool": "the largest value", "avgpool": "the mean"}[w.kind]
		out = append(out, fmt.Sprintf("each output unit is %s of a %s window of its own channel: %d channels in, %d out",
			op, kernelWords(w), w.cin, w.cout),
			"no parameters: pooling has no weights")
	case w.transposed:
		out = append(out, fmt.Sprintf("one input unit is spread over a %s patch of each of the %d output channels, patches %s apart (the stride)",
			spanWords(w), w.cout/w.groups, strideWords(w)),
			fmt.Sprintf("weights %s·%d·%d = %s, + %s biases = %s parameters", kernel, w.cin, w.cout/w.groups,
				group(r.Weights), group(r.Biases), group(r.Params)))
	default:
		bias := ""
		if r.Biases > 0 {
			bias = " (+1 bias)"
		}
		perWords := fmt.Sprint(per)
		if w.groups > 1 {
			perWords = fmt.Sprintf("(%d/%d)", w.cin, w.groups)
		}
		out = append(out, fmt.Sprintf("one output unit reads %s·%s = %s inputs%s", kernel, perWords, group(r.Connections), bias))
		filters := fmt.Sprintf("%d filters → %d output channels", w.cout, w.cout)
		if w.depthwise {
			filters = fmt.Sprintf("%d filters, one per input channel → %d output channels", w.cout, w.cout)
		}
		out = append(out, fmt.Sprintf("%s; parameters %s·%d + %s = %s", filters, group(r.Connections), w.cout,
			group(r.Biases), group(r.Params)))
	}
	return append(out, sizeLines(w)...)
}

// kernelProduct is "3·3", or "5" for 1-D.
func kernelProduct(w window) string {
	if w.dims == 1 {
		return fmt.Sprint(w.ax[1].k)
	}
	return fmt.Sprintf("%d·%d", w.ax[0].k, w.ax[1].k)
}

func spanWords(w window) string {
	if w.dims == 1 {
		return fmt.Sprint(w.ax[1].span())
	}
	return dims(w.ax[0].span(), w.ax[1].span())
}

func strideWords(w window) string {
	if w.dims == 1 || w.ax[0].s == w.ax[1].s {
		return fmt.Sprint(w.ax[1].s)
	}
	return dims(w.ax[0].s, w.ax[1].s)
}

// sizeLines give the output size per axis with the numbers put in, one
// line for both axes when they are the same. An axis whose formula does
// not give calc's number (a case this file does not know) shows calc's
// number alone: the picture never shows a wrong sum.
func sizeLines(w window) []string {
	if w.noInput {
		return []string{"give an input size (… input 56x56) for the output size"}
	}
	names := []string{"height", "width"}
	if w.dims == 1 {
		return []string{"output length " + sizeFormula(w, w.ax[1])}
	}
	if w.ax[0] == w.ax[1] {
		return []string{"output height and width " + sizeFormula(w, w.ax[1])}
	}
	var parts []string
	for i, a := range w.ax {
		parts = append(parts, names[i]+" "+sizeFormula(w, a))
	}
	return []string{"output " + strings.Join(parts, ", ")}
}

// sizeFormula is "floor((56 + 2·1 − 3)/2) + 1 = 28" for axis a.
func sizeFormula(w window, a axis) string {
	kd := fmt.Sprint(a.k)
	if a.d > 1 {
		kd = fmt.Sprintf("%d·(%d−1) − 1", a.d, a.k)
	}
	var f string
	var v int
	switch {
	case w.transposed:
		f = fmt.Sprintf("(%d − 1)·%d − 2·%d + %d·(%d − 1) + %d + 1", a.in, a.s, a.before, a.d, a.k, a.outPad)
		v = (a.in-1)*a.s - 2*a.before + a.d*(a.k-1) + a.outPad + 1
	case a.before != a.after && !w.pool:
		f = fmt.Sprintf("ceil(%d/%d), \"same\" padding %d+%d", a.in, a.s, a.before, a.after)
		v = (a.in + a.s - 1) / a.s
	default:
		num := a.in + 2*a.before - a.span()
		f = fmt.Sprintf("floor((%d + 2·%d − %s)/%d) + 1", a.in, a.before, kd, a.s)
		if num >= 0 {
			v = num/a.s + 1
		}
	}
	if v != a.out {
		return fmt.Sprint(a.out)
	}
	return fmt.Sprintf("%s = %d", f, a.out)
}

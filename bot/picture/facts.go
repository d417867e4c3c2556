package picture

import (
	"fmt"
	"strings"
)

// factsTop is the highest baseline of the first line of facts.
const factsTop = 430

// facts writes the numbers under a layer's picture: what one unit reads,
// the parameters, and the output size with the numbers put in.
func (c *canvas) facts(lines []string, y float64, enlarged bool) {
	if enlarged {
		lines = append(lines, "sizes on a log scale; the smallest parts are drawn larger than to scale")
	} else {
		lines = append(lines, "sizes on a log scale")
	}
	for i, l := range lines {
		st := textStyle{size: 16, col: theme.text}
		if i == len(lines)-1 {
			st.col, st.size = theme.muted, 14
		}
		c.text(28, y, c.fit(l, volumeW-56, st), st)
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
		params := fmt.Sprintf("%s; parameters %s·%d + %s = %s", filters, group(r.Connections), w.cout,
			group(r.Biases), group(r.Params))
		if r.Biases == 0 {
			params = fmt.Sprintf("%s; parameters %s·%d = %s (no bias)", filters, group(r.Connections), w.cout, group(r.Params))
		}
		out = append(out, params)
	}
	return append(out, sizeLines(w)...)
}

// kernelProduct is "3·3", "5" for 1-D, "3·3·3" for 3-D.
func kernelProduct(w window) string { return joinAxes(w, "·", func(a axis) int { return a.k }) }

func spanWords(w window) string { return joinAxes(w, "×", axis.span) }

func strideWords(w window) string { return axisWords(w, func(a axis) int { return a.s }) }

// joinAxes is f of each of the layer's axes, joined by sep.
func joinAxes(w window, sep string, f func(axis) int) string {
	parts := make([]string, len(w.axes))
	for i, a := range w.axes {
		parts[i] = fmt.Sprint(f(a))
	}
	return strings.Join(parts, sep)
}

// axisNames are the axes' names by the layer's dimensions.
var axisNames = map[int][]string{1: {"length"}, 2: {"height", "width"}, 3: {"depth", "height", "width"}}

// sizeLines give the output size per axis with the numbers put in, one
// line for all axes when they are the same, else a line each. An axis whose formula does
// not give calc's number (a case this file does not know) shows calc's
// number alone: the picture never shows a wrong sum.
func sizeLines(w window) []string {
	if w.noInput {
		return []string{"give an input size (… input 56x56) for the output size"}
	}
	names := axisNames[w.dims]
	same := true
	for _, a := range w.axes {
		same = same && a == w.axes[0]
	}
	if same {
		all := strings.Join(names, " and ")
		if len(names) == 3 {
			all = "depth, height and width"
		}
		return []string{"output " + all + " " + sizeFormula(w, w.axes[0])}
	}
	lines := make([]string, len(w.axes))
	for i, a := range w.axes {
		lines[i] = "output " + names[i] + " " + sizeFormula(w, a)
	}
	return lines
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

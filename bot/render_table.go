package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// writeSummary writes a network's table — layer, output shape, params,
// MACs, receptive field and effective stride — then its totals.
func writeSummary(b *strings.Builder, r Reply, m markup, full bool) {
	s := r.Summary
	q := r.Question
	rows := [][]string{{"#", "layer", "output", "params", "MACs", "RF", "stride"}}
	for _, row := range s.Rows {
		name := row.Kind
		if full && row.Index-1 < len(q.Layers) {
			name = grammar.FormatLayer(q.Layers[row.Index-1].Layer)
		}
		macs := "–"
		if row.MACs > 0 {
			macs = group(row.MACs)
		}
		rf, stride := "–", "–"
		if row.Field != nil {
			rf, stride = windowText(row.Field)
		}
		rows = append(rows, []string{strconv.Itoa(row.Index), name, shapeText(row.Output), group(row.Params), macs, rf, stride})
	}
	if len(s.Rows) > 0 {
		b.WriteString(m.block(table(rows)))
		b.WriteString("\n")
	}
	if r.Err != nil {
		fmt.Fprintf(b, "%s\n", m.bold(fmt.Sprintf("Totals of the %d layers that fit:", len(s.Rows))))
	} else {
		fmt.Fprintf(b, "%s\n", m.bold("Totals:"))
	}
	if s.Input != nil {
		fmt.Fprintf(b, "• input %s → output %s\n", shapeText(s.Input), m.bold(shapeText(s.Output)))
	}
	fmt.Fprintf(b, "• learnable parameters: %s\n", m.bold(group(s.Params)))
	if s.Buffers > 0 {
		fmt.Fprintf(b, "• batch-norm running statistics (buffers, not learned): %s\n", group(s.Buffers))
	}
	if s.Input != nil {
		fmt.Fprintf(b, "• multiply-accumulates: %s (FLOPs ≈ 2 × MACs = %s)\n", m.bold(group(s.MACs)), group(2*s.MACs))
		fmt.Fprintf(b, "  ↳ MACs of conv and linear layers, bias excluded, as fvcore and torchvision count them\n")
	}
}

// windowText writes a receptive field and effective stride, one number
// when every dimension agrees.
func windowText(w []calc.Window) (string, string) {
	sizes := make([]string, len(w))
	strides := make([]string, len(w))
	for i, x := range w {
		sizes[i] = strconv.FormatInt(x.Size, 10)
		strides[i] = strconv.FormatInt(x.Stride, 10)
	}
	return collapse(sizes), collapse(strides)
}

func collapse(xs []string) string {
	for _, x := range xs[1:] {
		if x != xs[0] {
			return strings.Join(xs, "×")
		}
	}
	return xs[0]
}

// table aligns rows in columns: text left, numbers right.
func table(rows [][]string) string {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if i == 1 || i == 2 {
				line.WriteString(c + pad)
			} else {
				line.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

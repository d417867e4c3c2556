package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// compactTable is the most runes a network's table takes in a compact
// (Discord) answer: the deepest view of the blocks that fits is shown.
const compactTable = 1150

// writeSummary writes a network's table — layer, output shape, params,
// MACs, receptive field, effective stride (and padding, in full) — then its
// totals and memory. Blocks show as rows of their own above their layers,
// indented; q.Depth (or, in a compact answer, the room left) folds them.
func writeSummary(b *strings.Builder, r Reply, m markup, full bool) {
	s := r.Summary
	q := r.Question
	if asked(q, "preset") {
		fmt.Fprintf(b, "%s %s learnable parameters, %s MACs, output %s — ask `%s` for the table\n", m.bold("In short:"),
			m.bold(group(s.Params)), group(s.MACs), shapeText(s.Output), q.Asked[len(q.Asked)-1])
		return
	}
	if len(s.Rows) > 0 {
		t := newSummaryTable(r, full)
		maxDepth := s.MaxDepth()
		depth := maxDepth
		switch {
		case q.Depth > 0:
			depth = min(q.Depth, maxDepth)
		case !full:
			for depth > 1 && utf8.RuneCountInString(t.render(depth, 0)) > compactTable {
				depth--
			}
		}
		text := t.render(depth, 0)
		if !full {
			// Still too long: keep the first rows and the last ones (where a
			// failure shows), and say how many are left out.
			for keep := 24; keep > 4 && utf8.RuneCountInString(text) > compactTable; keep -= 2 {
				text = t.render(depth, keep)
			}
		}
		b.WriteString(m.block(text))
		b.WriteString("\n")
		if depth < maxDepth {
			fmt.Fprintf(b, "(blocks folded to depth %d of %d: their rows sum their layers; add `depth %d` to see more)\n", depth, maxDepth, maxDepth)
		}
		if full {
			b.WriteString("(RF: receptive field of one output on the input, in pixels; stride: effective stride; pad: effective padding — Distill 2019; through branches, the widest path)\n")
		} else {
			b.WriteString("(RF, stride: receptive field and effective stride on the input, Distill 2019)\n")
		}
	}
	if r.Err != nil {
		fmt.Fprintf(b, "%s\n", m.bold(fmt.Sprintf("Totals of the %d layers that fit:", topRows(s))))
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
	if s.Input == nil {
		return
	}
	fmt.Fprintf(b, "• multiply-accumulates: %s (FLOPs ≈ 2 × MACs = %s)\n", m.bold(group(s.MACs)), group(2*s.MACs))
	if full || r.Err == nil {
		fmt.Fprintf(b, "  ↳ MACs of conv and linear layers, bias excluded, as fvcore and torchvision count them\n")
	}
	mem, err := s.Memory(int64(q.Batch), 4)
	if err != nil || (!full && r.Err != nil) {
		return
	}
	fmt.Fprintf(b, "• memory, float32, batch %d, in MB (10⁶ bytes): forward activations %s, training %s, parameters %s, total %s\n",
		mem.Batch, mb(mem.Forward), m.bold(mb(mem.Training)), mb(mem.Params), mb(mem.Total))
	batch := map[bool]string{true: "", false: "; add `batch 64` for a batch"}[q.Batch > 1]
	if full {
		fmt.Fprintf(b, "  ↳ torchinfo's convention: activations are the outputs of the layers with parameters, kept twice while training (with their gradients); total = input %s + training + parameters%s\n",
			mb(mem.Input), batch)
	} else {
		fmt.Fprintf(b, "  ↳ torchinfo's convention (outputs of layers with parameters; ×2 to train)%s\n", batch)
	}
}

// topRows counts the top-level rows of s.
func topRows(s *calc.Summary) int {
	n := 0
	for _, row := range s.Rows {
		if row.Depth == 0 {
			n++
		}
	}
	return n
}

func asked(q *grammar.Question, what string) bool {
	for _, a := range q.Asked {
		if a == what {
			return true
		}
	}
	return false
}

// mb writes bytes as megabytes (10⁶ bytes) with two decimals, grouped.
func mb(bytes int64) string {
	hundredths := (bytes + 5000) / 10000
	return fmt.Sprintf("%s.%02d", group(hundredths/100), hundredths%100)
}

// summaryTable is a network's rows as cells, built once and shown at any
// depth.
type summaryTable struct {
	head  []string
	rows  [][]string
	depth []int
}

func newSummaryTable(r Reply, full bool) *summaryTable {
	s := r.Summary
	q := r.Question
	t := &summaryTable{head: []string{"#", "layer", "output", "params", "MACs", "RF", "stride"}}
	if full {
		t.head = append(t.head, "pad")
	}
	label := make([]byte, 0, 16)
	for _, row := range s.Rows {
		label = strconv.AppendInt(label[:0], int64(row.Index), 10)
		for _, p := range row.Path {
			label = append(label, '.')
			label = strconv.AppendInt(label, int64(p), 10)
		}
		var l calc.Layer
		if row.Index-1 < len(q.Layers) {
			l, _ = calc.At(q.Layers[row.Index-1].Layer, row.Path)
		}
		macs := "–"
		if row.MACs > 0 {
			macs = group(row.MACs)
		}
		rf, stride, pad := "–", "–", "–"
		if row.Field != nil {
			rf, stride, pad = windowText(row.Field)
		}
		cells := []string{string(label), strings.Repeat("  ", row.Depth) + rowName(row, l, full), shapeText(row.Output), group(row.Params), macs, rf, stride}
		if full {
			cells = append(cells, pad)
		}
		t.rows = append(t.rows, cells)
		t.depth = append(t.depth, row.Depth)
	}
	return t
}

// render writes the rows with depth below depth; keep > 0 keeps only the
// first keep/2 and the last keep/2 of them, with a line for those left out.
func (t *summaryTable) render(depth, keep int) string {
	rows := [][]string{t.head}
	for i, row := range t.rows {
		if t.depth[i] < depth {
			rows = append(rows, row)
		}
	}
	if keep > 0 && len(rows)-1 > keep {
		head, tail := keep/2, keep-keep/2
		left := len(rows) - 1 - keep
		gap := []string{"…", fmt.Sprintf("(%d rows)", left), "", "", "", "", ""}
		if len(t.head) > len(gap) {
			gap = append(gap, "")
		}
		rows = append(append(append([][]string{}, rows[:1+head]...), gap), rows[len(rows)-tail:]...)
	}
	return table(rows)
}

// rowName names a row: a block by its kind (and name), a layer by its
// kind, or in full by its canonical text with the sizes it took from the
// layer before written in.
func rowName(row calc.Row, l calc.Layer, full bool) string {
	switch row.Kind {
	case calc.KindShortcut, calc.KindBranch, calc.KindResidual, calc.KindConcat:
		return row.Kind
	case calc.KindRepeat:
		if rp, ok := l.(calc.Repeat); ok {
			return fmt.Sprintf("repeat ×%d", rp.Times)
		}
	case calc.KindBlock:
		if sq, ok := l.(calc.Sequence); ok && sq.Name != "" {
			if full {
				return "block " + sq.Name
			}
			return sq.Name
		}
	}
	if !full || l == nil || calc.IsBlock(row.Report) {
		return row.Kind
	}
	return grammar.FormatLayer(resolved(l, row.Input))
}

// resolved writes in the sizes a layer took from the one before it
// (conv 3x3 64 → conv 3x3 32->64).
func resolved(l calc.Layer, in calc.Shape) calc.Layer {
	if len(in) == 0 {
		return l
	}
	switch x := l.(type) {
	case calc.Conv:
		if x.In == 0 {
			x.In = in[0]
		}
		return x
	case calc.Linear:
		if x.In == 0 && len(in) == 1 {
			x.In = in[0]
		}
		return x
	case calc.BatchNorm:
		if x.C == 0 {
			x.C = in[0]
		}
		return x
	}
	return l
}

// windowText writes a receptive field, effective stride and effective
// padding, one number each when every dimension agrees.
func windowText(w []calc.Window) (string, string, string) {
	if len(w) == 0 {
		return "–", "–", "–"
	}
	sizes := make([]string, len(w))
	strides := make([]string, len(w))
	pads := make([]string, len(w))
	for i, x := range w {
		sizes[i] = strconv.FormatInt(x.Size, 10)
		strides[i] = strconv.FormatInt(x.Stride, 10)
		pads[i] = strconv.FormatInt(x.Pad, 10)
	}
	return collapse(sizes), collapse(strides), collapse(pads)
}

func collapse(xs []string) string {
	for _, x := range xs[1:] {
		if x != xs[0] {
			return strings.Join(xs, "×")
		}
	}
	return xs[0]
}

// table aligns rows in columns: the label, layer and shape left, numbers
// right.
func table(rows [][]string) string {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	line := make([]byte, 0, 128)
	spaces := func(n int) {
		for ; n > 0; n-- {
			line = append(line, ' ')
		}
	}
	for k, row := range rows {
		line = line[:0]
		for i, c := range row {
			pad := widths[i] - utf8.RuneCountInString(c)
			if i > 0 {
				spaces(2)
			}
			if i <= 2 {
				line = append(line, c...)
				spaces(pad)
			} else {
				spaces(pad)
				line = append(line, c...)
			}
		}
		for len(line) > 0 && line[len(line)-1] == ' ' {
			line = line[:len(line)-1]
		}
		if k > 0 {
			b.WriteByte('\n')
		}
		b.Write(line)
	}
	return b.String()
}

// explainMismatch rewrites the refusal of a network layer that does not
// take what arrives (a channel or input count that disagrees, a linear
// layer fed a map): it says what arrives, with the arithmetic, and gives the
// layer written to fit.
func explainMismatch(r *Reply, index int, ce *calc.Error) {
	q, s := r.Question, r.Summary
	if r.Err == nil || s == nil || s.Output == nil || index < 1 || index > len(q.Layers) {
		return
	}
	l := q.Layers[index-1].Layer
	arrives := s.Output
	from := fmt.Sprintf("the input has %s (%s)", group(int64(arrives[0])), shapeText(arrives))
	if len(arrives) == 1 {
		from = fmt.Sprintf("the input has %s", group(int64(arrives[0])))
	}
	var prev *calc.Row
	for i := len(s.Rows) - 1; i >= 0; i-- {
		if s.Rows[i].Depth == 0 {
			prev = &s.Rows[i]
			break
		}
	}
	if prev != nil {
		name := prev.Kind
		if prev.Index-1 < len(q.Layers) {
			name = grammar.FormatHead(resolved(q.Layers[prev.Index-1].Layer, prev.Input))
		}
		from = fmt.Sprintf("`%s` gives %s", name, shapeText(arrives))
		if prev.Kind == "flatten" && len(prev.Input) > 1 {
			parts := make([]string, len(prev.Input))
			for i, d := range prev.Input {
				parts[i] = strconv.Itoa(d)
			}
			from = fmt.Sprintf("flatten gives %s = %s", group(int64(arrives[0])), strings.Join(parts, "·"))
		}
	}
	var expects string
	var fixed calc.Layer
	switch x := l.(type) {
	case calc.Linear:
		if ce.Field == "input" && len(arrives) > 1 {
			n, err := arrives.Elements()
			if err != nil {
				return
			}
			x.In = int(n)
			r.Err.Msg = fmt.Sprintf("a linear layer takes a flat vector but %s", from)
			r.Err.Hint = fmt.Sprintf("put `flatten` before it, then `%s`", strings.TrimSuffix(grammar.FormatLayer(x), " bias"))
			return
		}
		if ce.Field != "in" || len(arrives) != 1 {
			return
		}
		expects = fmt.Sprintf("%s inputs", group(int64(x.In)))
		x.In = arrives[0]
		fixed = x
	case calc.Conv:
		if ce.Field != "in" || x.In == 0 {
			return
		}
		expects = fmt.Sprintf("%s input channels", group(int64(x.In)))
		x.In = arrives[0]
		fixed = x
	case calc.BatchNorm:
		if ce.Field != "in" {
			return
		}
		expects = fmt.Sprintf("%s channels", group(int64(x.C)))
		x.C = arrives[0]
		fixed = x
	default:
		return
	}
	r.Err.Msg = fmt.Sprintf("%s expects %s but %s", strings.Fields(grammar.FormatLayer(l))[0], expects, from)
	r.Err.Hint = fmt.Sprintf("use `%s` (or change the layers before it)", strings.TrimSuffix(grammar.FormatLayer(fixed), " bias"))
}

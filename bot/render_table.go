package bot

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

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
		// `show NAME`: the text is the answer; the whole answer (terminal,
		// attachment) adds the table of its top-level layers, receptive
		// field included, so the text can be read against the numbers.
		fmt.Fprintf(b, "%s %s learnable parameters, %s MACs, output %s — ask `%s` for the whole table\n", m.bold("In short:"),
			m.bold(group(s.Params)), group(s.MACs), shapeText(s.Output), q.Asked[len(q.Asked)-1])
		if full && len(s.Rows) > 0 {
			b.WriteByte('\n')
			writeTable(b, r, m, full)
		}
		return
	}
	if name, ok := presetName(r); ok {
		b.WriteString(presetTable(name, r, m, full))
	} else if len(s.Rows) > 0 {
		writeTable(b, r, m, full)
	}
	if r.Err != nil && len(s.Rows) == 0 {
		return // the first layer failed: nothing to add up
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
	if s.Input == nil && !macsKnown(s) {
		return
	}
	if flops, err := calc.FLOPs(s.MACs); err == nil {
		fmt.Fprintf(b, "• multiply-accumulates: %s (FLOPs ≈ 2 × MACs = %s)\n", m.bold(group(s.MACs)), group(flops))
	} else {
		fmt.Fprintf(b, "• multiply-accumulates: %s\n", m.bold(group(s.MACs)))
	}
	if full || r.Err == nil {
		fmt.Fprintf(b, "  ↳ MACs of conv and linear layers, bias excluded, as fvcore and torchvision count them\n")
	}
	if s.Input == nil {
		return // memory needs the activations' sizes
	}
	bytes, format := numberFormat(q)
	mem, err := s.Memory(int64(q.Batch), bytes)
	if err != nil || (!full && r.Err != nil) {
		return
	}
	fmt.Fprintf(b, "• memory, %s, batch %d, in MB (10⁶ bytes): forward activations %s, training %s, parameters %s, total %s\n",
		format, mem.Batch, mb(mem.Forward), m.bold(mb(mem.Training)), mb(mem.Params), mb(mem.Total))
	batch := map[bool]string{true: "", false: "; add `batch 64` for a batch"}[q.Batch > 1]
	if full {
		fmt.Fprintf(b, "  ↳ torchinfo's convention: activations are the outputs of the layers with parameters, kept twice while training (with their gradients); total = input %s + training + parameters%s\n",
			mb(mem.Input), batch)
	} else {
		fmt.Fprintf(b, "  ↳ torchinfo's convention (outputs of layers with parameters; ×2 to train)%s\n", batch)
	}
}

// writeTable writes r's network table (see writeSummary) and the notes
// under it.
func writeTable(b *strings.Builder, r Reply, m markup, full bool) {
	s, q := r.Summary, r.Question
	maxDepth := s.MaxDepth()
	depth := maxDepth
	switch {
	case q.Depth > 0:
		depth = min(q.Depth, maxDepth)
	case !full:
		// A table line takes at least 42 runes (the header's): skip the
		// depths that cannot fit before formatting any row.
		for depth > 1 && rowsAbove(s, depth) > compactTable/40 {
			depth--
		}
	}
	t := newSummaryTable(r, full, depth)
	if q.Depth == 0 && !full {
		for depth > 1 && t.size(depth, 0) > compactTable {
			depth--
		}
	}
	keep := 0
	if !full && t.size(depth, 0) > compactTable {
		// Still too long: keep the first rows and the last ones (where a
		// failure shows), and say how many are left out.
		keep = 24
		for keep > 4 && t.size(depth, keep) > compactTable {
			keep -= 2
		}
	}
	m.openBlock(b)
	limit := 0
	if full {
		limit = MaxAnswerBytes - 64<<10 // room for the totals after the table
	}
	t.render(b, depth, keep, m.indent, limit)
	m.closeBlock(b)
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

// presetTable is what writeTable writes for the preset name. It is
// rendered once per depth and medium and kept (see presetTables): a
// preset's layers never change, and its table is the longest most askers
// see. (Written on its own, the table's byte limit counts the table alone;
// the longest preset's, densenet201's, is about a tenth of it.)
func presetTable(name string, r Reply, m markup, full bool) string {
	key := presetTableKey{name: name, depth: r.Question.Depth, full: full, fence: m.fence, indent: m.indent}
	if text, ok := presetTables.get(key); ok {
		return text
	}
	var b strings.Builder
	writeTable(&b, r, m, full)
	presetTables.put(key, b.String())
	return b.String()
}

// presetName is the name of the preset r answers (see presetOf); ok is
// false for any other reply and for a refusal.
func presetName(r Reply) (name string, ok bool) {
	if r.Err != nil || r.Summary == nil || len(r.Summary.Rows) == 0 {
		return "", false
	}
	return presetOf(r.Question)
}

// presetOf is the canonical name of the preset q asks for by name, with
// or without settings ("resnet50 depth 2"): its canonical text starts with
// the name. ok is false for any other question.
func presetOf(q *grammar.Question) (name string, ok bool) {
	if q == nil || !q.Network {
		return "", false
	}
	name, _, _ = strings.Cut(q.Canonical, " ")
	_, canonical, ok := grammar.Preset(name)
	return name, ok && canonical == name
}

// presetTableKey is what a preset's table depends on: the preset, the
// depth asked for, and the medium.
type presetTableKey struct {
	name          string
	depth         int
	full          bool
	fence, indent string
}

// maxPresetTables bounds presetTables: 41 presets in two sizes and two
// media, and room for depths; past it the cache starts again.
const maxPresetTables = 512

// presetTables holds the presets' rendered tables.
var presetTables tableCache

// tableCache is a bounded map of rendered tables, safe for concurrent use.
type tableCache struct {
	mu     sync.Mutex
	tables map[presetTableKey]string
}

func (c *tableCache) get(k presetTableKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	text, ok := c.tables[k]
	return text, ok
}

func (c *tableCache) put(k presetTableKey, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tables == nil || len(c.tables) >= maxPresetTables {
		c.tables = make(map[presetTableKey]string)
	}
	c.tables[k] = text
}

// topRows counts the top-level rows of s.
func topRows(s *calc.Summary) int {
	n := 0
	for i := range s.Rows {
		row := &s.Rows[i]
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

// rowName names a row: a block by its kind (and name), a layer by its
// kind, or in full by its canonical text with the sizes it took from the
// layer before written in.
func rowName(row *calc.Row, l calc.Layer, full bool) string {
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
	if !full || l == nil || calc.IsBlock(*row.Report) {
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
// padding, each one number when every dimension agrees (see
// windowNumbers), or dashes when there is none.
func windowText(w []calc.Window) (string, string, string) {
	if len(w) == 0 {
		return "–", "–", "–"
	}
	return windowNumbers(w, func(w calc.Window) int64 { return w.Size }),
		windowNumbers(w, func(w calc.Window) int64 { return w.Stride }),
		windowNumbers(w, func(w calc.Window) int64 { return w.Pad })
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

// macsKnown reports whether every layer of s that computes has its
// multiply-accumulates known without an input size: a stack of fully
// connected layers ("mlp 784-256-64-10") has them, a conv does not.
func macsKnown(s *calc.Summary) bool {
	known := false
	for _, r := range s.Rows {
		if !r.Leaf() {
			continue
		}
		switch {
		case r.MACsKnown:
			known = true
		case r.Params > 0:
			return false
		}
	}
	return known
}

package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

// markup is how a medium marks text up; the terminal and Discord share one
// walk over a Reply (explain) and differ only here.
type markup struct {
	strong string // bold text is wrapped in it: "**" on Discord
	quote  string // code is wrapped in it: "`" on Discord
	fence  string // a preformatted block is fenced with it: "```" on Discord,
	indent string // or each of its lines indented with it: a terminal's 4 spaces
}

var plain = markup{indent: "    "}

// code marks s up as code.
func (m markup) code(s string) string {
	var b strings.Builder
	m.writeCode(&b, s)
	return b.String()
}

// writeCode writes s to b, marked up as code.
func (m markup) writeCode(b *strings.Builder, s string) {
	if m.quote == "" {
		b.WriteString(s)
		return
	}
	b.WriteString(m.quote)
	if strings.Contains(s, m.quote) {
		s = strings.ReplaceAll(s, m.quote, "'")
	}
	b.WriteString(s)
	b.WriteString(m.quote)
}

// block marks s up as a preformatted block.
func (m markup) block(s string) string {
	var b strings.Builder
	m.writeBlock(&b, s)
	return b.String()
}

// writeBlock writes s to b, marked up as a preformatted block.
func (m markup) writeBlock(b *strings.Builder, s string) {
	m.openBlock(b)
	if m.fence != "" && strings.Contains(s, m.fence) {
		s = strings.ReplaceAll(s, m.fence, strings.Repeat("'", len(m.fence)))
	}
	writeIndented(b, s, m.indent)
	m.closeBlock(b)
}

// openBlock and closeBlock frame a preformatted block written between them
// (its lines indented with m.indent).
func (m markup) openBlock(b *strings.Builder) {
	if m.fence != "" {
		b.WriteString(m.fence)
		b.WriteByte('\n')
	}
}

func (m markup) closeBlock(b *strings.Builder) {
	if m.fence != "" {
		b.WriteByte('\n')
		b.WriteString(m.fence)
	}
}

// bold marks s up as bold.
func (m markup) bold(s string) string {
	if m.strong == "" {
		return s
	}
	return m.strong + s + m.strong
}

// writeBold writes s to b, marked up as bold.
func (m markup) writeBold(b *strings.Builder, s string) {
	b.WriteString(m.strong)
	b.WriteString(s)
	b.WriteString(m.strong)
}

// writeBoldGroup writes n to b, grouped and marked up as bold.
func (m markup) writeBoldGroup(b *strings.Builder, n int64) {
	b.WriteString(m.strong)
	writeGroup(b, n)
	b.WriteString(m.strong)
}

// explain renders a whole reply: what was understood, then the numbers with
// their worked steps (or the table for a network), then any refusal.
func explain(r Reply, m markup, full bool) string {
	return strings.TrimRight(explainLines(r, m, full), "\n")
}

// explainLines is explain's text ending with one newline (a network's
// answer is long: the terminal's copy is not copied again to add it).
func explainLines(r Reply, m markup, full bool) string {
	var b strings.Builder
	b.Grow(2048) // a layer's answer; a network's grows from there
	writeExplained(&b, r, m, full)
	s := b.String()
	if t := strings.TrimRight(s, "\n"); len(t) < len(s) {
		return s[:len(t)+1]
	}
	b.WriteByte('\n')
	return b.String()
}

func writeExplained(b *strings.Builder, r Reply, m markup, full bool) {
	if r.Err != nil && r.Question == nil {
		writeError(b, r, m)
		return
	}
	q := r.Question
	writeUnderstood(b, q, m, full)
	writeAsked(b, r, m)
	switch {
	case q.Solve != nil && len(r.Reports) == 0 && r.Summary == nil:
		writeSolved(b, q.Solve, m)
	case r.Summary != nil:
		writeSummary(b, r, m, full)
	default:
		for i, rep := range r.Reports {
			if len(r.Reports) > 1 {
				fmt.Fprintf(b, "%s\n", m.bold(fmt.Sprintf("Layer %d: %s", i+1, grammar.FormatLayer(q.Layers[i].Layer))))
			}
			writeReport(b, rep, q, i, m)
		}
		writeReportTotals(b, r.Reports, m)
		if q.Solve != nil {
			writeSolved(b, q.Solve, m)
		}
	}
	if r.Err != nil {
		if !strings.HasSuffix(b.String(), "\n\n") {
			b.WriteString("\n")
		}
		writeError(b, r, m)
	}
}

// compactLines is how many lines of a long question a compact answer
// echoes.
const compactLines = 8

func writeUnderstood(b *strings.Builder, q *grammar.Question, m markup, full bool) {
	if q.Canonical != "" {
		m.writeBold(b, "Understood as:")
		if strings.Contains(q.Canonical, "\n") {
			text, more := q.Canonical, 0
			if !full {
				text, more = echoed(q)
			}
			if more > 0 {
				text += fmt.Sprintf("\n… (%d more lines)", more)
			}
			b.WriteByte('\n')
			m.writeBlock(b, text)
		} else {
			b.WriteByte(' ')
			m.writeCode(b, q.Canonical)
		}
		b.WriteByte('\n')
	}
	for _, n := range q.Notes {
		fmt.Fprintf(b, "(%s)\n", n)
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
}

// echoed is as much of a long question's text as a compact answer echoes,
// and how many lines it leaves out: compactLines lines, or for "show
// resnet18" as many as fit.
func echoed(q *grammar.Question) (string, int) {
	text := q.Canonical
	lines := strings.Count(text, "\n") + 1
	if lines <= compactLines+2 {
		return text, 0
	}
	// end is where line keep starts (after its newline).
	end := 0
	for range compactLines {
		end += strings.IndexByte(text[end:], '\n') + 1
	}
	keep := compactLines
	if asked(q, "preset") {
		for n := 0; keep < lines; keep++ {
			next := len(text)
			if i := strings.IndexByte(text[end:], '\n'); i >= 0 {
				next = end + i
			}
			if n+next-end >= 1300 {
				break
			}
			n += next - end + 1
			end = min(next+1, len(text))
		}
	}
	return strings.TrimSuffix(text[:end], "\n"), lines - keep
}

// writeReportTotals adds up several layers asked about together (a paste
// without an input size): the total is usually what was asked.
func writeReportTotals(b *strings.Builder, reports []calc.Report, m markup) {
	if len(reports) < 2 {
		return
	}
	t, err := calc.Sum(reports)
	if err != nil {
		return
	}
	fmt.Fprintf(b, "%s learnable parameters %s", m.bold(fmt.Sprintf("Totals of the %d layers:", len(reports))), m.bold(group(t.Params)))
	if t.Buffers > 0 {
		fmt.Fprintf(b, ", batch-norm running statistics %s", group(t.Buffers))
	}
	if t.MACsKnown {
		fmt.Fprintf(b, ", multiply-accumulates %s", group(t.MACs))
	}
	b.WriteString("\n  ↳ give an input size (a first line such as input 32x32x3) for the output shapes and the full table\n")
}

// writeReport writes one layer's steps in calc's order, which is the order
// design.md §4 asks for.
func writeReport(b *strings.Builder, rep calc.Report, q *grammar.Question, i int, m markup) {
	first, n, square := dimSteps(rep.Steps)
	shapeDone := n == 0 || rep.Output == nil
	for k, st := range rep.Steps {
		if !shapeDone && pastDims(st) {
			writeShapeLine(b, rep, m)
			shapeDone = true
		}
		if square != "" && k >= first && k < first+n {
			if k == first {
				st.Quantity = square
				writeStep(b, st, m)
			}
			continue
		}
		writeStep(b, st, m)
	}
	if !shapeDone {
		writeShapeLine(b, rep, m)
	}
	if rep.Output == nil && rep.Input == nil && hasOutputFormula(rep.Kind) {
		example := grammar.FormatLayer(q.Layers[i].Layer) + " input " + exampleInput(rep.Kind)
		fmt.Fprintf(b, "• output size: needs an input size — ask %s\n", m.code(example))
		fmt.Fprintf(b, "  ↳ out = floor((in + 2·p − d·(k − 1) − 1) / s) + 1, per dimension\n")
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(b, "  ↳ %s\n", n)
	}
}

// dimSteps finds the output-size steps (one per dimension, together) of
// steps: where they start and how many there are. When every dimension's
// arithmetic is the same (a square layer on a square input), square names
// them together ("output height and width"), to be written once.
func dimSteps(steps []calc.Step) (first, n int, square string) {
	first = -1
	for i, st := range steps {
		if isDimStep(st) {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n < 2 {
		return first, n, ""
	}
	dims := steps[first : first+n]
	for _, st := range dims[1:] {
		if st.Result != dims[0].Result || st.Note != dims[0].Note || len(st.Values) != len(dims[0].Values) {
			return first, n, ""
		}
		for j := 1; j < len(st.Values); j++ { // the first value is the input size
			if st.Values[j] != dims[0].Values[j] || st.Values[0].Value != dims[0].Values[0].Value {
				return first, n, ""
			}
		}
	}
	word := func(i int) string { return strings.TrimPrefix(dims[i].Quantity, "output ") }
	switch {
	case n == 2 && word(0) == "height" && word(1) == "width":
		return first, n, "output height and width"
	case n == 3 && word(0) == "depth" && word(1) == "height" && word(2) == "width":
		return first, n, "output depth, height and width"
	}
	switch n {
	case 2:
		return first, n, "output " + word(0) + " and " + word(1)
	case 3:
		return first, n, "output " + word(0) + ", " + word(1) + " and " + word(2)
	}
	words := make([]string, n)
	for i := range dims {
		words[i] = word(i)
	}
	return first, n, "output " + strings.Join(words[:n-1], ", ") + " and " + words[n-1]
}

func isDimStep(st calc.Step) bool {
	switch st.Quantity {
	case "output length", "output depth", "output height", "output width":
		return true
	}
	return false
}

// pastDims reports whether st comes after the output-size steps.
func pastDims(st calc.Step) bool {
	switch st.Quantity {
	case "output neurons", "multiply-accumulates":
		return true
	}
	return false
}

func hasOutputFormula(kind string) bool {
	return strings.HasPrefix(kind, "conv") || strings.HasPrefix(kind, "deconv") || strings.HasSuffix(kind, "pool")
}

func exampleInput(kind string) string {
	switch {
	case strings.HasSuffix(kind, "1d"):
		return "100"
	case strings.HasSuffix(kind, "3d"):
		return "16x112x112"
	}
	return "56x56"
}

func writeShapeLine(b *strings.Builder, rep calc.Report, m markup) {
	b.WriteString("• output shape: ")
	var buf [48]byte
	b.WriteString(m.strong)
	b.Write(appendShape(buf[:0], rep.Output))
	b.WriteString(m.strong)
	if legend := shapeLegend(rep.Output); legend != "" && rep.Output[0] != 0 {
		b.WriteByte(' ')
		b.WriteString(legend)
	}
	b.WriteByte('\n')
}

func shapeLegend(s calc.Shape) string {
	switch len(s) {
	case 2:
		return "(C×L)"
	case 3:
		return "(C×H×W)"
	case 4:
		return "(C×D×H×W)"
	}
	return ""
}

// writeStep writes "quantity = formula = numbers = result" and its note.
func writeStep(b *strings.Builder, st calc.Step, m markup) {
	// Written piece by piece, not with Fprintf: this runs for every step
	// of every answer.
	b.WriteString("• ")
	b.WriteString(st.Quantity)
	b.WriteString(" = ")
	switch {
	case len(st.Values) == 0:
	case len(st.Values) == 1 && st.Formula == st.Values[0].Name:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
	default:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
		substitute(b, st.Formula, st.Values)
		b.WriteString(" = ")
	}
	m.writeBoldGroup(b, st.Result)
	b.WriteByte('\n')
	if st.Note != "" {
		b.WriteString("  ↳ ")
		b.WriteString(st.Note)
		b.WriteByte('\n')
	}
}

// substitute writes formula to b with every name bound in vals replaced
// by its value, grouped.
func substitute(b *strings.Builder, formula string, vals []calc.Binding) {
	lit := 0 // formula[lit:i] is still to write as it is
	for i := 0; i < len(formula); {
		switch identClass[formula[i]] {
		case identOther, identDigit:
			i++
			continue
		case identMulti:
			// The formulas' operators, · and −, without decoding.
			if op := operatorAt(formula, i); op > 0 {
				i += op
				continue
			}
			r, size := utf8.DecodeRuneInString(formula[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
		}
		j := identEnd(formula, i)
		name := formula[i:j]
		for _, v := range vals {
			if v.Name == name {
				b.WriteString(formula[lit:i])
				writeGroup(b, v.Value)
				lit = j
				break
			}
		}
		i = j
	}
	b.WriteString(formula[lit:])
}

// identClass sorts the bytes of a formula: a name starts with a letter or
// "_" and goes on with those and digits; a byte of a longer rune needs the
// rune decoded.
var identClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = identMulti
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
			t[c] = identStart
		case '0' <= c && c <= '9':
			t[c] = identDigit
		}
	}
	return t
}()

const (
	identOther = iota
	identStart
	identDigit
	identMulti
)

// operatorAt is the length of the · or − at s[i], or 0.
func operatorAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "·"):
		return len("·")
	case strings.HasPrefix(s[i:], "−"):
		return len("−")
	}
	return 0
}

// identEnd is where the name starting at s[i] ends.
func identEnd(s string, i int) int {
	for i < len(s) {
		switch identClass[s[i]] {
		case identStart, identDigit:
			i++
		case identMulti:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

func writeSolved(b *strings.Builder, s *calc.Solved, m markup) {
	if s.Question != "" {
		fmt.Fprintf(b, "%s %s\n", m.bold("Question:"), s.Question)
	}
	for _, st := range s.Steps {
		if len(st.Values) == 0 && st.Formula != "" {
			fmt.Fprintf(b, "• %s: %s\n", st.Quantity, st.Formula)
			if st.Note != "" {
				fmt.Fprintf(b, "  ↳ %s\n", st.Note)
			}
			continue
		}
		writeStep(b, st, m)
	}
	values := make([]string, len(s.Solutions))
	for i, v := range s.Solutions {
		values[i] = group(v)
		if s.Second != "" && i < len(s.Seconds) {
			with := make([]string, len(s.Seconds[i]))
			for j, w := range s.Seconds[i] {
				with[j] = group(w)
			}
			values[i] += fmt.Sprintf(" (with %s %s)", s.Second, strings.Join(with, " or "))
		}
	}
	switch len(values) {
	case 0:
		fmt.Fprintf(b, "%s no %s from %s to %s works\n", m.bold("Answer:"), s.Unknown, group(s.Min), group(s.Max))
	case 1:
		fmt.Fprintf(b, "%s %s = %s\n", m.bold("Answer:"), s.Unknown, m.bold(values[0]))
	default:
		fmt.Fprintf(b, "%s %s = %s (every value that works)\n", m.bold("Answer:"), s.Unknown, m.bold(strings.Join(values, ", ")))
	}
}

func writeError(b *strings.Builder, r Reply, m markup) {
	e := r.Err
	if r.Internal {
		fmt.Fprintf(b, "Sorry — %s.\n", e.Msg)
		return
	}
	where := ""
	if e.Layer > 0 && r.Question != nil && e.Layer <= len(r.Question.Layers) {
		where = fmt.Sprintf("layer %d (%s): ", e.Layer, grammar.FormatHead(r.Question.Layers[e.Layer-1].Layer))
	}
	at := ""
	if e.Line > 0 {
		at = fmt.Sprintf(" (line %d, column %d)", e.Line, e.Col)
	}
	fmt.Fprintf(b, "%s %s%s\n", m.bold("I can't answer that as written"+at+":"), where, e.Msg)
	if snip := e.Snippet(r.Text); snip != "" {
		fmt.Fprintf(b, "%s\n", m.block(snip))
	}
	if e.Hint != "" {
		if strings.Contains(e.Hint, "\n") {
			fmt.Fprintf(b, "%s\n%s\n", m.bold("Try:"), m.block(e.Hint))
		} else {
			fmt.Fprintf(b, "%s %s\n", m.bold("Try:"), e.Hint)
		}
	}
}

// shapeText writes a shape as 64×28×28; an unknown channel count (0) is
// left out, since pooling works channel by channel.
func shapeText(s calc.Shape) string {
	if s == nil {
		return "?"
	}
	parts := []string{}
	for i, d := range s {
		if i == 0 && d == 0 && len(s) > 1 {
			continue
		}
		parts = append(parts, strconv.Itoa(d))
	}
	text := strings.Join(parts, "×")
	if len(s) > 1 && s[0] == 0 {
		text += " per channel"
	}
	return text
}

// group writes n with thousands separators: 18,496.
func group(n int64) string {
	var buf [32]byte
	return string(appendGroup(buf[:0], n))
}

// writeGroup writes n to b with thousands separators.
func writeGroup(b *strings.Builder, n int64) {
	var buf [32]byte
	b.Write(appendGroup(buf[:0], n))
}

// appendGroup appends n to dst with thousands separators.
func appendGroup(dst []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		dst = append(dst, "−"...)
		u = -u // also right for math.MinInt64
	}
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], u, 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, c)
	}
	return dst
}

// writeIndented writes s to b with prefix before each of its lines.
func writeIndented(b *strings.Builder, s, prefix string) {
	if prefix == "" {
		b.WriteString(s)
		return
	}
	b.Grow(len(s) + len(prefix)*(strings.Count(s, "\n")+1))
	for {
		b.WriteString(prefix)
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
}

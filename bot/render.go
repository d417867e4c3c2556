package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

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

// writeExplained writes a reply in design.md §4's order: the numbers the
// reading left unexplained and its other doubts (a misreading shows
// there, and a doubt covers the fix too), a fix to the asker's code, the
// answer to what was asked, what was understood, then the working.
func writeExplained(b *strings.Builder, r Reply, m markup, full bool) {
	if len(r.Answers) > 0 {
		writeAnswers(b, r, m, full)
		return
	}
	if r.Err != nil && r.Question == nil {
		writeError(b, r, m)
		return
	}
	q := r.Question
	writeUnsure(b, q, m)
	writeAsked(b, r, m) // the first line answers what was asked (design.md §4); the fix of the code follows
	writeFix(b, q, m)
	writeUnderstood(b, q, m, full)
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

// writeAnswers writes the replies to a message that held several
// questions, each under its number.
func writeAnswers(b *strings.Builder, r Reply, m markup, full bool) {
	writeAnswersUnsure(b, r, m)
	if !writeCompared(b, r, m) {
		writeAnswersFirst(b, r, m)
	}
	for i, a := range r.Answers {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%s\n", m.bold(fmt.Sprintf("Question %d of %d", i+1, len(r.Answers))))
		writeExplained(b, a, m, full)
	}
}

// writeAnswersUnsure says first when a question of several is not read
// with confidence (or not answered): its "Not sure" would otherwise sit
// under its number, below the first line.
func writeAnswersUnsure(b *strings.Builder, r Reply, m markup) {
	var which []string
	for i, a := range r.Answers {
		if a.Err != nil || unsure(a.Question) {
			which = append(which, fmt.Sprint(i+1))
		}
	}
	if len(which) == 0 {
		return
	}
	noun := "question"
	if len(which) > 1 {
		noun = "questions"
	}
	fmt.Fprintf(b, "%s %s %s of %d: see below.\n\n", m.bold("Not sure I read this right:"), noun, strings.Join(which, " and "), len(r.Answers))
}

// unsure reports whether a reading leaves something of its question
// unexplained: a number, a quantity asked, a layer named.
func unsure(q *grammar.Question) bool {
	if q == nil {
		return false
	}
	if len(q.Doubts) > 0 {
		return true
	}
	for _, u := range q.Unused {
		if u.Why == "" {
			return true
		}
	}
	return false
}

// answersJSON is the JSON of a message that held several questions:
// {"ok": true, "answers": [...]}, one answer or refusal each (design.md §3).
func answersJSON(r Reply) any {
	answers := make([]json.RawMessage, len(r.Answers))
	for i, a := range r.Answers {
		answers[i] = json.RawMessage(bytes.TrimSpace(RenderJSON(a)))
	}
	return struct {
		OK      bool              `json:"ok"`
		Answers []json.RawMessage `json:"answers"`
	}{true, answers}
}

// writeFix writes the corrected line of the asker's own code, first: it is
// what they came for.
func writeFix(b *strings.Builder, q *grammar.Question, m markup) {
	if q.Fix == nil {
		return
	}
	fmt.Fprintf(b, "%s ", m.bold("Fix:"))
	m.writeCode(b, q.Fix.Line)
	if q.Fix.Why != "" {
		fmt.Fprintf(b, " — %s", m.prose(q.Fix.Why))
	}
	b.WriteString("\n\n")
}

// writeUnsure says first, on one line, what the reading leaves of the
// question unexplained: its doubts, and the numbers it did not use and
// cannot explain. The reading may not be the question asked. One line
// keeps the answer near the top however many doubts there are.
func writeUnsure(b *strings.Builder, q *grammar.Question, m markup) {
	reasons := slices.Clone(q.Doubts)
	var left []string
	for _, u := range q.Unused {
		if u.Why == "" {
			left = append(left, u.Text)
		}
	}
	switch len(left) {
	case 0:
	case 1:
		reasons = append(reasons, left[0]+" is not used in this reading, and I cannot tell what it is for")
	default:
		reasons = append(reasons, strings.Join(left, ", ")+" are not used in this reading, and I cannot tell what they are for")
	}
	if len(reasons) == 0 {
		return
	}
	fmt.Fprintf(b, "%s %s: check “Understood as” below, and rephrase if it is not your question.\n\n", m.bold("Not sure I read this right:"), m.prose(strings.Join(reasons, "; ")))
}

// compactLines is how many lines of a long question a compact answer
// echoes.
const compactLines = 8

func writeUnderstood(b *strings.Builder, q *grammar.Question, m markup, full bool) {
	start := b.Len()
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
		if q.Fix != nil && strings.HasPrefix(n, "fix: ") {
			continue // the fix is the reply's first line
		}
		fmt.Fprintf(b, "(%s)\n", m.prose(n))
	}
	for _, u := range q.Unused {
		if u.Why != "" {
			fmt.Fprintf(b, "(%s)\n", m.prose(u.Text+" not used: "+u.Why))
		}
	}
	if b.Len() > start {
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
	m.writeBold(b, shapeText(rep.Output))
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
	writeSolvedAnswer(b, s, solvedValues(s), m)
}

// solvedValues writes the values that solve s, each with its second
// unknown's values.
func solvedValues(s *calc.Solved) []string {
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
	return values
}

// writeSolvedAnswer writes the answer line of an inverse question.
func writeSolvedAnswer(b *strings.Builder, s *calc.Solved, values []string, m markup) {
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
	fmt.Fprintf(b, "%s %s\n", m.bold("I can't answer that as written"+at+":"), m.prose(where+e.Msg))
	if snip := e.Snippet(r.Text); snip != "" {
		fmt.Fprintf(b, "%s\n", m.block(snip))
	}
	if e.Hint != "" {
		if strings.Contains(e.Hint, "\n") {
			fmt.Fprintf(b, "%s\n%s\n", m.bold("Try:"), m.block(e.Hint))
		} else {
			fmt.Fprintf(b, "%s %s\n", m.bold("Try:"), m.prose(e.Hint))
		}
	}
}

package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
)

// summaryTable is a network's rows as cells of text — #, layer, output,
// params, MACs, RF, stride (and pad, in full) — built once and shown at
// any depth up to the one it was built for.
type summaryTable struct {
	head  []string
	rows  [][]string
	depth []int // each row's depth
}

// rowsAbove counts the rows of s shown at depth.
func rowsAbove(s *calc.Summary, depth int) int {
	n := 0
	for i := range s.Rows {
		if s.Rows[i].Depth < depth {
			n++
		}
	}
	return n
}

// newSummaryTable formats the rows of r's summary shown at depth.
func newSummaryTable(r Reply, full bool, depth int) *summaryTable {
	s, q := r.Summary, r.Question
	t := &summaryTable{head: []string{"#", "layer", "output", "params", "MACs", "RF", "stride"}}
	if full {
		t.head = append(t.head, "pad")
	}
	n := rowsAbove(s, depth)
	t.rows, t.depth = make([][]string, 0, n), make([]int, 0, n)
	for i := range s.Rows {
		row := &s.Rows[i]
		if row.Depth >= depth {
			continue
		}
		var l calc.Layer
		if row.Index-1 < len(q.Layers) {
			l, _ = calc.At(q.Layers[row.Index-1].Layer, row.Path)
		}
		macs := "–"
		if row.MACs > 0 {
			macs = group(row.MACs)
		}
		cells := make([]string, 0, len(t.head))
		cells = append(cells, rowNumber(row), spaces(2*row.Depth)+short(rowName(row, l, full), maxName),
			shapeText(row.Output), group(row.Params), macs)
		size, stride, pad := windowText(row.Field)
		cells = append(cells, size, stride)
		if full {
			cells = append(cells, pad)
		}
		t.rows = append(t.rows, cells)
		t.depth = append(t.depth, row.Depth)
	}
	return t
}

// rowNumber numbers a row: 3, or 3.1.2 inside blocks.
func rowNumber(row *calc.Row) string {
	if len(row.Path) == 0 {
		return strconv.Itoa(row.Index)
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(row.Index))
	for _, p := range row.Path {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(p))
	}
	return b.String()
}

// maxName is the most runes of a layer's or block's name a table shows:
// a name is the asker's to choose, and a table repeats it on every row.
const maxName = 48

// short cuts s to at most n runes, with an ellipsis.
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// windowNumbers writes one of a field's numbers (pick) as text: one
// number when every dimension agrees, else one per dimension (3×5).
func windowNumbers(field []calc.Window, pick func(calc.Window) int64) string {
	same := true
	for _, w := range field[1:] {
		same = same && pick(w) == pick(field[0])
	}
	if same {
		return strconv.FormatInt(pick(field[0]), 10)
	}
	parts := make([]string, len(field))
	for i, w := range field {
		parts[i] = strconv.FormatInt(pick(w), 10)
	}
	return strings.Join(parts, "×")
}

// visible lists the rows with depth below depth, and says how many there
// are; keep > 0 keeps only the first keep/2 and the last keep/2 of them,
// with a line for those left out (-1 in the list).
func (t *summaryTable) visible(depth, keep int) (idx []int, rows int) {
	for i, d := range t.depth {
		if d < depth {
			idx = append(idx, i)
		}
	}
	rows = len(idx)
	if keep > 0 && len(idx) > keep {
		head, tail := keep/2, keep-keep/2
		idx = append(append(idx[:head:head], -1), idx[len(idx)-tail:]...)
	}
	return idx, rows
}

// size is about how many runes render(depth, keep) writes.
func (t *summaryTable) size(depth, keep int) int {
	idx, _ := t.visible(depth, keep)
	line := 0
	for _, w := range t.widths(idx) {
		line += w + 2
	}
	return (len(idx) + 1) * (line - 1)
}

// widths is the width of each column over the rows idx lists.
func (t *summaryTable) widths(idx []int) []int {
	widths := make([]int, len(t.head))
	for i, h := range t.head {
		widths[i] = utf8.RuneCountInString(h)
	}
	for _, k := range idx {
		if k < 0 {
			continue
		}
		for i, c := range t.rows[k] {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	return widths
}

// render writes to b the rows visible at depth (see visible), each line
// after prefix: the first three columns aligned left, the numbers right.
// Once b holds limit bytes, it writes no more rows but a line saying how
// many it cut (limit ≤ 0: no limit).
func (t *summaryTable) render(b *strings.Builder, depth, keep int, prefix string, limit int) {
	idx, rows := t.visible(depth, keep)
	widths := t.widths(idx)
	width := len(prefix) + 1
	for _, w := range widths {
		width += w + 2
	}
	b.Grow((len(idx) + 1) * width) // about: a rune may take more bytes
	line := func(cells []string) {
		b.WriteString(prefix)
		for i, c := range cells {
			pad := max(0, widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i > 2 { // numbers, aligned right
				b.WriteString(spaces(pad))
			}
			b.WriteString(c)
			if i <= 2 && i < len(cells)-1 { // text, aligned left; no trailing spaces
				b.WriteString(spaces(pad))
			}
		}
	}
	line(t.head)
	for n, k := range idx {
		b.WriteByte('\n')
		switch {
		case limit > 0 && b.Len() >= limit:
			fmt.Fprintf(b, "%s… (%s more rows cut: an answer holds at most %s)", prefix, group(int64(len(idx)-n)), byteSize(MaxAnswerBytes))
			return
		case k < 0:
			line([]string{"…", fmt.Sprintf("(%d rows)", rows-(len(idx)-1))})
		default:
			line(t.rows[k])
		}
	}
}

// spaces is n spaces.
func spaces(n int) string {
	const blank = "                                                                "
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

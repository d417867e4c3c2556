package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
)

// summaryTable is a network's rows as cells — #, layer, output, params,
// MACs, RF, stride (and pad, in full) — built once and shown at any depth.
// Every cell's text sits in one buffer: ResNet-152 has 515 rows.
type summaryTable struct {
	head  []string
	cols  int
	text  []byte // the cells' text, one after another
	cells []cell // cols per row
	depth []int  // each row's depth
	input []calc.Shape

	scratch []int // visible's list
}

// cell is the text of one cell, text[start:end], and its width in runes.
type cell struct{ start, end, width int32 }

// rowsAbove counts the rows of s shown at depth.
func rowsAbove(s *calc.Summary, depth int) int {
	n := 0
	for i := range s.Rows {
		row := &s.Rows[i]
		if row.Depth < depth {
			n++
		}
	}
	return n
}

// newSummaryTable formats the rows of r's summary shown at depth.
func newSummaryTable(r Reply, full bool, depth int) *summaryTable {
	s := r.Summary
	q := r.Question
	t := &summaryTable{head: []string{"#", "layer", "output", "params", "MACs", "RF", "stride"}}
	if full {
		t.head = append(t.head, "pad")
	}
	t.cols = len(t.head)
	shown := rowsAbove(s, depth)
	t.text = make([]byte, 0, shown*t.cols*12) // about what ResNet-152's rows take
	t.cells = make([]cell, 0, shown*t.cols)
	t.depth, t.input = make([]int, 0, shown), make([]calc.Shape, 0, shown)
	dash := t.add("–")
	// Rows repeat (a repeat's passes, ResNet's identical blocks): write each
	// layer's name once. names[l] is the row that first showed layer l: a
	// later row of the same layer at the same depth, on the same input, has
	// its name.
	names := make(map[*calc.Layer]int, shown)
	for i := range s.Rows {
		row := &s.Rows[i]
		if row.Depth >= depth {
			continue
		}
		n := len(t.depth)

		start := len(t.text)
		t.text = strconv.AppendInt(t.text, int64(row.Index), 10)
		for _, p := range row.Path {
			t.text = append(t.text, '.')
			t.text = strconv.AppendInt(t.text, int64(p), 10)
		}
		t.cells = append(t.cells, t.cell(start))

		var lp *calc.Layer
		if row.Index-1 < len(q.Layers) {
			lp = layerAt(&q.Layers[row.Index-1].Layer, row.Path)
		}
		if k, ok := names[lp]; ok && lp != nil && t.depth[k] == row.Depth && t.input[k].Equal(row.Input) {
			t.cells = append(t.cells, t.cells[k*t.cols+1])
		} else {
			var l calc.Layer
			if lp != nil {
				l = *lp
			} else if row.Index-1 < len(q.Layers) {
				l, _ = calc.At(q.Layers[row.Index-1].Layer, row.Path)
			}
			start := len(t.text)
			t.text = append(t.text, indentDepth(row.Depth)...)
			t.text = appendShort(t.text, rowName(row, l, full), maxName)
			t.cells = append(t.cells, t.cell(start))
			if lp != nil && !ok {
				names[lp] = n
			}
		}

		start = len(t.text)
		t.text = appendShape(t.text, row.Output)
		t.cells = append(t.cells, t.cell(start))

		start = len(t.text)
		t.text = appendGroup(t.text, row.Params)
		t.cells = append(t.cells, t.cell(start))
		if row.MACs > 0 {
			start := len(t.text)
			t.text = appendGroup(t.text, row.MACs)
			t.cells = append(t.cells, t.cell(start))
		} else {
			t.cells = append(t.cells, dash)
		}

		switch {
		case len(row.Field) == 0:
			t.cells = append(t.cells, dash, dash)
			if full {
				t.cells = append(t.cells, dash)
			}
		default:
			t.cells = append(t.cells, t.window(row.Field, windowSize), t.window(row.Field, windowStride))
			if full {
				t.cells = append(t.cells, t.window(row.Field, windowPad))
			}
		}
		t.depth = append(t.depth, row.Depth)
		t.input = append(t.input, row.Input)
	}
	return t
}

// add appends s to the table's text as a cell.
func (t *summaryTable) add(s string) cell {
	start := len(t.text)
	t.text = append(t.text, s...)
	return t.cell(start)
}

// cell is the cell of the text written since start.
func (t *summaryTable) cell(start int) cell {
	return cell{int32(start), int32(len(t.text)), int32(utf8.RuneCount(t.text[start:]))}
}

// The numbers of a window.
const (
	windowSize = iota
	windowStride
	windowPad
)

// window writes one of a field's numbers (see appendWindow) as a cell.
func (t *summaryTable) window(field []calc.Window, which int) cell {
	start := len(t.text)
	t.text = appendWindow(t.text, field, which)
	return t.cell(start)
}

// appendWindow appends one of a field's numbers (which) to b: one number
// when every dimension agrees, else one per dimension (3×5).
func appendWindow(b []byte, field []calc.Window, which int) []byte {
	pick := func(w *calc.Window) int64 {
		switch which {
		case windowSize:
			return w.Size
		case windowStride:
			return w.Stride
		}
		return w.Pad
	}
	same := true
	for i := 1; i < len(field); i++ {
		same = same && pick(&field[i]) == pick(&field[0])
	}
	for i := range field {
		if i > 0 {
			b = append(b, "×"...)
		}
		b = strconv.AppendInt(b, pick(&field[i]), 10)
		if same {
			break
		}
	}
	return b
}

// row is the cells of row i.
func (t *summaryTable) row(i int) []cell { return t.cells[i*t.cols : (i+1)*t.cols] }

// visible lists the rows with depth below depth, and says how many there
// are; keep > 0 keeps only the first keep/2 and the last keep/2 of them,
// with a line for those left out (-1 in the list). The list is valid until
// the next call.
func (t *summaryTable) visible(depth, keep int) (idx []int, rows int) {
	idx = t.scratch[:0]
	for i, d := range t.depth {
		if d < depth {
			idx = append(idx, i)
		}
	}
	rows = len(idx)
	if keep > 0 && len(idx) > keep {
		head, tail := keep/2, keep-keep/2
		idx = append(append(idx[:head], -1), idx[len(idx)-tail:]...)
	}
	t.scratch = idx
	return idx, rows
}

// size is about how many runes render(depth, keep) writes.
func (t *summaryTable) size(depth, keep int) int {
	var buf [16]int
	idx, _ := t.visible(depth, keep)
	widths := t.columnWidths(idx, buf[:0])
	line := 2 * (len(widths) - 1)
	for _, w := range widths {
		line += w
	}
	return (len(idx) + 1) * (line + 1)
}

// columnWidths appends to widths the width of each column over the rows
// idx lists.
func (t *summaryTable) columnWidths(idx []int, widths []int) []int {
	for _, h := range t.head {
		widths = append(widths, utf8.RuneCountInString(h))
	}
	for _, k := range idx {
		if k < 0 {
			continue
		}
		for i, c := range t.row(k) {
			widths[i] = max(widths[i], int(c.width))
		}
	}
	return widths
}

// maxName is the most runes of a layer's or block's name a table shows:
// a name is the asker's to choose, and a table repeats it on every row.
const maxName = 48

// appendShort appends s to b, cut to at most n runes with an ellipsis.
func appendShort(b []byte, s string, n int) []byte {
	if fitsRunes(s, n) {
		return append(b, s...)
	}
	for i := range s {
		if n--; n == 0 {
			return append(append(b, s[:i]...), "…"...)
		}
	}
	return append(b, s...)
}

// render writes to b the rows visible at depth (see visible), each line
// after prefix: the first three columns aligned left, the numbers right.
// Once b holds limit bytes, it writes no more rows but a line saying how
// many it cut (limit ≤ 0: no limit).
func (t *summaryTable) render(b *strings.Builder, depth, keep int, prefix string, limit int) {
	idx, rows := t.visible(depth, keep)
	widths := t.columnWidths(idx, nil)
	lineWidth := 0
	for _, w := range widths {
		lineWidth += w + 2
	}
	size := (len(idx) + 1) * (len(prefix) + lineWidth + 8)
	if limit > 0 {
		size = min(size, limit-b.Len()+lineWidth)
	}
	b.Grow(max(size, 0))
	line := make([]byte, 0, 2*lineWidth)
	write := func(i int, text []byte, width int) {
		if i > 0 {
			line = append(line, ' ', ' ')
		}
		if i <= 2 {
			line = append(line, text...)
			line = appendSpaces(line, widths[i]-width)
		} else {
			line = appendSpaces(line, widths[i]-width)
			line = append(line, text...)
		}
	}
	end := func() {
		for len(line) > 0 && line[len(line)-1] == ' ' {
			line = line[:len(line)-1]
		}
		b.WriteString(prefix)
		b.Write(line)
		line = line[:0]
	}
	for i, h := range t.head {
		write(i, []byte(h), utf8.RuneCountInString(h))
	}
	end()
	for n, k := range idx {
		b.WriteByte('\n')
		if limit > 0 && b.Len() >= limit {
			fmt.Fprintf(b, "%s… (%s more rows cut: an answer holds at most %s)", prefix, group(int64(len(idx)-n)), byteSize(MaxAnswerBytes))
			return
		}
		if k < 0 {
			left := fmt.Sprintf("(%d rows)", rows-(len(idx)-1))
			write(0, []byte("…"), 1)
			write(1, []byte(left), len(left))
			end()
			continue
		}
		for i, c := range t.row(k) {
			write(i, t.text[c.start:c.end], int(c.width))
		}
		end()
	}
}

func appendSpaces(b []byte, n int) []byte {
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	if n > 0 {
		b = append(b, spaces[:n]...)
	}
	return b
}

const spaces = "                                                                "

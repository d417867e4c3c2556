package bot

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// rowsCSV writes a network's rows as CSV for a spreadsheet: one row a
// layer or block (depth says how deep in the blocks), plain numbers,
// shapes channels first as 64x28x28.
func rowsCSV(r Reply) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"index", "depth", "layer", "output", "params", "macs", "rf", "stride", "pad"})
	s, q := r.Summary, r.Question
	for i := range s.Rows {
		if buf.Len() > MaxAnswerBytes-1024 {
			w.Flush()
			buf.WriteString("# cut: " + strconv.Itoa(len(s.Rows)-i) + " more rows (an answer holds at most 1 MB)\n")
			break
		}
		row := &s.Rows[i]
		var l calc.Layer
		if row.Index-1 < len(q.Layers) {
			l, _ = calc.At(q.Layers[row.Index-1].Layer, row.Path)
		}
		rf, stride, pad := "", "", ""
		if len(row.Field) > 0 {
			rf, stride, pad = windowText(row.Field)
		}
		_ = w.Write([]string{rowNumber(row), strconv.Itoa(row.Depth), printable(rowName(row, l, true)), csvShape(row.Output),
			strconv.FormatInt(row.Params, 10), strconv.FormatInt(row.MACs, 10), csvX(rf), csvX(stride), csvX(pad)})
	}
	w.Flush()
	return buf.Bytes()
}

// csvShape writes a shape as 64x28x28, with x for ×, which spreadsheets
// keep as text.
func csvShape(s calc.Shape) string { return csvX(shapeText(s)) }

func csvX(s string) string {
	out := make([]rune, 0, len(s))
	for _, c := range s {
		if c == '×' {
			c = 'x'
		}
		out = append(out, c)
	}
	return string(out)
}

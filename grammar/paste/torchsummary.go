package paste

// torchsummary's table, as people paste it: "Conv2d-1  [-1, 16, 62, 62]
// 448". The rows are rebuilt as Keras's summary rows are (the kernel and
// the inputs worked out from each row's count and the row before), with
// the shapes channels-first as PyTorch prints them.

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// tsRowRE is one row of torchsummary's table: the class and its index, the
// output shape with -1 for the batch, the count (or ? to fill).
var tsRowRE = regexp.MustCompile(`^\s*([A-Z][A-Za-z0-9]*)-(\d+)\s+\[\s*-1((?:\s*,\s*\d+)+)\s*\]\s+([\d,]+|\?+)\s*$`)

// tsClasses map torchsummary's class names to the summary rows' kinds;
// the ones not here (activations, dropout) keep the shape and are skipped.
var tsClasses = map[string]string{"Conv1d": "Conv1D", "Conv2d": "Conv2D", "Conv3d": "Conv3D", "MaxPool2d": "MaxPooling2D",
	"MaxPool1d": "MaxPooling1D", "AvgPool2d": "AveragePooling2D", "Linear": "Dense", "Flatten": "Flatten",
	"AdaptiveAvgPool2d": "GlobalAveragePooling2D"}

// tsSummaryRows reads torchsummary's rows in src; nil when there are fewer
// than two.
func tsSummaryRows(src string) []kerasRow {
	var rows []kerasRow
	for i, line := range strings.Split(src, "\n") {
		m := tsRowRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		typ, ok := tsClasses[m[1]]
		if !ok {
			continue // ReLU-2, Dropout-5: the shape is kept
		}
		row := kerasRow{Type: typ, Pos: lang.Position{Line: i + 1, Col: strings.Index(line, m[1]) + 1}, Params: -1}
		if count := strings.ReplaceAll(m[4], ",", ""); strings.Trim(count, "?") != "" {
			p, err := strconv.ParseInt(count, 10, 64)
			if err != nil || p > ptLimit {
				return nil
			}
			row.Params = p
		}
		var dims []int
		for _, d := range strings.Split(m[3], ",")[1:] {
			v, err := strconv.Atoi(strings.TrimSpace(d))
			if err != nil || v < 1 || v > calc.MaxSize {
				return nil
			}
			dims = append(dims, v)
		}
		if typ == "GlobalAveragePooling2D" && (len(dims) != 3 || dims[1] != 1 || dims[2] != 1) {
			return nil // an adaptive pool to more than 1x1
		}
		if typ == "GlobalAveragePooling2D" {
			dims = dims[:1]
		}
		row.Out = append(dims[1:], dims[0]) // channels last, as Keras's rows
		if len(dims) == 1 {
			row.Out = dims
		}
		if n := len(rows); typ == "Dense" && n > 0 && len(rows[n-1].Out) > 1 {
			// x.view(x.size(0), -1) before the Linear: torchsummary shows no row for it
			size := 1
			for _, d := range rows[n-1].Out {
				size *= d
			}
			rows = append(rows, kerasRow{Type: "Flatten", Pos: row.Pos, Out: []int{size}})
		}
		rows = append(rows, row)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// tsFromSummary answers a pasted torchsummary table.
func tsFromSummary(src string, rows []kerasRow) (*lang.Question, error) {
	q := &lang.Question{}
	if f, err := ptParseTree(tsBlankRows(src)); err == nil {
		q.Asked = ptReadProse(f).asked
	}
	if err := kerasFromSummary(rows, q); err != nil {
		return nil, err
	}
	for i, n := range q.Notes {
		q.Notes[i] = strings.Replace(n, "rebuilt from model.summary() rows (channels-last shapes, read as channels-first)", "rebuilt from torchsummary's rows", 1)
	}
	ptFinish(q, "pytorch", nil)
	return q, nil
}

// tsBlankRows blanks the table's rows, header and rules, keeping the words.
func tsBlankRows(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if tsRowRE.MatchString(l) || strings.Contains(l, "----") || strings.Contains(l, "====") ||
			strings.Contains(l, "Output Shape") || regexp.MustCompile(`^\s*[A-Z]\w*-\d+\s`).MatchString(l) {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

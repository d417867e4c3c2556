package paste

// torchsummary's table, as people paste it: "Conv2d-1  [-1, 16, 62, 62]
// 448". The rows are rebuilt as Keras's summary rows are (the kernel and
// the inputs worked out from each row's count and the row before), with
// the shapes channels-first as PyTorch prints them.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// tsRowRE is one row of torchsummary's table: the class and its index, the
// output shape with -1 for the batch (a size may be a ? to fill), the
// count (or ? to fill; none when the row was cut off).
var tsRowRE = regexp.MustCompile(`^\s*([A-Z][A-Za-z0-9]*)-(\d+)\s+\[\s*-1((?:\s*,\s*(?:\d+|\?+|_{2,}))+)\s*\](?:\s+([\d,]+|\?+|_{2,}|\.{3}|…))?\s*$`)

// tsClasses map torchsummary's class names to the summary rows' kinds;
// the ones not here (activations, dropout) keep the shape and are skipped.
var tsClasses = map[string]string{"Conv1d": "Conv1D", "Conv2d": "Conv2D", "Conv3d": "Conv3D", "MaxPool2d": "MaxPooling2D",
	"MaxPool1d": "MaxPooling1D", "AvgPool2d": "AveragePooling2D", "Linear": "Dense", "Flatten": "Flatten",
	"AdaptiveAvgPool2d": "GlobalAveragePooling2D", "BatchNorm2d": "BatchNormalization", "BatchNorm1d": "BatchNormalization"}

// tsSummaryRows reads torchsummary's rows in src; nil when there are fewer
// than two.
func tsSummaryRows(src string) []kerasRow {
	var rows []kerasRow
	for i, line := range strings.Split(src, "\n") {
		line = inlineRowLine(line, tsRowRE)
		m := tsRowRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		typ, ok := tsClasses[m[1]]
		if !ok {
			continue // ReLU-2, Dropout-5: the shape is kept
		}
		row := kerasRow{Type: typ, Name: m[1] + "-" + m[2], Pos: lang.Position{Line: i + 1, Col: strings.Index(line, m[1]) + 1}, Params: -1, NoCount: m[4] == ""}
		if count := strings.ReplaceAll(m[4], ",", ""); strings.Trim(count, "?_.…") != "" {
			p, err := strconv.ParseInt(count, 10, 64)
			if err != nil || p > ptLimit {
				return nil
			}
			row.Params = p
		}
		var dims []int
		for _, d := range strings.Split(m[3], ",")[1:] {
			if strings.Trim(strings.TrimSpace(d), "?_") == "" {
				row.Blank = true // "[-1, 32, ?, ?]": the size asked for
				dims = append(dims, 0)
				continue
			}
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

// tsOneRow is the row of a torchsummary table pasted as one conv row
// ("Conv2d-1  [-1, 64, 112, 112]  9,408"), or nil.
func tsOneRow(src string) []kerasRow {
	var rows []kerasRow
	for _, line := range strings.Split(src, "\n") {
		if tsRowRE.MatchString(line) {
			rows = append(rows, kerasRow{})
		}
	}
	if len(rows) != 1 {
		return nil
	}
	rows = tsSummaryRows(src + "\n            Flatten-9            [-1, 1]             0")
	if len(rows) != 2 || !strings.HasPrefix(rows[0].Type, "Conv") || rows[0].Params < 0 {
		return nil
	}
	return rows[:1]
}

// tsChannelsRE finds the input channels in words: "3 input channels",
// "3 in channels", "on 3 channels".
var tsChannelsRE = regexp.MustCompile(`(?i)\b(\d{1,4})\s+(?:input|in)\s+channels?\b`)

// tsFromOneRow answers one conv row whose input the words give ("for a
// 224x224 image", "3 input channels"): the kernel, stride and padding are
// worked out from it and the count. ok is false when the words do not
// give the input: a count alone has several readings.
func tsFromOneRow(src string, rows []kerasRow) (q *lang.Question, ok bool, err error) {
	if _, switched := rwWhatIfBias(src); switched {
		return nil, false, nil // the bias switched in words: tsRowWithWords answers the layer as asked
	}
	blank := tsBlankRows(src)
	f, err := ptParseTree(blank)
	if err != nil {
		return nil, false, nil
	}
	prose := ptReadProse(f)
	if prose.dims == nil || prose.channels == 0 {
		// "(32x32 image, 3 input channels)": the words in brackets fill in
		if f, err := ptParseTree(strings.NewReplacer("(", " ", ")", " ").Replace(blank)); err == nil {
			inner := ptReadProse(f)
			if prose.dims == nil {
				prose.dims = inner.dims
			}
			if prose.channels == 0 {
				prose.channels = inner.channels
			}
		}
	}
	if prose.channels == 0 {
		// "(7x7, stride 2, 3 input channels)": words in brackets
		if m := tsChannelsRE.FindStringSubmatch(src); m != nil {
			prose.channels, _ = strconv.Atoi(m[1])
		}
	}
	q = &lang.Question{Asked: prose.asked}
	switch {
	case len(prose.dims) == 2 && prose.channels > 0:
		q.Input = calc.Shape{prose.channels, prose.dims[0], prose.dims[1]}
	case len(prose.dims) == 3 && prose.dims[0] <= 4:
		q.Input = calc.Shape(prose.dims)
	case tsInputTuple(blank) != nil:
		q.Input = tsInputTuple(blank)
	default:
		return nil, false, nil
	}
	if err := summaryRebuild(rows, q, blank, "pytorch"); err != nil {
		return nil, true, err
	}
	tsExplicitPad(q)
	q.Notes = append(q.Notes, fmt.Sprintf("the row's input, %s, is the one the words give", ptShapeText(q.Input)))
	for i, n := range q.Notes {
		q.Notes[i] = strings.Replace(n, "rebuilt from model.summary() rows (channels-last shapes, read as channels-first)", "rebuilt from torchsummary's row", 1)
	}
	ptFinish(q, "pytorch", nil)
	return q, true, nil
}

// tsFromSummary answers a pasted torchsummary table.
func tsFromSummary(src string, rows []kerasRow) (*lang.Question, error) {
	q := &lang.Question{}
	words := tsBlankRows(src)
	if f, err := ptParseTree(words); err == nil {
		q.Asked = ptReadProse(f).asked
	}
	if in := wordsFirstInput(words, rows); in != nil {
		q.Input = in
		q.Notes = append(q.Notes, wordsInputNote(in))
	}
	if err := summaryRebuild(rows, q, words, "pytorch"); err != nil {
		return nil, err
	}
	withAddedLayer(src, words, "pytorch", rows, q)
	tsTableBias(words, rows, q) // "what would Conv2d-1 have with bias?": summary_table_bias.go
	for i, n := range q.Notes {
		q.Notes[i] = strings.Replace(n, "rebuilt from model.summary() rows (channels-last shapes, read as channels-first)", "rebuilt from torchsummary's rows", 1)
	}
	q.Unused = append(q.Unused, tsIndexUnused(src, q)...)
	askKernel(q, words)
	ptFinish(q, "pytorch", nil)
	return q, nil
}

// tsCutRowRE is a row cut short or garbled ("Conv2d-4  [-1, 64,"), not a
// sentence that starts with a row's name ("Conv2d-6 is the 1x1
// projection"): after the name comes a shape, a count or nothing.
var tsCutRowRE = regexp.MustCompile(`^\s*[A-Z]\w*-\d+\s+(?:\[|[\d,?]+\s*$|$)|^\s*[A-Z]\w*-\d+\s*$`)

// tsBlankRows blanks the table's rows, header and rules, keeping the words.
func tsBlankRows(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if tsRowRE.MatchString(l) || strings.Contains(l, "----") || strings.Contains(l, "====") ||
			strings.Contains(l, "Output Shape") || tsCutRowRE.MatchString(l) {
			lines[i] = ""
		} else if in := inlineRowLine(l, tsRowRE); in != l {
			lines[i] = inlineRowBlanked(l) // "torchsummary has `Linear-7  [-1, 256]  ???` ...": the words kept
		}
	}
	return strings.Join(lines, "\n")
}

// tsExplicitPad writes a conv rebuilt with Keras's 'same' padding as
// PyTorch pads it, on each side, with the smallest padding that gives the
// same output (ResNet's 7x7 stride 2 conv: padding 3).
func tsExplicitPad(q *lang.Question) {
	for i, l := range q.Layers {
		c, ok := l.Layer.(calc.Conv)
		if !ok || c.PadMode != calc.PadSame || i > 0 {
			continue
		}
		want, err := c.Apply(q.Input)
		if err != nil {
			return
		}
		for p := 0; p <= slices.Max(c.Kernel); p++ {
			e := c
			e.PadMode, e.Pad = calc.PadExplicit, []int{p}
			if got, err := e.Apply(q.Input); err == nil && got.Output.Equal(want.Output) {
				q.Layers[i].Layer = e
				return
			}
		}
	}
}

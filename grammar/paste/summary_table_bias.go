package paste

// A bias switched in words about a pasted torchsummary table: "how many
// params would Conv2d-1 have with bias?", "if I turn on the bias of the
// conv, what is the total?". Turning a conv's bias on adds one number per
// filter, the row's channel count, whatever its kernel: the answer comes
// from the row's count and channels. The kernel the rebuild guessed for a
// first row (which assumed a bias) is guessed again without one. The row
// asked (by its name, or "the conv" when the table has one) is the one
// answered; "total" is the whole table.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var (
	// tbWithBiasRE asks a count with the bias on: "would Conv2d-1 have with bias".
	tbWithBiasRE = regexp.MustCompile(`(?i)\b(?:would|will|if)\b[^.?\n]*\bwith\s+(?:a\s+|the\s+)?bias(?:es)?\b(?:\s*(?:on|enabled|=\s*True))?|\bwith\s+bias\s*=\s*True\b`)
	// tbRowNameRE is a row named in the words: "Conv2d-1".
	tbRowNameRE = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]*)-(\d+)\b`)
	// tbTotalRE asks the whole table's count.
	tbTotalRE = regexp.MustCompile(`(?i)\b(?:total|whole\s+(?:model|net(?:work)?|table|summary)|all\s+(?:the\s+)?(?:layers|params|parameters)|overall)\b`)
)

// tsTableBias answers a bias what-if about a torchsummary table's conv
// row on the rebuilt q: the row's conv switched, the count asked of that
// row or the table; a doubt when the row or the switch cannot be read.
func tsTableBias(words string, rows []kerasRow, q *lang.Question) {
	v, ok := rwWhatIfBias(words)
	if !ok && tbWithBiasRE.MatchString(words) && !rwBiasSwitchOffRE.MatchString(words) {
		v, ok = "True", true
	}
	if !ok {
		return
	}
	on := v == "True"
	doubt := func(why string) {
		q.Doubts = append(q.Doubts, why)
	}
	target, why := tbRowAsked(words, rows)
	if target < 0 {
		doubt(why)
		return
	}
	row := rows[target]
	li := -1
	for i, l := range q.Layers {
		if l.Pos.Line == row.Pos.Line {
			li = i
		}
	}
	c, isConv := calc.Conv{}, false
	if li >= 0 {
		c, isConv = q.Layers[li].Layer.(calc.Conv)
	}
	if !isConv || row.Params <= 0 || c.Out <= 0 {
		doubt("I cannot find the conv of row " + row.Name + " to switch its bias")
		return
	}
	f := int64(c.Out)
	switch {
	case on == c.NoBias:
		c.NoBias = !on // the reading already had the bias the other way: switched
	case on && li == 0 && row.Params%f == 0:
		// the first row was read with a bias; the question says it has none
		n, in, why := tbFirstRowNoBias(q, c, row)
		if why != "" {
			doubt(why)
			return
		}
		c, q.Input = n, in
	default:
		doubt(fmt.Sprintf("the reading of %s does not agree with the bias the question switches", row.Name))
		return
	}
	q.Layers[li].Layer = c
	if li == 0 {
		tsExplicitPad(q)
	}
	sign, now := "+", row.Params+f
	if !on {
		sign, now = "-", row.Params-f
	}
	q.Notes = append(q.Notes, fmt.Sprintf("bias switched %s for %s: one per filter, %s %s %d = %s", map[bool]string{true: "on", false: "off"}[on], row.Name, lang.Group(int(row.Params)), sign, f, lang.Group(int(now))))
	q.Asked = []string{"params"}
	q.At = nil
	if !tbTotalRE.MatchString(words) {
		q.At = []lang.At{{Layer: li, Name: row.Name}}
	}
}

// tbRowAsked is the index of the conv row whose bias words switch: the
// row they name, or the table's only conv row; -1 and why not otherwise.
func tbRowAsked(words string, rows []kerasRow) (int, string) {
	var convs []int
	for i, r := range rows {
		if strings.HasPrefix(r.Type, "Conv") {
			convs = append(convs, i)
		}
	}
	names := map[string]bool{}
	for _, m := range tbRowNameRE.FindAllString(words, -1) {
		names[m] = true
	}
	switch {
	case len(names) > 1:
		return -1, "the question names several rows; I cannot tell which one's bias it switches"
	case len(names) == 1:
		target := -1
		for i, r := range rows {
			if names[r.Name] {
				target = i
			}
		}
		if target < 0 || !strings.HasPrefix(rows[target].Type, "Conv") {
			return -1, "the question switches the bias of a row that is not a conv row of this table"
		}
		return target, ""
	case len(convs) == 1:
		return convs[0], ""
	}
	return -1, "the table has several conv rows; I cannot tell whose bias the question switches"
}

// tbFirstRowNoBias rebuilds the conv c of the table's first row, which
// the rebuild read with a bias, as a conv without one on q's input: its
// count over the filters is k·k·Cin of an image's channels. It returns
// the conv, the input it takes and a note on q, or why it cannot.
func tbFirstRowNoBias(q *lang.Question, c calc.Conv, row kerasRow) (calc.Conv, calc.Shape, string) {
	f := int64(c.Out)
	kc := row.Params / f
	k, cin, _ := kerasGuessKernel(row.Params, f, kc, c.Dims)
	if k == 0 || cin != 1 && cin != 3 {
		// 896 for 32 filters: 28 weights each is no image's k·k·Cin,
		// while 3·3·3 + 1 is: the row may have its bias already
		return c, nil, fmt.Sprintf("%s's %s does not read as a conv without a bias on an image's channels; it may have its bias already", row.Name, lang.Group(int(row.Params)))
	}
	cannot := "I cannot rebuild row " + row.Name + " without a bias"
	out, err := c.Apply(q.Input)
	if err != nil {
		return c, nil, cannot
	}
	n := c
	n.Kernel, n.In, n.NoBias, n.Stride, n.Pad, n.PadMode = []int{int(k)}, int(cin), false, c.Stride, nil, calc.PadSame
	in := append(calc.Shape{int(cin)}, q.Input[1:]...)
	if r, err := n.Apply(in); err != nil || !r.Output.Equal(out.Output) {
		return c, nil, cannot
	}
	q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool { // the guess with a bias, on other channels
		return strings.HasPrefix(n, lang.Group(int(row.Params))+" = ")
	})
	q.Notes = append(q.Notes, fmt.Sprintf("%s's %s = %d filters × %d weights each (read as %d×%d on %d input channel(s)), no bias", row.Name, lang.Group(int(row.Params)), f, kc, k, k, cin))
	return n, in, ""
}

// SummaryTable reports whether src holds a torchsummary table: a bias
// switched in its words is answered from the rows' counts
// (tsTableBias), not by the what-if reading, which changes the layers
// the rebuild guessed and may find the bias already as asked.
func SummaryTable(src string) bool {
	return tsSummaryRows(src) != nil
}

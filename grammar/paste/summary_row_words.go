package paste

// One torchsummary conv row pasted with the layer's settings in words:
// "Conv2d-1 [-1, 64, 112, 112] 9,408 — that's the resnet stem (3->64, 7x7,
// stride 2, pad 3, bias=False). what would it be with bias=True?",
// "Conv2d-4 [-1, 128, 28, 28] ??? — prev layer output is [-1, 48, 28,
// 28], kernel 3 pad 1, bias default. whats param #". The row gives the
// filters (and a count to check); the words give the input channels,
// the kernel and the bias, or the bias the question switches to.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The settings in words around a row.
var (
	rwArrowRE = regexp.MustCompile(`\b(\d{1,5})\s*(?:->|→|to)\s*(\d{1,5})\b`)
	rwPrevRE  = regexp.MustCompile(`\[\s*-1\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*\]`)
	rwInChRE  = regexp.MustCompile(`(?i)\b(\d{1,5})\s+(?:input|in)\s+channels?\b|\bin_channels\s*=\s*(\d{1,5})\b|\bfrom\s+(\d{1,5})\s+channels\b|` +
		`\b(?:(?:previous|prev|preceding|last|earlier)\s+(?:layer|conv|one|row)|(?:layer|conv|one|row)\s+before\s+(?:it|this(?:\s+one)?))\s+(?:has|had|outputs?|gives|gave|produces|ends\s+with)\s+(\d{1,5})\s+(?:channels|filters|feature\s+maps)\b|` +
		`\b(?:its\s+)?input\s+(?:has|had)\s+(\d{1,5})\s+(?:channels|feature\s+maps)\b|\b(\d{1,5})\s+channels\s+(?:come|coming|go|going)\s+in(?:to\s+it)?\b`)
	rwKernelRE = regexp.MustCompile(`(?i)\b(\d{1,2})\s*[x×]\s*(\d{1,2})\b|\bk(?:ernel(?:_size)?)?\s*=?\s*(\d{1,2})\b`)
	rwStrideRE = regexp.MustCompile(`(?i)\bstride\s*=?\s*(\d{1,2})\b|\bs\s*=\s*(\d{1,2})\b`)
	rwPadRE    = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*=?\s*(\d{1,2})\b|\bp\s*=\s*(\d{1,2})\b`)
	rwBiasOnRE = regexp.MustCompile(`(?i)\b(?:with|if|set|using|turn\s+on|make\s+it)\s+(?:a\s+|the\s+)?bias(?:es)?(?:\s*=\s*True)?\b|\bbias\s*=\s*True\b`)
	rwNoBiasRE = regexp.MustCompile(`(?i)\bbias\s*=\s*False\b|\bno\s+bias\b|\bwithout\s+(?:a\s+|the\s+)?bias\b`)
	rwWhatIfRE = regexp.MustCompile(`(?i)\b(?:what\s+(?:would|will|if)|with|if\s+i)\b[^.?\n]*\bbias\s*=\s*(True|False)\b`)
)

// rwFirstInt is the first group of m that holds a number, or 0.
func rwFirstInt(m []string) int {
	for _, g := range m[1:] {
		if v, err := strconv.Atoi(g); err == nil {
			return v
		}
	}
	return 0
}

// tsRowWithWords reads one torchsummary conv row whose settings the words
// give; ok false when src is not one, or the words do not give the input
// channels and the kernel, or the row's count disagrees with them.
func tsRowWithWords(src string) (*lang.Question, bool) {
	row, line, ok := rwRow(src)
	if !ok {
		return nil, false
	}
	dims := ptIntList(strings.TrimPrefix(strings.TrimSpace(row[3]), ","))
	words := strings.Replace(src, row[0], strings.Repeat(" ", len(row[0])), 1)
	words = rwOtherRowsRE.ReplaceAllStringFunc(words, func(s string) string { return strings.Repeat(" ", len(s)) })
	if len(dims) != 3 {
		return nil, false
	}
	c := calc.Conv{Out: dims[0]}
	var in calc.Shape
	if m := bwFirstInputRE.FindStringSubmatch(words); m != nil && !rwPrevRE.MatchString(words) {
		// "my input is 3x100x100": channels first, as torchsummary's input_size
		in = calc.Shape(ptAtois(m[1:]))
		if in[0] > 4 && in[2] <= 4 {
			return nil, false // (H, W, C): left to the readers that know it
		}
		c.In = in[0]
	} else if m := rwPrevRE.FindStringSubmatch(words); m != nil {
		ch, _ := strconv.Atoi(m[1])
		h, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		c.In, in = ch, calc.Shape{ch, h, w}
		words = strings.Replace(words, m[0], strings.Repeat(" ", len(m[0])), 1)
	} else if m := rwArrowRE.FindStringSubmatch(words); m != nil && m[2] == strconv.Itoa(c.Out) {
		c.In, _ = strconv.Atoi(m[1])
	} else if m := rwInChRE.FindStringSubmatch(words); m != nil {
		c.In = rwFirstInt(m)
	}
	if c.In != 0 && rwAskKernelRE.MatchString(words) {
		return rwSolveKernel(src, c, row, line) // a kernel in the words is the asker's guess
	}
	m := rwKernelRE.FindStringSubmatch(words)
	if c.In == 0 || m == nil {
		return nil, false
	}
	k := rwFirstInt(m)
	if m[1] != "" && m[2] != "" && m[1] != m[2] {
		kw, _ := strconv.Atoi(m[2])
		c.Kernel = []int{k, kw}
	} else {
		c.Kernel = []int{k}
	}
	if s := rwStrideRE.FindStringSubmatch(words); s != nil {
		c.Stride = []int{rwFirstInt(s)}
	}
	if p := rwPadRE.FindStringSubmatch(words); p != nil {
		c.Pad = []int{rwFirstInt(p)}
	}
	q := &lang.Question{Input: in, Asked: []string{"params"}}
	if in == nil {
		q.Input = rwInputBack(c, dims)
	}
	return rwBias(q, c, words, row, line)
}

// rwBias sets the conv's bias as the words ask ("what would it be with
// bias=True?" switches it; "bias=False", "no bias" take it off), checks
// the row's count when the words do not switch the bias, and finishes q.
func rwBias(q *lang.Question, c calc.Conv, words string, row []string, line int) (*lang.Question, bool) {
	whatIf := rwWhatIfRE.FindStringSubmatch(words)
	if v, ok := rwWhatIfBias(words); ok {
		whatIf = []string{"", v} // "... bias=False. what if i turned bias on": summary_bias_whatif.go
	}
	switch {
	case whatIf != nil:
		c.NoBias = whatIf[1] == "False"
	case rwNoBiasRE.MatchString(words) && !rwBiasOnRE.MatchString(words):
		c.NoBias = true
	}
	r, err := c.Apply(q.Input)
	if err != nil || q.Input != nil && !r.Output.Equal(calc.Shape(ptIntList(strings.TrimPrefix(strings.TrimSpace(row[3]), ",")))) {
		return nil, false // the words' conv does not give the row's output
	}
	count := strings.ReplaceAll(row[4], ",", "")
	rowCount, err := strconv.ParseInt(count, 10, 64)
	known := err == nil
	if known && whatIf == nil && rowCount != r.Params {
		return nil, false // the row's count says the words were misread
	}
	q.Layers = []lang.Layer{{Layer: c, Pos: lang.Position{Line: line, Col: 1}}}
	q.Notes = append(q.Notes, fmt.Sprintf("the row's conv: %d filters from the row, %d input channels, the kernel, stride and padding from the words", c.Out, c.In))
	if whatIf != nil {
		q.Notes = append(q.Notes, fmt.Sprintf("with bias=%s, as the question switches it", whatIf[1]))
		if known && rowCount != r.Params {
			at := utf8.RuneCountInString(row[5][:strings.Index(row[5], row[0])+strings.LastIndex(row[0], row[4])])
			q.Unused = append(q.Unused, lang.Unused{Text: row[4], Pos: lang.Position{Line: line, Col: at + 1}, Why: "the row's count, before the bias is switched"})
		}
	}
	if q.Input == nil {
		q.Unused = append(q.Unused, rwRowSizes(row, line)...)
	}
	if row[2] != "1" {
		at := utf8.RuneCountInString(row[5][:strings.Index(row[5], row[0])+len(row[1])+1])
		q.Unused = append(q.Unused, lang.Unused{Text: row[2], Pos: lang.Position{Line: line, Col: at + 1}, Why: "the row's number in the table"})
	}
	ptFinish(q, "pytorch", nil)
	return q, true
}

// rwRowSizes names the row's output height and width, which a count of
// parameters does not use.
func rwRowSizes(row []string, line int) []lang.Unused {
	var out []lang.Unused
	col := strings.Index(row[5], row[0]) + strings.Index(row[0], row[3])
	for _, n := range addedNumberRE.FindAllStringIndex(row[3], -1)[1:] {
		at := utf8.RuneCountInString(row[5][:col+n[0]])
		out = append(out, lang.Unused{Text: row[3][n[0]:n[1]], Pos: lang.Position{Line: line, Col: at + 1}, Why: "the row's output size: the parameters do not depend on it"})
	}
	return out
}

// rwOtherRowsRE is a torchsummary row of any class on a line of its own
// (the ReLU after the conv): its shape is not the layer before's.
var rwOtherRowsRE = regexp.MustCompile(`(?m)^\s*[A-Z][A-Za-z0-9]*-\d+\s+\[[^\]\n]*\].*$`)

// rwRowRE is a torchsummary conv row, on a line of its own or in a
// sentence: "Conv2d-1  [-1, 64, 112, 112]  9,408".
var rwRowRE = regexp.MustCompile(`\b(Conv2d)-(\d+)\s+\[\s*-1((?:\s*,\s*\d+)+)\s*\]\s+(\d{1,3}(?:,\d{3})+|\d+|\?+|_{2,})`)

// rwRow is the one conv row of src and its line; ok false for none or
// several.
func rwRow(src string) (row []string, line int, ok bool) {
	for i, l := range strings.Split(src, "\n") {
		for _, m := range rwRowRE.FindAllStringSubmatch(l, -1) {
			if row != nil {
				return nil, 0, false
			}
			row, line = m, i+1
			row = append(row, l) // the whole line, last
		}
	}
	return row, line, row != nil
}

// tsAnyRow reports whether src holds one torchsummary conv row, its
// count given or not.
func tsAnyRow(src string) bool {
	_, _, ok := rwRow(src)
	return ok
}

// rwInputBack is the input a stride-1 conv's row was computed from: its
// output size plus the kernel's reach less the padding (28 with 3x3 and
// padding 1 comes from 28). Nil for a stride above 1 (several inputs give
// the row's output) or a size that does not come out whole.
func rwInputBack(c calc.Conv, dims []int) calc.Shape {
	if len(c.Stride) > 0 && c.Stride[0] != 1 || len(c.Kernel) != 1 || len(dims) != 3 {
		return nil
	}
	p := 0
	if len(c.Pad) == 1 {
		p = c.Pad[0]
	}
	in := calc.Shape{c.In}
	for _, d := range dims[1:] {
		n := d + c.Kernel[0] - 1 - 2*p
		if n < 1 {
			return nil
		}
		in = append(in, n)
	}
	if r, err := c.Apply(in); err != nil || !r.Output.Equal(calc.Shape(dims)) {
		return nil
	}
	return in
}

package paste

// A summary row whose count is the blank, with its conv said in words
// below the table: "conv5 is 3x3 padding 1. whats the param count for
// Conv2d-5?", "(kernel 3)", "that one's a 5x5, stride 2". The row gives
// the filters, the row before the input channels; the words give the
// kernel (and the stride and padding, checked against the row's output
// size). Only one blank conv row is filled so: with several, the words do
// not say which is which.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// bwInputRE is an input size in the words, to leave out before a kernel
// is looked for: "input is 1x60x60", "on a 3x32x32 input", "60x60 images".
var bwInputRE = regexp.MustCompile(`(?i)\b\d{1,4}\s*[x×]\s*\d{1,5}\s*[x×]\s*\d{1,5}\b|\b(\d{2,5})\s*[x×]\s*(\d{2,5})\b|[(\[]\s*\d{1,4}\s*,\s*\d{1,5}\s*,\s*\d{1,5}\s*[)\]]`)

// bwSquareRE is a square kernel in words: "3x3", "5 x 5", "(3, 3)".
var bwSquareRE = regexp.MustCompile(`\b(\d{1,2})\s*[x×]\s*(\d{1,2})\b|\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)`)

// wordsKernel is the one kernel size the words give, or 0: a square
// "3x3" (its sides equal) or "kernel 3"; two different kernels give 0.
func wordsKernel(words string) int {
	words = bwInputRE.ReplaceAllStringFunc(words, func(s string) string { return strings.Repeat(" ", len(s)) })
	seen := map[int]bool{}
	for _, m := range bwSquareRE.FindAllStringSubmatch(words, -1) {
		a, b := m[1]+m[3], m[2]+m[4]
		if a != b {
			return 0 // "3x5": not read here
		}
		k, _ := strconv.Atoi(a)
		seen[k] = true
	}
	for _, m := range bkKernelRE.FindAllStringSubmatch(words, -1) {
		seen[bkInt(m)] = true
	}
	if len(seen) != 1 {
		return 0
	}
	for k := range seen {
		if k >= 1 && k <= 11 {
			return k
		}
	}
	return 0
}

// blankConvRows counts the conv rows of a summary whose count is blank.
func blankConvRows(rows []kerasRow) int {
	n := 0
	for _, r := range rows {
		if strings.HasPrefix(r.Type, "Conv") && r.Params < 0 && !r.Blank {
			n++
		}
	}
	return n
}

// wordsConv rebuilds the row's conv from the words' kernel, its input
// channels from the row before and its filters from the row; the stride
// and padding the words give, else the ones that give the row's output
// size. ok is false when the words give no kernel, the summary has other
// blank conv rows, or no stride and padding fit the row.
func (rb *kerasRebuild) wordsConv() (calc.Conv, bool) {
	if rb.prev == nil || len(rb.prev) != len(rb.out) || rb.blankConvs != 1 {
		return calc.Conv{}, false
	}
	k := wordsKernel(rb.words)
	if k == 0 {
		return calc.Conv{}, false
	}
	d := len(rb.out) - 1
	c := calc.Conv{Dims: d, In: rb.prev[0], Out: rb.out[0], Kernel: []int{k}, NoBias: ptNoBiasWords(rb.words)}
	strides := []int{1, 2, 3, 4}
	var pads []int // -2 stands for Keras's 'same'
	if m := bkStrideRE.FindStringSubmatch(rb.words); m != nil {
		strides = []int{bkInt(m)}
	}
	switch m := bkPadRE.FindStringSubmatch(rb.words); {
	case bkSameRE.MatchString(rb.words):
		pads = []int{-2}
	case m != nil:
		pads = []int{bkInt(m)}
	default:
		pads = []int{0, (k - 1) / 2, -2} // none, PyTorch's "same" by hand, Keras's 'same'
	}
	for _, s := range strides {
		for _, p := range pads {
			c.Stride = []int{s}
			c.PadMode, c.Pad = calc.PadExplicit, []int{max(p, 0)}
			if p == -2 {
				c.PadMode, c.Pad = calc.PadSame, nil
			}
			if rep, err := c.Apply(rb.prev); err == nil && rep.Output.Equal(rb.out) {
				if s == 1 {
					c.Stride = nil
				}
				rb.note("row %d: no count given: the kernel %d×%d from the words, %d input channels from the row before, %d filters from the row", rb.ri+1, k, k, c.In, c.Out)
				return c, true
			}
		}
	}
	return calc.Conv{}, false
}

// wordsFirstInput is the input the words give to a summary whose first
// row is a conv with its count blank ("input is 1x60x60", "(3, 32,
// 32)"), channels first; nil when they give none or several. Only such a
// row needs it: the rows say every other input themselves.
func wordsFirstInput(words string, rows []kerasRow) calc.Shape {
	if len(rows) == 0 || !strings.HasPrefix(rows[0].Type, "Conv") || rows[0].Params >= 0 || rows[0].Blank {
		return nil
	}
	if s := tsInputTuple(words); s != nil {
		return s
	}
	ms := bwFirstInputRE.FindAllStringSubmatch(words, -1)
	if len(ms) != 1 {
		return nil
	}
	s := calc.Shape(ptAtois(ms[0][1:]))
	if len(s) != 3 || s[0] > 4 && s[2] <= 4 {
		return nil // (H, W, C) or not a size: left to the readers that know it
	}
	want := kerasChannelsFirst(rows[0].Out)
	if len(want) != 3 {
		return nil
	}
	return s
}

// bwFirstInputRE is a channels-first input in words: "1x60x60".
var bwFirstInputRE = regexp.MustCompile(`\b(\d{1,4})\s*[x×]\s*(\d{1,5})\s*[x×]\s*(\d{1,5})\b`)

// wordsInputNote names the input the words gave.
func wordsInputNote(s calc.Shape) string {
	return fmt.Sprintf("the first row's input, %s, is the one the words give", lang.Group(s[0])+"×"+lang.Group(s[1])+"×"+lang.Group(s[2]))
}

// tsIndexRE is a torchsummary row's name, in its table or in the words
// ("Conv2d-5", "MaxPool2d-3"): the number is the row's index.
var tsIndexRE = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*-(\d+)\b`)

// tsIndexUnused names the index of every torchsummary row name in src as
// a number no size or count depends on, unless q's reading writes that
// number anyway (a kernel of 3 beside Conv2d-3).
func tsIndexUnused(src string, q *lang.Question) []lang.Unused {
	var out []lang.Unused
	written := map[string]bool{"0": true, "1": true}
	if q != nil {
		for _, n := range tsNumberRE.FindAllString(lang.Format(q), -1) {
			written[n] = true
		}
	}
	for _, m := range tsIndexRE.FindAllStringSubmatchIndex(src, -1) {
		if _, ok := tsClasses[src[m[0]:m[2]-1]]; !ok && !tsOtherClassRE.MatchString(src[m[0]:m[2]-1]) || written[src[m[2]:m[3]]] {
			continue
		}
		out = append(out, lang.Unused{Text: src[m[2]:m[3]], Pos: ptOffsetPos(src, m[2]), Why: "the row's index in torchsummary's table"})
	}
	return out
}

// tsNumberRE is a whole number in a restatement.
var tsNumberRE = regexp.MustCompile(`\d+`)

// tsOtherClassRE are the classes torchsummary prints that tsClasses skips.
var tsOtherClassRE = regexp.MustCompile(`^(?:ReLU|LeakyReLU|ReLU6|GELU|Sigmoid|Tanh|Dropout\d?d?|BatchNorm\dd|Softmax|Identity|Upsample|ConvTranspose\dd|AvgPool\dd|MaxPool\dd)$`)

// rwAskKernelRE are words asking for a row's kernel: "what kernel size
// is it", "which kernel", "kernel size?", "what size are the filters".
var rwAskKernelRE = regexp.MustCompile(`(?i)\b(?:what|which|wat|wht)(?:s|'s|\s+is|\s+was)?\s+(?:the\s+)?(?:kernel|filter)(?:\s*_?size)?\b|\bkernel(?:\s*_?size)?\s*\?|\bwhat\s+size\s+(?:is|are|was|were)\s+(?:the\s+|its\s+)?(?:kernels?|filters?)\b|\bfind\s+(?:the\s+)?kernel\b`)

// rwSolveKernel answers a row whose words ask its kernel: the row gives
// the filters and the count, the words the input channels; the kernel is
// solved from them (calc.SolveKernel). ok is false when the row has no
// count or no kernel fits it.
func rwSolveKernel(src string, c calc.Conv, row []string, line int) (*lang.Question, bool) {
	count, err := strconv.ParseInt(strings.ReplaceAll(row[4], ",", ""), 10, 64)
	if err != nil || c.In < 1 {
		return nil, false
	}
	sv, err := calc.SolveKernel(calc.Conv{In: c.In, Out: c.Out}, count)
	if err != nil || sv.Layer == nil {
		return nil, false
	}
	q := &lang.Question{Solve: sv, Asked: []string{"params"}}
	q.Layers = []lang.Layer{{Layer: sv.Layer, Pos: lang.Position{Line: line, Col: 1}}}
	q.Notes = append(q.Notes, fmt.Sprintf("the row's conv: %d filters from the row, %d input channels from the words, the kernel from the row's count %s", c.Out, c.In, row[4]))
	q.Unused = append(q.Unused, rwRowSizes(row, line)...)
	q.Unused = append(q.Unused, tsIndexUnused(src, q)...)
	ptFinish(q, "pytorch", nil)
	return q, true
}

// askKernel answers a summary's one conv row whose words ask its kernel
// ("previous layer has 32 channels. whats the kernel size?"): the kernel
// the rebuild read from the row's count is solved again from the count
// and the channels the words give (calc.SolveKernel), and shown as the
// answer. When the two disagree the reading is not sure.
func askKernel(q *lang.Question, words string) {
	if !rwAskKernelRE.MatchString(words) || q.Solve != nil {
		return
	}
	at := -1
	for i, l := range q.Layers {
		if _, ok := l.Layer.(calc.Conv); ok {
			if at >= 0 {
				return // several convs: the words do not say which
			}
			at = i
		}
	}
	if at < 0 {
		return
	}
	c := q.Layers[at].Layer.(calc.Conv)
	if m := rwInChRE.FindStringSubmatch(words); m != nil {
		if in := rwFirstInt(m); in != c.In {
			q.Doubts = append(q.Doubts, fmt.Sprintf("the words say %d input channels, and the row's count reads as %d", in, c.In))
			return
		}
	}
	rep, err := c.Apply(nil)
	if err != nil {
		return
	}
	sv, err := calc.SolveKernel(calc.Conv{Dims: c.Dims, Transposed: c.Transposed, In: c.In, Out: c.Out, Groups: c.Groups}, rep.Params)
	if err != nil || sv.Layer == nil || len(c.Kernel) != 1 || sv.Solutions[0] != int64(c.Kernel[0]) {
		return
	}
	q.Solve = sv
}

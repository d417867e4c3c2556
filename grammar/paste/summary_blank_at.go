package paste

// A blank in a pasted summary is the question: a row's "???" count, a
// "?" in its output shape ("(None, ?, ?, 32)", "[-1, 32, ?, ?]"), or the
// count of a last row cut off when it was copied. The rebuilt layer of
// that row is what the first line answers (Question.At), not the
// network's total.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasRowCount is the count column of a matched summary row, "" when the
// row has none.
func kerasRowCount(line string, m []int) string {
	if m[8] < 0 {
		return ""
	}
	return strings.ReplaceAll(line[m[8]:m[9]], ",", "")
}

// blankRow records that the row just added (the last of q.Layers) has a
// blank to fill: its count (asked = params) or its output shape.
func (rb *kerasRebuild) blankRow(shape bool) {
	at := lang.At{Layer: len(rb.q.Layers) - 1, Name: rb.r.Name}
	if shape {
		at.What = lang.AtOutput
	}
	if at.Layer >= 0 {
		rb.blanks = append(rb.blanks, at)
	}
}

// countBlank reports whether the row's missing count is a blank asked
// for: a ? written in its place, or the last row cut off.
func (rb *kerasRebuild) countBlank() bool {
	return rb.r.Params < 0 && (!rb.r.NoCount || rb.ri == rb.rows-1 && !rb.r.Blank)
}

// askBlanks makes the summary's blanks the question's first line: each
// blank row's layer by its name, its parameters when a count is blank.
func askBlanks(q *lang.Question, blanks []lang.At, words string) {
	if len(blanks) == 0 {
		return
	}
	if sbTotalAsked.MatchString(words) {
		// "what would Total params be?": the blanks are filled on the
		// way, the whole network is asked
		if !contains(q.Asked, "params") {
			q.Asked = append(q.Asked, "params")
		}
		return
	}
	q.At = blanks
	for _, at := range blanks {
		if at.What == "" && !contains(q.Asked, "params") {
			q.Asked = append(q.Asked, "params")
		}
	}
	if len(q.Asked) > 0 {
		// what the words ask beside the blanks ("output") is asked of the
		// blank rows too; "everything" is not
		q.Asked = onlyOf(q.Asked, "params", "output", "macs", "weights", "biases", "connections")
	}
}

// sbTotalAsked asks for the whole summary's count: "Total params",
// "total number of parameters", "params in total".
var sbTotalAsked = regexp.MustCompile(`(?i)\btotal\s+(?:number\s+of\s+)?(?:param|trainable|learnable|weight)|\b(?:params?|parameters?)\s+(?:in\s+)?total\b|\b(?:whole|entire)\s+(?:net|model|network)\b`)

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// onlyOf keeps the items of list that are among keep, in list's order.
func onlyOf(list []string, keep ...string) []string {
	var out []string
	for _, x := range list {
		if contains(keep, x) {
			out = append(out, x)
		}
	}
	return out
}

// Settings of a blank row's layer in the words: "pool is (2,2)",
// "MaxPooling2D((2,2)) with default stride", "kernel 5 stride 1 no pad".
var (
	bkPairRE   = regexp.MustCompile(`\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)|\b(\d{1,2})\s*[x×]\s*(\d{1,2})\b`)
	bkPoolRE   = regexp.MustCompile(`(?i)\bpool(?:_size|ing)?\s*(?:=|is|of|size)?\s*(?:the\s+default\s+)?(\d{1,2})\b`)
	bkKernelRE = regexp.MustCompile(`(?i)\bk(?:ernel(?:_size)?)?\s*(?:=|is|of|size)?\s*(\d{1,2})\b`)
	bkStrideRE = regexp.MustCompile(`(?i)\bstrides?\s*(?:=|is|of)?\s*\(?\s*(\d{1,2})\b`)
	bkPadRE    = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*(?:=|is|of)?\s*(\d{1,2})\b|\bp\s*=\s*(\d{1,2})\b`)
	bkSameRE   = regexp.MustCompile(`(?i)\bpadding\s*=\s*['"]same['"]|\bsame\s+padding\b|\bpadding\s+(?:is\s+)?same\b`)
)

// bkInt is the first number group of m, or 0.
func bkInt(m []string) int {
	for _, g := range m[1:] {
		if v, err := strconv.Atoi(g); err == nil {
			return v
		}
	}
	return 0
}

// fillBlankShape rebuilds a row whose output shape holds a ? from the row
// before and the words ("pool is the default (2,2)"), and sets rb.out to
// what it gives. The layer is returned to be checked as any other; ok is
// false when the row cannot be filled (no row before, or a kind whose
// settings are not read here).
func (rb *kerasRebuild) fillBlankShape() (calc.Layer, bool) {
	r, prev := rb.r, rb.prev
	if !r.Blank || prev == nil || len(prev) != len(r.Out)+boolInt(len(r.Out) == 1) && len(prev) != len(r.Out) {
		return nil, false
	}
	var l calc.Layer
	switch t := r.Type; {
	case strings.Contains(t, "Pooling") && !strings.HasPrefix(t, "Global"):
		p, ok := rb.blankPool()
		if !ok {
			return nil, false
		}
		l = p
	case strings.HasPrefix(t, "Conv") && r.Params < 0:
		c, ok := rb.callConv()
		if !ok {
			return nil, false
		}
		return c, true // callConv checked it against the row and set rb.out
	case strings.HasPrefix(t, "Conv") && !strings.HasSuffix(t, "DTranspose") && r.Params > 0:
		c, ok := rb.blankConv()
		if !ok {
			return nil, false
		}
		l = c
	case t == "Flatten":
		n, err := prev.Elements()
		if err != nil {
			return nil, false
		}
		rb.out = calc.Shape{int(n)}
		return calc.Flatten{}, true
	default:
		return nil, false
	}
	rep, err := l.Apply(prev)
	if err != nil || rep.Output == nil {
		return nil, false
	}
	if c := r.Out[len(r.Out)-1]; c > 0 && len(rep.Output) > 1 && rep.Output[0] != c {
		return nil, false // the row's channels say the words were misread
	}
	rb.out = rep.Output
	shape := "(None, " + kerasLastText(rep.Output) + ")"
	if rb.framework == "pytorch" {
		shape = strings.ReplaceAll(fmt.Sprint(append([]int{-1}, rep.Output...)), " ", ", ")
	}
	rb.note("row %d: the ? in the output shape is %s: %s (%s)", rb.ri+1, lang.Group(rep.Output[len(rep.Output)-1]), shape, rb.blankHow)
	return l, true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// blankPool is a pooling row's layer: its window from the words, Keras's
// default (2, 2) when they say none; the stride the words give, else the
// window (both frameworks' default).
func (rb *kerasRebuild) blankPool() (calc.Pool, bool) {
	words := rb.words
	d := len(rb.prev) - 1
	k, how := 0, ""
	if m := bkPoolRE.FindStringSubmatch(words); m != nil {
		k, how = bkInt(m), "pool "+m[1]+" from the words"
	} else if m := bkPairRE.FindStringSubmatch(words); m != nil && (m[1] == m[2] && m[1] != "" || m[3] == m[4] && m[3] != "") {
		k, how = bkInt(m), fmt.Sprintf("pool %d×%d from the words", bkInt(m), bkInt(m))
	} else if m := bkKernelRE.FindStringSubmatch(words); m != nil {
		k, how = bkInt(m), "window "+m[1]+" from the words"
	} else if rb.framework == "keras" {
		k, how = 2, "Keras's default pool_size (2, 2)"
	}
	if k < 1 || d < 1 {
		return calc.Pool{}, false
	}
	p := calc.Pool{Dims: d, Kernel: []int{k}}
	if m := bkStrideRE.FindStringSubmatch(words); m != nil {
		p.Stride = []int{bkInt(m)}
		how += ", stride " + m[1]
	} else {
		how += ", stride = the window (the default)"
	}
	if bkSameRE.MatchString(words) {
		return calc.Pool{}, false // 'same' pooling is not rebuilt here
	}
	if strings.Contains(rb.r.Type, "Average") {
		p.Op = calc.AvgPool
	}
	rb.blankHow = how
	return p, true
}

// blankConv is a conv row's layer with a ? in its shape: the kernel from
// its count and the channels of the row before, the stride and padding
// from the words (stride 1, no padding when they say none).
func (rb *kerasRebuild) blankConv() (calc.Conv, bool) {
	r, prev := rb.r, rb.prev
	f, cin := int64(r.Out[len(r.Out)-1]), int64(prev[0])
	d := len(prev) - 1
	if f < 1 || cin < 1 || d < 1 {
		return calc.Conv{}, false
	}
	sv, err := calc.SolveKernel(calc.Conv{Dims: d, In: int(cin), Out: int(f)}, r.Params)
	if err != nil || sv.Layer == nil {
		return calc.Conv{}, false
	}
	c := sv.Layer.(calc.Conv)
	c.PadMode = calc.PadValid
	if m := bkKernelRE.FindStringSubmatch(rb.words); m != nil && bkInt(m) != c.Kernel[0] {
		return calc.Conv{}, false // the count and the words disagree
	}
	how := fmt.Sprintf("kernel %d from the count %s on %d input channels", c.Kernel[0], lang.Group(int(r.Params)), cin)
	if m := bkStrideRE.FindStringSubmatch(rb.words); m != nil {
		c.Stride = []int{bkInt(m)}
		how += ", stride " + m[1]
	}
	switch m := bkPadRE.FindStringSubmatch(rb.words); {
	case bkSameRE.MatchString(rb.words):
		c.PadMode = calc.PadSame
		how += ", padding 'same'"
	case m != nil:
		c.PadMode, c.Pad = calc.PadExplicit, []int{bkInt(m)}
		how += ", padding " + strconv.Itoa(bkInt(m))
	}
	rb.blankHow = how
	return c, true
}

// bkInputTupleRE is an input given as a tuple in the words around a row:
// "input was (3, 150, 150)", "input_size=(1, 64, 64)", "input [3, 32, 32]".
var bkInputTupleRE = regexp.MustCompile(`(?i)\binput(?:_size|_shape)?\b[^()\[\]\n.?]{0,20}?[(\[]\s*(\d{1,4})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*[)\]]`)

// tsInputTuple is the channels-first input a torchsummary row's words
// give as a tuple (torchsummary's own input_size order), or nil.
func tsInputTuple(words string) calc.Shape {
	m := bkInputTupleRE.FindStringSubmatch(words)
	if m == nil {
		return nil
	}
	var s calc.Shape
	for _, g := range m[1:] {
		v, err := strconv.Atoi(g)
		if err != nil || v < 1 || v > calc.MaxSize {
			return nil
		}
		s = append(s, v)
	}
	if s[0] > 4 && s[2] <= 4 {
		return nil // (H, W, C): not torchsummary's order, left to the readers that know it
	}
	return s
}

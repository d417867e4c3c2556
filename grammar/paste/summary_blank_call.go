package paste

// A blank summary row whose layer the words give as code: "conv2d_1
// (Conv2D)  (None, 28, 28, ??)  ???  — the second conv is Conv2D(40,
// (3,3))", "Conv2d-4 [-1, ?, ?, ?] ??? is nn.Conv2d(64, 128, 3,
// stride=2)". The call is read by the front-end of its framework, on the
// row before's output, and kept only when it gives what the row shows.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// bcConvCallRE opens a conv call in the words.
var bcConvCallRE = regexp.MustCompile(`\b(?:(?:tf\.)?(?:keras\.)?layers\.|nn\.)?(?:Conv[123]D|Conv[123]d|SeparableConv2D|DepthwiseConv2D)\(`)

// wordsCall is the one conv call written in the words, "" for none or
// several.
func wordsCall(words string) string {
	ms := bcConvCallRE.FindAllStringIndex(words, -1)
	if len(ms) != 1 {
		return ""
	}
	start, depth := ms[0][0], 0
	for i := ms[0][1] - 1; i < len(words); i++ {
		switch words[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return withAfterSettings(words[start:i+1], words, i+1) // summary_call_settings.go
			}
		case '\n':
			return ""
		}
	}
	return ""
}

// callConv rebuilds a conv row whose count is blank from the conv call
// the words give, on the row before's output; ok is false when the words
// give no such call, several rows are blank, or the call does not give
// the sizes the row shows.
func (rb *kerasRebuild) callConv() (calc.Layer, bool) {
	if rb.prev == nil || rb.r.Params >= 0 || blankCountConvRows(rb.allRows) != 1 {
		return nil, false
	}
	call := wordsCall(rb.words)
	if call == "" {
		return nil, false
	}
	var l calc.Layer
	if rb.framework == "keras" {
		last := kerasLastText(rb.prev)
		if strings.HasPrefix(call, "nn.") {
			return nil, false
		}
		q, err := ParseKeras(fmt.Sprintf("model.add(%s, input_shape=(%s)))", strings.TrimSuffix(call, ")"), last))
		if err != nil || len(q.Layers) != 1 {
			return nil, false
		}
		l = q.Layers[0].Layer
	} else {
		q, err := ParsePyTorch(fmt.Sprintf("%s\nx = torch.randn(1, %s)", call, ptCommaJoin(rb.prev)))
		if err != nil || len(q.Layers) != 1 {
			return nil, false
		}
		l = q.Layers[0].Layer
	}
	rep, err := l.Apply(rb.prev)
	if err != nil || len(rep.Output) != len(rb.r.Out) {
		return nil, false
	}
	shown := kerasRowShape(rb.r)
	for i, d := range shown {
		if d > 0 && rep.Output[i] != d {
			return nil, false // the call does not give the row: the words were misread
		}
	}
	rb.out = rep.Output
	rb.note("row %d: the layer is the words' %s on the row before's output, which gives the row's %s", rb.ri+1, call, rb.shapeText(rep.Output))
	return l, true
}

// kerasRowShape is a row's output channels first as calc shapes are, 0
// where the row has a ? (kerasChannelsFirst drops such rows).
func kerasRowShape(r kerasRow) []int {
	if len(r.Out) == 0 {
		return nil
	}
	return append([]int{r.Out[len(r.Out)-1]}, r.Out[:len(r.Out)-1]...)
}

// shapeText is a shape as the row's framework prints it.
func (rb *kerasRebuild) shapeText(s calc.Shape) string {
	if rb.framework == "pytorch" {
		return "[-1, " + ptCommaJoin(s) + "]"
	}
	return "(None, " + kerasLastText(s) + ")"
}

// ptCommaJoin writes sizes as "32, 6, 6".
func ptCommaJoin(s []int) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, ", ")
}

// blankCountConvRows counts the conv rows whose count is blank, their
// shape blank or not.
func blankCountConvRows(rows []kerasRow) int {
	n := 0
	for _, r := range rows {
		if strings.HasPrefix(r.Type, "Conv") && r.Params < 0 {
			n++
		}
	}
	return n
}

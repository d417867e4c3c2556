package paste

// One torchsummary row pasted with the layer that comes next ("Conv2d-1
// [-1, 24, 111, 111] 672 — the next layer is nn.Conv2d(24, 48, 3,
// stride=2). what output shape and Param # will the next row show?"): the
// row's output is the pasted layer's input.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// tsAnyRowRE is one torchsummary row of any class, its count known or not.
var tsAnyRowRE = regexp.MustCompile(`(?m)^\s*([A-Z][A-Za-z0-9]*)-(\d+)\s+\[\s*-1((?:\s*,\s*\d+)+)\s*\]\s+([\d,]+|\?+)\s*$`)

// tsNextLayerRE are words that make the pasted layer the row's next one.
var tsNextLayerRE = regexp.MustCompile(`(?i)\bnext\s+(?:layer|row|one)\b|\bafter\s+(?:it|that|this(?:\s+row)?)\b|\bthen\s+(?:i\s+(?:add|have|put)|comes)\b|\bfollowed\s+by\b`)

// tsRowThenLayer reads src as one torchsummary row and the layer call the
// words put after it: the call is read as code on the row's output, put
// in place of the row as the tensor torch.randn would make. ok false when
// src is not that.
func tsRowThenLayer(src string) (*lang.Question, bool) {
	rows := tsAnyRowRE.FindAllStringSubmatchIndex(src, -1)
	if len(rows) != 1 || !tsNextLayerRE.MatchString(src) || !ptLayerRE.MatchString(src[rows[0][1]:]) {
		return nil, false
	}
	m := rows[0]
	dims := strings.Split(src[m[6]:m[7]], ",")[1:]
	for i := range dims {
		dims[i] = strings.TrimSpace(dims[i])
	}
	tensor := fmt.Sprintf("x = torch.randn(1, %s)", strings.Join(dims, ", "))
	line := src[m[0]:m[1]]
	pad := max(0, len(line)-len(tensor))
	text := src[:m[0]] + tensor + strings.Repeat(" ", pad) + src[m[1]:]
	q, err := ParsePyTorch(text)
	if err != nil || q.Input == nil || len(q.Layers) == 0 {
		return nil, false
	}
	q.Notes = append(q.Notes, fmt.Sprintf("the row's output, [-1, %s], is the input of the layer after it", strings.Join(dims, ", ")))
	q.Unused = append(q.Unused, lang.Unused{Text: src[m[4]:m[5]], Pos: ptOffsetPos(src, m[4]), Why: "the row's index in torchsummary's table"})
	count := src[m[8]:m[9]]
	if strings.Trim(count, "?") != "" {
		q.Unused = append(q.Unused, lang.Unused{Text: count, Pos: ptOffsetPos(src, m[8]), Why: "the row's own Param #: that layer comes before the one asked about"})
	}
	return q, true
}

// The words beside a conv row whose count is to fill: the layer before's
// output ([-1, 48, 28, 28]) and the conv's kernel, padding, stride, bias.
var (
	tsPrevShapeRE = regexp.MustCompile(`\[\s*-1\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*\]`)
	tsKernelRE    = regexp.MustCompile(`(?i)\b(?:kernel(?:_size)?|k)\s*[=:]?\s*(\d{1,2})\b|\b(\d{1,2})\s*[x×]\s*\d{1,2}\s+(?:conv|kernel|filter)`)
	tsPadRE       = regexp.MustCompile(`(?i)\b(?:padding|pad|p)\s*[=:]?\s*(\d)\b`)
	tsStrideRE    = regexp.MustCompile(`(?i)\b(?:stride|s)\s*[=:]?\s*(\d)\b`)
	tsNoBiasRE    = regexp.MustCompile(`(?i)bias\s*=\s*False|\bno\s+bias\b|\bwithout\s+(?:a\s+)?bias\b`)
)

// tsRowToFill reads one conv row whose Param # is to fill ("???") with the
// layer before's output and the conv's kernel in the words: the conv is
// rebuilt from them, and kept only when it gives the row's output shape.
func tsRowToFill(src string) (*lang.Question, bool) {
	rows := tsAnyRowRE.FindAllStringSubmatchIndex(src, -1)
	if len(rows) != 1 {
		return nil, false
	}
	m := rows[0]
	if src[m[2]:m[3]] != "Conv2d" || strings.Trim(src[m[8]:m[9]], "?") != "" {
		return nil, false
	}
	words := src[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + src[m[1]:]
	p, k := tsPrevShapeRE.FindStringSubmatchIndex(words), tsKernelRE.FindStringSubmatch(words)
	if p == nil || k == nil {
		return nil, false
	}
	out := ptAtois(strings.Split(src[m[6]:m[7]], ",")[1:])
	in := ptAtois([]string{words[p[2]:p[3]], words[p[4]:p[5]], words[p[6]:p[7]]})
	if len(out) != 3 || len(in) != 3 {
		return nil, false
	}
	c := calc.Conv{In: in[0], Out: out[0], Kernel: []int{ptAtois([]string{k[1] + k[2]})[0]}, NoBias: tsNoBiasRE.MatchString(words)}
	if s := tsStrideRE.FindStringSubmatch(words); s != nil {
		c.Stride = ptAtois(s[1:])
	}
	if pd := tsPadRE.FindStringSubmatch(words); pd != nil {
		c.Pad = ptAtois(pd[1:])
	}
	q := &lang.Question{Input: calc.Shape(in), Layers: []lang.Layer{{Layer: c, Pos: ptOffsetPos(src, m[2])}}, Asked: []string{"params"}}
	r, err := q.Layers[0].Apply(q.Input)
	if err != nil || !slices.Equal([]int(r.Output), out) {
		return nil, false // the words' conv does not give the row
	}
	q.Unused = append(q.Unused, lang.Unused{Text: src[m[4]:m[5]], Pos: ptOffsetPos(src, m[4]), Why: "the row's index in torchsummary's table"})
	q.Notes = append(q.Notes, fmt.Sprintf("the row's conv rebuilt from the words: %d input channels from the layer before's [-1, %s], %d filters from the row, which it gives", in[0], ptJoin(in), out[0]))
	ptFinish(q, "pytorch", nil)
	return q, true
}

// ptAtois reads whole numbers, nil when one is not.
func ptAtois(ss []string) []int {
	var out []int
	for _, s := range ss {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

package paste

// One torchsummary Linear row whose Param # is to fill, with the layer
// before's output said in the words: "Linear-7  [-1, 256]  ??? — the
// previous layer output is [-1, 32, 6, 6] flattened". The row's output
// has one size, so what reached it was flat: in_features is the product
// of the shape before (a Linear on a map would keep the map's axes).

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// tsLinearRowRE is one torchsummary Linear row with a flat output, its
// count known or blank.
var tsLinearRowRE = regexp.MustCompile(`(?m)^[ \t]*(Linear)-(\d+)\s+\[\s*-1\s*,\s*(\d{1,7})\s*\]\s+(\d{1,3}(?:,\d{3})+|\d+|\?+|_{2,})[ \t]*$`)

// tsWordsShapeRE is a shape torchsummary prints, in the words: "[-1, 32,
// 6, 6]" (the batch as -1, N, B or None).
var tsWordsShapeRE = regexp.MustCompile(`[\[(]\s*(?:-1|N|B|None|batch(?:_size)?)\s*((?:,\s*\d{1,5}\s*){1,3})[\])]`)

// tsLinearRow is the one Linear row of src with the index of its match,
// nil when src holds none or several, or rows of other classes.
func tsLinearRow(src string) []int {
	ms := tsLinearRowRE.FindAllStringSubmatchIndex(src, -1)
	if len(ms) != 1 || len(tsAnyRowRE.FindAllStringIndex(src, 2)) > 1 || tsSummaryRows(src) != nil {
		return nil
	}
	return ms[0]
}

// tsLinearRowSaid reports whether src is one torchsummary Linear row with
// the shape before it in the words.
func tsLinearRowSaid(src string) bool {
	m := tsLinearRow(src)
	return m != nil && tsWordsShapeRE.MatchString(src[:m[0]]+src[m[1]:])
}

// tsLinearToFill reads src as one Linear row and the shape before it in
// the words; ok is false when src is not that, or the words give several
// shapes.
func tsLinearToFill(src string) (*lang.Question, bool) {
	m := tsLinearRow(src)
	if m == nil {
		return nil, false
	}
	words := src[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + src[m[1]:]
	shapes := tsWordsShapeRE.FindAllStringSubmatch(words, -1)
	if len(shapes) != 1 {
		return nil, false
	}
	prev := ptAtois(strings.Split(strings.Trim(strings.TrimSpace(shapes[0][1]), ","), ","))
	out := ptAtois([]string{src[m[6]:m[7]]})
	if prev == nil || out == nil || out[0] < 1 {
		return nil, false
	}
	in := calc.Shape(prev)
	n, err := in.Elements()
	if err != nil || n < 1 || n > calc.MaxSize {
		return nil, false
	}
	lin := calc.Linear{In: int(n), Out: out[0], NoBias: tsNoBiasRE.MatchString(words)}
	q := &lang.Question{Input: in, Layers: []lang.Layer{{Layer: lin, Pos: ptOffsetPos(src, m[2])}}, Asked: []string{"params"}}
	q.Unused = append(q.Unused, lang.Unused{Text: src[m[4]:m[5]], Pos: ptOffsetPos(src, m[4]), Why: "the row's index in torchsummary's table"})
	q.Notes = append(q.Notes, fmt.Sprintf("the row's Linear rebuilt: in_features %s is what the words' [-1, %s] flattens to (the row's output [-1, %d] is flat), %d out_features from the row",
		lang.Group(int(n)), strings.Trim(strings.Join(strings.Fields(strings.ReplaceAll(shapes[0][1], ",", " ")), ", "), " "), out[0], out[0]))
	if count := strings.ReplaceAll(src[m[8]:m[9]], ",", ""); strings.Trim(count, "?_") != "" {
		if rep, err := lin.Apply(calc.Shape{int(n)}); err == nil && fmt.Sprint(rep.Params) != count {
			q.Notes = append(q.Notes, fmt.Sprintf("the row says %s parameters but this reading gives %s", src[m[8]:m[9]], lang.Group(int(rep.Params))))
		}
	}
	ptFinish(q, "pytorch", nil)
	return q, true
}

package paste

// A summary table pasted with a layer the asker means to add after it:
// "I want to add nn.Linear(?, 10) after the flatten: what's in_features,
// and how many params will that Linear have?", "if I put Flatten() and
// Dense(5) on top, how many params in that Dense?". The question is about
// the layer added: what reaches it is the table's last output, and its
// count is its own, not the table's total (unless the words ask for the
// total).

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// addedLinearRE is a Linear written with its in_features blank:
// "nn.Linear(?, 10)", "Linear(???, 5)", "nn.Linear(in_features=_,
// out_features=2, bias=False)".
var addedLinearRE = regexp.MustCompile(`\b(?:nn\.)?Linear\(\s*(?:in_features\s*=\s*)?(?:\?+|_+|x|N|\.\.\.)\s*,\s*(?:out_features\s*=\s*)?(\d{1,6})\s*(?:,\s*bias\s*=\s*(True|False)\s*)?\)`)

// addedDenseRE is a Keras Dense written in the words: "Dense(10)",
// "Dense(units=5, activation='softmax')".
var addedDenseRE = regexp.MustCompile(`\bDense\(\s*(?:units\s*=\s*)?(\d{1,6})\b[^)\n]*\)`)

// addedVerbRE are the words that add a layer: "add", "put ... on top",
// "then", "followed by", "after the flatten".
var addedVerbRE = regexp.MustCompile(`(?i)\b(?:add|adding|append|appending|put|putting|stick|attach|then|followed\s+by|on\s+top|after|next)\b`)

// addedTotalRE are the words that ask for the whole model's count with
// the layer added.
var addedTotalRE = regexp.MustCompile(`(?i)\b(?:total|whole|entire|overall|altogether|in\s+all|all\s+together|the\s+(?:model|network|net)\s+(?:have|has|will\s+have))\b`)

// addedInFeaturesRE asks for the added layer's input size.
var addedInFeaturesRE = regexp.MustCompile(`(?i)\bin_features\b|\bin\s+features\b|\binput\s+(?:features|size|dim\w*)\b|\bwhat\s+goes\s+in\b`)

// summaryFooterRE is a summary's footer line: "Total params: 19,392".
var summaryFooterRE = regexp.MustCompile(`(?im)^\s*(?:total|trainable|non-trainable)\s+params\s*:.*$`)

// addedLayer is a layer the words add after a summary table.
type addedLayer struct {
	out    int
	noBias bool
	pos    lang.Position
	line   func(in int) string // the layer written back with its input filled
}

// findAddedLayer finds the layer words (the table blanked) add after a
// summary, or ok false.
func findAddedLayer(words, framework string) (a addedLayer, ok bool) {
	re := addedLinearRE
	if framework == "keras" {
		re = addedDenseRE
	}
	ms := re.FindAllStringSubmatchIndex(words, -1)
	if len(ms) != 1 {
		return addedLayer{}, false // none, or several: which one is asked is not clear
	}
	m := ms[0]
	if !addedVerbRE.MatchString(words[max(0, m[0]-80):m[0]]) && !addedVerbRE.MatchString(words[m[1]:min(len(words), m[1]+40)]) {
		return addedLayer{}, false
	}
	out, err := strconv.Atoi(words[m[2]:m[3]])
	if err != nil || out < 1 {
		return addedLayer{}, false
	}
	a = addedLayer{out: out, pos: ptOffsetPos(words, m[0])}
	call := words[m[0]:m[1]]
	if framework == "keras" {
		a.noBias = strings.Contains(strings.ReplaceAll(call, " ", ""), "use_bias=False")
		a.line = func(int) string { return call }
		return a, true
	}
	a.noBias = len(m) > 5 && m[4] >= 0 && words[m[4]:m[5]] == "False"
	blank := regexp.MustCompile(`\(\s*(in_features\s*=\s*)?(?:\?+|_+|x|N|\.\.\.)`)
	a.line = func(in int) string {
		loc := blank.FindStringSubmatchIndex(call)
		kw := ""
		if loc[2] >= 0 {
			kw = call[loc[2]:loc[3]]
		}
		return call[:loc[0]] + "(" + kw + strconv.Itoa(in) + call[loc[1]:]
	}
	return a, true
}

// withAddedLayer reads the layer words add after a summary table (q
// rebuilt from its rows, not yet finished). Asked about on its own, the
// reading is that layer on what the table's last row gives; asked with
// the whole model ("total params after adding it"), the layer is added
// at the end. It reports whether it read one.
func withAddedLayer(src, words, framework string, rows []kerasRow, q *lang.Question) bool {
	a, ok := findAddedLayer(words, framework)
	if !ok || q.Input == nil || len(q.Layers) == 0 || len(rows) > 0 && rows[len(rows)-1].Type == "Dense" {
		return false // the table ends with its own Linear: the words name one of its rows
	}
	last := q.Input
	for _, l := range q.Layers {
		r, err := l.Apply(last)
		if err != nil {
			return false
		}
		last = r.Output
	}
	n, err := last.Elements()
	if err != nil || n > ptLimit {
		return false
	}
	var added []lang.Layer
	if len(last) > 1 {
		added = append(added, lang.Layer{Layer: calc.Flatten{}, Pos: a.pos})
	}
	added = append(added, lang.Layer{Layer: calc.Linear{In: int(n), Out: a.out, NoBias: a.noBias}, Pos: a.pos})
	name := "nn.Linear"
	if framework == "keras" {
		name = "Dense"
	}
	if addedTotalRE.MatchString(summaryFooterRE.ReplaceAllString(words, "")) {
		q.Layers = append(q.Layers, added...)
		q.Notes = append(q.Notes, fmt.Sprintf("the %s the words add is put after the table's last row: %s flattens to %s values", name, ptShapeText(last), lang.Group(int(n))))
	} else {
		q.Input, q.Layers = last, added
		q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool { return strings.Contains(n, "input taken as") })
		q.Notes = append(q.Notes, fmt.Sprintf("the question is about the %s the words add: what reaches it is the table's last output, %s (%s values); the rows above are not counted in its parameters (ask for the total to count them)", name, ptShapeText(last), lang.Group(int(n))))
	}
	if q.Input.Equal(last) {
		q.Unused = append(q.Unused, addedUnused(src, words, rows, last)...)
		if addedInFeaturesRE.MatchString(words) {
			// the size asked is the layer's input, answered as its in_features
			q.Asked = slices.DeleteFunc(q.Asked, func(a string) bool { return a == "output" })
		}
	}
	if framework != "keras" {
		q.Fix = &lang.Fix{Layer: len(q.Layers) - 1, Line: a.line(int(n)), Why: fmt.Sprintf("%d is what goes in the ?: what reaches it, %s, flattens to %d values", n, ptShapeText(last), n)}
	}
	return true
}

// addedDimsRE are sizes written in the words: "input 3x64x64", "(64, 64,
// 3)".
var addedDimsRE = regexp.MustCompile(`\b\d+(?:\s*[x×]\s*\d+){1,3}\b|\(\s*\d+(?:\s*,\s*\d+){1,3}\s*\)`)

// addedNumberRE is a number as the router reads one: thousands grouped.
var addedNumberRE = regexp.MustCompile(`\d{1,3}(?:,\d{3})+\b|\d+`)

// addedUnused names the numbers a reading of the added layer alone leaves
// out: the rows above the last (their counts and shapes) and the table's
// input in the words, each with why. The last row's sizes are used.
func addedUnused(src, words string, rows []kerasRow, last calc.Shape) []lang.Unused {
	used := map[string]bool{"0": true, "1": true}
	for _, d := range last {
		used[strconv.Itoa(d)] = true
	}
	lines := strings.Split(src, "\n")
	rowLine := map[int]bool{}
	for _, r := range rows {
		rowLine[r.Pos.Line] = true
	}
	for i, l := range lines {
		if tsRowRE.MatchString(l) {
			rowLine[i+1] = true
		}
	}
	var out []lang.Unused
	name := func(line int, text string, col int, why string) {
		if !used[strings.ReplaceAll(text, ",", "")] {
			out = append(out, lang.Unused{Text: text, Pos: lang.Position{Line: line, Col: col}, Why: why})
		}
	}
	wordLines := strings.Split(words, "\n")
	for i, l := range lines {
		switch {
		case rowLine[i+1]:
			for _, m := range addedNumberRE.FindAllStringIndex(l, -1) {
				name(i+1, l[m[0]:m[1]], utf8.RuneCountInString(l[:m[0]])+1, "a row of the table above the layer added: only the last row's output reaches it")
			}
		case i < len(wordLines) && !addedLinearRE.MatchString(wordLines[i]) && !addedDenseRE.MatchString(wordLines[i]):
			for _, d := range addedDimsRE.FindAllStringIndex(wordLines[i], -1) {
				for _, m := range addedNumberRE.FindAllStringIndex(l[d[0]:d[1]], -1) {
					name(i+1, l[d[0]+m[0]:d[0]+m[1]], utf8.RuneCountInString(l[:d[0]+m[0]])+1, "the table's input: the layer added takes the table's last output")
				}
			}
		}
	}
	return out
}

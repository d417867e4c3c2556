package english

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A stack said level by level, with how many convs each level holds said
// apart: "TCN, kernel 3, 4 levels with dilations 1, 2, 4, 8, each
// residual block has 2 dilated causal convs", "3 stages with 32, 64 and
// 128 filters, two 3x3 convs per stage". The reading finds one conv for
// each level (the values said in turn); each is then that many convs, one
// after the other, with the level's settings.

// enCountWord is a count written as a digit or a small number word.
const enCountWord = `(\d+|one|two|three|four|five|six|seven|eight)`

// enConvAdjectives are the words that may stand between a count and its
// convs: "2 dilated causal convs", "two 3x3 convs".
const enConvAdjectives = `(?:(?:dilated|causal|temporal|stacked|residual|separable|depthwise|more|\d+\s*x\s*\d+|1d|2d)[\s-]+){0,3}`

// enGroupNoun names a group of layers said by its place in a stack.
const enGroupNoun = `(?:residual\s+|temporal\s+|conv\w*\s+|vgg\s+)?(?:blocks?|levels?|stages?|units?|modules?|groups?)`

// enEachGroupHasRE matches "each residual block has 2 dilated causal
// convs", "every level contains two conv layers", "each stage is two 3x3
// convs".
var enEachGroupHasRE = regexp.MustCompile(`(?i)\b(?:each|every)\s+(?:one\s+of\s+the\s+)?` + enGroupNoun + `\s*(?:,\s*)?(?:has|have|contains?|consists\s+of|is\s+made\s+of|is|with|uses)\s+` + enCountWord + `\s+` + enConvAdjectives + `conv\w*`)

// enPerGroupRE matches "2 convs per level", "two dilated convs in each
// block", "2 conv layers for every stage".
var enPerGroupRE = regexp.MustCompile(`(?i)\b` + enCountWord + `\s+` + enConvAdjectives + `conv\w*(?:\s+layers?)?\s+(?:per|in\s+each|in\s+every|for\s+each|for\s+every|inside\s+each|each)\s+` + enGroupNoun + `\b`)

// enGroupsCountRE matches the count of groups said: "4 levels", "three
// residual blocks".
var enGroupsCountRE = regexp.MustCompile(`(?i)\b` + enCountWord + `\s+` + enGroupNoun + `\b`)

// convsPerGroup makes each conv of q as many convs as the words say each
// level of the stack holds; q is unchanged when they say none, or the
// reading is no chain of convs one for each level.
func (r *enReader) convsPerGroup(q *lang.Question, err error) (*lang.Question, error) {
	if err != nil || q == nil {
		return q, err
	}
	per, at := perGroupCount(r.src)
	if per < 2 || len(q.Layers) < 2 {
		return q, err
	}
	for _, l := range q.Layers {
		if _, ok := l.Layer.(calc.Conv); !ok {
			return q, err
		}
	}
	if groups := enGroupsCountRE.FindStringSubmatch(r.src); groups != nil && countValue(groups[1]) != len(q.Layers) {
		return q, err // the levels said are not the convs read: a reading already unrolled them, or another
	}
	out := make([]lang.Layer, 0, per*len(q.Layers))
	for _, l := range q.Layers {
		for k := 0; k < per; k++ {
			if c := l.Layer.(calc.Conv); k > 0 && c.In != 0 {
				c.In = c.Out
				l.Layer = c
			}
			out = append(out, l)
		}
	}
	cp := *q
	cp.Layers, cp.Network = out, true
	cp.Notes = append(cp.Notes[:len(cp.Notes):len(cp.Notes)], fmt.Sprintf("read as %d convs in each level (%q), each with its level's settings", per, strings.TrimSpace(r.src[at[0]:at[1]])))
	cp.Canonical = lang.Format(&cp)
	r.repeats = append(r.repeats, per)
	return &cp, nil
}

// perGroupCount is the count of convs each level holds, as the text says
// it, and where it says it; 0 when it says none.
func perGroupCount(src string) (int, []int) {
	for _, re := range []*regexp.Regexp{enEachGroupHasRE, enPerGroupRE} {
		if m := re.FindStringSubmatchIndex(src); m != nil {
			return countValue(src[m[2]:m[3]]), m[:2]
		}
	}
	return 0, nil
}

// countValue is the value of a count written as digits or a small word.
func countValue(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	for k, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight"} {
		if strings.EqualFold(s, w) {
			return k + 1
		}
	}
	return 0
}

// perGroupMention takes the count of "2 convs per level" out of the
// numbers to read, and its conv word out of the layers mentioned when
// another conv is said: the phrase says how many of those convs each
// level holds (convsPerGroup unrolls them), not one more layer.
func (r *enReader) perGroupMention() {
	per, at := perGroupCount(r.src)
	if per < 2 {
		return
	}
	inside := func(i int) bool { return r.toks[i].off >= at[0] && r.toks[i].off < at[1] }
	if slices.ContainsFunc(r.anchors, func(a *enAnchor) bool { return a.kind == "conv" && !inside(a.tok) }) {
		r.anchors = slices.DeleteFunc(r.anchors, func(a *enAnchor) bool { return a.kind == "conv" && inside(a.tok) })
	}
	for i := range r.toks {
		if inside(i) && r.toks[i].kind == 'n' {
			r.toks[i].used = true
		}
	}
}

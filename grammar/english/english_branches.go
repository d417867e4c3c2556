package english

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A module said as its branches, one a line: "the inception (3a) module
// takes 28x28x192 and has four branches:\n- 1x1 conv, 64\n- 1x1 conv 96
// -> 3x3 conv 128 (pad 1)\n...". Each line is a chain read on the
// module's input; the branches are joined along the channels.

// enBranchItemRE matches a line that is one branch: a bullet, a number
// or letter, or "branch N:" before it.
var enBranchItemRE = regexp.MustCompile(`(?im)^[ \t]*(?:[-*•·]|\d[.)]|\(?[a-d]\)|branch\s*\d+\s*[:.)-])[ \t]*(.+?)[ \t]*$`)

// enModuleInputRE matches the module's input: a size of three numbers.
var enModuleInputRE = regexp.MustCompile(`(\d+)\s*[x×]\s*(\d+)\s*[x×]\s*(\d+)`)

// enLayerArrowRE matches an arrow from one layer to the next (not between
// channel counts): "1x1 conv 96 -> 3x3 conv 128", "maxpool -> 1x1 conv".
var enLayerArrowRE = regexp.MustCompile(`(?i)\s*(?:->|→|=>)\s*((?:then\s+|an?\s+)?(?:\d+\s*[x×]\s*\d+|(?:max|avg|average)[- ]?pool|pool|conv|relu|batch|bn\b))`)

// enMaxBranches bounds the branches read.
const enMaxBranches = 8

// branchList reads src as a module said branch by branch, or returns
// false.
func (r *enReader) branchList() (*lang.Question, bool) {
	if !enParallelRE.MatchString(r.src) {
		return nil, false
	}
	items := enBranchItemRE.FindAllStringSubmatchIndex(r.src, -1)
	if len(items) < 2 || len(items) > enMaxBranches {
		return nil, false
	}
	head := r.src[:items[0][0]]
	m := enModuleInputRE.FindStringSubmatch(head)
	if m == nil {
		return nil, false
	}
	in := m[0]
	var branches [][]calc.Layer
	for _, it := range items {
		text := "input " + in + ", " + enLayerArrowRE.ReplaceAllString(r.src[it[2]:it[3]], ", then $1") + ". output?"
		bq, err := ParseEnglish(text)
		if err != nil || bq.Input == nil || len(bq.Layers) == 0 || len(bq.Doubts) > 0 {
			return nil, false
		}
		var ls []calc.Layer
		for _, l := range bq.Layers {
			ls = append(ls, l.Layer)
		}
		branches = append(branches, ls)
	}
	pos := enPos(r.src, items[0][0])
	q := &lang.Question{Network: true, Asked: r.g.asked}
	q.Input = inputShape(m)
	q.Layers = []lang.Layer{{Layer: calc.Concat{Branches: branches}, Pos: pos}, {Layer: calc.Activation{Name: "identity"}, Pos: pos}}
	if _, err := (calc.Network{Input: q.Input, Layers: []calc.Layer{q.Layers[0].Layer}}).Summarize(); err != nil {
		return nil, false
	}
	q.Notes = []string{fmt.Sprintf("%d branches, one a line, each on the %s input; their outputs joined along the channels", len(branches), in)}
	q.Unused = r.branchCount(len(branches))
	for _, it := range items {
		for _, d := range enDigits.FindAllStringIndex(r.src[it[0]:it[2]], -1) {
			at := it[0] + d[0]
			q.Unused = append(q.Unused, lang.Unused{Text: r.src[at : it[0]+d[1]], Pos: enPos(r.src, at), Why: "it numbers the branch"})
		}
	}
	q.Canonical = lang.Format(q)
	return q, true
}

// inputShape is the module's input, channels last as written (HxWxC).
func inputShape(m []string) calc.Shape {
	var d [3]int
	for i := range d {
		fmt.Sscan(m[i+1], &d[i])
	}
	return calc.Shape{d[2], d[0], d[1]}
}

// enBranchCountRE matches the branches counted: "has four branches".
var enBranchCountRE = regexp.MustCompile(`(?i)\b(\d+)\s+(?:parallel\s+)?(?:branches|paths|towers)\b`)

// branchCount names the count of branches said in digits as not used: it
// counts the lines that follow.
func (r *enReader) branchCount(n int) []lang.Unused {
	m := enBranchCountRE.FindStringSubmatchIndex(r.src)
	if m == nil || strings.TrimSpace(r.src[m[2]:m[3]]) != fmt.Sprint(n) {
		return nil
	}
	return []lang.Unused{{Text: r.src[m[2]:m[3]], Pos: enPos(r.src, m[2]), Why: "it counts the branches listed"}}
}

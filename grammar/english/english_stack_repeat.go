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

// A stack said once and then repeated whole: "dilations 1, 2, 4, 8, 16,
// 32 and then that whole block repeated a second time (so 12 layers)",
// "two 3x3 convs and a maxpool; the entire block is repeated 3 times",
// "kernel 2 with dilations 1, 2, 4, 8, repeated twice". The repeat is
// blanked out of the text (positions kept), the rest is read as any
// stack, and its layers are unrolled the number of times said. A layer
// count the asker wrote ("so 12 layers") must agree with the unrolled
// stack, else the repeat is not read.

var (
	// wholeRepeat matches a repeat of the whole stack said before it.
	wholeRepeat = regexp.MustCompile(`(?i)(?:,\s*|;\s*)?(?:\band\s+)?(?:then\s+)?(?:(?:that|the|this)\s+(?:(?:whole|entire|same|full)\s+)?|(?:whole|entire|same|full)\s+)(?:block|stack|thing|sequence|pattern|set|group|chain)\s+(?:is\s+|gets\s+)?(?:repeated|repeats|stacked\s+again|again)\s*(` + repeatCount + `)?`)
	// listRepeat matches a repeat said right after a list of values:
	// "dilations 1, 2, 4, 8, repeated twice".
	listRepeat = regexp.MustCompile(`(?i)\d+\s*,\s*\d+\s*(?:,\s*\d+\s*)+(,?\s*(?:and\s+)?(?:then\s+)?(?:repeated|repeat(?:ing)?\s+(?:that|this|it|them|the\s+list))\s+(` + repeatCount + `))`)
	// copiesStacked matches copies of the whole stack said by their count:
	// "and I stack two of those blocks", "three such blocks in a row".
	copiesStacked = regexp.MustCompile(`(?i)(?:,\s*|;\s*)?(?:\band\s+)?(?:then\s+)?(?:(?:i|we)\s+)?(?:stack(?:ed|ing)?\s+|use\s+|chain(?:ed)?\s+)?\b(two|three|four|five|[2-9])\s+(?:of\s+(?:those|these|them|that|this)|such|identical|copies\s+of\s+(?:that|this|the))\s*(?:blocks?|stacks?|groups?|sets?)?(?:\s+(?:stacked|in\s+a\s+row|back\s+to\s+back|one\s+after\s+(?:the\s+)?other))?`)
	// groupRepeat matches a repeat said right after a bracketed group of
	// layers, "(conv 3x3, conv 3x3, maxpool 2) repeated twice", or after a
	// stack labelled a block, "block: conv 3x3, maxpool 2, repeated 2
	// times" (blockLabel): the group is what repeats, not its last layer.
	groupRepeat = regexp.MustCompile(`(?i)(\)\s*|,\s*)(?:(?:is|are|gets?)\s+)?(?:repeated|stacked)\s*(` + repeatCount + `)`)
	blockLabel  = regexp.MustCompile(`(?i)^\s*(?:(?:the|a|my|one|each)\s+)?block\s*(?:\d\s*)?:`)
	// layersSaid matches the layer count written after a repeat: "(so 12
	// layers)", "= 12 layers total".
	layersSaid = regexp.MustCompile(`(?i)^\s*(?:\(\s*|,\s*|=\s*)?(?:so\s+|i\.?e\.?\s+|that'?s\s+|giving\s+|for\s+)?(\d+)\s+(?:conv\w*\s+)?layers?(?:\s+(?:total|in\s+total|overall|altogether))?\s*\)?`)
)

// repeatCount is how many times, in words: "twice", "3 times", "a second
// time", "once more".
const repeatCount = `twice|thrice|(?:\d+|two|three|four|five)\s*(?:times|x)|x\s*\d+|a\s+(?:second|third|fourth)\s+time|once\s+more|(?:once\s+)?again`

// repeatTimes is the number of copies a repeatCount says, the first
// included; 0 when it says none.
func repeatTimes(s string) int {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	words := map[string]int{"twice": 2, "thrice": 3, "once more": 2, "again": 2, "once again": 2, "a second time": 2, "a third time": 3, "a fourth time": 4}
	if n, ok := words[s]; ok {
		return n
	}
	digits := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(s, "times"), "x"), " x")
	names := map[string]int{"two": 2, "three": 3, "four": 4, "five": 5}
	if n, ok := names[digits]; ok {
		return n
	}
	n, _ := strconv.Atoi(digits)
	return n
}

// stackRepeated reads src as a stack repeated whole; false when src says
// no such repeat or the rest does not read as layers.
func stackRepeated(src string) (*lang.Question, bool) {
	span, times := repeatSpan(src)
	if span == nil || times < 2 || times > 16 {
		return nil, false
	}
	total := -1
	if m := layersSaid.FindStringSubmatchIndex(src[span[1]:]); m != nil {
		total, _ = strconv.Atoi(src[span[1]+m[2] : span[1]+m[3]])
		span = []int{span[0], span[1] + m[1]}
	}
	before := src[:span[0]]
	if strings.HasPrefix(src[span[0]:], ")") {
		if open := strings.LastIndex(before, "("); open >= 0 {
			before = before[:open] + " " + before[open+1:] // "(conv, conv, pool) repeated twice": the group's brackets go with the repeat
		}
	}
	q, err := ParseEnglish(before + blank(src[span[0]:span[1]]) + src[span[1]:])
	if err != nil || q.Solve != nil || len(q.Layers) == 0 || total >= 0 && total != times*len(q.Layers) {
		return nil, false
	}
	one := slices.Clone(q.Layers)
	again := slices.Clone(one)
	if c, ok := again[0].Layer.(calc.Conv); ok && c.In > 0 {
		if out := lastConvOut(one); out > 0 {
			c.In = out // a copy takes the channels the copy before it puts out
			again[0].Layer = c
		}
	}
	for range times - 1 {
		q.Layers = append(q.Layers, again...)
	}
	q.Network = true
	q.Repeats = append(q.Repeats, times)
	if total > 0 {
		q.Repeats = append(q.Repeats, total) // the count the asker wrote, checked above
	}
	q.Notes = append(q.Notes, fmt.Sprintf("the stack of %d layers repeated %d times, whole: %d layers", len(one), times, len(q.Layers)))
	q.Canonical = lang.Format(q)
	return q, true
}

// repeatSpan is where src says the whole stack repeats, and how many
// copies that makes.
func repeatSpan(src string) ([]int, int) {
	if m := wholeRepeat.FindStringSubmatchIndex(src); m != nil {
		times := 2 // "the whole block again"
		if m[2] >= 0 {
			times = repeatTimes(src[m[2]:m[3]])
		}
		return m[:2], times
	}
	if m := listRepeat.FindStringSubmatchIndex(src); m != nil {
		return m[2:4], repeatTimes(src[m[4]:m[5]])
	}
	if m := groupRepeat.FindStringSubmatchIndex(src); m != nil && (strings.HasPrefix(src[m[2]:], ")") || blockLabel.MatchString(src)) {
		return []int{m[2], m[1]}, repeatTimes(src[m[4]:m[5]])
	}
	if m := copiesStacked.FindStringSubmatchIndex(src); m != nil && m[0] > 0 {
		return m[:2], repeatTimes(src[m[2]:m[3]]) // "two of those blocks": two copies
	}
	return nil, 0
}

// blank is s with every byte but line breaks turned to a space, so the
// text around it keeps its byte positions.
func blank(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// lastConvOut is the output channels of the last conv of layers; 0 when
// none has them.
func lastConvOut(layers []lang.Layer) int {
	for i := len(layers) - 1; i >= 0; i-- {
		if c, ok := layers[i].Layer.(calc.Conv); ok {
			return c.Out
		}
	}
	return 0
}

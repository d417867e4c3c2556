package paste

// A network told as a block repeated, in words with layer names from
// code, as people write it in chat: "two blocks of Conv2D padding='same'
// + MaxPooling2D(2) on 150x150x3, last conv has 64 filters", "5 blocks of
// Conv2D 3x3 + MaxPooling2D(2) on 48x48x1, filters 32, 64, 128, 128,
// 256", "four blocks of [conv 3x3 no padding -> relu -> maxpool 2],
// channels 32, 64, 128, 256", "block = conv(k3,p0) relu conv(k3,p0) relu
// maxpool(2), 10 hidden units, i have 2 blocks". No code line is pasted:
// the code readers would see one call of the block and leave the rest
// out. A block whose parts cannot all be read is not this reading's.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// bpCountWords are the repeat counts written as words.
var bpCountWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "twice": 2, "thrice": 3}

// The block and its count: "N blocks of X", "block = X ... N blocks",
// "X N times" (X the clause before the count).
var (
	bpBlocksOfRE = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight)\s+(?:blocks?|stages?)\s+of\s+`)
	bpTimesRE    = regexp.MustCompile(`(?i)\s(?:repeated\s+)?(\d{1,2}|two|three|four|five|six|seven|eight|twice|thrice)(?:\s+times\b|x\b)`)
	bpBlockIsRE  = regexp.MustCompile(`(?i)\b(?:(?:every|each)\s+)?blocks?(?:\s*,?\s*(?:each|every\s+one))?\s*(?:=|:|is\b)\s*`)
	bpHaveRE     = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight)\s+(?:blocks|stages)\b`)
	bpStopRE     = regexp.MustCompile(`(?i)^(?:\s+on\s|\s+with\s|\s+and\s+then\b|\s+then\s|\s+and\s+(?:the|my|i|its?|images?|input)\b|[,;?\n]|\.(?:\s|$)|:)`)
	bpStartRE    = regexp.MustCompile(`(?i)(?:[,;:\n]|\.\s|\bi\s+(?:do|have|use|stack|repeat)\s|\brepeat\s)$`)
)

// bpClauseEnd is where the clause starting at from ends: at a comma,
// "on", "with", a full stop outside brackets.
func bpClauseEnd(src string, from int) int {
	depth := 0
	for i := from; i < len(src); i++ {
		switch src[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		}
		if depth <= 0 && i > from && bpStopRE.MatchString(src[i:min(len(src), i+16)]) {
			return i
		}
		if i-from > 240 {
			return i // a block is told in a sentence, not a page
		}
	}
	return len(src)
}

// bpClauseStart is where the clause ending at to starts, scanning back.
func bpClauseStart(src string, to int) int {
	depth := 0
	for i := to - 1; i >= 0; i-- {
		switch src[i] {
		case ')', ']':
			depth++
		case '(', '[':
			depth--
		}
		if depth <= 0 && bpStartRE.MatchString(src[max(0, i-16):i+1]) {
			return i + 1
		}
		if to-i > 240 {
			return i
		}
	}
	return 0
}

// bpCandidates are the blocks the words may repeat, with their counts,
// likeliest first.
func bpCandidates(src string) []bpCandidate {
	var out []bpCandidate
	if m := bpBlockIsRE.FindStringIndex(src); m != nil {
		if h := bpHaveRE.FindStringSubmatch(src); h != nil {
			out = append(out, bpCandidate{bpCount(h[1]), src[m[1]:bpClauseEnd(src, m[1])], m[1]})
		} else if n := bpUntilTooSmall(src); n > 0 {
			out = append(out, bpCandidate{n, src[m[1]:bpClauseEnd(src, m[1])], m[1]})
		}
	}
	for _, m := range bpBlocksOfRE.FindAllStringSubmatchIndex(src, -1) {
		out = append(out, bpCandidate{bpCount(src[m[2]:m[3]]), src[m[1]:bpClauseEnd(src, m[1])], m[1]})
	}
	for _, m := range bpTimesRE.FindAllStringSubmatchIndex(src, -1) {
		start := bpClauseStart(src, m[0])
		out = append(out, bpCandidate{bpCount(src[m[2]:m[3]]), src[start:m[0]], start})
	}
	return out
}

// bpCandidate is a block's words, its count and where the words start.
type bpCandidate struct {
	n    int
	text string
	at   int
}

// bpPartSep splits a block into its layers: "+", "->", "→", ",", "then".
var bpPartSep = regexp.MustCompile(`\s*(?:\+|->|→|,|\bthen\b|\bfollowed\s+by\b)\s*|\s+(?:(?i)relu|bn|batchnorm|BatchNormalization\(\)|ReLU\(\))\s+`)

// The parts of a block: a conv with its kernel and padding, a pool with
// its size, an activation or batch norm to skip.
var (
	bpConvRE   = regexp.MustCompile(`(?i)^(?:(\d{1,2})\s*[x×]\s*\d{1,2}\s+)?(?:conv(?:2d|olution)?|Conv2D|Conv2d|nn\.Conv2d|layers\.Conv2D)\b(.*)$`)
	bpPoolRE   = regexp.MustCompile(`(?i)^(?:(\d)\s*[x×]\s*\d\s+)?(?:max[_ -]?pool(?:ing)?(?:2d)?|MaxPooling2D|MaxPool2d|nn\.MaxPool2d|layers\.MaxPooling2D|pool(?:ing)?)(?:\s*\(\s*(?:pool_size\s*=\s*)?\(?\s*(\d)[^)]*\)?\)?|\s*(\d)\b)?\s*$`)
	bpSkipRE   = regexp.MustCompile(`(?i)^(?:relu|ReLU\(\)|nn\.ReLU\(\)|bn|batchnorm|batch\s*norm|BatchNormalization\(\)|dropout.*|activation.*)$`)
	bpKernelRE = regexp.MustCompile(`(?i)\b(\d{1,2})\s*[x×]\s*\d{1,2}\b|\bk(?:ernel(?:_size)?)?\s*=?\s*\(?(\d{1,2})\b|\(\s*\w+\s*,\s*\(?(\d{1,2})\s*(?:,\s*\d{1,2}\s*\))?\s*(?:[,)]|$)`)
	bpSameRE   = regexp.MustCompile(`(?i)\bsame\b`)
	bpPadRE    = regexp.MustCompile(`(?i)\bp(?:ad(?:ding)?)?\s*=?\s*([1-5])\b`)
	bpValidRE  = regexp.MustCompile(`(?i)\bvalid\b|\bno\s+pad(?:ding)?\b|\bp(?:ad(?:ding)?)?\s*=?\s*0\b|\bunpadded\b`)
)

// bpFiltersRE give the convs' filters: "filters 32, 64, 128", "k = 32, 64",
// "channels 32, 64", "10 hidden units", "64 filters each", "last conv has
// 64 filters".
var (
	bpListRE   = regexp.MustCompile(`(?i)\b(?:filters|channels|k|out_channels|feature\s+maps)\s*(?:=|:|of|are)?\s*\[?\(?(\d{1,4}(?:\s*,\s*\d{1,4}){1,11})`)
	bpEachRE   = regexp.MustCompile(`(?i)\b(\d{1,4})\s+(?:hidden\s+units|filters\s+each|filters\s+in\s+(?:every|each)|channels\s+each)\b|\b(?:each|every|all)\s+(?:conv\w*\s+)?(?:has|with|have)\s+(\d{1,4})\s+(?:filters|channels)\b`)
	bpLastRE   = regexp.MustCompile(`(?i)\blast\s+conv\w*\s+(?:layer\s+)?(?:has|with|gives|outputs)\s+(\d{1,4})\s+(?:filters|channels|feature\s+maps)\b`)
	bpWhatIfRE = regexp.MustCompile(`(?i)\b(?:if|when|after)\s+i\s+(?:switch|set|change|make|use|put)\b[^.?\n]*\bsame\b|\bwith\s+padding\s*=\s*'same'\s+(?:on|for)\s+all\b`)
	bpInputRE  = regexp.MustCompile(`(?i)\b(\d{1,4})\s*[x×]\s*(\d{1,4})(?:\s*[x×]\s*(\d{1,4}))?\b`)
	bpNoCodeRE = regexp.MustCompile(`(?m)^\s*(?:[\w.\[\]]+\s*=[^=]|model\.add|def\s|class\s|return\b|self\.|x\s*=)`)
)

// bpHasCode reports whether src has a line of code; "block = conv(k3)
// relu ..." is words.
func bpHasCode(src string) bool {
	for _, m := range bpNoCodeRE.FindAllStringIndex(src, -1) {
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(src[m[0]:])), "block") {
			return true
		}
	}
	return false
}

// bpBlock is a block's layers as read, before the filters are given.
type bpBlock struct {
	convs []calc.Conv // Kernel and padding; In and Out set later
	order []bool      // true for a conv, false for a pool, in order
	pools []calc.Pool
	same  bool // a conv with padding 'same'
}

// unroll repeats the block n times from ch input channels, the convs
// taking filters in order ('same' padding for all when allSame).
func (b bpBlock) unroll(n, ch int, filters []int, allSame bool, pos lang.Position) []lang.Layer {
	var out []lang.Layer
	k := 0
	for range n {
		ci, pi := 0, 0
		for _, isConv := range b.order {
			if !isConv {
				out = append(out, lang.Layer{Layer: b.pools[pi], Pos: pos})
				pi++
				continue
			}
			c := b.convs[ci]
			ci++
			c.In, c.Out = ch, filters[k]
			if allSame {
				c.PadMode, c.Pad = calc.PadSame, nil
			}
			ch = c.Out
			k++
			out = append(out, lang.Layer{Layer: c, Pos: pos})
		}
	}
	return out
}

// parseBlockProse reads a network told as a repeated block; ok false
// when src is not one, or one whose parts it cannot all read.
func parseBlockProse(src, framework string) (q *lang.Question, ok bool) {
	if len(src) > 1200 || bpHasCode(src) || strings.Count(src, "\n") > 8 {
		return nil, false
	}
	q = &lang.Question{}
	var b bpBlock
	n, at := 0, 0
	for _, c := range bpCandidates(src) {
		if cb, ok := bpParts(c.text); ok && c.n >= 1 && c.n <= 12 {
			b, n, at = cb, c.n, c.at
			break
		}
	}
	if n == 0 {
		return nil, false
	}
	drop, dropNote := bpDropped(src, n)
	whatIf := bpWhatIfRE.MatchString(src)
	in, inNote, ok := bpInput(src, framework)
	if !ok {
		return nil, false
	}
	filters, fNote, ok := bpFilters(src, n, len(b.convs))
	if !ok {
		filters, fNote, ok = bpFiltersUnsaid(src, b, n)
		if !ok {
			return nil, false
		}
	}
	if drop < n {
		q.Unused = append(q.Unused, bpDroppedFilters(src, len(filters)-drop*len(b.convs))...)
	}
	n = drop
	q.Input = in
	q.Layers = b.unroll(n, in[0], filters, whatIf, ptOffsetPos(src, at))
	if extra, note := bpThenConv(src, at, b, filters, q.Layers); note != "" {
		q.Layers = append(q.Layers, extra)
		q.Notes = append(q.Notes, note)
	}
	q.Asked = bpAsked(src)
	q.Notes = append(q.Notes, fmt.Sprintf("read as %d blocks of %s, one after the other", n, bpFormat(b)))
	q.Repeats = append(q.Repeats, n) // a count used, no size (grammar/stack_counts.go)
	if whatIf {
		q.Notes = append(q.Notes, "every conv with padding='same', as the words switch them to: the output keeps the input's size")
	}
	for _, s := range []string{inNote, fNote, dropNote} {
		if s != "" {
			q.Notes = append(q.Notes, s)
		}
	}
	q.Unused = append(q.Unused, bpMessageUnused(src)...)
	if ptCutAtTooSmall(src, q) {
		q.Unused = slices.DeleteFunc(q.Unused, func(u lang.Unused) bool { return strings.HasPrefix(u.Why, "the error message's") })
		if ptCutNamedRE.MatchString(src) {
			// a layer told in words has no place in the text to name it by
			q.Doubts = append(q.Doubts, fmt.Sprintf("the words name the layer that fails (%s); the reading stops before it, so what reaches it is the reading's output, not the output of the last layer kept",
				ptCutNamedRE.FindString(src)))
		}
	} else if !bpSizes(q) {
		return nil, false // a block that does not fit its input is misread
	}
	ptFinish(q, framework, nil)
	return q, true
}

// bpCount reads a count as digits or a word.
func bpCount(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return bpCountWords[strings.ToLower(s)]
}

// bpParts reads a block's words into its convs and pools; ok false when a
// part is neither, or the block has no conv or no pool.
func bpParts(text string) (bpBlock, bool) {
	text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "[]"))
	var b bpBlock
	for _, p := range bpSplit(" " + text + " ") {
		p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "()"))
		switch {
		case p == "" || bpSkipRE.MatchString(p):
		case bpPoolRE.MatchString(p):
			m := bpPoolRE.FindStringSubmatch(p)
			size := 2
			for _, g := range m[1:] {
				if v, err := strconv.Atoi(g); err == nil && v > 0 {
					size = v
					break
				}
			}
			b.pools = append(b.pools, calc.Pool{Op: calc.MaxPool, Kernel: []int{size}, Stride: []int{size}})
			b.order = append(b.order, false)
		case bpConvRE.MatchString(p):
			c, ok := bpConv(p)
			if !ok {
				return bpBlock{}, false
			}
			c = bpConvOut(c, p)
			b.same = b.same || c.PadMode == calc.PadSame
			b.convs = append(b.convs, c)
			b.order = append(b.order, true)
		default:
			return bpBlock{}, false // a part not read: not this reading's
		}
	}
	return b, len(b.convs) > 0 && len(b.pools) > 0
}

// bpSplit splits a block's words at bpPartSep outside brackets.
func bpSplit(text string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		}
		if depth != 0 {
			continue
		}
		if loc := bpPartSep.FindStringIndex(text[i:]); loc != nil && loc[0] == 0 && loc[1] > 0 {
			parts = append(parts, text[start:i])
			start = i + loc[1]
			i = start - 1
		}
	}
	return append(parts, text[start:])
}

// bpConv reads one conv's kernel and padding ("Conv2D 3x3", "conv(k3,p0)",
// "Conv2D(k, (3,3))", "Conv2D padding='same'"); a kernel not given is
// read only with 'same' padding, where the size does not depend on it.
func bpConv(p string) (calc.Conv, bool) {
	m := bpConvRE.FindStringSubmatch(p)
	rest := m[2]
	k := 0
	if m[1] != "" {
		k, _ = strconv.Atoi(m[1])
	} else if km := bpKernelRE.FindStringSubmatch(rest); km != nil {
		for _, g := range km[1:] {
			if v, err := strconv.Atoi(g); err == nil && v > 0 {
				k = v
				break
			}
		}
	}
	c := calc.Conv{Kernel: []int{k}}
	switch pm := bpPadRE.FindStringSubmatch(rest); {
	case bpValidRE.MatchString(rest):
	case pm != nil:
		pad, _ := strconv.Atoi(pm[1])
		c.Pad = []int{pad}
	case bpSameRE.MatchString(rest):
		c.PadMode = calc.PadSame
	}
	if k == 0 {
		if c.PadMode != calc.PadSame {
			return calc.Conv{}, false
		}
		c.Kernel = []int{3} // 'same' keeps the size whatever the kernel
	}
	return c, k <= 11
}

// bpInput is the input the words give: "on 150x150x3", "input 1x28x28",
// "mnist 28x28"; ok false for none.
func bpInput(src, framework string) (calc.Shape, string, bool) {
	lower := strings.ToLower(src)
	for _, m := range bpInputRE.FindAllStringSubmatch(src, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a < 8 || b < 8 {
			if m[3] == "" || a > 4 {
				continue // a kernel: "3x3"
			}
		}
		if m[3] != "" {
			c, _ := strconv.Atoi(m[3])
			switch {
			case a <= 4 && c > 4:
				return calc.Shape{a, b, c}, "", true
			case c <= 4:
				return calc.Shape{c, a, b}, "", true
			}
			continue
		}
		switch {
		case strings.Contains(lower, "mnist") || strings.Contains(lower, "gray") || strings.Contains(lower, "grey"):
			return calc.Shape{1, a, b}, "", true
		case strings.Contains(lower, "rgb") || strings.Contains(lower, "cifar") || strings.Contains(lower, "color"):
			return calc.Shape{3, a, b}, "", true
		}
		return calc.Shape{3, a, b}, "the input's channels are not given: 3 assumed; they change the first conv's parameters only", true
	}
	return nil, "", false
}

// bpFilters gives each conv its filters, in order: a list with one per
// block or one per conv, one count for all, or the last conv's alone (when
// the question asks for no parameters: the others do not change a size).
func bpFilters(src string, blocks, convs int) ([]int, string, bool) {
	total := blocks * convs
	out := make([]int, total)
	if m := bpListRE.FindStringSubmatch(src); m != nil {
		var list []int
		for _, f := range strings.Split(m[1], ",") {
			v, _ := strconv.Atoi(strings.TrimSpace(f))
			list = append(list, v)
		}
		switch len(list) {
		case total:
			return list, "", true
		case blocks:
			for i := range out {
				out[i] = list[i/convs]
			}
			return out, "", true
		}
		return nil, "", false
	}
	if m := bpEachRE.FindStringSubmatch(src); m != nil {
		v, _ := strconv.Atoi(m[1] + m[2])
		for i := range out {
			out[i] = v
		}
		return out, "", true
	}
	if m := bpLastRE.FindStringSubmatch(src); m != nil && !strings.Contains(strings.ToLower(src), "param") {
		v, _ := strconv.Atoi(m[1])
		for i := range out {
			out[i] = v
		}
		return out, "only the last conv's filters are given: the others are taken as the same, which changes no size (their parameters are not known)", true
	}
	return nil, "", false
}

// bpAsked is what the words ask: a size (the flatten's, the output's) or
// parameters.
func bpAsked(src string) []string {
	lower := strings.ToLower(src)
	var asked []string
	if strings.Contains(lower, "flatten") || strings.Contains(lower, "size") || strings.Contains(lower, "shape") || strings.Contains(lower, "in_features") || strings.Contains(lower, "dimension") {
		asked = append(asked, "output")
	}
	if strings.Contains(lower, "param") || strings.Contains(lower, "weights") {
		asked = append(asked, "params")
	}
	return asked
}

// bpFormat writes a block for the note: "conv 3x3 'same' + maxpool 2".
func bpFormat(b bpBlock) string {
	var parts []string
	ci, pi := 0, 0
	for _, isConv := range b.order {
		if isConv {
			c := b.convs[ci]
			pad := "no padding"
			if c.PadMode == calc.PadSame {
				pad = "padding 'same'"
			}
			parts = append(parts, fmt.Sprintf("conv %dx%d (%s)", c.Kernel[0], c.Kernel[0], pad))
			ci++
			continue
		}
		parts = append(parts, fmt.Sprintf("max pool %d", b.pools[pi].Kernel[0]))
		pi++
	}
	return strings.Join(parts, " + ")
}

// bpMessageUnused names the numbers of an error message beside the words:
// it was raised by the model before the change asked about.
func bpMessageUnused(src string) []lang.Unused {
	var out []lang.Unused
	for _, m := range errLineRE.FindAllStringIndex(src, -1) {
		line := src[m[0]:m[1]]
		for _, n := range addedNumberRE.FindAllStringIndex(line[:errMessageEnd(line)], -1) {
			out = append(out, lang.Unused{Text: line[n[0]:n[1]], Pos: ptOffsetPos(src, m[0]+n[0]), Why: "the error message's: it describes the model as it was, not the one asked about"})
		}
	}
	return out
}

// bpDropRE says a block is taken out: "if I just delete the fourth
// block", "without the last block", "remove one block".
var bpDropRE = regexp.MustCompile(`(?i)\b(?:delete|remove|drop|take\s+out|get\s+rid\s+of|without)\s+(?:the\s+)?(?:(?:fourth|third|fifth|second|last|final|4th|3rd|5th|2nd|one)\s+)?blocks?\b`)

// bpDropped is the count once a block the words take out is gone.
func bpDropped(src string, n int) (int, string) {
	if n > 1 && bpDropRE.MatchString(src) {
		return n - 1, fmt.Sprintf("%d blocks: the words take one of the %d out", n-1, n)
	}
	return n, ""
}

// bpDroppedFilters names the last k numbers of the filters' list: those
// of the block the words take out.
func bpDroppedFilters(src string, k int) []lang.Unused {
	m := bpListRE.FindStringSubmatchIndex(src)
	if m == nil || k < 1 {
		return nil
	}
	nums := addedNumberRE.FindAllStringIndex(src[m[2]:m[3]], -1)
	var out []lang.Unused
	for _, n := range nums[max(0, len(nums)-k):] {
		out = append(out, lang.Unused{Text: src[m[2]+n[0] : m[2]+n[1]], Pos: ptOffsetPos(src, m[2]+n[0]), Why: "the filters of the block taken out"})
	}
	return out
}

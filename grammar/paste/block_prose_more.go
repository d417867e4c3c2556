package paste

// What a block told in words leaves to the rest of the message: its
// filters written in its own call ("every block is Conv2D(32, 3) +
// MaxPooling2D(2)") or not at all when only sizes are asked, one more
// conv after the blocks ("three times and then a 4th conv"), and a count
// given only by the layer that fails ("blocks 1-4 build fine, the 5th conv
// blows up").

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// bpCallFiltersRE reads the filters of a block's conv call: Keras's
// Conv2D(32, 3), PyTorch's Conv2d(1, 32, 3) (out_channels), or a keyword.
var (
	bpKerasCallRE = regexp.MustCompile(`^\s*Conv[123]D\s*\(\s*(?:filters\s*=\s*)?(\d{1,4})\s*,\s*(?:kernel_size\s*=\s*)?\(?\s*\d{1,2}\b`)
	bpTorchCallRE = regexp.MustCompile(`^\s*(?:nn\.)?Conv[123]d\s*\(\s*(?:in_channels\s*=\s*)?\d{1,4}\s*,\s*(?:out_channels\s*=\s*)?(\d{1,4})\s*,`)
	bpFiltersKwRE = regexp.MustCompile(`\b(?:filters|out_channels)\s*=\s*(\d{1,4})\b`)
)

// bpCallFilters is the filters a block's conv part writes in its call, or
// 0.
func bpCallFilters(part string) int {
	for _, re := range []*regexp.Regexp{bpKerasCallRE, bpTorchCallRE, bpFiltersKwRE} {
		if m := re.FindStringSubmatch(part); m != nil {
			v, _ := strconv.Atoi(m[1])
			return v
		}
	}
	return 0
}

// bpFiltersUnsaid gives the convs filters when the words list none: those
// of each conv's own call, or, when the words ask no parameters, the
// input's channels, which change no size (said in the note). ok false
// when parameters are asked and the calls do not give every conv's.
func bpFiltersUnsaid(src string, b bpBlock, blocks int) ([]int, string, bool) {
	out := make([]int, 0, blocks*len(b.convs))
	for range blocks {
		for _, c := range b.convs {
			out = append(out, c.Out)
		}
	}
	if !strings.Contains(fmt.Sprint(out), " 0") && out[0] != 0 {
		return out, "", true
	}
	low := strings.ToLower(src)
	if strings.Contains(low, "param") || strings.Contains(low, "weight") || strings.Contains(low, "flatten") || strings.Contains(low, "in_features") {
		return nil, "", false // a count the filters change
	}
	for i := range out {
		out[i] = 1
	}
	return out, "the filters are not given: 1 each is assumed, which changes no spatial size (the parameters and channels shown are not yours)", true
}

// bpThenRE says one more conv follows the blocks: "and then a 4th conv",
// "then another conv", "then one more Conv2D".
var bpThenRE = regexp.MustCompile(`(?i)^[^.?\n]{0,40}?\bthen\s+(?:a|an|one\s+more|another|an?\s+extra|the)\s+(?:\d(?:st|nd|rd|th)\s+|(?:second|third|fourth|fifth|sixth|last|final)\s+)?conv`)

// bpThenConv is the conv the words add after the blocks (the block's
// first conv again, on the last conv's filters), with a note; note "" when
// the words add none.
func bpThenConv(src string, at int, b bpBlock, filters []int, layers []lang.Layer) (lang.Layer, string) {
	end := bpClauseEnd(src, at)
	if end >= len(src) || len(layers) == 0 || len(filters) == 0 {
		return lang.Layer{}, ""
	}
	loc := bpThenRE.FindStringIndex(src[end:])
	if loc == nil {
		return lang.Layer{}, ""
	}
	c := b.convs[0]
	ch := filters[len(filters)-1]
	c.In, c.Out = ch, ch
	return lang.Layer{Layer: c, Pos: ptOffsetPos(src, end+loc[0])},
		fmt.Sprintf("then one more conv after the blocks, as the words say: taken as the block's first conv (%dx%d)", c.Kernel[0], c.Kernel[0])
}

// bpOrdinalRE names the layer or block that fails: "the 5th conv", "block
// 5", "the fifth block".
var bpOrdinalRE = regexp.MustCompile(`(?i)\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+(?:conv|block|layer|pool)|\b(?:block|conv)\s+(\d{1,2})\s+(?:blows|crash|fail|breaks|errors)`)

// bpUntilTooSmall is how many blocks to unroll when the words give no
// count but the framework's message says a map got too small: up to the
// one the words name as failing, or enough to reach the failure (the
// reading stops before the layer that fails). 0 without such a message.
func bpUntilTooSmall(src string) int {
	if !ptTooSmallRE.MatchString(src) {
		return 0
	}
	if m := bpOrdinalRE.FindStringSubmatch(src); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		if n >= 1 && n <= 12 {
			return n
		}
	}
	return 12
}

// bpSizes reports whether every layer of q fits what reaches it.
func bpSizes(q *lang.Question) bool {
	in := q.Input
	for _, l := range q.Layers {
		r, err := l.Apply(in)
		if err != nil {
			return false
		}
		in = r.Output
	}
	return true
}

// bpConvOut sets c's filters from its call's words ("Conv2D(32, 3)").
func bpConvOut(c calc.Conv, part string) calc.Conv {
	if n := bpCallFilters(part); n > 0 {
		c.Out = n
	}
	return c
}

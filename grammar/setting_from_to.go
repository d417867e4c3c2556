package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A setting changed in words, "changing the stride from 1 to 2" or
// "padding changed from 0 to 1", names the value the asker now uses. A
// reading with no layer at that value has taken the numbers for something
// else (the 2 as the output channels, say): it is doubted, not answered
// with confidence.

// settingFromTo matches the setting and the value it is changed to.
var settingFromTo = regexp.MustCompile(`(?i)\b(stride|padding)\b(?:\s+[a-z]+){0,2}?\s+from\s+(\d+)\s+to\s+(\d+)\b`)

// withSettingChangeDoubted doubts the questions of qs when src changes a
// setting "from A to B" and no layer of any of them has B.
func withSettingChangeDoubted(src string, qs []*Question) []*Question {
	m := settingFromTo.FindStringSubmatch(src)
	if m == nil || len(qs) == 0 {
		return qs
	}
	setting := strings.ToLower(m[1])
	to, err := strconv.Atoi(m[3])
	if err != nil {
		return qs
	}
	for _, q := range qs {
		if q == nil || q.Solve != nil {
			return qs // an inverse question solves for its settings
		}
		for _, l := range q.Layers {
			if v, ok := settingOf(l.Layer, setting); ok && v == to {
				return qs
			}
		}
	}
	for _, q := range qs {
		q.Doubts = append(q.Doubts, fmt.Sprintf("the question changes the %s from %s to %s, and no layer of this reading has %s %s", setting, m[2], m[3], setting, m[3]))
	}
	return qs
}

// settingOf is a conv's or pool's stride or explicit padding along the
// first axis; false for other layers and for a padding said as a mode.
func settingOf(l calc.Layer, setting string) (int, bool) {
	first := func(xs []int, zero int) int {
		if len(xs) == 0 {
			return zero
		}
		return xs[0]
	}
	switch v := l.(type) {
	case calc.Conv:
		if setting == "stride" {
			return first(v.Stride, 1), true
		}
		return first(v.Pad, 0), v.PadMode == calc.PadExplicit
	case calc.Pool:
		if setting == "stride" {
			return first(v.Stride, first(v.Kernel, 1)), true
		}
		return first(v.Pad, 0), true
	}
	return 0, false
}

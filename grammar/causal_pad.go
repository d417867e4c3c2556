package grammar

// The padding asked to make a conv causal:
//
//	nn.Conv1d(32, 32, kernel_size=3, dilation=8)
//	input len 1000 no padding, out len? and how much left padding to make
//	it causal + same length
//
// A causal conv pads the left side only, by the dilated kernel's reach
// d·(k−1), so no output sees a later input: 16 here, not the symmetric 8
// that keeps the length. The conv is answered as written, with the causal
// padding worked beside it.

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// causalPadRE asks the padding that makes a conv causal.
var causalPadRE = regexp.MustCompile(`(?i)\bpad(?:ding|ded)?\b[^.?!]{0,60}\bcausal\b|\bcausal\b[^.?!]{0,60}\bpad(?:ding|ded)?\b`)

// causalAsked reports whether src asks the causal padding.
func causalAsked(src string) bool { return causalPadRE.MatchString(src) }

// withCausalPad is q with the left padding that makes its one conv causal
// worked in a note, when src asks for it; q itself otherwise.
func withCausalPad(src string, q *Question) *Question {
	if q == nil || !causalAsked(src) || len(q.Layers) != 1 {
		return q
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.Transposed || len(c.Kernel) != 1 {
		return q
	}
	k, d := c.Kernel[0], 1
	if len(c.Dilation) == 1 && c.Dilation[0] > 0 {
		d = c.Dilation[0]
	}
	cp := *q
	cp.Notes = append(append([]string{}, q.Notes...), fmt.Sprintf(
		"causal padding: d·(k − 1) = %d·(%d − 1) = %d on the left only (F.pad(x, (%d, 0)) before the conv, stride 1): every output then sees no later input, and the length is kept",
		d, k, d*(k-1), d*(k-1)))
	return &cp
}

package paste

// "keras Conv2D(64, 5, padding='same') — what padding= do I use in torch
// to match?": a padding question about one pasted conv needs no input
// size when the conv keeps the size at stride 1.

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasNominalSide is the side the padding of a stride-1 'same' conv is
// solved for when no input is given; any side gives the same padding.
const kerasNominalSide = 32

// kerasSamePaddingAsked turns q, one conv with padding='same' at stride 1
// and no input, into the padding the words of src ask for ("what
// padding", "which pad"), and reports whether it did. A strided conv, or
// a kernel no symmetric padding matches (Keras pads an even kernel more
// on one side), is left as it was.
func kerasSamePaddingAsked(src string, q *lang.Question) bool {
	if q.Input != nil || len(q.Layers) != 1 || !askPaddingRE.MatchString(src) {
		return false
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.Transposed || c.PadMode != calc.PadSame {
		return false
	}
	dims := max(c.Dims, 1)
	for d := range dims {
		if calc.Per(c.Stride, d, 1) != 1 {
			return false
		}
	}
	probe := c
	probe.Pad, probe.PadMode = nil, 0
	var sv *calc.Solved
	for d := range dims {
		s, err := calc.SolveConv(probe, "pad", d, kerasNominalSide, kerasNominalSide)
		if err != nil || len(s.Solutions) != 1 {
			return false
		}
		if sv != nil && sv.Solutions[0] != s.Solutions[0] {
			return false // a kernel of two sizes: one number cannot say it
		}
		sv = s
	}
	q.Solve, q.Layers = sv, nil
	q.Notes = append(q.Notes, fmt.Sprintf("no input size given: solved for %d%s; at stride 1 the padding that keeps the size (Keras's padding='same') is the same for every input size",
		kerasNominalSide, strings.Repeat(fmt.Sprintf("×%d", kerasNominalSide), dims-1)))
	return true
}

package paste

// A conv whose in and out channels the asker wrote the wrong way round:
// "RuntimeError: Given groups=1, weight of size [64, 128, 5, 5], expected
// input[16, 64, 28, 28] to have 128 channels, but got 64 channels instead
// — I think I swapped the args in nn.Conv2d(128, 64, 5)". The fix the
// words ask for swaps both numbers (64 in, 128 out), not in_channels alone.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var swapWordsRE = regexp.MustCompile(`(?i)\b(swapp?(ed|ing)?|the wrong way( round| around)?|backwards|mixed up|flipped|reversed|in and out (are|were) switched)\b`)

// ptSwapWords reports whether src says a layer's numbers are the wrong
// way round.
func ptSwapWords(src string) bool {
	return swapWordsRE.MatchString(src)
}

// ptSwapArgs fixes conv i of q (call c) by swapping its first two
// arguments, as the words say; false when they are not both positional.
func ptSwapArgs(fx *ptFixer, q *lang.Question, i int, c calc.Conv, call *ptCall, input []int) bool {
	if len(call.Args) < 2 || call.Args[0].Key != "" || call.Args[1].Key != "" {
		return false
	}
	a, b := ptArgSource(fx.src, call, 0, ""), ptArgSource(fx.src, call, 1, "")
	parts := []string{b, a}
	for k := 2; k < len(call.Args); k++ {
		v := ptArgSource(fx.src, call, k, "")
		if key := call.Args[k].Key; key != "" {
			v = key + "=" + ptArgSource(fx.src, call, -1, key)
		}
		parts = append(parts, v)
	}
	line := call.Name + "(" + strings.Join(parts, ", ") + ")"
	c.In, c.Out = c.Out, c.In
	q.Layers[i].Layer = c
	why := fmt.Sprintf("%s has in_channels %s and out_channels %s swapped, as you say: PyTorch's message says the input it gets, %s, has %d channels", call.Name, a, b, ptShapeText(input), c.In)
	q.Unused = append(q.Unused, lang.Unused{Text: a, Pos: ptArgPos(call, 0, ""), Why: fmt.Sprintf("%s is what the code has as in_channels, but %s: read as %s", a, why, line)})
	q.Fix = &lang.Fix{Layer: i, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	return true
}

package grammar

import (
	"errors"
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
)

// "RuntimeError: ... Kernel size can't be greater than actual input size.
// net: conv 3x3 -> pool2 -> conv 3x3 -> pool2 -> conv 5x5. whats the
// size going into the last conv (where it crashes)?": the network fails
// at a layer, and the question asks about a place before it. The layers
// that fit answer that place; the one that fails is named as where the
// run stops, not sized.

// withCrashCut returns q cut to the layers before the first that does
// not fit what reaches it, when every place q asks about (q.At) lies
// before that layer; q itself otherwise.
func withCrashCut(src string, q *Question) *Question {
	if q == nil || !q.Network || len(q.At) == 0 || q.Input == nil || q.Solve != nil {
		return q
	}
	_, err := summarize(q)
	var le *calc.LayerError
	if !errors.As(err, &le) || !calc.SizeRefusal(le.Err) || le.Index < 2 || le.Index > len(q.Layers) {
		return q
	}
	k := le.Index - 1
	if slices.ContainsFunc(q.At, func(a At) bool { return a.Layer >= k }) {
		return q
	}
	cut := *q
	cut.Layers = slices.Clip(q.Layers[:k])
	cut.Notes = append(slices.Clip(q.Notes), fmt.Sprintf("layer %d (%s) is where the run fails: %v; the %d layers before it are sized",
		le.Index, FormatHead(q.Layers[k].Layer), le.Err, k))
	return &cut
}

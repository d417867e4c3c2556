package paste

import "github.com/cnnbot/cnnbot/calc"

// An adaptive pool says no channel count of its own, so the words give
// the channels and the size apart: "nn.AdaptiveAvgPool2d((5,5)) with 256
// channels coming in at 13x13" is a 256×13×13 input (its output, 256×5×5,
// does not depend on the 13).

// adaptiveFirst reports whether the first layer is a 2-D adaptive pool.
func adaptiveFirst(first calc.Layer) bool {
	a, ok := ptFirstLeaf(first).(calc.AdaptivePool)
	return ok && (len(a.Output) == 1 || len(a.Output) == 2)
}

package paste

// Summary rows that say less than a whole model.summary(): a depthwise
// conv's row, a table whose input is given in words ("Input to it is
// (None, 32, 32, 64)").

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// depthwise rebuilds a DepthwiseConv2D row: one filter per input channel
// (times depth_multiplier), so the channels come from the row before and
// the kernel from the count (Cout·(k·k + 1)) or, with no count, from the
// sizes (stride 1, padding 'valid').
func (rb *kerasRebuild) depthwise() (calc.Layer, error) {
	out, prev, r := rb.out, rb.prev, rb.r
	if prev == nil || len(prev) != len(out) {
		return nil, fmt.Errorf("a depthwise conv's row does not say its input channels: paste the row before it, or say its input shape")
	}
	if out[0]%prev[0] != 0 {
		return nil, fmt.Errorf("a depthwise conv gives a multiple of its %d input channels, not %d", prev[0], out[0])
	}
	c := calc.Conv{Dims: len(out) - 1, In: prev[0], Out: out[0], Groups: prev[0], Depthwise: true, PadMode: calc.PadValid}
	if r.Params >= 0 {
		per := r.Params/int64(out[0]) - 1 // k·k per output channel, plus its bias
		for k := 1; k <= 31; k++ {
			if int64(k*k) == per && r.Params%int64(out[0]) == 0 {
				c.Kernel = []int{k}
			}
		}
		if c.Kernel == nil {
			return nil, fmt.Errorf("%d = %d·(k·k + 1) has no whole kernel size", r.Params, out[0])
		}
		return c, nil
	}
	sized, ok := kerasConvFromSizes(out, prev)
	if !ok {
		return nil, fmt.Errorf("the row's count is not given, and its sizes (%d → %d) do not say the kernel", prev[1], out[1])
	}
	c.Kernel = sized.Kernel
	rb.note("row %d: no count given: the depthwise kernel %s read from the sizes (%d → %d), stride 1 and no padding assumed; depth_multiplier %d (%d → %d channels), with a bias (use_bias=True, the default)",
		rb.ri+1, ptJoin(c.Kernel), prev[1], out[1], out[0]/prev[0], prev[0], out[0])
	return c, nil
}

// kerasSummaryInput is the input the words give a summary whose first row
// is a layer ("Input to it is (None, 32, 32, 64)"), channels-first; nil
// when they give none of the first row's rank.
func kerasSummaryInput(prose ptProse, rows []kerasRow) calc.Shape {
	if len(rows) == 0 || rows[0].Type == "InputLayer" || len(prose.dims) < 2 || len(prose.dims) != len(rows[0].Out) {
		return nil
	}
	return kerasChannelsFirst(prose.dims)
}

// kerasLastText writes a channels-first shape channels-last, as Keras
// prints it: 60, 60, 12.
func kerasLastText(s calc.Shape) string {
	parts := make([]string, 0, len(s))
	for _, d := range append(append([]int{}, s[1:]...), s[0]) {
		parts = append(parts, strconv.Itoa(d))
	}
	return strings.Join(parts, ", ")
}

package paste

// A Linear after an adaptive pool takes the same number of values whatever
// the input: "self.pool = nn.AdaptiveAvgPool2d((3, 3)); self.fc =
// nn.Linear(???, 10)" with the convs before it elided ("...") needs no
// input size. The channels come from the last layer before the pool that
// sets them.

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptAdaptiveFill fills a blank in_features ("???") of the first Linear when
// no input is given and an adaptive pool before it fixes what reaches it;
// it reports whether it did.
func ptAdaptiveFill(q *lang.Question, fx *ptFixer) bool {
	if q.Input != nil || q.Fix != nil {
		return false
	}
	i, ok := ptFirstLinear(q.Layers)
	if !ok {
		return false
	}
	lin := q.Layers[i].Layer.(calc.Linear)
	c := fx.calls[q.Layers[i].Pos]
	if lin.In != 0 || c == nil {
		return false
	}
	size, ch := int64(0), 0
	for j := i - 1; j >= 0 && ch == 0; j-- {
		switch l := q.Layers[j].Layer.(type) {
		case calc.AdaptivePool:
			if size != 0 {
				return false
			}
			size = 1
			for _, d := range l.Output {
				size *= int64(d)
			}
			if len(l.Output) == 1 {
				size *= int64(l.Output[0])
			}
		case calc.Conv:
			if size != 0 {
				ch = l.Out
			}
		case calc.Activation, calc.Dropout, calc.Flatten:
		case calc.BatchNorm:
		default:
			if size != 0 {
				return false // a layer whose channels are not read here
			}
		}
	}
	if ch == 0 && size != 0 {
		ch = ptWordsChannels(fx.src) // "the last conv before the pool has 96 output channels"
		ptAdaptiveInput(q, ch)
	}
	n := size * int64(ch)
	if n == 0 || n > ptLimit {
		return false
	}
	lin.In = int(n)
	why := fmt.Sprintf("the adaptive pool gives %d channels × %d positions = %d values, whatever the input size", ch, size, n)
	fx.apply(q, i, lin, c, 0, "in_features", fmt.Sprint(n), 0, why)
	if q.Input != nil {
		ptBlankAsked(q, fx.src, i)
	}
	return true
}

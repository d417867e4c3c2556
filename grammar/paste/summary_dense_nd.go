package paste

// A Dense row whose output keeps a map's or a sequence's axes — "dense
// (Dense)  (None, 20, 20, 10)", Dense put after a Conv2D with no Flatten —
// is Keras's Dense on its input's last axis: the same units·(in + 1)
// weights at every position, in being the last size of the row before
// (its channels), never the flattened map.

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// denseND rebuilds a Dense row of rank 2 or more (rb.out channels-first:
// the units first): its inputs are the row before's channels, or come
// from the count when there is no row before.
func (rb *kerasRebuild) denseND() (calc.Layer, error) {
	r, out := rb.r, rb.out
	units := out[0]
	var in int64
	switch {
	case len(rb.prev) == len(out) && slices.Equal(rb.prev[1:], out[1:]):
		in = int64(rb.prev[0])
	case r.Params < 0:
		return nil, fmt.Errorf("the row's count is not given and the row before does not say what reaches this Dense: paste the row before it")
	case units > 0 && (r.Params-int64(units))%int64(units) == 0:
		in = (r.Params - int64(units)) / int64(units)
		if in < 1 || in > calc.MaxSize {
			break
		}
		if rb.prev == nil {
			rb.q.Input = append(calc.Shape{int(in)}, out[1:]...)
			rb.prev = rb.q.Input
		}
		rb.note("%s = %d·(%d + 1): read as a Dense layer from %d inputs to %d units, each with one bias", lang.Group(int(r.Params)), units, in, in, units)
	default:
		return nil, fmt.Errorf("%d parameters is not a whole number of inputs for %d units", r.Params, units)
	}
	if in < 1 || in > calc.MaxSize {
		return nil, fmt.Errorf("this Dense layer's inputs cannot be worked out from its row")
	}
	rb.note("the Dense row keeps the axes (None, %s): Keras applies Dense to the last axis at every position, %d inputs each, without flattening (a Flatten() before it would connect every value)", kerasLastText(out), in)
	return linearND{Linear: calc.Linear{In: int(in), Out: units}, Channels: true}, nil
}

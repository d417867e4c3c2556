package grammar

import (
	"slices"

	"github.com/cnnbot/cnnbot/grammar/english"
)

// withStateDictAsked adds "state dict" to what q asks when the words ask
// how many numbers a state_dict holds ("BatchNorm2d(256): how many numbers
// are in its state_dict?"), whatever front-end read the layers: a batch
// norm's running statistics and num_batches_tracked are in it, not in its
// parameters.
func withStateDictAsked(src string, q *Question) *Question {
	if q == nil || slices.Contains(q.Asked, "state dict") || !english.StateDictAsked(src) {
		return q
	}
	cp := *q
	cp.Asked = append(slices.Clone(q.Asked), "state dict")
	return &cp
}

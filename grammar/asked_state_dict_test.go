package grammar

import (
	"slices"
	"testing"
)

// TestStateDictAskedPasted: the size of a state_dict is asked of a layer
// read from code as from prose.
func TestStateDictAskedPasted(t *testing.T) {
	for _, src := range []string{
		"BatchNorm2d(256): how many trainable params, and how many numbers total are in its state_dict?",
		"nn.BatchNorm2d(128) - state_dict size?",
		"batchnorm 64: how many numbers does its state dict hold in total?",
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !slices.Contains(q.Asked, "state dict") {
			t.Errorf("%q: asked %v, want the state dict", src, q.Asked)
		}
	}
}

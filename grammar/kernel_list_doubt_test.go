package grammar

import (
	"strings"
	"testing"
)

// A kernel for each conv, listed in turn: a reading whose convs do not
// have them is not sure; one that does, or a list that is no kernels, is.
func TestKernelListDoubt(t *testing.T) {
	tests := []struct {
		src   string
		doubt bool
	}{
		{"conv layers with 7x7, 5x5, 3x3 kernels, all stride 1: receptive field?", true},
		{"3 conv layers, kernels 5x5, 3x3, 3x3, all stride 1. receptive field?", true},
		{"three convs with kernel sizes 5, 3 and 3, stride 1. receptive field?", false},
		{"a 3x3 conv with 64 filters, stride 2, on a 32x32x3 input: params?", false},
		{"conv layers with 32, 64 and 128 filters, all 3x3, on 32x32x3: params?", false},
		{"stride 1, pad 3, an input of 5x7 and 3x3 filters: output size?", false},
	}
	for _, tt := range tests {
		q, err := Parse(tt.src)
		if err != nil {
			if tt.doubt {
				continue // refused: no confident answer either
			}
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		got := strings.Contains(strings.Join(q.Doubts, "\n"), "lists kernels")
		if got != tt.doubt {
			t.Errorf("%q: kernel-list doubt %v, want %v (doubts %q)", tt.src, got, tt.doubt, q.Doubts)
		}
	}
}

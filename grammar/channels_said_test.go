package grammar

import (
	"strings"
	"testing"
)

// TestChannelsSaidInWords checks that a reading whose first layer takes
// other channels than the words say (grayscale, RGB) is doubted, and that
// one agreeing with them, or with a kind given up, is not.
func TestChannelsSaidInWords(t *testing.T) {
	for src, doubted := range map[string]bool{
		"AlexNet's first layer (96 filters of 11x11, stride 4) on grayscale images instead of RGB, params?": true,
		"input 28x28x3 single-channel images, conv 3x3 with 8 filters, params":                              true,
		"grayscale 28x28 input, conv 5x5 with 6 filters, params?":                                           false,
		"conv 3x3 64 filters on 32x32 rgb images, params":                                                   false,
		"on greyscale, not rgb: conv 3x3 1->16 params":                                                      false,
		"100x100 single channel (no rgb), Conv2d(3, 20, 7): params? the tutorial assumed 3 channels":        true,
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		q = withChannelsDoubted(src, q)
		got := strings.Contains(strings.Join(q.Doubts, "\n"), "this reading's first layer takes")
		if got != doubted {
			t.Errorf("%q: doubted %v, want %v (doubts %q)", src, got, doubted, q.Doubts)
		}
	}
}

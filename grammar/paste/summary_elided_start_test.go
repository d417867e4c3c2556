package paste

import (
	"strings"
	"testing"
)

// TestSummaryElidedStart: a summary pasted from a row whose count is
// "..." is read from that row's output (torch 1.13: Conv2d(64, 128, 3,
// stride=2) on 31x31 gives 15x15 and has 73,856 parameters).
func TestSummaryElidedStart(t *testing.T) {
	for _, src := range []string{
		" conv2d_2 (Conv2D)           (None, 31, 31, 64)        ...\n conv2d_3 (Conv2D)           (None, ?, ?, 128)         ?\n\nconv2d_3 is Conv2D(128, 3, strides=2) with the default padding. what's ? for the spatial size and the param count?",
		" conv2d_2 (Conv2D)           (None, 31, 31, 64)        …\n conv2d_3 (Conv2D)           (None, ?, ?, 128)         ???\n\nconv2d_3 is Conv2D(128, 3, strides=2). fill in the ?",
	} {
		q, err := ParseKeras(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !q.Input.Equal([]int{64, 31, 31}) || !strings.Contains(q.Canonical, "conv 3x3 128 stride 2") {
			t.Errorf("%q: input %v, read as %s", src, q.Input, q.Canonical)
		}
	}
}

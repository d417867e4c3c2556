package calc

import (
	"errors"
	"slices"
	"testing"
)

// TestSameOutput checks 'same' outputs against PyTorch: each input padded
// as TensorFlow pads 'same' (total max((ceil(n/s)-1)·s + k - n, 0), the
// extra pixel after) and run through nn.Conv2d(c, f, k, s); the kernel
// does not change the output, as the rows with kernels 3 to 11 show.
func TestSameOutput(t *testing.T) {
	tests := []struct {
		name            string
		in              Shape
		filters, stride int
		want            Shape
	}{
		{"k3 s2 on 32x56x56", Shape{32, 56, 56}, 64, 2, Shape{64, 28, 28}},
		{"k5 s2 on 3x55x55 (odd side rounds up)", Shape{3, 55, 55}, 48, 2, Shape{48, 28, 28}},
		{"k7 s2 on 3x100x100", Shape{3, 100, 100}, 32, 2, Shape{32, 50, 50}},
		{"k3 s1 keeps 50x50", Shape{3, 50, 50}, 48, 1, Shape{48, 50, 50}},
		{"k11 s4 on 3x224x224", Shape{3, 224, 224}, 96, 4, Shape{96, 56, 56}},
		{"k3 s3 on a 13x17 input", Shape{8, 13, 17}, 16, 3, Shape{16, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SameOutput(tt.in, tt.filters, tt.stride)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("SameOutput(%v, %d, %d) = %v, %v; want %v", tt.in, tt.filters, tt.stride, got, err, tt.want)
			}
		})
	}
}

// TestSameOutputErrors checks that bad settings are refused with the
// field at fault named.
func TestSameOutputErrors(t *testing.T) {
	tests := []struct {
		in              Shape
		filters, stride int
		field           string
	}{
		{Shape{3, 32, 32}, 0, 1, "out"},
		{Shape{3, 32, 32}, 8, 0, "stride"},
		{Shape{3}, 8, 1, "input"},
		{Shape{3, 0, 32}, 8, 1, "input"},
	}
	for _, tt := range tests {
		_, err := SameOutput(tt.in, tt.filters, tt.stride)
		var e *Error
		if !errors.As(err, &e) || e.Field != tt.field {
			t.Errorf("SameOutput(%v, %d, %d) error = %v; want one naming %q", tt.in, tt.filters, tt.stride, err, tt.field)
		}
	}
}

package english

import (
	"strings"
	"testing"
)

// TestTorchSameStride: a strided 'same' conv asked in PyTorch's terms is
// refused with PyTorch's error (nn.Conv2d(1, 8, 3, stride=2,
// padding='same') raises ValueError in torch 1.13), never sized by
// TensorFlow's rule; with stride 1, or in Keras's terms, it is sized.
func TestTorchSameStride(t *testing.T) {
	for _, c := range []struct {
		src     string
		refused bool
	}{
		{"in pytorch, conv 3x3 stride 2 padding='same' on 64x64, output size?", true},
		{"torch conv 5x5, 3->16, stride 2, padding same, input 32x32: output?", true},
		{"pytorch conv 5x5 with padding='same' and stride 1 on 28x28, 1->8 channels. output?", false},
		{"keras Conv2D 3x3 stride 2 padding same on 64x64 output?", false},
	} {
		_, err := ParseEnglish(c.src)
		if got := err != nil && strings.Contains(err.Error(), "not supported for strided"); got != c.refused {
			t.Errorf("%q: refused with PyTorch's error %v (err %v), want %v", c.src, got, err, c.refused)
		}
	}
}

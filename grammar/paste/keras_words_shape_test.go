package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestKerasArrowInput: a Keras shape led into a layer by an arrow or a
// word is that layer's input, channels-last.
func TestKerasArrowInput(t *testing.T) {
	for _, c := range []struct {
		src  string
		want calc.Shape
	}{
		{"keras gan generator, (None, 7, 7, 128) -> Conv2DTranspose(32, 4, strides=2, padding='valid'). output height/width?", calc.Shape{128, 7, 7}},
		{"(None, 14, 14, 64) into Conv2D(128, 3, strides=2, padding='same'): output shape?", calc.Shape{64, 14, 14}},
		{"(None, 28, 28, 1) → Conv2D(8, 3). output?", calc.Shape{1, 28, 28}},
	} {
		q, err := ParseKeras(c.src)
		if err != nil || !q.Input.Equal(c.want) {
			t.Errorf("%q: input %v (%v), want %v", c.src, q.Input, err, c.want)
		}
	}
}

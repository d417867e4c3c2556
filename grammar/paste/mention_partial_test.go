package paste

import (
	"testing"
)

// TestTrailingEllipsis: an ellipsis glued to an argument of a call the
// words refer to is the rest left out; elsewhere it is left as written.
func TestTrailingEllipsis(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"params of the Conv2DTranspose(64...) layer?", "params of the Conv2DTranspose(64,  ) layer?"},
		{"what does the Conv2D(128, 3…) give?", "what does the Conv2D(128, 3,  ) give?"},
		{"then Flatten() and Dense(1...). why", "then Flatten() and Dense(1...). why"},
	} {
		if got := ptTrailingEllipsis(c.src); got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

// TestMentionByStart: a layer named again in the words by its first
// arguments is the pasted layer, not one more.
func TestMentionByStart(t *testing.T) {
	code := "model = tf.keras.Sequential()\nmodel.add(layers.Dense(7*7*256, use_bias=False, input_shape=(100,)))\nmodel.add(layers.Reshape((7, 7, 256)))\n" +
		"model.add(layers.Conv2DTranspose(128, (5, 5), strides=(1, 1), padding='same', use_bias=False))\n" +
		"model.add(layers.Conv2DTranspose(64, (5, 5), strides=(2, 2), padding='same', use_bias=False))\n" +
		"model.add(layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding='same', use_bias=False))\n"
	for _, words := range []string{
		"params of the Conv2DTranspose(64...) layer?",
		"params of the Conv2DTranspose(64, ...) layer?",
		"how many params does the Conv2DTranspose(64) have?",
		"how many params does the Conv2DTranspose(64, (5, 5)) have?",
	} {
		q, err := ParseKeras(code + words)
		if err != nil {
			t.Errorf("%q: %v", words, err)
			continue
		}
		if n := len(q.Layers); n != 5 {
			t.Errorf("%q: %d layers (%s), want the 5 pasted", words, n, q.Canonical)
		}
	}
}

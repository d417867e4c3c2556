package paste

import "testing"

// TestAfterSettings: a setting said after the words' call is the call's,
// in its framework's keyword; a setting the call gives already stays.
func TestAfterSettings(t *testing.T) {
	for words, want := range map[string]string{
		"conv2d_2 is Conv2D(64, 3) with strides=2. what are the ?s":  "Conv2D(64, 3, strides=2)",
		"conv2d_2 is Conv2D(64, 3) with stride 2 and padding='same'": "Conv2D(64, 3, strides=2, padding='same')",
		"Conv2d-4 is nn.Conv2d(64, 128, 3), strides=2":               "nn.Conv2d(64, 128, 3, stride=2)",
		"conv2d_2 is Conv2D(64, 3, strides=2) with stride 1":         "Conv2D(64, 3, strides=2)",
		"conv2d_2 is Conv2D(64, 3). stride 2 elsewhere":              "Conv2D(64, 3)",
	} {
		if got := wordsCall(words); got != want {
			t.Errorf("%q: got %q, want %q", words, got, want)
		}
	}
}

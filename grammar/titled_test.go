package grammar

import (
	"strings"
	"testing"
)

// TestTitledBody reads a question posted with a title, or opened by a
// label, by its body when the whole message does not read with confidence;
// a title with numbers of its own, or words the body's reading lacks,
// keeps the whole message's reading.
func TestTitledBody(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // in the reading's canonical text; "" when the body is not read apart
	}{
		// A title that names the layer with no numbers of its own, then the body.
		{"Output width after convolution with stride 3?\n\n100x100 grayscale image, one conv layer with a 7x7 kernel, stride 3, no padding. what is the width of the output?", "conv 7x7 1->1 stride 3"},
		{"1x1 convolution lecture: input 17x17x160, a 1x1 conv with 40 filters. how many parameters including biases?", "conv 1x1 160->40"},
		{"Memory of one feature map in float32\n\nOne conv layer outputs 32 channels at 56x56 for one image. How many bytes does that output take in float32?", "input 56x56x32"},
		// A message read with confidence as a whole is not read again.
		{"How many parameters does a conv layer have?\n\nmine takes a 28x28x1 input and has 16 filters of 5x5.", ""},
		// The title's number is not in the body: it is part of the question.
		{"Output size with dilation 2?\n\ninput 50x50, kernel 3, what's the output size?", ""},
		// The title names a kind of layer the body's reading lacks.
		{"Transposed conv output size?\n\ninput 16x16, kernel 4, stride 2, padding 1. what's the output size?", ""},
	} {
		whole, err := parseAll(c.src)
		if got := titledBody(c.src, whole, err); c.want == "" && got != nil {
			t.Errorf("%q: read by its body as %q, want the whole message's reading", c.src, got[0].Canonical)
		}
		if c.want == "" {
			continue
		}
		// Through the front door: the English reader may drop a title
		// that names the body's layer again (english_title.go) before the
		// body is read apart.
		qs, err := ParseAll(c.src)
		if err != nil || len(qs) != 1 || inDoubt(qs[0]) || !strings.Contains(qs[0].Canonical, c.want) {
			t.Errorf("%q: read as %v (%v), want one confident reading with %q", c.src, qs, err, c.want)
		}
	}
}

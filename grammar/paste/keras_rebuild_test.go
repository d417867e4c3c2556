package paste

import (
	"strings"
	"testing"
)

// TestKerasRebuilt checks the words' rebuild of a Keras model: the code's
// input_shape replaced, and nothing done when the words rebuild nothing or
// name the shape the code already has.
func TestKerasRebuilt(t *testing.T) {
	code := "\nmodel.add(Conv2D(8, 3, input_shape=(28, 28, 1)))\nmodel.add(Flatten())"
	tests := []struct {
		words string
		want  string // what the code's line holds after, "" when not rebuilt
	}{
		{"if I rebuild with input_shape=(100, 100, 1), flatten size?", "input_shape=(100, 100, 1)"},
		{"switching it to input_shape=(32,32,1): params?", "input_shape=(32,32,1)"},
		{"flatten size? it has input_shape=(28, 28, 1)", ""},
		{"if I rebuild with input_shape=(28, 28, 1), flatten size?", ""},
	}
	for _, tt := range tests {
		out, _, _, ok := kerasRebuilt(tt.words + code)
		if ok != (tt.want != "") {
			t.Errorf("%q: rebuilt %v, want %v", tt.words, ok, !ok)
			continue
		}
		if ok && !strings.Contains(strings.Split(out, "\n")[1], tt.want) {
			t.Errorf("%q: code reads %q, want %s", tt.words, strings.Split(out, "\n")[1], tt.want)
		}
	}
}

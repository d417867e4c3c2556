package english

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestDense checks the fully connected layers read from prose: the widths
// of the chain, worked by hand in each case.
func TestDense(t *testing.T) {
	cases := []struct {
		src   string
		sizes []int // In, then the units of each layer
	}{
		{"Suppose your input is a 96 by 96 grayscale image and the first hidden layer is 512 fully connected neurons. How many parameters?", []int{9216, 512}},
		{"6x6x256 activations flattened into a fully connected layer of 4096 neurons, weights and biases?", []int{9216, 4096}},
		{"two fully connected layers (256 -> 16 -> 256), params?", []int{256, 16, 256}},
		{"SE block on 64 channels, reduction ratio 4, params?", []int{64, 16, 64}},
		{"a 32x32x3 image fully connected to a 28x28x6 output layer: parameters?", []int{3072, 4704}},
		{"gap on 7x7x2048 then fc to 1000 classes, params", []int{2048, 1000}},
	}
	for _, c := range cases {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		var got []int
		for _, l := range q.Layers {
			if lin, ok := l.Layer.(calc.Linear); ok {
				if len(got) == 0 {
					got = append(got, lin.In)
				}
				got = append(got, lin.Out)
			}
		}
		if len(got) != len(c.sizes) {
			t.Errorf("%q: widths %v, want %v", c.src, got, c.sizes)
			continue
		}
		for k := range got {
			if got[k] != c.sizes[k] {
				t.Errorf("%q: widths %v, want %v", c.src, got, c.sizes)
				break
			}
		}
	}
}

// TestDenseDeclines checks that a question describing a convolution, or a
// number the dense reading has no role for, is left to the general reader.
func TestDenseDeclines(t *testing.T) {
	for _, src := range []string{
		"conv 3x3 with 64 filters then a dense layer of 10, params?",
		"fully connected from 32x32x3 to 100 neurons vs a conv w/ 100 filters 5x5",
		"a dense layer of 128 with dropout 0.5 on 784 inputs",
		"how many units for 7850 parameters from 784 inputs?",
	} {
		toks, err := enLex(src)
		if err != nil {
			t.Fatal(err)
		}
		r := &enReader{src: src, toks: toks}
		r.findAnchors()
		r.asked()
		r.scan()
		if q := r.dense(); q != nil {
			t.Errorf("%q: read as fully connected layers only: %s", src, q.Canonical)
		}
	}
}

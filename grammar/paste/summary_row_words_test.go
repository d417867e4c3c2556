package paste

import (
	"testing"
)

// TestRowWithWords checks one torchsummary conv row read with the
// layer's settings in words. Numbers worked: 7*7*3*64 = 9,408 (+64 with
// bias = 9,472); 3*3*48*128+128 = 55,424; checked with PyTorch in
// testdata/questions/code_cases_r6p.py for other rows of the same kind.
func TestRowWithWords(t *testing.T) {
	tests := []struct {
		name, src string
		params    int64
	}{
		{"bias switched on", "Conv2d-1  [-1, 64, 112, 112]  9,408\nthe resnet stem (3->64, 7x7, stride 2, pad 3, bias=False). with bias=True?", 9472},
		{"count blank, the previous row's shape", "Conv2d-4    [-1, 128, 28, 28]    ???\nprev layer output is [-1, 48, 28, 28], kernel 3 pad 1 (bias default). param #?", 55424},
		{"count checks the words", "Conv2d-1  [-1, 64, 112, 112]  9,408 (3->64, 7x7, stride 2, pad 3, no bias): why this number?", 9408},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := tsRowWithWords(tt.src)
			if !ok {
				t.Fatal("not read")
			}
			r, err := q.Layers[0].Apply(q.Input)
			if err != nil {
				t.Fatal(err)
			}
			if r.Params != tt.params {
				t.Errorf("%s has %d parameters, want %d", q.Canonical, r.Params, tt.params)
			}
		})
	}
}

// TestRowWithWordsDeclines checks rows the words do not account for: a
// count that disagrees with them (the words were misread), no kernel, no
// input channels, two rows.
func TestRowWithWordsDeclines(t *testing.T) {
	for _, src := range []string{
		"Conv2d-1  [-1, 64, 112, 112]  9,408 (3->64, 5x5, stride 2): params?",
		"Conv2d-1  [-1, 64, 112, 112]  ??? (3->64, stride 2): params?",
		"Conv2d-1  [-1, 64, 112, 112]  ??? (7x7, stride 2): params?",
		"Conv2d-1  [-1, 64, 112, 112]  9,408\nConv2d-2  [-1, 64, 112, 112]  ??? (64->64, 3x3): params?",
	} {
		if q, ok := tsRowWithWords(src); ok {
			t.Errorf("%q read as %s", src, q.Canonical)
		}
	}
}

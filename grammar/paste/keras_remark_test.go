package paste

import (
	"strings"
	"testing"
)

// TestKerasRemark: layer calls in a bracketed remark under a summary name
// its rows; the summary stays the model (torch 1.13: the CIFAR tutorial's
// last conv has 36,928 parameters and its Dense 65,600).
func TestKerasRemark(t *testing.T) {
	src := "Layer (type)                 Output Shape              Param #\n" +
		"conv2d (Conv2D)              (None, 30, 30, 32)        896\n" +
		"max_pooling2d (MaxPooling2D) (None, 15, 15, 32)        0\n" +
		"conv2d_1 (Conv2D)            (None, 13, 13, 64)        18496\n" +
		"max_pooling2d_1 (MaxPooling2 (None, 6, 6, 64)          0\n" +
		"conv2d_2 (Conv2D)            (None, 4, 4, 64)          ???\n" +
		"flatten (Flatten)            (None, ???)               0\n" +
		"dense (Dense)                (None, 64)                ???\n\n" +
		"(last conv is Conv2D(64, (3,3)), dense is Dense(64))"
	q, err := ParseKeras(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(q.Layers); n != 7 || !strings.Contains(q.Canonical, "linear 1024->64") {
		t.Errorf("%d layers, read as\n%s\nwant the summary's 7", n, q.Canonical)
	}
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"(last conv is Conv2D(64, (3,3)))", true},
		{"(Conv2D(64, 3), Dense(10))", false},
	} {
		f, err := ptParseTree(c.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := kerasRemark(f.Nodes[0]); got != c.want {
			t.Errorf("%q: %v, want %v", c.src, got, c.want)
		}
	}
}

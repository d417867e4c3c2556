package grammar

import (
	"strings"
	"testing"
)

func TestLayerSumDoubts(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"small net on 32x32x3:\nconv(3,16,3,p1) -> pool2 -> conv(16,32,3,p1) -> pool2\ncounting only outputs of the conv and pool layers (no relu, no input), total activation values per img? and bytes fp32", true},
		{"conv 3x3 3->16 pad 1 on 32x32, then maxpool 2, then conv 3x3 16->32 pad 1, then maxpool 2: total activations of all layers?", true},
		{"conv(3,16,3,p1) -> pool2 on 32x32x3, output shape?", false},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Fatalf("ParseAll(%q): %v", c.src, err)
		}
		got := false
		for _, q := range qs {
			got = got || strings.Contains(strings.Join(q.Doubts, "\n"), "every layer")
		}
		if got != c.want {
			t.Errorf("%q: doubt %v, want %v (doubts as read)", c.src, got, c.want)
		}
	}
}

package grammar

import (
	"strings"
	"testing"
)

// TestBlockCountAskedDoubted: a count of blocks asked and not solved makes
// the reply not sure; one solved is answered.
func TestBlockCountAskedDoubted(t *testing.T) {
	for src, doubted := range map[string]bool{
		"input (96,96,1), blocks of Conv2D(k=5, valid) + MaxPooling2D(2). after how many complete blocks is the map 3x3? and the size after block 2": true,
		"on a 40x40 input, how many MaxPool2d(2,2) in a row still work before one fails":                                                             false,
	} {
		qs, err := ParseAll(src)
		if err != nil {
			if doubted {
				continue // a refusal is not a confident answer either
			}
			t.Errorf("%q: %v", src, err)
			continue
		}
		got := false
		for _, q := range qs {
			got = got || strings.Contains(strings.Join(q.Doubts, "\n"), "how many blocks fit")
		}
		if got != doubted {
			t.Errorf("%q: doubted %v, want %v", src, got, doubted)
		}
	}
}

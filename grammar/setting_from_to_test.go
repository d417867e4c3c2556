package grammar

import (
	"strings"
	"testing"
)

// "stride from 1 to 2" read with no layer at stride 2 is doubted; a
// reading that has the new value is not.
func TestSettingChangeDoubted(t *testing.T) {
	for _, c := range []struct {
		src   string
		doubt bool
	}{
		{"changing the stride from 1 to 2 on a conv 3x3 16->32 pad 1, 32x32 input: output?", true},
		{"nn.Conv2d(16, 32, 3, stride=2, padding=1) on 32x32, I moved the stride from 1 to 2, output?", false},
		{"conv 3x3 16->32 stride 2 pad 1 on 32x32 (I changed the stride from 1 to 2), output?", true}, // read at stride 1: the doubt is right
		{"conv 3x3 16->32 pad 1 on 32x32, params?", false},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		got := false
		for _, q := range qs {
			for _, d := range q.Doubts {
				got = got || strings.Contains(d, "changes the stride from 1 to 2")
			}
		}
		if got != c.doubt {
			t.Errorf("%q: doubted %v, want %v", c.src, got, c.doubt)
		}
	}
}

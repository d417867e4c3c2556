package grammar

import (
	"strings"
	"testing"
)

// TestPresetSpanDoubt: a span of a preset named by count and read as the
// whole network is a doubt; the whole network asked is not.
func TestPresetSpanDoubt(t *testing.T) {
	for _, c := range []struct {
		src   string
		doubt bool
	}{
		{"VGG16's first three blocks (2 convs, pool, 2 convs, pool, 3 convs, pool): receptive field?", true},
		{"params of the last two layers of resnet18?", true},
		{"how many params does vgg16 have?", false},
		{"resnet18 with 10 classes, params?", false},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		got := strings.Contains(strings.Join(qs[0].Doubts, "; "), "this reading is the whole network")
		if got != c.doubt {
			t.Errorf("%q: doubts %q, want the span doubt %v", c.src, qs[0].Doubts, c.doubt)
		}
	}
}

package grammar

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestAtPlace changes only the layer a follow-up names by its place.
func TestAtPlace(t *testing.T) {
	for _, c := range []struct {
		src     string
		changed int    // 0-based layer changed in the second question
		setting string // what the note says
	}{
		{"rf of three 3x3 convs stacked? and what if the middle one is stride 2", 1, "stride 2"},
		{"rf of 4 stacked 3x3 convs? and if the 2nd conv has stride 2?", 1, "stride 2"},
		{"receptive field of five 3x3 convs? what if the last one has dilation 3", 4, "dilation 3"},
		{"3 stacked 3x3 conv layers, receptive field? then what if the first layer has padding 1", 0, "padding 1"},
	} {
		qs, err := ParseAll(c.src)
		if err != nil || len(qs) != 2 {
			t.Errorf("%q: %d questions, %v", c.src, len(qs), err)
			continue
		}
		one, two := leafLayers(qs[0]), leafLayers(qs[1])
		if len(one) != len(two) {
			t.Errorf("%q: %d layers, then %d", c.src, len(one), len(two))
			continue
		}
		for i := range one {
			same := specOf(one[i]) == specOf(two[i])
			if same == (i == c.changed) {
				t.Errorf("%q: layer %d is %q then %q", c.src, i+1, specOf(one[i]), specOf(two[i]))
			}
		}
		if !strings.Contains(qs[1].Notes[0], c.setting) {
			t.Errorf("%q: note %q does not say %s", c.src, qs[1].Notes[0], c.setting)
		}
	}
}

// specOf writes a layer in the spec language.
func specOf(l calc.Layer) string { return FormatLayer(l) }

// TestAtPlaceNot leaves a follow-up alone when the place is not there: the
// middle of two layers, or no stack.
func TestAtPlaceNot(t *testing.T) {
	for _, c := range [][2]string{
		{"rf of two 3x3 convs?", "the middle one is stride 2"},
		{"conv 3x3 32->64 params?", "the last one is stride 2"},
		{"rf of three 3x3 convs?", "stride 2"},
	} {
		if _, _, _, ok := atPlace(c[0], c[1]); ok {
			t.Errorf("%q then %q: read as one layer changed", c[0], c[1])
		}
	}
}

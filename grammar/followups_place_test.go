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
		// A pool named by its place counts the pools only, and a size
		// alone is its window: 32 -pad1 conv-> 32 -4x4 pool-> 8 -> 8 ->
		// 2x2 pool -> 4 (torch 1.13: 32×4×4).
		{"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape? what if the first pool is 4x4?", 1, "a 4x4 kernel"},
		{"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape? and if the 2nd maxpool has stride 1?", 3, "stride 1"},
		{"rf of three 3x3 convs stacked? and what if the middle one is 5x5", 1, "a 5x5 kernel"},
		{"rf of 3 stacked 3x3 convs? what if the last conv has kernel 7", 2, "a 7x7 kernel"},
		// two settings of the one layer: 32 -5x5 pad 2-> 32 -> 16 -> 16 -> 8;
		// 32 -3x3 s2 pool-> 15 -> 15 -> 7 (torch 1.13: 32×8×8, 32×7×7)
		{"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output? what if the first conv is 5x5 with padding 2?", 0, "a 5x5 kernel and padding 2"},
		{"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape? what if the first pool is 3x3 with stride 2?", 1, "a 3x3 kernel and stride 2"},
		{"rf of three 3x3 convs? and what if the middle one is stride 2 with padding 1", 1, "stride 2 and padding 1"},
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
		// two changes: made on the one setting, the other would be dropped
		{"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape?", "the second pool has dilation 2 and ceil mode"},
		// another kind of layer is no setting of this one
		{"rf of three 3x3 convs?", "the middle one is a 2x2 maxpool"},
		// a non-square size is no single kernel; an average pool has no dilation
		{"rf of three 3x3 convs?", "the middle one is 1x3"},
		{"conv 3x3 3->16, avgpool 2, conv 3x3 16->32 on 32x32x3", "the first pool has dilation 2"},
	} {
		if _, _, _, ok := atPlace(c[0], c[1]); ok {
			t.Errorf("%q then %q: read as one layer changed", c[0], c[1])
		}
	}
}

package english

import (
	"slices"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestReadWhatIf reads the change a question makes to the setup it
// describes, and the asker's own results for the setup as first said.
func TestReadWhatIf(t *testing.T) {
	tests := []struct {
		src     string
		setting string
		sizes   []int
		every   bool
		nth     int
		claims  []string
	}{
		{"64x64x3 input, conv 3x3 16 filters pad 1 gives 64x64, got that. what if the stride is 2 instead?", "stride", []int{2}, false, 0, []string{"64x64"}},
		{"conv 5x5 -> pool 2 -> conv 5x5 on 32x32. if i put padding=2 on both convs, what comes out?", "padding", []int{2}, true, 0, nil},
		{"conv 3x3 -> conv 3x3 -> conv 3x3, receptive field if the second conv has dilation 2?", "dilation", []int{2}, false, 2, nil},
		{"'input 224x224x3, 64 filters 7x7 stride 2 pad 3, output?' but my images are 160x160. output then?", "input", []int{160, 160}, false, 0, nil},
		{"Conv2d(3, 8, 3) -> flatten, in_features = 8*30*30 = 7200 for 32x32 and it worked. switched to 48x48 images, in_features now?", "input", []int{48, 48}, false, 0, []string{"8*30*30 = 7200"}},
		{"Conv2d(16, 32, 3) has 4,640 params, got that. what if I drop the bias instead?", "bias", nil, false, 0, nil},
		{"conv 7x7 stride 2 on 100x100 gives 47. what if the kernel is 5x5 instead?", "kernel", []int{5, 5}, false, 0, []string{"47"}},
	}
	for _, tt := range tests {
		w, ok := ReadWhatIf(tt.src)
		if !ok {
			t.Errorf("%q: no change read", tt.src)
			continue
		}
		c := w.Change
		if c.Setting != tt.setting || !slices.Equal(c.Sizes, tt.sizes) || c.Every != tt.every || c.Nth != tt.nth {
			t.Errorf("%q: change %+v, want %s %v every=%v nth=%d", tt.src, c, tt.setting, tt.sizes, tt.every, tt.nth)
		}
		if tt.claims != nil && !slices.Equal(w.Claims, tt.claims) {
			t.Errorf("%q: claims %q, want %q", tt.src, w.Claims, tt.claims)
		}
	}
}

// TestReadWhatIfDeclines leaves to other readings what is no single
// change of a described setup.
func TestReadWhatIfDeclines(t *testing.T) {
	for _, src := range []string{
		"conv 3x3 with 16 filters, stride 2, on a 64x64x3 input: output size, and what if the input is 96x96?", // asks both
		"conv 3x3 64->64 params? and what if stride 2?",                                                        // asks both
		"if I change it to 1 input channel with no bias, how many parameters?",                                 // two changes
		"what if the stride is 2 and the padding 1?",                                                           // two settings
		"conv 3x3 32->64 stride 2 pad 1 input 56x56",                                                           // no change
		"if the kernel is 3x3 and stride 1, what padding keeps 28x28?",                                         // two settings
		"conv 3x3 -> fc 10 on 32x32 gives 9,010 params, right. what if the fc has no bias instead?",            // said of the fc
	} {
		if w, ok := ReadWhatIf(src); ok {
			t.Errorf("%q: read as a change %+v of %q", src, w.Change, w.Setup)
		}
	}
}

// TestPaddingSaidOnce reads a padding said once as a word for every side,
// and declines one said as a number or twice.
func TestPaddingSaidOnce(t *testing.T) {
	if c, ok := PaddingSaidOnce("5x5 conv 64->32 at 28x28 with same padding vs 1x1 to 16 then 5x5 16->32, MACs?"); !ok || c.Mode != calc.PadSame || !c.Every {
		t.Errorf("same padding said once: %+v %v", c, ok)
	}
	for _, src := range []string{
		"3x3 conv with same padding vs 3x3 conv with no padding",
		"5x5 pad 2 vs two 3x3 with same padding",
		"5x5 conv vs two 3x3 convs",
	} {
		if c, ok := PaddingSaidOnce(src); ok {
			t.Errorf("%q: read %+v for every side", src, c)
		}
	}
}

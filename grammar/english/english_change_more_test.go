package english

import (
	"slices"
	"testing"
)

// TestReadWhatIfMore reads changes that make several settings at once,
// turn the bias on in words, or are said of the pool.
func TestReadWhatIfMore(t *testing.T) {
	tests := []struct {
		src     string
		setting string
		sizes   []int
		noBias  bool
		pool    bool
		more    []string // the settings of More, in order
	}{
		{"conv 3x3 -> maxpool 2 on 32x32 gives 15, right. what if the pool has stride 1 instead?", "stride", []int{1}, false, true, nil},
		{"two 5x5 convs then a 2x2 max pool on 64x64, rf is 10. what if the pool is kernel 3 and stride 2 instead?", "stride", []int{2}, false, true, []string{"kernel"}},
		{"so 100x100 input with a 5x5 conv gives 96, fine. and what if it had stride 2 and padding 2?", "stride", []int{2}, false, false, []string{"padding"}},
		{"Conv2d(32, 64, 3, bias=False) has 18,432 params, right. what if i switch the bias on?", "bias", nil, false, false, nil},
		{"conv 3x3 64->64 with bias gives 36,928. what if I turned bias off instead?", "bias", nil, true, false, nil},
		{"a 3x3 conv 16->32 no bias has 4,608 weights, ok. and what if I add a bias?", "bias", nil, false, false, nil},
	}
	for _, tt := range tests {
		w, ok := ReadWhatIf(tt.src)
		if !ok {
			t.Errorf("%q: no change read", tt.src)
			continue
		}
		c := w.Change
		var more []string
		for _, m := range c.More {
			more = append(more, m.Setting)
		}
		if c.Setting != tt.setting || !slices.Equal(c.Sizes, tt.sizes) || c.NoBias != tt.noBias || c.Pool != tt.pool || !slices.Equal(more, tt.more) {
			t.Errorf("%q: change %+v, want %s %v nobias=%v pool=%v more=%v", tt.src, c, tt.setting, tt.sizes, tt.noBias, tt.pool, tt.more)
		}
	}
}

// TestReadChangeDeclines leaves alone a change that sets the input or the
// channels beside another setting, or is said of two pools.
func TestReadChangeDeclines(t *testing.T) {
	for _, src := range []string{
		"with 1 input channel and stride 2",
		"on 64x64 images with stride 2",
		"if the first pool and the second pool have stride 1",
		"the fc with 20 units",
	} {
		if c, ok := ReadChange(src); ok {
			t.Errorf("%q: read as %+v", src, c)
		}
	}
}

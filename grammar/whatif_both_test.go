package grammar

import "testing"

// TestWhatIfBoth answers the setup and the change when the words ask
// both ("with stride 1, and how many if ..."), and a change said of one
// layer by its place with "to" ("change the stride of the first conv to
// 1").
func TestWhatIfBoth(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // each question's layers, canonical
	}{
		// "MACs (no bias)" names how the MACs are counted, not the layer
		// (vocab12): the layer keeps its bias, and its MACs are the same.
		{"3x3 conv, padding 1, 64 -> 64 channels on a 128x128 input. how many MACs (no bias) with stride 1, and how many if i change the stride to 2?",
			[]string{"conv 3x3 64->64 stride 1 pad 1 bias input 128x128", "conv 3x3 64->64 stride 2x2 pad 1 bias input 128x128"}},
		{"3x3 conv 16->32 stride 2 then 3x3 conv 32->64 stride 2 on 64x64. output? what if i set the stride of the second conv to 1?",
			[]string{"", ""}},
	} {
		qs, err := ParseAll(c.src)
		if err != nil || len(qs) != len(c.want) {
			t.Errorf("%q: %d questions (%v), want %d", c.src, len(qs), err, len(c.want))
			continue
		}
		for i, q := range qs {
			if c.want[i] != "" && q.Canonical != c.want[i] {
				t.Errorf("%q: question %d read as %q, want %q", c.src, i+1, q.Canonical, c.want[i])
			}
		}
	}
}

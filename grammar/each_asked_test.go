package grammar

import (
	"slices"
	"testing"
)

// TestEachDoubted checks that a message asking for each of several things
// that is read as one question says so first, and that descriptions and
// per-layer asks with "each" are not doubted.
func TestEachDoubted(t *testing.T) {
	doubted := []string{
		"two nets, same params? how many params does each have?\nself.conv1 = nn.Conv2d(3, 16, 3, bias=False)",
		"model A is nn.Conv2d(8, 8, 3) and model B nn.Conv2d(8, 8, 3, groups=8) stacked twice, params for each option please",
		"for both of them what is the output size: nn.Conv2d(1, 4, 3)",
	}
	for _, src := range doubted {
		qs, err := ParseAll(src)
		if err != nil {
			continue // a refusal says it cannot answer: no doubt needed
		}
		if len(qs) == 1 && !slices.Contains(qs[0].Doubts, eachDoubt) {
			t.Errorf("%q: one reading without the doubt; doubts %q", src, qs[0].Doubts)
		}
	}
	plain := []string{
		"each conv has 64 filters 3x3 on 32 channels, params?",
		"how many params in each layer of conv 3x3 3->16 then conv 3x3 16->32",
		"each neuron of a conv 5x5 over 6 channels has how many weights?",
		// a setting put on both convs: 864 + 64 + 18,432 + 128 = 19,488
		"two conv layers 3x3 (3->32, 32->64) each followed by batchnorm, bias=False in both convolutions. params?",
	}
	for _, src := range plain {
		qs, err := ParseAll(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		for _, q := range qs {
			if slices.Contains(q.Doubts, eachDoubt) {
				t.Errorf("%q: doubted as asking for each of several", src)
			}
		}
	}
}

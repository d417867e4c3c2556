package grammar

import "testing"

// TestListLengthDoubts: a per-layer list of another length than the convs
// counted is doubted (it had been padded with its first value: strides 2,
// 2, 2 for "strides 2, 1"); lists of the count, channel lists and blocks
// are not. Worked: 64 -> 29 -> 25 -> 23 with strides 2, 1, 1.
func TestListLengthDoubts(t *testing.T) {
	for src, want := range map[string]bool{
		"3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1, input 64x64. output size?":                 true,
		"3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1, 1, input 64x64. output size?":              false,
		"kernel_size=3, 2 residual blocks, dilations 1, 2, each block has two dilated convs":                  false,
		"temporal conv net, kernel_size=3, dilations 1, 2, 4, 8, 16 with 2 convs per level: receptive field?": false,
		"kernel size 2 causal convs with dilation 1, 2, 4, 8, 16, repeated 3 times: receptive field?":         false,
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := len(listLengthDoubts(src, q)) > 0; got != want {
			t.Errorf("%q: doubted %v, want %v", src, got, want)
		}
	}
}

// TestPairDoubts: channel pairs listed one per layer that the reading does
// not have are doubted: "(3->32, 32->64)" read as two 3->32 convs (10,208
// for 19,488 = 864 + 64 + 18,432 + 128, torch 1.13).
func TestPairDoubts(t *testing.T) {
	for src, want := range map[string]bool{
		"two conv layers 3x3 (3->32, 32->64) each followed by batchnorm, and conv2 has no bias. params?":                  true,
		"two conv layers 3x3 (3->32, 32->64) each followed by batchnorm, bias=False on both convs. params?":               false,
		"1x1 conv from 256 to 64 then 3x3 64->64 then 1x1 64->256 (bottleneck) vs two 3x3 256->256. params without bias?": false,
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := len(pairDoubts(src, q)) > 0; got != want {
			t.Errorf("%q: doubted %v, want %v (read as %q)", src, got, want, q.Canonical)
		}
	}
}

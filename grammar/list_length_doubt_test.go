package grammar

import "testing"

// TestListLengthDoubts: a per-layer list of another length than the convs
// counted is doubted (it had been padded with its first value: strides 2,
// 2, 2 for "strides 2, 1"); lists of the count, channel lists and blocks
// are not. Worked: 64 -> 29 -> 25 -> 23 with strides 2, 1, 1.
func TestListLengthDoubts(t *testing.T) {
	for src, want := range map[string]bool{
		"3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1, input 64x64. output size?":    true,
		"3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1, 1, input 64x64. output size?": false,
		"kernel_size=3, 2 residual blocks, dilations 1, 2, each block has two dilated convs":     false,
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

package paste

import "testing"

// A pool after each conv that the words deny or remove is put nowhere:
// "I removed the maxpool 2 after each conv" with two 3x3 pad-1 convs on
// 32x32 leaves 32x32 (PyTorch: 32*32*32 = 32768 reach the Linear, not the
// 32*8*8 = 2048 two pools would give).
func TestEachConvPoolDenied(t *testing.T) {
	for text, denied := range map[string]bool{
		"I removed the maxpool 2 after each conv. input 32x32, what goes in ???":             true,
		"there is no maxpool 2 after each conv, I only use stride. input 32x32. what is ???": true,
		"i took out the 2x2 max pool after every conv. mnist 28x28, what is ???":             true,
		"the maxpool 2 after each conv was removed. input 32x32, what goes in ???":           true,
		"without a max pool after each conv, what is the in_features?":                       true,
		"I don't use a maxpool after each conv. input 32x32":                                 true,
		"there is a maxpool 2 after each conv. input 32x32, what goes in ???":                false,
		"forward does pool(2) after each conv. input 32x32":                                  false,
		"not sure about the Linear. input 32x32, there is a max pool after each conv":        false,
		"each conv is followed by max pool 2, no padding changes. input 32x32":               false,
	} {
		m := ecEachConvRE.FindStringIndex(text)
		if m == nil {
			t.Errorf("%q: no pool after each conv read", text)
			continue
		}
		if got := ecDenied(text, m[0], m[1]); got != denied {
			t.Errorf("%q: denied %v, want %v", text, got, denied)
		}
	}
}

package grammar

import "testing"

// A list of different layers is no block repeated; a block said once, or
// the same conv written again, is.
func TestDifferentLayersListed(t *testing.T) {
	for text, want := range map[string]bool{
		"a stack of convs on 64x64: conv 7x7 stride 2 pad 3, conv 3x3 pad 1, conv 3x3 pad 1. size after the second conv?":                                                 true,
		"my stack of layers on 64x64: conv 3x3 pad 1, conv 3x3 stride 2 pad 1, conv 3x3 stride 2 pad 1. feature map size after the third conv?":                           true,
		"stack of convs on 32x32 images: 3x3 conv pad 1, 3x3 conv stride 2 pad 1, 3x3 conv stride 2 pad 1. size after the third conv?":                                    true,
		"a stack of nn.Conv2d(..., kernel_size=3, stride=2, padding=1) layers on 64x64 images: what is the feature map size after the fourth of these convs?":             false,
		"conv 3x3 then conv 3x3 then maxpool 2, and we stack three such blocks on a 64x64 input. output size?":                                                            false,
		"input is 48x48, every conv is 3x3 with padding='same' and each is followed by MaxPooling2D(2). how many of these conv+pool blocks can I stack before it breaks?": false,
	} {
		if got := differentLayersListed(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

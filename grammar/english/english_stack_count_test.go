package english

import "testing"

// TestWordedStacks: a stack counted before "layer stack" repeats its conv;
// a depthwise-separable pair's padding said after both pads the depthwise
// conv; a numbered name after "up to" or "through" is where the layers
// listed end, not a layer.
func TestWordedStacks(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"rf of a 3 layer stack of 3x3 convs", "conv 3x3 1->1 bias\nconv 3x3 1->1 bias\nconv 3x3 1->1 bias"},
		{"params of a 3-layer stack of 3x3 convs, 64 filters each, on 32x32x64", "input 32x32x64\nconv 3x3 64->64 bias\nconv 3x3 64->64 bias\nconv 3x3 64->64 bias"},
		{"a 2-layer MLP 784 -> 100 -> 10: params?", "linear 784->100 bias\nlinear 100->10 bias"},
		{"depthwise 3x3 on 112x112x32 then pointwise 32 -> 64, stride 1 pad 1. total MACs no bias", "input 112x112x32\nconv 3x3 32->32 stride 1 pad 1 groups 32 bias\nconv 1x1 32->64 bias"},
		{"MACs of a 3x3 depthwise conv followed by a 1x1 conv 32->64 on a 112x112x32 input, padding 1, no bias", "input 112x112x32\nconv 3x3 32->32 pad 1 groups 32 bias\nconv 1x1 32->64 nobias"},
		{"conv 3x3 64->64 pad 1 then conv 1x1 64->128 on 28x28x64: MACs?", "input 28x28x64\nconv 3x3 64->64 pad 1 bias\nconv 1x1 64->128 bias"},
		{"layers through conv2: conv 5x5 stride 2, pool 2, conv 3x3. receptive field?", "conv 5x5 1->1 stride 2 pad 0 bias\nmaxpool 2x2\nconv 3x3 1->1 stride 1 pad 0 bias"},
		{"vgg up to pool2: conv3-64 conv3-64 pool2 conv3-128 conv3-128 pool2. rf at pool2?", "conv 3x3 1->64 stride 1 pad 0 bias\nconv 3x3 64->64 stride 1 pad 0 bias\nmaxpool 2x2\nconv 3x3 64->128 stride 1 pad 0 bias\nconv 3x3 128->128 stride 1 pad 0 bias\nmaxpool 2x2"},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
	}
}

package grammar

import "testing"

// TestBottleneckSides reads a bottleneck set against the layer it slims
// without a word of comparison ("directly, and if we first ..."), each
// side sized; read as one network, the layer and the bottleneck would be
// added up.
func TestBottleneckSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string
	}{
		// MACs (torch hooks): 28·28·32·25·192 = 120,422,400 vs
		// 28·28·16·192 + 28·28·32·25·16 = 12,443,648.
		{"input 28x28x192, want 32 output channels with a 5x5 'same' conv. How many multiplications directly, and how many if we first use a 1x1 conv down to 16 channels and then the 5x5 'same' conv to 32? (biases ignored)",
			"conv 5x5 192->32 pad same nobias input 28x28", "input 28x28x192\nconv 1x1 192->16 nobias\nconv 5x5 32 pad same nobias"},
		// "1x1 bottleneck conv", "straight": 209,715,200 vs 28,311,552.
		{"what's the cost of a 5x5 same conv from 256 to 128 channels on a 16x16 map, straight, and with a 1x1 bottleneck conv to 32 channels first? count MACs, ignore bias",
			"conv 5x5 256->128 pad same nobias input 16x16", "input 16x16x256\nconv 1x1 256->32 nobias\nconv 5x5 128 pad same nobias"},
		// Parameters: 9·512·512 = 2,359,296 vs 512·128 + 9·128·512 = 655,360.
		{"params of a 3x3 conv 512->512 done directly, and how many if we first use a 1x1 conv down to 128? no bias",
			"conv 3x3 512->512 nobias", "conv 1x1 512->128 nobias\nconv 3x3 128->512 nobias"},
		// "first reduces to": 32·32·64·9·256 = 150,994,944 vs 8,388,608 +
		// 18,874,368 = 27,262,976. (ParseAll splits it at "vs." first.)
		{"32x32x256 input and a 3x3 same conv to 64 channels. MACs if done directly vs. if a 1x1 conv first reduces to 32 channels?",
			"conv 3x3 256->64 pad same bias input 32x32", "input 32x32x256\nconv 1x1 256->32 bias\nconv 3x3 64 pad same bias"},
	} {
		qs := bottleneckSides(c.src)
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			var got []string
			for _, q := range qs {
				got = append(got, q.Canonical)
			}
			t.Errorf("%q: read as %q, want %q and %q", c.src, got, c.one, c.two)
			continue
		}
		for _, q := range qs {
			for _, a := range q.Asked {
				if a == "biases" {
					t.Errorf("%q: asks for the biases it ignores", c.src)
				}
			}
		}
	}
}

// TestBottleneckSidesNeedAComparison leaves a network that ends with a 1x1
// conv, and a 1x1 conv that does not reduce, to the other readers.
func TestBottleneckSidesNeedAComparison(t *testing.T) {
	for _, src := range []string{
		"input 32x32x64, a 3x3 conv to 128 channels and then a 1x1 conv to 32 channels: params?",
		"input 32x32x64, a 3x3 conv to 128 channels, and if we use stride 2 then a 1x1 conv to 32?",
		"a 3x3 conv from 16 to 64 channels directly, or first a 1x1 conv to 32 channels?", // 32 > 16: no bottleneck
	} {
		if qs := bottleneckSides(src); qs != nil {
			t.Errorf("%q read as a bottleneck comparison", src)
		}
	}
}

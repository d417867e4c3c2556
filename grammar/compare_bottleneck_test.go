package grammar

import "testing"

// TestBottleneckSides reads a bottleneck set against the layer it slims
// without a word of comparison ("directly, and if we first ..."), each
// side sized; read as one network, the layer and the bottleneck would be
// added up. Each side is checked by its totals (PyTorch: parameters of
// the modules, MACs from forward hooks), so the canonical text of the
// wide conv ("conv 5x5 32" or "conv 5x5 16->32") may be either.
func TestBottleneckSides(t *testing.T) {
	for _, c := range []struct {
		src          string
		params, macs [2]int64 // macs zero: no input size
	}{
		// 28·28·32·25·192 = 120,422,400 vs 28·28·16·192 + 28·28·32·25·16
		// = 12,443,648; no bias: 153,600 vs 3,072 + 12,800 = 15,872.
		{"input 28x28x192, want 32 output channels with a 5x5 'same' conv. How many multiplications directly, and how many if we first use a 1x1 conv down to 16 channels and then the 5x5 'same' conv to 32? (biases ignored)",
			[2]int64{153600, 15872}, [2]int64{120422400, 12443648}},
		// "1x1 bottleneck conv", "straight": 209,715,200 vs 2,097,152 +
		// 26,214,400 = 28,311,552; 819,200 vs 8,192 + 102,400 = 110,592.
		{"what's the cost of a 5x5 same conv from 256 to 128 channels on a 16x16 map, straight, and with a 1x1 bottleneck conv to 32 channels first? count MACs, ignore bias",
			[2]int64{819200, 110592}, [2]int64{209715200, 28311552}},
		// No input: 9·512·512 = 2,359,296 vs 512·128 + 9·128·512 = 655,360.
		{"params of a 3x3 conv 512->512 done directly, and how many if we first use a 1x1 conv down to 128? no bias",
			[2]int64{2359296, 655360}, [2]int64{}},
		// "first reduces to", with biases: 147,520 vs 8,224 + 18,496 =
		// 26,720; 32·32·64·9·256 = 150,994,944 vs 8,388,608 + 18,874,368 =
		// 27,262,976. (ParseAll splits it at "vs." first.)
		{"32x32x256 input and a 3x3 same conv to 64 channels. MACs if done directly vs. if a 1x1 conv first reduces to 32 channels?",
			[2]int64{147520, 26720}, [2]int64{150994944, 27262976}},
	} {
		qs := bottleneckSides(c.src)
		if len(qs) != 2 {
			t.Errorf("%q: %d sides, want 2", c.src, len(qs))
			continue
		}
		for i, q := range qs {
			params, macs, ok := sideTotals(q)
			if !ok || params != c.params[i] || c.macs[i] != 0 && macs != c.macs[i] {
				t.Errorf("%q: side %d (%s) has %d params, %d MACs (ok %v), want %d and %d", c.src, i+1, q.Canonical, params, macs, ok, c.params[i], c.macs[i])
			}
			for _, a := range q.Asked {
				if a == "biases" {
					t.Errorf("%q: asks for the biases it ignores", c.src)
				}
			}
		}
	}
}

// sideTotals is the parameters and MACs of a side.
func sideTotals(q *Question) (params, macs int64, ok bool) {
	reports, ok := computed(q)
	if q.Network {
		last := reports[len(reports)-1]
		return last.Params, last.MACs, ok
	}
	for _, r := range reports {
		params += r.Params
		macs += r.MACs
	}
	return params, macs, ok
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

package grammar

import (
	"slices"
	"testing"
)

// Phrasings of conv chains in shorthand, after how the Inception and
// ResNet lectures and threads put them ("1x1 conv to 16 channels then 5x5
// to 32", "1x1 down to 64, 3x3, 1x1 back to 256"). Checked with
// /usr/bin/python3 and torch 1.13, MACs counted as output elements ·
// Cin/G·KH·KW per conv and params as sum(p.numel()) of the nn.Sequential.
func TestConvChain(t *testing.T) {
	tests := []struct {
		src    string
		output []int
		params int64
		macs   int64
	}{
		{"resnet bottleneck on 56x56x256: 1x1 to 64, then 3x3 to 64 (same), then 1x1 back to 256, no biases. total MACs?", []int{256, 56, 56}, 69632, 218365952},
		{"a 1x1 conv down to 64 channels then a 3x3 conv to 64 then a 1x1 conv back up to 256, input 256 channels 56x56, params without bias?", []int{256, 54, 54}, 69632, 206651392},
		{"googlenet 3x3 branch: 96 1x1 filters followed by 128 3x3 filters, padded so size stays, input 28x28 with 192 channels. params and MACs?", []int{128, 28, 28}, 129248, 101154816},
		{"5x5 branch of inception 4a: 1x1 conv to 16 channels then 5x5 conv to 48 channels on 480 ch 14x14, keep size, ignore biases. mult-adds in total?", []int{48, 14, 14}, 26880, 5268480},
		{"a 3x3 conv with 32 filters then a 3x3 conv with 64 filters, no padding, input 32x32x64: output shape and params?", []int{64, 28, 28}, 36960, 31039488},
		{"1x1 -> 128 then 3x3 -> 512 keeping the spatial size; the map is 14x14x512. how many params?", []int{512, 14, 14}, 656000, 128450560},
		{"stem: 32 3x3 filters followed by 64 3x3 filters, same padding, on a 64x64x3 image, no bias; how many multiplications?", []int{64, 64, 64}, 19296, 79036416},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			s, err := summarize(q)
			if err != nil {
				t.Fatalf("%s: %v", q.Canonical, err)
			}
			if !slices.Equal([]int(s.Output), tt.output) || s.Params != tt.params || s.MACs != tt.macs {
				t.Errorf("output %v params %d MACs %d, want %v %d %d (%s)", s.Output, s.Params, s.MACs, tt.output, tt.params, tt.macs, q.Canonical)
			}
			if inDoubt(q) {
				t.Errorf("in doubt: %q %v", q.Doubts, q.Unused)
			}
		})
	}
}

// A chain that leaves a number unexplained is not taken.
func TestConvChainLeftAlone(t *testing.T) {
	for _, src := range []string{
		"1x1 to 16 then 5x5 to 32 on 28x28x192, with stride 2 on the second: output?",
		"conv 3x3 64->128 input 56x56: params?",
		"a 3x3 conv to 64 and a 5x5 conv to 64 on 32x32x3, side by side: which has more params?",
	} {
		if q := convChain(src); q != nil {
			t.Errorf("%q read as a chain: %s", src, q.Canonical)
		}
	}
}

// Convs side by side, concatenated (SqueezeNet's fire module, an
// Inception block's branches), after the SqueezeNet threads ("squeeze 1x1
// to 16, expand 64 1x1 and 64 3x3"). Parameters checked with
// /usr/bin/python3 and torch 1.13 as sum(p.numel()) of the nn.Conv2d
// layers.
func TestConvChainParallel(t *testing.T) {
	tests := []struct {
		src    string
		params int64
		output []int // nil when no input size is said
	}{
		{"squeezenet fire2: 96 input channels, squeeze 1x1 to 16, expand 64 1x1 and 64 3x3 in parallel (concatenated), how many params?", 11920, nil},
		{"inception-style block on 28x28x192: 64 1x1 filters and 128 3x3 filters (same padding) side by side, outputs concatenated. params and output shape?", 233664, []int{192, 28, 28}},
		{"fire module with 64 input channels: squeeze 1x1 to 16 then expand 1x1 to 64 and 3x3 to 64 concatenated, no bias. params?", 11264, nil},
		{"input 32x32x256: a 1x1 conv to 32, then 128 1x1 filters and 128 3x3 filters in parallel (pad 1), concatenated. output shape and params?", 49440, []int{256, 32, 32}},
		{"last fire module of squeezenet: 512 input channels, squeeze 1x1 to 64, then expand with 256 1x1 filters and 256 3x3 filters in parallel. param count?", 197184, nil},
		{"two parallel convs on a 64-channel input: 32 1x1 filters and 32 3x3 filters, concat. params with bias?", 20544, nil},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			var params int64
			var out []int
			if q.Network {
				s, err := summarize(q)
				if err != nil {
					t.Fatalf("%s: %v", q.Canonical, err)
				}
				params, out = s.Params, []int(s.Output)
			} else {
				for _, l := range q.Layers {
					r, err := l.Layer.Apply(nil)
					if err != nil {
						t.Fatalf("%s: %v", q.Canonical, err)
					}
					params += r.Params
				}
			}
			if params != tt.params || !slices.Equal(out, tt.output) {
				t.Errorf("params %d output %v, want %d %v (%s)", params, out, tt.params, tt.output, q.Canonical)
			}
			if inDoubt(q) {
				t.Errorf("in doubt: %q %v", q.Doubts, q.Unused)
			}
		})
	}
}

// A chain with a layer it does not read between or after its convs is
// not taken: the pool would be dropped.
func TestConvChainOtherLayers(t *testing.T) {
	for _, src := range []string{
		"3x3 conv to 32, maxpool, then 3x3 conv to 64 on 32x32x3 same padding: output shape?",
		"1x1 to 16 then 5x5 to 32 on 28x28x192 with batchnorm after each, params?",
		"32 3x3 filters then 64 3x3 filters with stride 2 on 64x64x3: output?",
	} {
		if q := convChain(src); q != nil {
			t.Errorf("%q read as a chain: %s", src, q.Canonical)
		}
	}
}

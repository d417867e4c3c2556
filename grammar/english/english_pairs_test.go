package english

import (
	"strings"
	"testing"
)

// TestPairStack checks the stacks written one channel pair per conv: the
// layers read, and the lists left to the other readings (pairs that do not
// chain, no kernel, fully connected layers, convs named per pair).
func TestPairStack(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		// 3->16 s2, 16->32, each with a batch norm over its channels
		{"two 3x3 convs with no bias, each followed by batchnorm: 3->16 (stride 2), 16->32. params?",
			"conv 3x3 3->16 stride 2 nobias\nbatchnorm 16\nconv 3x3 16->32 nobias\nbatchnorm 32"},
		// a kernel before each pair; the padding said of all of them
		{"1x1 64->16, 3x3 16->16, 1x1 16->64, padding 1 on each, on a 28x28 map: output?",
			"input 28x28x64\nconv 1x1 64->16 pad 1 bias\nconv 3x3 16->16 pad 1 bias\nconv 1x1 16->64 pad 1 bias"},
		// the stride in brackets is the last pair's own
		{"3x3 convs 3->8, 8->16 (stride 2), params?",
			"conv 3x3 3->8 bias\nconv 3x3 8->16 stride 2 bias"},
		// "both convs" names the two of the list, no third conv (it had made
		// the list two identical 3->32 convs, and 64 went unread)
		{"two conv layers 3x3 (3->32, 32->64) each followed by batchnorm, bias=False on both convs. params?",
			"conv 3x3 3->32 nobias\nbatchnorm 32\nconv 3x3 32->64 nobias\nbatchnorm 64"},
		{"two conv layers 3x3 (3->32, 32->64) each followed by batchnorm, the convs have no bias. params?",
			"conv 3x3 3->32 nobias\nbatchnorm 32\nconv 3x3 32->64 nobias\nbatchnorm 64"},
		{"two 5x5 convs: 1->6, 16->32. params?", ""},                                                 // 6 then 16: not one chain
		{"convs 3->8, 8->16, params?", ""},                                                           // no kernel said
		{"a 3x3 conv with 64 filters then fc 512->256, 256->10: params?", ""},                        // fully connected, not convs
		{"three 3x3 convs: 3->8, 8->16. params?", ""},                                                // three convs said, two pairs
		{"two conv layers: conv1 3x3 3->16, conv2 3x3 16->32, on 32x32 input. params of conv1?", ""}, // named per pair
	} {
		t.Run(c.src, func(t *testing.T) {
			q, err := ParseEnglish(c.src)
			got := ""
			if err == nil && strings.Contains(strings.Join(q.Notes, "\n"), "one per channel pair") {
				got = q.Canonical
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestNotations checks the course notations read as the words they stand
// for, through the whole reader: the layer understood.
func TestNotations(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a CONV3-64 layer on 56x56x64 with pad 1: params?", "conv 3x3 64->64 pad 1 bias input 56x56"},
		{"CONV5-32 on a 64x64x3 input, weights?", "conv 5x5 3->32 bias input 64x64"},
		{"nn.Conv2d with 8 input channels, 24 output channels and ks=7: params?", "conv 7x7 8->24 bias"},
		{"input c_i=6, h=w=20, kernel c_o=12 x c_i x 3 x 3, padding 1: macs?", "conv 3x3 6->12 pad 1 bias input 20x20"},
		{"d2l 7.3: a 3x3 conv 4->8 on 10x10, output?", "conv 3x3 4->8 bias input 10x10"}, // d2l is the book, not dilation 2
		{"conv 3x3, 64 channels in, 128 channels out: params?", "conv 3x3 64->128 bias"},
		{"how many params in each filter of a 3x3 conv with 128 input channels?", "conv 3x3 128->1 bias"},
		{"64 filters of 3x3 on 16 channels: weights per filter and in total?", "conv 3x3 16->64 bias"}, // the total is asked too
	} {
		t.Run(c.src, func(t *testing.T) {
			q, err := ParseEnglish(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if q.Canonical != c.want {
				t.Errorf("got\n%s\nwant\n%s", q.Canonical, c.want)
			}
		})
	}
}

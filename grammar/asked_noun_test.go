package grammar

import (
	"strings"
	"testing"
)

// TestUnknownCounts: a "how many" of a thing no reading counts (anchors,
// boxes, patches, tokens) makes the reply not sure; a count the bot works
// out, however it is spelt or qualified, does not.
func TestUnknownCounts(t *testing.T) {
	for _, src := range []string{
		"conv 3x3 3->16 on 32x32 input, how many anchors does that give?",
		"yolo head on a 13x13 grid, 1x1 conv 1024->255. how many boxes does it predict?",
		"how many patches does a 16x16 conv with stride 16 make on a 224x224 image?",
		"Conv1d(80, 256, 3) over a spectrogram, how many tokens go into the transformer?",
		"a 3x3 conv 256->256 on a 20x20 map, how many superpixels is that?",
		"ssd head 3x3 conv 512->24 on 38x38: how many default boxes?",
		"how many detections does a 3x3 conv 256->36 give on a 19x19 map?",
	} {
		q, err := Parse(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !strings.Contains(strings.Join(q.Doubts, "; "), "which is not a count I work out") {
			t.Errorf("%q: no doubt for the count asked: %q", src, q.Doubts)
		}
	}
	for _, src := range []string{
		"how many trainable params in conv 3x3 32->64",
		"how many paramters total in a conv going from 12 channels to 24 w/ 3x3 kernels",
		"how many conections does 1 neuron in the conv layer have if the filter is 5x5 over six input maps?",
		"how many multiply-accumulates does conv 3x3 32->64 on 28x28 take?",
		"conv 3x3 16->32 on 64x64, how many output values?",
		"how many times can I halve a 96x96 feature map with maxpool 2 before it hits 3x3",
		"how many stacked 3x3 convs (stride 1) do u need for a receptive field of 11",
		"my keras summary shows 2048 params for BatchNormalization on 512 features but torch shows less, how many does torch count",
		"how many MiB does a 64x112x112 fp16 output take?",
	} {
		if d := unknownCounts(src, nil); d != nil {
			t.Errorf("%q: doubted as an unknown count: %q", src, d)
		}
	}
}

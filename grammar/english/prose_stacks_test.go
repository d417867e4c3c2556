package english

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// enFinal applies the layers of q in turn and returns the last output's
// height (0 when the input is unknown), the receptive field of the whole
// (0 when no layer has a window) and the learnable parameters in all.
func enFinal(q *lang.Question) (out, w, rf int, params int64, err error) {
	in := q.Input
	var field []calc.Window
	for i, l := range q.Layers {
		rep, err := l.Apply(in)
		if err != nil {
			return 0, 0, 0, 0, fmt.Errorf("layer %d: %w", i+1, err)
		}
		params += rep.Params
		switch {
		case rep.Window == nil:
		case field == nil:
			field = rep.Window
		case len(field) == len(rep.Window):
			field = calc.Compose(field, rep.Window)
		}
		in = rep.Output
	}
	if len(in) >= 2 && q.Input != nil {
		out, w = in[1], in[len(in)-1]
	} else if len(in) == 1 && q.Input != nil {
		out = in[0]
	}
	if field != nil {
		rf = int(field[0].Size)
	}
	return out, w, rf, params, nil
}

// stackCase is a stack said in prose and one figure of it: "rf" (the
// receptive field of the whole), "out" (the last output's height), "w"
// (its width) or "params" (all learnable parameters).
type stackCase struct {
	src, figure string
	want        int64
}

// runStackCases reads each case and checks its figure exactly.
func runStackCases(t *testing.T, cases []stackCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			q, err := ParseEnglish(tc.src)
			if err != nil {
				t.Fatalf("ParseEnglish: %v", err)
			}
			out, w, rf, params, err := enFinal(q)
			if err != nil {
				t.Fatalf("%v (layers %v)", err, q.Layers)
			}
			got := map[string]int64{"rf": int64(rf), "out": int64(out), "w": int64(w), "params": params}[tc.figure]
			if got != tc.want {
				t.Errorf("%s = %d, want %d\n%s", tc.figure, got, tc.want, lang.Format(q))
			}
		})
	}
}

// TestThenOneMore reads a setting said before "then one more 3x3 conv" or
// "then 2 3x3 convs" as that layer's, and the count after it as the count
// of the layers that follow, never as a second value of the setting (which
// made two pools of one, a confident wrong receptive field). RF by
// r += (k-1)*j, j *= s, layer by layer (Distill 2019); outputs by
// floor((n+2p-k)/s)+1, checked with torch 1.13.
func TestThenOneMore(t *testing.T) {
	runStackCases(t, []stackCase{
		// 3,5 | pool 2/2: 6, j=2 | 3x3: 6+2*2 = 10
		{"receptive field after two 3x3 convs (stride 1) then a 2x2 maxpool stride 2 then one more 3x3 conv?", "rf", 10},
		// 5 | pool: 6, j=2 | 3x3: 10
		{"rf of a 5x5 conv stride 1 then maxpool 2x2 stride 2 then one more conv 3x3", "rf", 10},
		// 7, j=2 | 3x3/2: 7+2*2 = 11, j=4 | 11+8 = 19 | 27
		{"receptive field of a 7x7 conv with stride 2 then a 3x3 maxpool with stride 2 then 2 3x3 convs", "rf", 27},
		// 3 | 4, j=2 | 8 | 12
		{"a 3x3 conv, then a 2x2 max pool, then two more 3x3 convs. receptive field?", "rf", 12},
		// 3,5,7 | 8, j=2 | 12
		{"what is the receptive field of 3 conv layers 3x3 stride 1 followed by a 2x2 pool stride 2 and then 1 more 3x3 conv layer", "rf", 12},
		// 3,5 | 6, j=2 | 10, 14
		{"two 3x3 conv layers, then 2x2 max pooling with stride 2, then two more 3x3 convs. receptive field?", "rf", 14},
		// 3,5,7 | 8, j=2 | 12, 16, 20
		{"recepive field for 3 convs 3x3 (stride 1) then maxpool 2x2 (stride 2) then 3 more 3x3 convs", "rf", 20},
		// 32 -> 30 -> 28 -> 14 -> 12
		{"input 32x32, two 3x3 convs (stride 1) then a 2x2 maxpool stride 2 then one more 3x3 conv: output size?", "out", 12},
		// 3 | 5x5 s2: 3+4 = 7, j=2 | 3x3 s1: 7+2*2 = 11
		{"rf: conv 3x3 stride 1, then conv 5x5 stride 2, then one more 3x3 conv stride 1", "rf", 11},
	})
}

// TestFullConvolution reads Goodfellow's 'full' convolution: k-1 zeros
// each side (d·(k-1) when dilated), so the output is m+k-1 at stride 1;
// "fully connected" stays a dense layer. Outputs checked with torch 1.13
// (nn.Conv2d/Conv1d with padding=k-1).
func TestFullConvolution(t *testing.T) {
	runStackCases(t, []stackCase{
		// 20 + 2*4 - 5 + 1 = 24
		{"Goodfellow's 'full' convolution: a 20-wide input and a kernel of width 5, output width?", "out", 24},
		// 10 + 3 - 1 = 12
		{"full convolution of a 10x10 image with a 3x3 kernel: output size?", "out", 12},
		// 28 + 5 - 1 = 32
		{"whats the output size of a full conv, input 28x28, kernel 5x5?", "out", 32},
		// 100 + 7 - 1 = 106
		{"1d signal of length 100, kernel size 7, padding='full', how long is the output?", "out", 106},
		// dilated: k_eff = 5, pad 4: 64 + 8 - 5 + 1 = 68
		{"input 64x64, 3x3 conv with full padding and dilation 2, output?", "out", 68},
		// 7 + 4 - 1 = 10; the params do not change: 4*4*1*1+1 = 17
		{"FULL conv 4x4 kernel on a 7x7 input, what size comes out", "out", 10},
	})
}

// TestOnlyWhatIsAsked reads questions that leave out a setting the
// quantity asked does not depend on: the biases need no kernel, the
// padding that keeps the size at stride 1 no input size, "for one
// sample" is a batch of one (not an input of one feature), "N maps of
// 3x3 on an input" are N filters of 3x3. Each says what it assumed.
func TestOnlyWhatIsAsked(t *testing.T) {
	tests := []struct {
		src  string
		want int64
		note string // a note the reading must carry ("" for none)
	}{
		// one bias per filter
		{"conv layer with 48 filters on a 7-channel input, how many biases?", 48, "the biases do not depend on it"},
		{"how many bias terms in a conv layer with 128 filters?", 128, "the biases do not depend on"},
		{"conv layer, 64 output channels, 3 input channels: number of biases?", 64, "1x1 assumed"},
		{"a 5x5 conv with 16 filters has how many biases", 16, "the biases do not depend on them"},
		// k_eff = d(k-1)+1; p = (k_eff-1)/2 at stride 1, whatever the input
		{"3x3 kernel, dilation=2, stride 1: how much zero padding per side so the size doesn't change?", 2, "stride 1"},
		{"5x5 conv, dilation 2, stride 1: what padding keeps the output the same size as the input?", 4, "stride 1"},
		{"how much padding do i need for a 7x7 kernel (stride 1) so the size stays the same", 3, "stride 1"},
		{"what padding should i use with an 11x11 filter and stride 1 so the feature map does not shrink", 5, "stride 1"},
		{"padding for a 3x3 conv with dilation rate 6 to keep resolution (stride 1)?", 6, "stride 1"},
		// MACs per sample: 4096*1000; 512*256; 1024*10
		{"fully connected layer from 4096 features to 1000 outputs, MACs for one sample?", 4096000, ""},
		{"linear layer with 512 inputs and 256 outputs, how many MACs for 1 sample", 131072, ""},
		{"dense layer 1024 -> 10, how many multiply-adds for a single image?", 10240, ""},
		// 5*5*1*6+6 = 156; 3*3*4*20+20 = 740; 28-5+1 = 24
		{"a conv layer with 6 feature maps of 5x5 on a 32x32 grayscale input: params?", 156, "kernel of each map"},
		{"20 maps of 3x3 on a 30x30x4 input, parameters?", 740, "kernel of each map"},
		{"8 feature maps of 5x5 on 28x28x3 input: output size?", 24, "kernel of each map"},
		// 48*96*28*28 = 3,612,672 ("(pointwise)" is the same conv)
		{"a 1x1 convolution (pointwise) from 48 to 96 channels on a 28x28 feature map, how many MACs", 3612672, ""},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			q, err := ParseEnglish(tc.src)
			if err != nil {
				t.Fatalf("ParseEnglish: %v", err)
			}
			got, err := enNumbers(q)
			if err != nil {
				t.Fatalf("%v (layers %v)", err, q.Layers)
			}
			if !got[tc.want] {
				t.Errorf("%d not among the numbers of %s", tc.want, lang.Format(q))
			}
			if tc.note != "" && !slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, tc.note) }) {
				t.Errorf("no note with %q in %q", tc.note, q.Notes)
			}
		})
	}
}

// TestRepeatsInProse reads a block said once and repeated in words: "(...)
// four times", "[...] x3", "repeated 3 times", "after three such blocks",
// "2 blocks of [...] with 6 and 16 filters", and "two 3x3 convs" inside
// a block. Sizes by floor((n+2p-k)/s)+1 (torch 1.13); RF as above.
func TestRepeatsInProse(t *testing.T) {
	runStackCases(t, []stackCase{
		// 128 -> 64 -> 32 -> 16
		{"input 128x128, (3x3 conv pad 1 -> 2x2 maxpool stride 2) repeated 3 times, output size?", "out", 16},
		// 64 -> 62 -> 31 -> 29 -> 14 -> 12 -> 6
		{"64x64 input; I do [conv 3x3 no pad, maxpool 2] x3. final spatial size?", "out", 6},
		// 3,5, pool 6 (j2); 10,14, pool 16 (j4); 24,32, pool 36 (j8)
		{"block: two 3x3 convs (padding 1) then 2x2 max pool. receptive field after three such blocks?", "rf", 36},
		// 3,5, pool 6 (j2); 10,14, pool 16
		{"vgg-ish block = two 3x3 convs (stride 1) then a 2x2 max pool stride 2. receptive field of one unit after 2 such blocks?", "rf", 16},
		// 572 -> 570 -> 568 -> 284 (U-Net's first tile)
		{"input tile is 572x572, two 3x3 convs (no padding) then a 2x2 max pool. size after the pool?", "out", 284},
		// 180 - 4*4 = 164
		{"starting from 180x180, 4 layers of 5x5 convolutions (no padding, stride 1), what size is left?", "out", 164},
		// 224 / 2^5 = 7
		{"224x224 input, (conv 3x3 s1 p1, conv 3x3 s1 p1, maxpool 2) five times: output?", "out", 7},
		// 256 -> 128 -> 64 -> 32 -> 16 -> 8
		{"i repeat (3x3 conv with padding 1 then 2x2 maxpool) 5 times on a 256x256 image, final size??", "out", 8},
	})
}

// TestBracketedArrowChains reads arrow (or comma) chains whose layers say
// their settings in brackets: "conv (8 filters, 3x3)", "conv(3->20, 5x5,
// no padding)"; the numbers in the brackets are no positional arguments,
// "N classes" before the chain is the last dense layer's, and "how many
// features after flatten" asks the flattened size. Worked per layer:
// params k*k*cin*cout+cout, sizes floor((n+2p-k)/s)+1 (torch 1.13).
func TestBracketedArrowChains(t *testing.T) {
	runStackCases(t, []stackCase{
		// 16*(75+1) = 1216 (32->28->14); 32*(400+1) = 12832 (10->5); 800*10+10 = 8010
		{"input 32x32x3 -> conv (16 filters, 5x5) -> maxpool 2x2 -> conv (32 filters, 5x5) -> maxpool 2x2 -> flatten -> dense 10. params?", "params", 22058},
		// 28 -> 28 -> 14 -> 10 -> 5: 16*5*5 = 400
		{"28x28 grayscale: conv(1->6, 5x5, padding 2), maxpool 2, conv(6->16, 5x5), maxpool 2. flattened size?", "out", 400},
		// 64 -> 62 -> 31 -> 29 -> 14: 64*14*14 = 12544
		{"3x64x64 images, conv(3->32, 3x3, no padding) -> maxpool 2 -> conv(32->64, 3x3, no padding) -> maxpool 2, how many features after flatten?", "out", 12544},
		// 320 (26); 64*(288+1) = 18496 (24 -> 12); 9216*10+10 = 92170
		{"mnist, 10 classes: conv (32 filters, 3x3) -> conv (64 filters, 3x3) -> maxpool 2x2 -> flatten -> dense 10, no padding. total trainable params?", "params", 110986},
		// 32 -> 28 -> 14 -> 10 -> 5
		{"conv (6 filters, 5x5) -> avgpool 2x2 -> conv (16 filters, 5x5) -> avgpool 2x2 on a 32x32 grayscale input: output shape?", "out", 5},
		// 10*(9+1) = 100 (48 -> 24); 10*24*24*7+7 = 40327
		{"input 48x48x1 -> conv (10 filter, 3x3, pad 1) -> maxpool 2 -> dense 7. params?", "params", 40427},
		// 8*(9+1) = 80 (26->13); 16*(72+1) = 1168 (11->5); 400*4+4 = 1604; "4 classes" is the dense's
		{"tiny cnn for 28x28 grayscale, 4 classes: conv (8 filters, 3x3) -> maxpool 2x2 -> conv (16 filters, 3x3) -> maxpool 2x2 -> flatten -> dense 4. no padding. trainable params?", "params", 2852},
	})
}

// TestSidesInProse reads a non-square size said one side at a time:
// "120 (height) x 160 (width)", "height 15 and width 20", "width 64 and
// height 48" (height first once read), "H=100, W=60". Outputs by
// floor((n+2p-k)/s)+1 per side, checked with torch 1.13.
func TestSidesInProse(t *testing.T) {
	runStackCases(t, []stackCase{
		// (120+4-5)/2+1 = 60; (160+4-5)/2+1 = 80
		{"input is 100 (height) x 140 (width), kernel 5x5, stride 2, padding 2. output size?", "w", 70},
		{"input is 100 (height) x 140 (width), kernel 5x5, stride 2, padding 2. output size?", "out", 50},
		// H: (15+2-3)/2+1 = 8; W: (21+4-5)/3+1 = 7
		{"input of height 15 and width 21, kernel (3, 5), padding (1, 2), stride (2, 3). output shape (h x w)?", "w", 7},
		{"input of height 15 and width 21, kernel (3, 5), padding (1, 2), stride (2, 3). output shape (h x w)?", "out", 8},
		// 48x64: (48+2-3)/2+1 = 24, (64+2-3)/2+1 = 32
		{"image with width 64 and height 48, 3x3 conv stride 2 pad 1, output size?", "out", 24},
		{"image with width 64 and height 48, 3x3 conv stride 2 pad 1, output size?", "w", 32},
		// 100-5+1 = 96; 60-5+1 = 56
		{"H=100, W=60 input, kernel 5, stride 1, no padding: output?", "w", 56},
		// (240+6-7)/2+1 = 120; (320+6-7)/2+1 = 160
		{"my images are 240 (h) by 320 (w), conv 7x7 stride 2 padding 3, whats the output", "w", 160},
		// (33-3)/2+1 = 16; (47-3)/2+1 = 23
		{"input height = 33, width = 47; kernel 3x3, stride 2, no padding. output dims?", "w", 23},
	})
}

// TestCourseLayers reads course notes' per-layer notation, "layer 1: f=3,
// s=1, p=0, 8 filters. layer 2: ...": one conv per "layer N:", each with
// its own settings (it was read as one conv). Sizes by
// floor((n+2p-f)/s)+1 (torch 1.13), params f*f*cin*k+k.
func TestCourseLayers(t *testing.T) {
	runStackCases(t, []stackCase{
		// 39 -> 37 -> 17 -> 7: 7*7*40 = 1960 (Ng's example)
		{"input 39x39x3. layer 1: f=3, s=1, p=0, 10 filters. layer 2: f=5, s=2, p=0, 20 filters. layer 3: f=5, s=2, p=0, 40 filters. how long is the flattened vector?", "out", 1960},
		// 5*5*3*6+6 = 456; 3*3*6*12+12 = 660
		{"input 32x32x3. layer 1: f=5, s=1, p=2, 6 filters. layer 2: f=3, s=2, p=1, 12 filters. params?", "params", 1116},
		// 64 -> 32 -> 16 -> 8
		{"Input: 64x64x1\nLayer 1: f=3, s=2, p=1, 16 filters\nLayer 2: f=3, s=2, p=1, 32 filters\nLayer 3: f=3, s=2, p=1, 64 filters\nwhat is the output size?", "out", 8},
		// (224+6-7)/2+1 = 112; 112
		{"layer 1: F=7, S=2, P=3, K=64 on a 224x224x3 image. layer 2: F=3, S=1, P=1, K=64. output of layer 2?", "out", 112},
		// (100-3)/2+1 = 49; (49-3)/2+1 = 24
		{"in 100x100x3. layer 1: f = 3, s = 2, p = 0, 16 filters. layer 2: f = 3, s = 2, p = 0, 32 filters. output size?", "out", 24},
		// 28 -> 28 -> 14
		{"layer 1: 5x5 kernel, stride 1, pad 2, 32 filters. layer 2: 3x3 kernel, stride 2, pad 1, 64 filters. input 28x28x1, output shape?", "out", 14},
	})
}

// TestSameBlocks reads blocks of a "same"-padded conv with no kernel and
// a pool: the sizes do not depend on the kernel at stride 1; the channels
// are the last conv's ("last conv has 64 filters"). Keras floors the
// pools: 150 -> 75 -> 37; 96 -> 48 -> 24 -> 12.
func TestSameBlocks(t *testing.T) {
	tests := []struct {
		src  string
		want int64
	}{
		{"two blocks of Conv2D padding='same' + MaxPooling2D(2) on 150x150x3, last conv has 64 filters. flatten size?", 64 * 37 * 37},
		{"3 blocks of conv (same padding) + maxpool 2 on a 96x96x3 image, the last conv has 128 filters, what is the flatten size", 128 * 12 * 12},
	}
	for _, tc := range tests {
		q, err := ParseEnglish(tc.src)
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		in := q.Input
		for _, l := range q.Layers {
			rep, err := l.Apply(in)
			if err != nil {
				t.Fatalf("%q: %v", tc.src, err)
			}
			in = rep.Output
		}
		if got, _ := in.Elements(); got != tc.want {
			t.Errorf("%q: %d values out, want %d\n%s", tc.src, got, tc.want, lang.Format(q))
		}
	}
}

// TestPoolPadInStack reads a pool's padding in a stack said in prose, and
// "after the maxpool" as the pool said before: (224+6-7)/2+1 = 112,
// (112+2-3)/2+1 = 56 (torch 1.13).
func TestPoolPadInStack(t *testing.T) {
	runStackCases(t, []stackCase{
		{"stem: 224x224 input -> conv 7x7 stride 2 pad 3 -> maxpool 3x3 stride 2 pad 1. what is the spatial size after the maxpool?", "out", 56},
		{"112x112 input, maxpool 3x3 stride 2 padding 1 then conv 3x3 pad 1, output size after the conv?", "out", 56},
	})
}

package english

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestReadingClasses reads the kinds of prose issue 12 names (round 3):
// an input said as one number, sizes asked with no channel counts, chains,
// roles in words, tensors without a layer to size. Each case says a number
// the reading must produce (worked in the comment, checked with torch
// 1.13) and a note or an unused number it must name.
func TestReadingClasses(t *testing.T) {
	tests := []struct {
		name, src string
		want      int64  // a number the layers give
		note      string // a note the reading must carry ("" for none)
		unused    string // a number it must name as unused ("" for none)
	}{
		// floor((96+2-3)/2)+1 = 48 on a square 96x96
		{"square input", "96 input, 3x3 conv stride 2 pad 1, out size?", 48, "a square input assumed", ""},
		// "64 in, 128 out" stays channels: 3*3*64*128+128 = 73856
		{"in and out stay channels", "64 in, 128 out, 3x3 kernel params?", 73856, "", ""},
		// 1 + 4*(3-1) = 9
		{"no stride/pooling is no pool", "rf of 4 stacked 3x3 convs no stride/pooling?", 9, "does not depend on it", ""},
		// dilated kernels 5 and 9: 1 + 4 + 8 = 13
		{"dil is dilation", "receptive field of 3x3 dil 2 then 3x3 dil 4? stride 1 both", 13, "", ""},
		// out 3x3 = 9 positions, 9 weights each: 81
		{"one filter one channel", "5x5 input, one 3x3 filter, stride 1 no padding. multiplications?", 81, "1 input channel assumed", ""},
		// 300*100+100 + 100*10+10 = 31110
		{"mlp with hyphens", "params of an mlp 300-100-10", 31110, "2 fully connected", ""},
		// 64*16 + 9*16*16 + 16*64 = 4352
		{"arrow stack", "64 channels in -> 1x1 conv to 16 -> 3x3 conv 16 -> 1x1 conv back to 64, bias=False. weights?", 4352, "read as 3 convs", ""},
		// 32->28->14->10->5: 16*5*5 = 400
		{"linear before the stack", "in_features of my linear? input 3x32x32, conv5x5 6ch, pool2, conv5x5 16ch, pool2", 400, "in_features", ""},
		// 3*3*96 = 864, whatever the filters
		{"input depth role", "Fourth conv layer uses 3x3 filters and its input has depth 96. how many input values is one output neuron connected to?", 864, "", ""},
		// 3*3*48 = 432
		{"indexed layer before", "if conv4 is 3x3 and conv3 had 48 filters, how many inputs does each conv4 neuron look at", 432, "", ""},
		// 3*3*8*16 = 1152 + BN 2*16 = 32: 1184
		{"conv then norm", "conv 3x3 8->16 no bias + batchnorm. total params for the two", 1184, "", "two"},
		// floor((8000-40)/10)+1 = 797
		{"rate unused", "nn.Conv1d(1, 8, kernel_size=40, stride=10) on half a second at 16 kHz (8000 samples), time steps out?", 797, "", "16 kHz"},
		// 20 + 2*4 = 28
		{"padding alone", "input volume 20x20x5, pad it using pad=4, what size after padding?", 28, "padding alone", ""},
		// 3*3*32*64 = 18432: the size after "channels" is the kernel
		{"kernel after channels", "conv 32 -> 64 channels 3x3, bias=False. weights?", 18432, "", ""},
		// a count with "input" stays a channel count when sizes are not all
		// that is asked: 3*3*16*32+32 = 4640
		{"input count stays channels", "16 input, 32 output, 3x3 conv params?", 4640, "", ""},
		// "no padding, maxpool 2x2" keeps the pool: 32 -> 30 -> 15
		{"no padding then a pool", "input 32x32x1, conv 3x3 8 filters no padding, maxpool 2x2 stride 2. output size?", 15, "", ""},
		// 64*5*5 = 1600 values flattened
		{"conv output flattened", "my last conv outputs 64x5x5, what's in_features of the linear layer after flatten?", 1600, "in_features", ""},
		// 32*8+8 + 9*8*8+8 + 8*32+32 = 264 + 584 + 288 = 1136; the stride is the 3x3's
		{"arrow stack with a stride", "32 ch -> 1x1 conv 8 -> 3x3 conv 8 stride 2 -> 1x1 conv 32, params", 1136, "read as 3 convs", ""},
		// 28->26->13->11->5: 16*5*5 = 400; "pool2 conv(...)" is two layers
		{"calls after a short pool", "fc1 in_features for 3x28x28 w/ conv(3,8,3) pool2 conv(8,16,3) pool2 ??", 400, "in_features", ""},
		// SAME: ceil(49/2) = 25
		{"same without kernel", "keras padding='same' stride 2 on a 49x49 input, out size?", 25, "kernel size was not given", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := ParseEnglish(tc.src)
			if err != nil {
				t.Fatalf("ParseEnglish(%q): %v", tc.src, err)
			}
			got, err := enNumbers(q)
			if err != nil {
				t.Fatalf("%q: %v", tc.src, err)
			}
			if !got[tc.want] {
				t.Errorf("%q: %d not among the numbers (layers %v)", tc.src, tc.want, q.Layers)
			}
			if tc.note != "" && !slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, tc.note) }) {
				t.Errorf("%q: no note with %q in %q", tc.src, tc.note, q.Notes)
			}
			if tc.unused != "" && !slices.ContainsFunc(q.Unused, func(u lang.Unused) bool { return u.Text == tc.unused }) {
				t.Errorf("%q: %q not named unused in %v", tc.src, tc.unused, q.Unused)
			}
		})
	}
}

// TestTensorClasses reads a conv's output said as a tensor: its shape and
// batch, whose values and bytes the bot counts.
func TestTensorClasses(t *testing.T) {
	tests := []struct {
		src   string
		shape []int
		batch int
	}{
		// 7*7*512 = 25088 values, *4 = 100352 bytes
		{"The output of a convolutional layer is a 7x7x512 tensor in float32. How many activation values and how many bytes?", []int{512, 7, 7}, 0},
		// 32 filters on 100x100, batch 4: 4*32*100*100*4 bytes = 5,120,000
		{"how much memory for the output of a conv layer with 32 filters if the output is 100x100 and batch size is 4? float32 bytes", []int{32, 100, 100}, 4},
	}
	for _, tc := range tests {
		q, err := ParseEnglish(tc.src)
		if err != nil {
			t.Fatalf("ParseEnglish(%q): %v", tc.src, err)
		}
		if !slices.Equal([]int(q.Input), tc.shape) || q.Batch != tc.batch {
			t.Errorf("%q: input %v batch %d, want %v batch %d", tc.src, q.Input, q.Batch, tc.shape, tc.batch)
		}
	}
}

package grammar

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestProseStackWritten pins how each mechanism writes a stack described
// in prose out, layer by layer: the reading of the rewritten text is
// checked through the front door by the stack11- cases of
// testdata/questions/prose.jsonl (torch-checked numbers).
func TestProseStackWritten(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"channel list bound to blocks", "4 blocks of conv3x3 -> maxpool2, channels 8, 16, 32, 64, input 64x64",
			"conv 3x3 with 8 filters, maxpool 2x2, conv 3x3 8->16, maxpool 2x2, conv 3x3 16->32, maxpool 2x2, conv 3x3 32->64, maxpool 2x2"},
		{"chain one longer starts with the input", "2 conv3x3 pad1 + maxpool2 each, 1->8->16, on 28x28",
			"conv 3x3 1->8 pad 1, maxpool 2x2, conv 3x3 8->16 pad 1, maxpool 2x2"},
		{"padding added to every conv", "3 blocks of conv3x3 -> maxpool2, channels 4, 8, 16. I fixed it by adding padding=1 to every conv",
			"conv 3x3 with 4 filters pad 1, maxpool 2x2, conv 3x3 4->8 pad 1"},
		{"kernel and stride lists", "3 conv layers with kernel sizes 7, 5, 3 and strides 2, 1, 1, no padding",
			"conv 7x7 stride 2 pad 0, conv 5x5 stride 1 pad 0, conv 3x3 stride 1 pad 0"},
		{"dilations bound to blocks of two convs", "kernel_size=3, 2 residual blocks, dilations 1, 2, each block has two dilated convs",
			"conv 3x3, conv 3x3, conv 3x3 dilation 2, conv 3x3 dilation 2"},
		{"one filter count for every listed layer", "Conv1d stack: kernels 3, 3, 3, strides 1, 1, 2, input length 100 with 8 channels, 16 filters each. output length?",
			"Conv1d stack: conv1d kernel 3 with 16 filters stride 1, conv1d kernel 3 16->16 stride 1, conv1d kernel 3 16->16 stride 2, , input length 100 with 8 channels. output length?"},
		{"first one's setting, the others'", "three 5x5 conv layers, first one stride 2, the other two stride 1",
			"conv 5x5 stride 2, conv 5x5 stride 1, conv 5x5 stride 1"},
		{"last one's setting, the rest", "3 convs 3x3, last one has stride 2, the rest stride 1",
			"conv 3x3 stride 1, conv 3x3 stride 1, conv 3x3 stride 2"},
		{"pseudo-calls", "conv(8, 3x3, s=2, p=1), conv(16, 3x3, s=2, p=1)",
			"conv 3x3 with 8 filters stride 2 pad 1, conv 3x3 8->16 stride 2 pad 1"},
		{"short settings in brackets", "(conv 7x7 s2, maxpool 3x3 s2, conv 3x3 s1) receptive field?",
			"conv 7x7 stride 2, maxpool 3x3 stride 2, conv 3x3 stride 1. receptive field?"},
		{"hidden layers and outputs", "an MLP with two hidden layers of 128 and 64 neurons, 10 outputs",
			"fully connected layer with 128 units, fully connected layer with 64 units, fully connected layer with 10 units"},
		{"widths chain", "a 784-512-10 MLP", "784 inputs, fully connected layer with 512 units, fully connected layer with 10 units"},
		{"encoder levels to the bottleneck", "3x3 convs, no padding, two per level, maxpool 2x2, 1 downsampling step: bottleneck size?",
			"conv 3x3 pad 0, conv 3x3 pad 0, maxpool 2x2, conv 3x3 pad 0, conv 3x3 pad 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, layers := proseStack(tt.src)
			if len(layers) == 0 || !strings.Contains(got, tt.want) {
				t.Errorf("proseStack(%q) = %q, want it to hold %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestProseStackNotWritten lists descriptions no mechanism may write out:
// each would be a guess.
func TestProseStackNotWritten(t *testing.T) {
	for _, src := range []string{
		"input of height 15 and width 21, kernel (3, 5), padding (1, 2), stride (2, 3). output shape?", // a kernel's sides
		"two 3x3 convs each with 32 filters on 16x16",                                                  // a count with no list
		"4 blocks of conv3x3 -> maxpool2, channels 16, 32, 64",                                         // list shorter than the blocks
		"3 blocks of conv3x3 -> batchnorm -> maxpool2, channels 16, 32, 64",                            // a norm's parameters
		"kernel sizes 3, 5 and strides 1, 2, 2",                                                        // lists of different lengths
		"3 conv pad1 + maxpool2 each, 3->32->64->128",                                                  // no kernel said
		"conv 3x3 with 3->32->64 channels, dilations 1, 2",                                             // one list, no count
		"a 3-32-64 conv net, 3x3 kernels",                                                              // a chain of channels
		"three 5x5 conv layers, the second stride 2, the others stride 1",                              // not first or last
	} {
		if got, layers := proseStack(src); len(layers) > 0 {
			t.Errorf("proseStack(%q) wrote %q", src, got)
		}
	}
}

// TestProseStackKeptWhole checks that a reading whose layers are not
// those written out is no reading: a padding said once and put on one
// conv only, a stride read onto a layer written without one.
func TestProseStackKeptWhole(t *testing.T) {
	written := []stackLayer{{kind: "conv", k: 3, pad: -1}, {kind: "conv", k: 3, pad: -1}}
	read := func(pads, strides [2]int) *Question {
		q := &Question{}
		for i := range pads {
			q.Layers = append(q.Layers, Layer{Layer: calc.Conv{Kernel: []int{3, 3}, Pad: []int{pads[i]}, Stride: []int{strides[i]}}})
		}
		return q
	}
	if !sameStack(read([2]int{1, 1}, [2]int{1, 1}), written) {
		t.Errorf("one padding on every conv: not the stack written out")
	}
	if sameStack(read([2]int{0, 1}, [2]int{1, 1}), written) {
		t.Errorf("a padding on the last conv only: read as the stack written out")
	}
	if sameStack(read([2]int{0, 0}, [2]int{1, 60}), written) {
		t.Errorf("a stride of 60 read onto the last conv: read as the stack written out")
	}
}

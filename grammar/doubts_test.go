package grammar

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/spec"
)

// TestDoubts names what a question asks that its reading does not answer,
// and layers named in prose that the reading left out.
func TestDoubts(t *testing.T) {
	for _, c := range []struct {
		src, reading string
		asked        []string
		want         string // a doubt containing this; "" for none
	}{
		{"what is the rf after these?", "conv 3x3 1->1", []string{"params"}, "receptive field"},
		{"what is the rf after these?", "conv 3x3 1->1", []string{"receptive field"}, ""},
		{"wat padding keeps the size same w/ a 5x5 kernel", "conv 5x5 1->1", nil, "padding"},
		{"how many macs?", "input 8x8x3\nconv 3x3 8", nil, ""}, // a network's headline has them
		{"rf of conv, conv, pool, conv, conv, pool, conv?", "input 32x32x1\nconv 3x3 1\nmaxpool 2", []string{"receptive field"}, "names 7 layers"},
		{"a conv layer after a conv layer: params?", "conv 3x3 1->1", []string{"params"}, ""},
		// Two readings asked, one given.
		{"maxpool 3 stride 2 on 20x20: output with ceil_mode=False and with ceil_mode=True?", "maxpool 3x3 stride 2 input 20x20x1", []string{"output"}, "compares"},
		{"avg pool vs flatten before a linear to 5, params both ways?", "input 4x4x8\nflatten\nlinear 5", []string{"params"}, "compares"},
		{"params vs connections for a 3x3 conv 1->4 on 10x10", "conv 3x3 1->4 input 10x10x1", []string{"params"}, ""},
		// Biases asked on every layer, a layer read without one.
		{"depthwise separable 3x3, 32 -> 64, biases on every conv: params?", "conv 3x3 32->32 groups 32 nobias\nconv 1x1 32->64", []string{"params"}, "bias on every layer"},
		{"depthwise separable 3x3, 32 -> 64, biases on every conv: params?", "conv 3x3 32->32 groups 32\nconv 1x1 32->64", []string{"params"}, ""},
		// A kind of layer named and absent.
		{"transposed conv 4x4 stride 2 on 16x16, output?", "conv 4x4 1->1 stride 2 input 16x16x1", []string{"output"}, "transposed"},
		{"transposed conv 4x4 stride 2 on 16x16, output?", "deconv 4x4 1->1 stride 2 input 16x16x1", []string{"output"}, ""},
		{"a normal conv, not a transposed one: 4x4 stride 2 on 16x16, output?", "conv 4x4 1->1 stride 2 input 16x16x1", []string{"output"}, ""},
		{"3x3 conv with dilation 3 on 40x40, output size?", "conv 3x3 1->1 input 40x40x1", []string{"output"}, "dilated"},
		{"3x3 conv with dilation=1 on 40x40, output size?", "conv 3x3 1->1 input 40x40x1", []string{"output"}, ""},
		// A kind of layer said absent and present.
		{"i forgot the flatten before Dense(10) on a (None, 4, 4, 16) tensor, params?", "input 4x4x16\nflatten\nlinear 10", []string{"params"}, "forgot the flatten"},
		{"flatten then dense 10 on 4x4x16, params?", "input 4x4x16\nflatten\nlinear 10", []string{"params"}, ""},
		{"params of conv 3x3 16->32 and its bn, without batchnorm?", "conv 3x3 16->32\nbatchnorm", []string{"params"}, "without batchnorm"},
		{"conv 3x3 16->32 w/o bn layers: params?", "conv 3x3 16->32\nbatchnorm", []string{"params"}, "w/o bn"},
		{"conv 3x3 16->32 no bias, then batchnorm: params?", "conv 3x3 16->32 nobias\nbatchnorm", []string{"params"}, ""},
		// A setting changed by a factor: no reader makes the change.
		{"conv 3x3 3->16 stride 2 on 64x64 with padding 1. what if I double the stride?", "conv 3x3 3->16 stride 2 pad 1 input 64x64x3", []string{"output"}, "by a factor"},
		{"conv 3x3 3->16 stride 2 on 64x64 with padding 1, output?", "conv 3x3 3->16 stride 2 pad 1 input 64x64x3", []string{"output"}, ""},
		// Upsampling named and not read; a transposed conv upsamples.
		{"conv 3x3 3->16 on 32x32, then upsample x2, then conv 3x3 16->8: output?", "input 32x32x3\nconv 3x3 3->16\nconv 3x3 16->16\nconv 3x3 16->8", []string{"output"}, "upsampling"},
		{"upsampling with a transposed conv 2x2 stride 2 on 30x30, output?", "deconv 2x2 1->1 stride 2 input 30x30x1", []string{"output"}, ""},
		// A PReLU: Keras's counts one slope per value; one named and not read.
		{"keras: Conv2D(8, 3) then PReLU(), params?", "input 10x10x1\nconv 3x3 1->8\nprelu", []string{"params"}, "Keras"},
		{"conv 3x3 1->8 then a PReLU: params of the prelu?", "conv 3x3 1->8", []string{"params"}, "names a PReLU"},
		{"conv 3x3 1->8 then nn.PReLU(8): params?", "input 10x10x1\nconv 3x3 1->8\nprelu 8", []string{"params"}, ""},
		// A depthwise conv, a pool, a Linear( named and absent.
		{"DepthwiseConv2D 5x5 on (None, 20, 20, 48), params?", "conv 5x5 48->1 input 20x20x48", []string{"params"}, "depthwise"},
		{"DepthwiseConv2D 5x5 on (None, 20, 20, 48), params?", "conv 5x5 48->48 groups 48 input 20x20x48", []string{"params"}, ""},
		{"a depthwise 7x7 conv: inputs per output neuron?", "conv 7x7 1->1", []string{"connections"}, ""},
		{"conv(1,8,3) then F.max_pool2d(x, 2) on 20x20, output?", "input 20x20x1\nconv 3x3 1->8", []string{"output"}, "pooling"},
		{"conv(1,8,3) then F.max_pool2d(x, 2) on 20x20, params?", "input 20x20x1\nconv 3x3 1->8", []string{"params"}, ""},
		{"conv(1,8,3) then F.max_pool2d(x, 2) on 20x20, params?", "input 20x20x1\nconv 3x3 1->8\nmaxpool 2", []string{"params"}, ""},
		{"params of conv(1,4,5) -> linear(4*8*8, 2)?", "conv 5x5 1->4", []string{"params"}, "fully connected"},
		{"params of conv(1,4,5) -> linear(4*8*8, 2)?", "input 12x12x1\nconv 5x5 1->4\nflatten\nlinear 256->2", []string{"params"}, ""},
		// A batch norm that does not fit the conv before it.
		{"conv 3x3 8->16 stride 2 + batchnorm: params?", "conv 3x3 8->16 stride 2\nbatchnorm 2", []string{"params"}, "batch norm of 2"},
		{"conv 3x3 8->16 stride 2 + batchnorm: params?", "conv 3x3 8->16 stride 2\nbatchnorm 16", []string{"params"}, ""},
		// One layer of a stack picked out, the reading's layers all alike.
		{"rf of four 5x5 convs? what if the second one has stride 3", "conv 5x5 1->1 stride 3\nconv 5x5 1->1 stride 3\nconv 5x5 1->1 stride 3\nconv 5x5 1->1 stride 3", []string{"receptive field"}, "picks out"},
		{"rf of four 5x5 convs? what if the second one has stride 3", "conv 5x5 1->1\nconv 5x5 1->1 stride 3\nconv 5x5 1->1\nconv 5x5 1->1", []string{"receptive field"}, ""},
		// What a linear layer takes in, asked of a reading with no input.
		{"after AvgPool2d(2) on torch.Size([8, 64, 9, 9]), what's in_features of the linear?", "avgpool 2x2", []string{"params"}, "takes in"},
		{"after AvgPool2d(2) on a 9x9x64 map, what's in_features of the linear?", "avgpool 2x2 input 9x9x64", []string{"params", "output"}, ""}, // withFlattenAsked asks the output
	} {
		q, err := spec.Parse(c.reading)
		if err != nil {
			t.Fatalf("%q: %v", c.reading, err)
		}
		cp := *q
		cp.Asked = c.asked
		got := doubts(c.src, &cp)
		if f := fewerLayers(c.src, &cp); f != "" {
			got = append(got, f)
		}
		all := strings.Join(got, "; ")
		if c.want == "" && all != "" || c.want != "" && !strings.Contains(all, c.want) {
			t.Errorf("%q read as %q: doubts %q, want %q", c.src, c.reading, all, c.want)
		}
	}
}

// TestOutOfItsNetwork doubts a layer named by its place in a network
// (conv4_2 of VGG19) read without the network, its settings assumed.
func TestOutOfItsNetwork(t *testing.T) {
	assumed := []string{"conv4 read as a 4x4 convolution", "the input's channels were not given: 1 assumed"}
	for _, c := range []struct {
		src   string
		notes []string
		doubt bool
	}{
		{"receptive field of conv4_2 in vgg19?", assumed, true},
		{"rf of a unit in pool3_1 of my vgg-style net (all 3x3 convs)", assumed, true},
		{"receptive field of conv4_2 in vgg19?", []string{"conv4_2 of the preset vgg19"}, false},
		{"vgg16 conv3_1: 3x3, 128->256 channels, on 56x56, pad 1. MACs?", nil, false},
		{"receptive field of conv4 conv4 pool2?", assumed, false},
	} {
		got := outOfItsNetwork(c.src, &Question{Notes: c.notes})
		if (got != "") != c.doubt {
			t.Errorf("%q with notes %q: doubt %q, want one: %v", c.src, c.notes, got, c.doubt)
		}
	}
}

// TestHowManyLeft doubts a reading that answers one of two quantities
// asked with "how many".
func TestHowManyLeft(t *testing.T) {
	for _, c := range []struct {
		src   string
		asked []string
		doubt bool
	}{
		{"each unit sees how many inputs? and how many weights does it use with its bias?", []string{"connections"}, true},
		{"how many params and how many multiplications for a 3x3 conv 8->8 on 16x16?", []string{"params"}, true},
		{"how many params and how many multiplications for a 3x3 conv 8->8 on 16x16?", []string{"params", "macs"}, false},
		{"how many weights and how many biases does a 3x3 conv 8->16 have?", []string{"params"}, false},
		{"how many weights does one neuron of a 5x5 conv on 6 maps have?", []string{"connections"}, false},
		{"how many weights and how many biases?", nil, false},
	} {
		got := howManyLeft(c.src, &Question{Asked: c.asked})
		if (got != "") != c.doubt {
			t.Errorf("%q asked %q: doubt %q, want one: %v", c.src, c.asked, got, c.doubt)
		}
	}
}

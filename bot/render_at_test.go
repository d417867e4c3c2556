package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/bot"
)

// TestFirstLineAtLayer checks that a question about one layer of a
// network (or what reaches a Linear) is answered on the first line with
// that layer's numbers, not the network's totals. Every number is checked
// with PyTorch (testdata/questions: the at-* cases) or worked here.
func TestFirstLineAtLayer(t *testing.T) {
	tests := []struct {
		src  string
		want []string // in the first "Answer:" line
		not  []string // the whole network's numbers, which must not lead
	}{
		// 28->26->13->11; 16*11*11*8*3*3 = 139,392; the net's MACs add conv1's 8*26*26*9 = 48,672.
		{"input 28x28x1: conv1 has 8 filters 3x3 (no padding), then a 2x2 maxpool stride 2, then conv2 has 16 filters 3x3 no padding. how many MACs does conv2 do?",
			[]string{"conv2", "139,392"}, []string{"188,064"}},
		// 3*3*32*64+64 = 18,496; the net's 2,432 + 18,496 = 20,928.
		{"input 64x64x3; conv1: 32 filters 5x5 stride 1 pad 2; maxpool 2x2; conv2: 64 filters 3x3 pad 1. how many parameters does conv2 have?",
			[]string{"conv2", "18,496"}, []string{"20,928"}},
		// floor((50+4-5)/2)+1 = 25; floor(25/2) = 12.
		{"self.conv1 = nn.Conv2d(1, 8, kernel_size=5, stride=2, padding=2)\nself.pool = nn.MaxPool2d(kernel_size=2, stride=2)\n\ninput 1x50x50 - size after conv1 and then after the pool?",
			[]string{"after conv1", "8×25×25", "after pool", "8×12×12"}, nil},
		// 28->28->14->14->7; 32*7*7 = 1,568.
		{"fc1 in_features for 1x28x28 with conv(1,16,3,padding=1) pool2 conv(16,32,3,padding=1) pool2 ?",
			[]string{"in_features of fc1 = 32×7×7 = 1,568"}, []string{"learnable parameters"}},
		// 40->36->18; 8*18*18 = 2,592.
		{"self.conv = nn.Conv2d(3, 8, 5)\nself.pool = nn.MaxPool2d(2)\nself.fc = nn.Linear(?, 10)\nforward: x = self.pool(F.relu(self.conv(x))); x = torch.flatten(x, 1); x = self.fc(x)\ninput 40x40 rgb. what in_features for self.fc?",
			[]string{"in_features of fc = 8×18×18 = 2,592"}, nil},
		// 3*3*8 = 72 per neuron, 16*12*12 = 2,304 neurons: 165,888 links; with a bias each, 168,192.
		{"3x3 conv, 8 input channels, 16 output channels, output 12x12: how many connections in total, weights only?",
			[]string{"total connections = 165,888"}, []string{"168,192"}},
		// A Linear added after a summary: 32*29*29 = 26,912 values in,
		// 26,912*10+10 = 269,130 parameters, its own (torch 1.13), named
		// for it rather than "whole network".
		{"torchsummary:\n        Conv2d-1           [-1, 16, 62, 62]             448\n     MaxPool2d-2           [-1, 16, 31, 31]               0\n        Conv2d-3           [-1, 32, 29, 29]           4,640\nI add nn.Linear(?, 10) after the flatten. its in_features and how many params will that Linear have?",
			[]string{"in_features of the Linear = 32×29×29 = 26,912", "the Linear: learnable parameters = 269,130"}, []string{"whole network"}},
		// (3*3*4+1)*30*30 = 33,300.
		{"connections for one output map of a 3x3 conv on 4 input ch, output 30x30, counting the bias",
			[]string{"total connections = 33,300"}, nil},
		// 75 per neuron, 8*28*28 = 6,272 neurons: 470,400 weights only, 476,672 with the bias (LeNet's count).
		{"conv 5x5, 3 -> 8 channels on 32x32x3, no padding. how many connections in total?",
			[]string{"476,672", "470,400"}, nil},
		// Several layers named, one quantity asked of each (vgg16, torch 2):
		// conv1_1 224*224*64*3*9 = 86,704,128 MACs, conv1_2 224*224*64*64*9
		// = 1,849,688,064; conv2_1 3*3*64*128+128 = 73,856 params, conv2_2
		// 3*3*128*128+128 = 147,584.
		{"MACs of vgg16 conv1_1 and conv1_2 on 224x224? no bias",
			[]string{"conv1_1", "86,704,128", "conv1_2", "1,849,688,064"}, nil},
		{"how many params do conv2_1 and conv2_2 of VGG16 have",
			[]string{"conv2_1", "73,856", "conv2_2", "147,584"}, nil},
		// Kinds named with their kernels: 3*3*16*32+32 = 4,640, 5*5*3*16+16 = 1,216.
		{"self.conv1 = nn.Conv2d(3, 16, 5)\nself.conv2 = nn.Conv2d(16, 32, 3, padding=1)\ninput 32x32. params of the 3x3 conv and of the 5x5 conv?",
			[]string{"the 3x3 conv", "4,640", "the 5x5 conv", "1,216"}, []string{"5,856"}},
		// Each layer asked: 28 -> 24 -> 12 -> 8; 5*5*6+6 = 156, 5*5*6*16+16 =
		// 2,416, 16*8*8*120+120 = 123,000; the whole is 125,572.
		{"input 28x28x1 -> conv 5x5 6 filters -> maxpool 2 -> conv 5x5 16 filters -> flatten -> linear 120. how many params does each layer have?",
			[]string{"layer 1", "156", "layer 3", "2,416", "layer 5", "123,000"}, []string{"125,572"}},
		// 100 -> 98 -> 96 -> 48, one channel assumed.
		{"input 100x100, two 3x3 convs (no padding) then a 2x2 max pool. size after the second conv and after the pool?",
			[]string{"after the second conv", "96×96", "after the pool", "48×48"}, nil},
	}
	b := bot.New(bot.Options{})
	for _, tt := range tests {
		text := bot.RenderText(b.Answer(context.Background(), tt.src))
		first := ""
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "Answer:") {
				first = line
				break
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(first, w) {
				t.Errorf("%q\nfirst line %q, want %q in it", tt.src, first, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(first, n) {
				t.Errorf("%q\nfirst line %q leads with %q, the network's", tt.src, first, n)
			}
		}
	}
}

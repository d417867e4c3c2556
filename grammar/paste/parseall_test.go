package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestParseAll reads messages that paste two models and checks each
// question's parameters and output (worked in the comments; the PyTorch
// ones checked with PyTorch in testdata/questions/code_cases.py).
func TestParseAll(t *testing.T) {
	cases := []struct {
		name   string
		src    string
		params []int64 // per question
		out    []int   // the last output of every question, when not nil
	}{
		// 3*64*9+64 = 1792 in both
		{"pytorch vs keras", "nn.Conv2d(3, 64, 3) says 1792 params in pytorch, is it the same as keras Conv2D(64, 3, input_shape=(32, 32, 3))?",
			[]int64{1792, 1792}, nil},
		// A: 896 + 9248; B: 3*32*25+32
		{"model A and B", "model A: nn.Sequential(nn.Conv2d(3, 32, 3), nn.Conv2d(32, 32, 3))\nmodel B: nn.Sequential(nn.Conv2d(3, 32, 5))\nwhich one has more params?",
			[]int64{10144, 2432}, nil},
		// floor((15+2-3)/2)+1 = 8; Keras same: ceil(15/2) = 8
		{"labels and shared input", "pytorch: nn.Conv2d(32, 64, 3, stride=2, padding=1)\nkeras: Conv2D(64, 3, strides=2, padding='same')\nboth on a 15x15x32 input. same output size and same params?",
			[]int64{18496, 18496}, []int{64, 8, 8}},
		// 784*10+10 in both
		{"dense vs linear", "Dense(10, input_shape=(784,)) in keras vs nn.Linear(784, 10) in pytorch -- same number of params?",
			[]int64{7850, 7850}, nil},
		// (16-1)*2 - 2 + 4 = 32; Keras same: 16*2; 64*32*16+32 = 32800
		{"transposed both", "nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1) on 16x16 and keras Conv2DTranspose(32, 4, strides=2, padding='same') on (16, 16, 64): output size and params of each?",
			[]int64{32800, 32800}, []int{32, 32, 32}},
		// PyTorch 4*(32*10+32*32+64) = 5632; Keras 4*(32*42+32) = 5504
		{"lstm both", "pytorch: nn.LSTM(input_size=10, hidden_size=32)\nkeras: LSTM(32, input_shape=(None, 10))\nwhy are the param counts different?",
			[]int64{5632, 5504}, nil},
		// depthwise 3*3*32+... Keras SeparableConv2D: 3*3*32 + 32*64 + 64 = 2400 on the same 32x32x32 input
		{"what if instead", "Conv2D(64, 3, input_shape=(32, 32, 32)) has 18,496 params. what if I make it a SeparableConv2D(64, 3) instead?",
			[]int64{18496, 2400}, nil},
		// one model: one question (LeNet's first layers, 456 + 2416)
		{"one model", "nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5))", []int64{2872}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs, err := ParseAll(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != len(c.params) {
				t.Fatalf("%d questions, want %d", len(qs), len(c.params))
			}
			for i, q := range qs {
				var params int64
				in := q.Input
				for _, l := range q.Layers {
					r, err := l.Apply(in)
					if err != nil {
						t.Fatalf("question %d: %v", i+1, err)
					}
					params += r.Params
					if q.Input != nil {
						in = r.Output
					}
				}
				if params != c.params[i] {
					t.Errorf("question %d: params %d, want %d (%s)", i+1, params, c.params[i], q.Canonical)
				}
				if c.out != nil && !calc.Shape(c.out).Equal(in) {
					t.Errorf("question %d: output %v, want %v", i+1, in, c.out)
				}
			}
		})
	}
}

// FuzzParseAll: no panic, bounded time, and every question's errors
// positioned inside the message.
func FuzzParseAll(f *testing.F) {
	for _, s := range append(append([]string{
		"model A: nn.Sequential(nn.Conv2d(3, 32, 3))\nmodel B: nn.Linear(10, 2)\nwhich?",
		"pytorch: nn.LSTM(10, 32)\nkeras: LSTM(32, input_shape=(None, 10))",
		"nn.Conv2d(3, 64, 3) vs keras Conv2D(64, 3, input_shape=(32, 32, 3))",
		"Conv2D(64, 3, input_shape=(32, 32, 32)) has 18,496 params. what if I make it a SeparableConv2D(64, 3) instead?",
		"nn.MaxPool2d(3, stride=2) on 56x56, out size with ceil_mode=False vs ceil_mode=True?",
		"flatten vs GAP before nn.Linear(?, 5) on a 256x4x4 feature map",
		"RuntimeError: shape '[-1, 400]' is invalid for input of size 10816\nconv1 = nn.Conv2d(1, 6, 5), max_pool2d(2) after each, batch size 4, 64x64",
		"ValueError: padding='same' is not supported for strided convolutions\nnn.Conv2d(32, 64, 3, stride=2, padding='same') 128x128 -> 64x64. what padding?",
		"images are 64x64 rgb:\n    self.conv1 = nn.Conv2d(3, 6, 5)\n    ...\n    x = self.conv1(x)",
		"the Param # of my Dense(64), input (None, 10, 10, 32), i forgot the Flatten",
		"Conv1d(300, 100, k) for k = 3,4,5 on length 50",
		"nn.Conv2d(16, 16, k, padding=1) on 32x32 with k in (1, 3, 5)",
		"nn.Conv2d(3, 8, 3, stride=s) for s=1,2",
		"x = x.view(-1, 16*5*5) in lenet w 32x32 input, so fc1 in_features is?",
	}, ptSeeds...), kerasSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		qs, err := ParseAll(src)
		if err == nil && len(qs) == 0 {
			t.Fatalf("%q: no question and no error", src)
		}
		for i := range max(len(qs), 1) {
			ptFuzzOne(t, func(string) (*lang.Question, error) {
				if err != nil {
					return nil, err
				}
				return qs[i], nil
			}, src)
		}
	})
}

package paste

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestKerasSamePool checks TensorFlow's 'same' pooling, ceil(in/stride),
// at strides other than the window. Worked: window 3 stride 2 on 31 gives
// ceil(31/2) = 16 (PyTorch's floor((31-3)/2)+1 = 15 without padding);
// window 2 stride 1 keeps 18; window 3 stride 2 on 32 gives 16.
func TestKerasSamePool(t *testing.T) {
	tests := []struct {
		kernel, stride []int
		in, want       int
	}{
		{[]int{3}, []int{2}, 31, 16},
		{[]int{2}, []int{1}, 18, 18},
		{[]int{3}, []int{2}, 32, 16},
		{[]int{5}, []int{3}, 10, 4},
	}
	for _, tt := range tests {
		p := kerasSamePool{calc.Pool{Kernel: tt.kernel, Stride: tt.stride}}
		r, err := p.Apply(calc.Shape{8, tt.in, tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Output; got[1] != tt.want || got[2] != tt.want || got[0] != 8 {
			t.Errorf("kernel %v stride %v on %d: %v, want 8×%d×%d", tt.kernel, tt.stride, tt.in, got, tt.want, tt.want)
		}
	}
}

// TestCourseCodeReadings checks readings of code from courses and books: a
// helper named like shorthand, loops that build layers, a VGG cfg, a
// list spread into nn.Sequential, a size beside a layer that is its
// output. Worked: vgg_block(2, 8, 16) is two convs 8->16, 16->16.
func TestCourseCodeReadings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a helper named conv", "def conv(ni, nf, ks=3):\n    return nn.Conv2d(ni, nf, ks, stride=2, padding=ks//2)\nnet = nn.Sequential(conv(1, 4), conv(4, 8, ks=5))\nparams?",
			[]string{"conv 3x3 1->4 stride 2 pad 1", "conv 5x5 4->8 stride 2 pad 2"}},
		{"a loop in a helper carries its assignment", "def vgg_block(n, cin, cout):\n    layers = []\n    for _ in range(n):\n        layers.append(nn.Conv2d(cin, cout, 3, padding=1))\n        cin = cout\n    layers.append(nn.MaxPool2d(2))\n    return nn.Sequential(*layers)\nnet = nn.Sequential(vgg_block(2, 8, 16))\nparams?",
			[]string{"conv 3x3 8->16 pad 1", "conv 3x3 16->16 pad 1", "maxpool 2x2"}},
		{"a cfg with 'M' for the pools", "layers = []\nc = 3\nfor v in [16, 'M', 32]:\n    if v == 'M':\n        layers.append(nn.MaxPool2d(2))\n    else:\n        layers.append(nn.Conv2d(c, v, 3))\n        c = v\nnet = nn.Sequential(*layers)\nparams?",
			[]string{"conv 3x3 3->16", "maxpool 2x2", "conv 3x3 16->32"}},
		{"tuples unpacked over a named arch", "arch = ((1, 8), (2, 16))\nlayers = []\nc = 1\nfor (n, out) in arch:\n    for _ in range(n):\n        layers.append(nn.Conv2d(c, out, 3, padding=1))\n        c = out\nnet = nn.Sequential(*layers)\nparams?",
			[]string{"conv 3x3 1->8 pad 1", "conv 3x3 8->16 pad 1", "conv 3x3 16->16 pad 1"}},
		{"a size beside a layer is its output", "net = nn.Sequential(\n    nn.Conv2d(1, 4, 3, stride=2, padding=1),  # 14x14\n)\nparams?",
			[]string{"conv 3x3 1->4 stride 2 pad 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParsePyTorch(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkInOrder(t, q.Canonical, tt.want)
			if tt.name == "a size beside a layer is its output" && q.Input != nil {
				t.Errorf("Input = %v, want none: 14x14 is what the conv gives", q.Input)
			}
		})
	}
}

// TestLoopRefusals checks that a loop over values the paste does not give,
// or one that builds too many layers, is refused rather than read once.
func TestLoopRefusals(t *testing.T) {
	for _, src := range []string{
		"layers = []\nfor c in channels:\n    layers.append(nn.Conv2d(c, c, 3))\nnet = nn.Sequential(*layers)\nparams?",
		"layers = []\nfor i in range(1000):\n    for j in range(1000):\n        layers.append(nn.Conv2d(3, 3, 3))\nnet = nn.Sequential(*layers)\nparams?",
	} {
		if _, err := ParsePyTorch(src); err == nil || !strings.Contains(err.Error(), "loop") {
			t.Errorf("%q: err = %v, want a refusal that names the loop", src, err)
		}
	}
}

// TestOtherValueAndFrozen checks that a call asked again with a keyword's
// other value gives two questions (and not with the same value), and that
// words denying a freeze win over the word "freeze".
func TestOtherValueAndFrozen(t *testing.T) {
	if qs := allOtherValue("nn.MaxPool2d(2, ceil_mode=True) on 7x7? and with ceil_mode=False?"); len(qs) != 2 {
		t.Errorf("ceil_mode=True then False: %d questions, want 2", len(qs))
	}
	if qs := allOtherValue("nn.MaxPool2d(2, ceil_mode=True) on 7x7, is it 4 with ceil_mode=True?"); qs != nil {
		t.Errorf("the same value asked again: %d questions, want none", len(qs))
	}
	for src, want := range map[string]bool{
		"base.trainable = False":                     true,
		"the base is frozen":                         true,
		"what if I do not freeze the base":           false,
		"I unfreeze the top block":                   false,
		"base.trainable = False, then fine-tune all": true,
	} {
		if got := kerasFrozen(src); got != want {
			t.Errorf("kerasFrozen(%q) = %v, want %v", src, got, want)
		}
	}
}

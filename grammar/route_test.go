package grammar

import (
	"strconv"
	"strings"
	"testing"
)

// TestRoute checks the router's choice for each kind of question of issue
// 12: the front-end whose reading is kept, what it reads, and the numbers
// it leaves unused — explained (the asker's own figure, a training
// setting) or not (a misreading showing itself).
func TestRoute(t *testing.T) {
	for _, c := range []struct {
		kind, text, front, reads string
		unused                   []string // as written; "?" after one marks it unexplained
	}{
		{"first word", "input 7x7, filter 3x3, stride 3: output size?", "english", "stride 3", nil},
		{"first word", "input is 64x64 with 3 channels, kernel 5, stride 2 -> I get 30.5, what does pytorch give?", "english", "conv 5x5 3->", []string{"30.5"}},
		{"first word", "resnet-18 stem: 7x7/2 conv with 64 filters, pad 3, on 224x224x3 -> what size comes out?", "english", "conv 7x7 3->64 stride 2 pad 3", nil},
		{"spec", "conv 3x3 32->64 stride 2 pad 1 input 56x56", "spec", "conv 3x3 32->64 stride 2 pad 1", nil},
		{"code", "nn.Conv2d(3, 64, 3) params?", "pytorch", "conv 3x3 3->64", nil},
		{"preset as context", "first layer of AlexNet: 96 filters 11x11 stride 4 on 227x227x3, how many neurons in the output volume?", "english", "conv 11x11 3->96 stride 4", nil},
		{"preset", "how many parameters does vgg16 have?", "preset", "linear 1000", nil},
		{"roles", "previous layer has 32 feature maps, this conv layer has 64 filters of size 3x3", "english", "conv 3x3 32->64", nil},
		{"layers in prose", "two 5x5 conv layers with 16 and 32 filters on 28x28x1", "english", "conv 5x5 1->16 bias\nconv 5x5 16->32", nil},
		{"layers in prose", "three conv layers, all 3x3 stride 1, with dilation 1, 2 and 3 respectively. receptive field?", "english", "dilation 3", nil},
		{"misreading shows", "conv 3x3 with 64 filters on a 32x32x3 image takes 500 ms", "english", "conv 3x3 3->64", []string{"500?"}},
		{"output given", "3x3 conv, 16 in channels, 32 out channels, output feature map 56x56. how many multiply-adds?", "english", "conv 3x3 16->32", nil},
		{"own arithmetic", "I computed (32 - 5 + 2*0)/2 + 1 = 14.5 for a 5x5 conv stride 2 on 32x32x3 with 8 filters. actual output?", "english", "conv 5x5 3->8 stride 2", []string{"14.5"}},
		{"training settings", "I train with batch size 32 and lr 0.001 - conv 3x3 3->64 on 32x32, params?", "english", "conv 3x3 3->64", []string{"0.001"}},
		{"percentage", "my conv gets 87% accuracy: 5x5 with 20 filters on 28x28x1, params?", "english", "conv 5x5 1->20", []string{"87"}},
		{"words for numbers", "sixty-four filters of size three by three on an input with thirty-two channels", "english", "conv 3x3 32->64", nil},
	} {
		r, err := choose(c.text)
		if err != nil {
			t.Errorf("%s: %q: %v", c.kind, c.text, err)
			continue
		}
		if r.front != c.front || !strings.Contains(Format(r.q), c.reads) {
			t.Errorf("%s: %q: read by %s as %q, want %s reading %q", c.kind, c.text, r.front, Format(r.q), c.front, c.reads)
		}
		var got []string
		for _, u := range r.unused {
			s := u.Text
			if u.Why == "" {
				s += "?"
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != strings.Join(c.unused, " ") {
			t.Errorf("%s: %q: unused %q, want %q", c.kind, c.text, got, c.unused)
		}
	}
}

// TestPresetBesideCode: a part of a preset named beside pasted code is
// context, even when its sizes match numbers of the prose (resnet18's
// conv1 does give 112x112 on 224x224): the code is what the asker built.
// Before, "112" was answered for this conv without padding; PyTorch gives
// floor((224-7)/2)+1 = 109.
func TestPresetBesideCode(t *testing.T) {
	for _, text := range []string{
		"resnet18 conv1 gives 112x112 on 224x224, but my nn.Conv2d(3, 64, 7, stride=2) has no padding: what size do I get on 224x224?",
		"In the lecture AlexNet conv1 takes 227x227 and gives 55x55. If I build nn.Conv2d(3, 96, 11, stride=4) and feed 224x224, what size comes out?",
	} {
		r, err := choose(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if r.front != "pytorch" || strings.Contains(Format(r.q), "pad") {
			t.Errorf("%q: read by %s as %q, want the pasted conv, without padding", text, r.front, Format(r.q))
		}
	}
}

// TestWrittenNumbers checks which numbers of a text count as the asker's:
// names (conv1, vgg16, resnet-18), list markers and indexes do not.
func TestWrittenNumbers(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"conv1 has 64 filters, fc7 4096 units", "64 4096"},
		{"vgg16 and resnet-18 on 224x224x3", "224 224 3"},
		{"1) params? 2) output?", ""},
		{"layer 2 takes 16 maps", "16"},
		{"10,000 params, (3,3) kernel, (100,100,3) input", "10000 3 3 100 100 3"},
		{"I get 30.5 and 10k", "30.5 10000"},
		{"a 2d conv, the 3rd layer", ""},
	} {
		nums, _ := writtenNumbers(c.text)
		var got []string
		for _, w := range nums {
			got = append(got, strconv.FormatFloat(w.val, 'f', -1, 64))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: numbers %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzParseAll reads any message through the front door: no panic, and
// every position it gives (an error's, an unused number's) lies inside the
// message.
func FuzzParseAll(f *testing.F) {
	for _, s := range []string{
		"input is 64x64 with 3 channels, kernel 5, stride 2 -> I get 30.5",
		"1) params of conv 3x3 3->16? 2) params of conv 3x3 16->32?",
		"a 5x5 conv 64->64 vs two 3x3 convs 64->64",
		"(32 - 5 + 2*0)/2 + 1 = 14.5",
		"sixty-four filters, three-by-three, 10,000 params, 87% acc",
		"resnet-18 stem: 7x7/2 conv with 64 filters",
		"nn.Conv2d(3, 64, 3)\ninput is 32x32",
		"?? 1) 2) (a) vs vs than 1,000,000,000,000,000,000",
		"class SE(nn.Module):\n    def __init__(self, c=256, r=16):\n        super().__init__()\n        self.fc1 = nn.Linear(c, c // r)\n        self.fc2 = nn.Linear(c // r, c)\n    def forward(self, x):\n        s = x.mean((2, 3))\n        return x * torch.sigmoid(self.fc2(F.relu(self.fc1(s))))", // a forward that traces to no layer
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs, err := ParseAll(s)
		lines := strings.Count(s, "\n") + 1
		if err != nil {
			if e, ok := err.(*Error); ok && e.Line > lines {
				t.Fatalf("%q: error at line %d of %d", s, e.Line, lines)
			}
			return
		}
		for _, q := range qs {
			for _, u := range q.Unused {
				if u.Pos.Line < 1 || u.Pos.Line > lines || !strings.Contains(s, u.Text) {
					t.Fatalf("%q: unused %q at %v", s, u.Text, u.Pos)
				}
			}
		}
	})
}

// TestChains checks the asker's arithmetic is evaluated as Python does.
func TestChains(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"64 * 2**4", 1024},
		{"28 - 5 + 1", 24},
		{"3*3*64*128", 73728},
		{"64*28*28/4", 12544},
		{"10 - 2*3", 4},
		{"100 // 3", 33},
	} {
		nums, chains := writtenNumbers(c.text)
		if len(chains) != 1 || nums[0].chain != 1 || chains[0].val != c.want {
			t.Errorf("%q: chains %+v, want one worth %v", c.text, chains, c.want)
		}
	}
}

// TestProseNeverSpecError: a message that is plainly prose is never
// refused in the spec language's terms ("\".\" is not part of the spec
// language"), whatever word it starts with; when no front-end reads it,
// the refusal is English's.
func TestProseNeverSpecError(t *testing.T) {
	for _, text := range []string{
		"ResNet-ish stem on 192x192: 7x7 conv, 32 filters, stride 2, padding 3. What comes out?",
		"conv 3x3 with 64 filters on 32x32x3 — params?",
		"deconv k4 s2 p1 on 8x8, i want 16 out — what output padding",
		"input 100x100x3. conv 5x5, 10 filters, stride 5. What's the output volume?",
		"Conv 7x7/2 then pool 3x3/2 on a 224 image. Size after the pool?",
		"linear 512 -> 10 — how many weights?",
		"maxpool 3x3 s2 p1, then conv 1x1 to 64 channels. How many multiplications on 56x56x64?",
		"Depthwise 3x3 on 16x16x32 with same padding. Then pointwise to 64. Total MACs?",
	} {
		_, err := Parse(text)
		if err != nil && strings.Contains(err.Error(), "spec language") {
			t.Errorf("%q: refused in the spec language's terms: %v", text, err)
		}
	}
	// The spec language's own errors stay for spec text.
	if _, err := Parse("conv 3x3 32->64 strid 2"); err == nil || !strings.Contains(err.Error(), "stride") {
		t.Errorf("a spec typo: %v, want the spec's \"did you mean stride\"", err)
	}
}

// TestBracketlessPaste: a torchsummary row pasted without a bracket in the
// words is read by the paste front-end; the counts are worked here:
// 3·3·32·64 + 64 = 18,496 and 3·3·128·256 + 256 = 295,168.
func TestBracketlessPaste(t *testing.T) {
	for _, c := range []struct {
		text  string
		reads string
	}{
		{"Conv2d-2     [-1, 64, 56, 56]     ???\nprevious output [-1, 32, 56, 56], kernel 3 pad 1. param #?", "conv 3x3 32->64 pad 1"},
		{"Conv2d-5        [-1, 256, 14, 14]      ???\nthe input is [-1, 128, 14, 14], 3x3 kernel, padding 1, whats the param count", "conv 3x3 128->256 pad 1"},
	} {
		r, err := choose(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if r.front != "pytorch" || !strings.Contains(Format(r.q), c.reads) {
			t.Errorf("%q: read by %s as %q, want pytorch reading %q", c.text, r.front, Format(r.q), c.reads)
		}
	}
}

package grammar

import (
	"slices"
	"strings"
	"testing"
)

// TestFollowUps: a question asked again with one thing changed is
// answered twice, the follow-up inheriting everything it does not change.
// Numbers checked with PyTorch (torch 2, nn.Conv2d).
func TestFollowUps(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // each answer's restatement holds this
	}{
		// 3*3*16*32+32 = 4,640; without bias 4,608
		{"conv 3x3 on 16 channels, 32 filters. params? and without bias?", []string{"conv 3x3 16->32 bias", "conv 3x3 16->32 nobias"}},
		// floor((64+4-5)/1)+1 = 64; floor((64+4-5)/2)+1 = 32
		{"64x64 input, conv k5 s1 p2, output size? what about stride 2", []string{"stride 1 pad 2", "stride 2 pad 2"}},
		// floor((100-7)/3)+1 = 32; floor((128-7)/3)+1 = 41: the 3 channels kept
		{"input 100x100x3, conv 7x7 stride 3 with 8 filters, no padding -> output? and if I feed 128x128", []string{"3->8 stride 3 pad valid bias input 100x100", "3->8 stride 3 pad valid bias input 128x128"}},
		// 9*3*24+24 = 672 ; the follow-up keeps what is asked
		{"params of a 3x3 conv from 3 to 24 channels with bias? ok and if bias=False", []string{"conv 3x3 3->24 bias", "conv 3x3 3->24 nobias"}},
		// Rounding changed (torch 2, nn.MaxPool2d): k2 s2 on 7 is 4 with
		// ceil_mode=True, 3 without; k3 s2 on 10 is 5 and 4; on 9, k2 s2
		// is 4, then 5 with ceil_mode=True.
		{"nn.MaxPool2d(2, ceil_mode=True) on a 7x7 map: output size? and with the default ceil_mode=False?", []string{"maxpool 2x2 ceil", "maxpool 2x2 input"}},
		{"MaxPool2d(kernel_size=3, stride=2, ceil_mode=True) on 10x10, output shape? and without ceil mode?", []string{"stride 2 ceil input 10x10", "stride 2 input 10x10"}},
		{"maxpool 2x2 stride 2 on a 9x9 input: output size? and with ceil_mode=True?", []string{"maxpool 2x2 stride 2 input 9x9", "maxpool 2x2 stride 2 ceil input 9x9"}},
		{"maxpool 3x3 stride 2 ceil mode on a 14x14 input: output? and without ceil mode?", []string{"stride 2 ceil input 14x14", "maxpool 3x3 stride 2 input 14x14"}},
		// After a comma: floor((64-3)/2)+1 = 31, floor((96-3)/2)+1 = 47
		{"conv 3x3 with 16 filters, stride 2, on a 64x64x3 input: output size, and what if the input is 96x96?", []string{"input 64x64", "input 96x96"}},
		{"maxpool 2x2 on 13x13, output; what if ceil_mode=True?", []string{"maxpool 2x2 input 13x13", "maxpool 2x2 ceil input 13x13"}},
		// An input written first, before an arrow: 28 -> 28 -> 14; 64 -> 64 -> 32
		{"28x28 -> conv(1,16,3,p1), conv(16,16,3,p1,s2) -> output shape? what if input is 64x64?", []string{"input 28x28", "input 64x64"}},
		// The kernel changed, not the input: 5*5*3*10+10 = 760, 3*3*3*10+10 = 280
		{"a 5x5 conv with 10 filters on 32x32x3: params? what if I use 3x3 filters instead?", []string{"conv 5x5 3->10", "conv 3x3 3->10"}},
		// floor((224-7)/2)+1 = 109, floor((224-5)/2)+1 = 110
		{"7x7 conv 3->64 stride 2 on 224x224: output? what about a 5x5 kernel", []string{"conv 7x7 3->64 stride 2", "conv 5x5 3->64 stride 2"}},
		// groups: 3*3*32*64+64 = 18,496; with groups=2, 3*3*16*64+64 = 9,280
		{"nn.Conv2d(32, 64, 3) params? and with groups=2?", []string{"conv 3x3 32->64 bias", "conv 3x3 32->64 groups 2 bias"}},
		// output_padding: (7-1)*2-2+3 = 13, then 14 (torch 2, nn.ConvTranspose2d)
		{"nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1) on 7x7: output size? and with output_padding=1?", []string{"deconv 3x3 16->8 stride 2 pad 1 bias", "outpad 1"}},
		// The spec language's input after a setting: "pad 1 input 56x56" is
		// not an input of 1. floor((56+2-3)/2)+1 = 28; floor((64+2-3)/2)+1
		// = 32 (was read "pad 64x64 input 64x64": 87).
		{"conv 3x3 32->64 stride 2 pad 1 input 56x56, params and output size? and with a 64x64 input?", []string{"stride 2 pad 1 bias input 56x56", "stride 2 pad 1 bias input 64x64"}},
	} {
		qs, err := ParseAll(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if len(qs) != len(c.want) {
			t.Errorf("%q: %d questions, want %d", c.text, len(qs), len(c.want))
			continue
		}
		for i, q := range qs {
			if got := Format(q); !strings.Contains(got, c.want[i]) {
				t.Errorf("%q: question %d reads %q, want it to hold %q", c.text, i+1, got, c.want[i])
			}
		}
		if len(qs[0].Asked) > 0 && len(qs[1].Asked) == 0 {
			t.Errorf("%q: the follow-up asks nothing, the question %q", c.text, qs[0].Asked)
		}
	}
}

// TestFollowUpSolves: a follow-up to a solved unknown solves it again:
// 'same' padding for k3 s1 is 1; for k5 dilation 3 the kernel spans
// 3*(5-1)+1 = 13, so (13-1)/2 = 6.
// TestFollowUpAlone: a follow-up sent as a message of its own after a
// question reads as that question with the change, and a next follow-up
// changes the question as changed. Numbers (torch 1.13, nn.Conv2d):
// 3*3*32*64+64 = 18,496, without bias 18,432; stride 1 keeps 56 with pad 1;
// floor((56-3)/1)+1 = 54 with no pad.
func TestFollowUpAlone(t *testing.T) {
	prev := "conv 3x3 from 32 to 64 channels, stride 2, pad 1 on a 56x56 input: params and output size?"
	for _, c := range []struct{ line, want string }{
		{"and if bias=False?", "conv 3x3 32->64 stride 2 pad 1 nobias input 56x56"},
		{"what about stride 1", "conv 3x3 32->64 stride 1 pad 1 nobias input 56x56"},
		{"no pad?", "conv 3x3 32->64 stride 1 pad valid nobias input 56x56"},
	} {
		text, q, ok := FollowUp(prev, c.line)
		if !ok {
			t.Fatalf("%q after %q: not read as a follow-up", c.line, prev)
		}
		if got := Format(q); got != c.want {
			t.Errorf("%q after %q reads %q, want %q", c.line, prev, got, c.want)
		}
		if !slices.Contains(q.Asked, "params") || !slices.Contains(q.Asked, "output") {
			t.Errorf("%q: asks %q, want the first question's params and output", c.line, q.Asked)
		}
		prev = text
	}
	// The spec language, then words: floor((56+2-3)/1)+1 = 56.
	text, q, ok := FollowUp("conv 3x3 32->64 stride 2 pad 1 input 56x56", "what about stride 1")
	if !ok || Format(q) != "conv 3x3 32->64 stride 1 pad 1 bias input 56x56" {
		t.Errorf("stride 1 after the spec language: ok %v, %q", ok, text)
	}
	for _, line := range []string{"conv 1x1 64->128 on 28x28?", "thanks!", ""} {
		if _, _, ok := FollowUp(prev, line); ok {
			t.Errorf("%q read as a follow-up of %q", line, prev)
		}
	}
}

func TestFollowUpSolves(t *testing.T) {
	qs, err := ParseAll("what padding keeps 'same' with k3 s1? and k5 with dilation 3?")
	if err != nil || len(qs) != 2 {
		t.Fatalf("%d questions, %v; want 2", len(qs), err)
	}
	for i, want := range []int64{1, 6} {
		if s := qs[i].Solve; s == nil || len(s.Solutions) == 0 || s.Solutions[0] != want {
			t.Errorf("question %d: solved %+v, want pad %d", i+1, s, want)
		}
	}
}

// TestAskedTwice: a message that asks two things and is read as one
// question says so first.
func TestAskedTwice(t *testing.T) {
	for _, src := range []string{
		// 3*9*32*32 = 27,648 vs 49*32*32 = 50,176: read today as one network
		"which has more weights, 3 x conv 3x3 32->32 or one conv 7x7 32->32? no bias",
		// a swap the reading cannot place: the 5x5 answered alone would be half
		"a 5x5 conv with 10 filters on 32x32x3, what if I use 3x3 instead",
	} {
		qs, err := ParseAll(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if len(qs) == 1 && len(qs[0].Doubts) == 0 {
			t.Errorf("%q: one confident reading %q", src, qs[0].Canonical)
		}
	}
}

// TestNoFollowUp: a second question that changes nothing of the first is
// no follow-up.
func TestNoFollowUp(t *testing.T) {
	for _, src := range []string{
		"what's the output size of conv 3x3 3->16 on 32x32? and how many params?",
		"conv 3x3 3->16 on 32x32x3. and what is the output?",
		// a layer kind the question has, said again, is no layer more
		"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1, maxpool 2 on 32x32x3: output shape? and with a 2x2 maxpool?",
		// a place that cannot be changed is not changed everywhere
		"conv 3x3 3->16 pad 1, conv 3x3 16->32 pad 1 on 32x32x3: output shape? what if the first conv has 64 filters?",
	} {
		if qs := followUps(src); qs != nil {
			t.Errorf("%q read as a follow-up: %q", src, qs[1].Canonical)
		}
	}
}

// TestUnmadeChangeDoubted: a follow-up in the message whose change cannot
// be made is read on its own, and says so first.
func TestUnmadeChangeDoubted(t *testing.T) {
	for _, src := range []string{
		"rf of three 3x3 convs stacked? what if the middle one is a 2x2 maxpool",
		"conv 3x3 3->16 pad 1, maxpool 2, conv 3x3 16->32 pad 1 on 32x32x3: output shape? and if the second pool has stride 1?",
	} {
		qs, err := ParseAll(src)
		if err != nil || len(qs) < 2 {
			continue // refused, or read as one: not answered on its own
		}
		if !slices.Contains(qs[len(qs)-1].Doubts, UnmadeChange) {
			t.Errorf("%q: the follow-up read on its own is not doubted: %q", src, qs[len(qs)-1].Doubts)
		}
	}
}

// TestStackedTimes: "2x Conv2d(...)" and "3x 3x3 conv" are stacks of
// layers, on either side of a comparison: 2*(64*64*9+64) = 73,856 and
// 3*(32*32*9+32) = 27,744.
func TestStackedTimes(t *testing.T) {
	for _, c := range []struct {
		text   string
		layers int
	}{
		{"is 2x Conv2d(64,64,3) more params than one Conv2d(64,64,5)? with bias", 2},
		{"is 3x Conv2d(32,32,3) fewer params than one Conv2d(32,32,7)? with bias", 3},
	} {
		qs, err := ParseAll(c.text)
		if err != nil || len(qs) != 2 {
			t.Errorf("%q: %d questions, %v", c.text, len(qs), err)
			continue
		}
		if got := len(qs[0].Layers); got != c.layers {
			t.Errorf("%q: first side has %d layers (%q), want %d", c.text, got, qs[0].Canonical, c.layers)
		}
		if len(qs[1].Asked) == 0 {
			t.Errorf("%q: the second side asks nothing", c.text)
		}
	}
}

// TestDescribedOverPreset: a side naming a network as context is read as
// the layer it describes: 5*5*96*96 = 230,400 vs 2*(1*5*96*96) = 92,160;
// 3*3*64*64+64 = 36,928 vs 64*64+64 = 4,160.
func TestDescribedOverPreset(t *testing.T) {
	for _, c := range []struct{ text, first string }{
		{"googlenet style: 5x5 conv 96->96 vs a 1x5 then 5x1 (both 96->96), params no bias?", "conv 5x5 96->96 nobias"},
		{"resnet idea: 3x3 conv 64->64 vs a 1x1 conv 64->64, params each?", "conv 3x3 64->64 bias"},
	} {
		qs, err := ParseAll(c.text)
		if err != nil || len(qs) != 2 {
			t.Errorf("%q: %d questions, %v", c.text, len(qs), err)
			continue
		}
		if got := Format(qs[0]); got != c.first {
			t.Errorf("%q: first side %q, want %q", c.text, got, c.first)
		}
	}
}

// FuzzFollowUps reads messages that ask again, through the front door: no
// panic, and every unused number is the asker's, on a line of the message.
func FuzzFollowUps(f *testing.F) {
	for _, s := range []string{
		"conv 3x3 on 16 channels, 32 filters. params? and without bias?",
		"input 100x100x3, conv 7x7 stride 3 with 8 filters, no padding -> output? and if I feed 128x128",
		"'same' pad w k3 s1? and k7 with dilation 3?",
		"is 3x Conv2d(32,32,3) fewer params than one Conv2d(32,32,7)? with bias",
		"resnet idea: 3x3 conv 64->64 vs a 1x1 conv 64->64, params each?",
		"x? ok and if 9x 2x Conv2d((( in fp16? what about feed 0x0x0",
		"nn.MaxPool2d(2, ceil_mode=True) on 7x7: output? and with the default ceil_mode=False?",
		"nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1) on 7x7: output? and with output_padding=1?",
		"conv 3x3 16 filters stride 2 on 64x64x3: output, and what if the input is 96x96?",
		"input 100x100, two 3x3 convs then a 2x2 pool: size after the second conv and after the pool?",
		"conv1: 8 filters 3x3. pool1: 2x2. output of conv1 and pool1 on 9x9? MACs of the 3x3 conv",
		"MACs of vgg16 conv1_1 and conv1_2 and fc6?",
		"a, what if Conv2d(, and with x=?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs, err := ParseAll(s)
		if err != nil {
			return
		}
		lines := strings.Count(s, "\n") + 1
		for _, q := range qs {
			for _, u := range q.Unused {
				if u.Pos.Line < 1 || u.Pos.Line > lines || !strings.Contains(s, u.Text) {
					t.Fatalf("%q: unused %q at %v", s, u.Text, u.Pos)
				}
			}
		}
	})
}

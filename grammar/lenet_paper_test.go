package grammar

import "testing"

// LeNet-5's layers named as the paper names them are answered with the
// paper's counts (its Section II.B; checked with torch in
// testdata/questions/arch12_cases.py): C1 122,304 connections, S2 5,880,
// C3 1,516 parameters and 151,600 connections, S4's 400 values flattened;
// C3 said to read all six S2 maps is a full conv (5·5·6·16 + 16 = 2,416).
func TestLenetPaper(t *testing.T) {
	tests := []struct {
		src  string
		want []int64
	}{
		{"lenet5 C1: 6 maps 28x28 from 32x32 input, 5x5 kernels. how many connections (paper counts the bias as a connection)", []int64{122304}},
		{"LeNet-5 C1 connections - paper says 156 trainable parameters but how many connections?", []int64{122304}},
		{"lenet-5 paper: S2 is 6 maps of 14x14, each unit takes a 2x2 area of C1, times a trainable coefficient plus bias. it has 12 trainable params. how many connections?", []int64{5880}},
		{"lenet5 C3 has 16 maps of 10x10 with 5x5 kernels, partial connection table (6 maps take 3 S2 maps, 9 take 4, 1 takes all 6). trainable params and connections?", []int64{1516, 151600}},
		{"lenet-5: after S4 theres 16 maps of 5x5, how many numbers go into the next layer if u flatten", []int64{400}},
		{"LeNet-5 S4 trainable params?", []int64{32}},
		{"in our lecture's version of lenet-5, C3 is connected to ALL 6 maps of S2 (not the weird table from the paper). 16 filters 5x5. how many trainable params for C3 then?", []int64{2416}},
		{"LeNet-5's C3 layer: 16 filters 5x5 over 6 input maps of 14x14. output size and parameters if every map connects to every input map?", []int64{10, 2416}},
	}
	for _, tt := range tests {
		qs := lenetPaperAsked(tt.src)
		if len(qs) != len(tt.want) {
			t.Fatalf("%q: %d answers, want %d", tt.src, len(qs), len(tt.want))
		}
		for i, q := range qs {
			if got := q.Solve.Solutions[0]; got != tt.want[i] {
				t.Errorf("%q: answer %d is %d, want %d", tt.src, i+1, got, tt.want[i])
			}
		}
	}
}

// A LeNet layer described with numbers the paper's does not have, or
// built in pasted code, is the asker's own layer: left to the other
// readers.
func TestLenetPaperLeftAlone(t *testing.T) {
	for _, src := range []string{
		"lenet5 C1 with 8 maps of 28x28 from a 32x32 input, 5x5 kernels, connections?",
		"class LeNet(nn.Module):\n  def __init__(self):\n    self.c1 = nn.Conv2d(1, 6, 5)\n    self.s2 = nn.MaxPool2d(2)\nparams of s2?",
		"how many params does lenet5 have?",
	} {
		if qs := lenetPaperAsked(src); qs != nil {
			t.Errorf("%q read as the paper's layer: %+v", src, qs[0].Solve)
		}
	}
}

// An "s2" that is a stride ("stride 2 then s2 pool") beside a conv of the
// asker's own is not the paper's S2; a paper layer named with something
// the reader does not answer is doubted, not answered as the whole preset.
func TestLenetPaperNearMiss(t *testing.T) {
	if qs := lenetPaperAsked("conv stride 2 then s2 pool, lenet style: conv 1->6 5x5 on 32x32 params?"); qs != nil {
		t.Errorf("stride read as S2: %v", qs[0].Solve.Solutions)
	}
	qs := lenetPaperAsked("LeNet-5 F6: how wide is it in the drawing?")
	if len(qs) != 1 || len(qs[0].Doubts) == 0 {
		t.Errorf("F6 asked something unread: want one doubted answer, got %d", len(qs))
	}
}

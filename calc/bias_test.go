package calc

import "testing"

func TestBiasCounts(t *testing.T) {
	dw := Conv{Kernel: []int{3, 3}, In: 32, Out: 32, Groups: 32, NoBias: true}
	pw := Conv{Kernel: []int{1, 1}, In: 32, Out: 64}
	fc := Linear{In: 10, Out: 5, NoBias: true}
	tests := []struct {
		name   string
		layers []Layer
		params int64
		every  int64 // with a bias on every conv
		none   int64 // with no bias
	}{
		// dw 3*3*32 = 288 weights; pw 32*64 + 64 = 2,112: 2,400 as read.
		{"separable with one bias", []Layer{dw, pw}, 2400, 2400 + 32, 2400 - 64},
		// a linear layer gets no bias here: the words speak of convs.
		{"linear left alone", []Layer{fc}, 50, 50, 50},
		{"none", nil, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reports []Report
			for _, l := range tt.layers {
				r, err := l.Apply(nil)
				if err != nil {
					t.Fatal(err)
				}
				reports = append(reports, r)
			}
			every, err := ParamsWithEveryBias(tt.params, tt.layers)
			if err != nil || every != tt.every {
				t.Errorf("ParamsWithEveryBias = %d, %v; want %d", every, err, tt.every)
			}
			none, err := ParamsWithoutBiases(tt.params, reports)
			if err != nil || none != tt.none {
				t.Errorf("ParamsWithoutBiases = %d, %v; want %d", none, err, tt.none)
			}
		})
	}
}

func TestMissingBiasesOverflow(t *testing.T) {
	big := Conv{Kernel: []int{1}, In: 1, Out: 1 << 62, NoBias: true}
	if _, err := MissingBiases([]Layer{big, big, big}); err == nil {
		t.Error("no overflow error")
	}
}

// TestBiasTotalKeepsNormShift: "no bias anywhere" takes out the convs' and
// fully connected layers' biases, not batch norm's β, which PyTorch's
// nn.Conv2d(64, 128, 3, bias=False) + nn.BatchNorm2d(128) still learns:
// 73,728 + 256 = 73,984 (torch 1.13), where 73,856 was answered.
func TestBiasTotalKeepsNormShift(t *testing.T) {
	conv, err := Conv{Kernel: []int{3, 3}, In: 64, Out: 128}.Apply(Shape{64, 8, 8})
	if err != nil {
		t.Fatal(err)
	}
	bn, err := BatchNorm{C: 128}.Apply(conv.Output)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParamsWithoutBiases(conv.Params+bn.Params, []Report{conv, bn})
	if err != nil || got != 73984 {
		t.Errorf("ParamsWithoutBiases = %d, %v; want 73,984", got, err)
	}
}

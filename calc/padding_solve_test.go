package calc

import (
	"slices"
	"testing"
)

// TestSolveSame checks TensorFlow's 'same' sizes against PyTorch: each
// input padded by the split found (F.pad(before, after)) and convolved
// with no padding gives ceil(in/stride), as TensorFlow's documented
// formula says.
func TestSolveSame(t *testing.T) {
	tests := []struct {
		in, k, s, d               int
		out, total, before, after int64
	}{
		{225, 4, 2, 1, 113, 3, 1, 2}, // torch: F.pad(1,2) then Conv2d(k4,s2) on 225 -> 113
		{28, 5, 2, 1, 14, 3, 1, 2},   // torch: F.pad(1,2) then Conv2d(k5,s2) on 28 -> 14
		{100, 3, 3, 1, 34, 2, 1, 1},  // torch: F.pad(1,1) then Conv2d(k3,s3) on 100 -> 34
		{10, 4, 1, 1, 10, 3, 1, 2},   // torch: F.pad(1,2) then Conv2d(k4,s1) on 10 -> 10
		{224, 7, 2, 1, 112, 5, 2, 3}, // torch: F.pad(2,3) then Conv2d(k7,s2) on 224 -> 112
		{64, 2, 2, 1, 32, 0, 0, 0},   // torch: Conv2d(k2,s2) on 64 -> 32
		{15, 3, 2, 1, 8, 2, 1, 1},    // torch: F.pad(1,1) then Conv2d(k3,s2) on 15 -> 8
		{33, 3, 1, 6, 33, 12, 6, 6},  // torch: F.pad(6,6) then Conv2d(k3,d6) on 33 -> 33
		{7, 1, 3, 1, 3, 0, 0, 0},     // torch: Conv2d(k1,s3) on 7 -> 3
		{1, 5, 2, 1, 1, 4, 2, 2},     // torch: F.pad(2,2) then Conv2d(k5,s2) on 1 -> 1
	}
	for _, tt := range tests {
		c := Conv{Kernel: []int{tt.k}, Stride: []int{tt.s}, Dilation: []int{tt.d}, In: 1, Out: 1}
		total, err := SolveSame(c, 0, tt.in, false)
		if err != nil {
			t.Fatalf("SolveSame(%+v): %v", tt, err)
		}
		if !slices.Equal(total.Solutions, []int64{tt.total}) || !slices.Equal(total.Seconds[0], []int64{tt.out}) {
			t.Errorf("in %d k%d s%d d%d: total %v output %v, want %d and %d", tt.in, tt.k, tt.s, tt.d, total.Solutions, total.Seconds, tt.total, tt.out)
		}
		sides, err := SolveSame(c, 1, tt.in, true)
		if err != nil {
			t.Fatalf("SolveSame(%+v, sides): %v", tt, err)
		}
		if !slices.Equal(sides.Solutions, []int64{tt.before}) || !slices.Equal(sides.Seconds[0], []int64{tt.after}) {
			t.Errorf("in %d k%d s%d d%d: before %v after %v, want %d and %d", tt.in, tt.k, tt.s, tt.d, sides.Solutions, sides.Seconds, tt.before, tt.after)
		}
	}
}

// TestSolveSameErrors checks that a layer without a kernel or an input
// that is no size is an error, never an answer.
func TestSolveSameErrors(t *testing.T) {
	if _, err := SolveSame(Conv{}, 0, 32, false); err == nil {
		t.Error("no kernel: want an error")
	}
	if _, err := SolveSame(Conv{Kernel: []int{3}}, 0, 0, false); err == nil {
		t.Error("input 0: want an error")
	}
	if _, err := SolveSame(Conv{Kernel: []int{3}, Stride: []int{0}}, 0, 8, false); err == nil {
		t.Error("stride 0: want an error")
	}
}

// TestSolveOutPad checks the output paddings found against PyTorch's
// ConvTranspose2d: every output_padding below the stride (or dilation)
// tried, and the ones giving the wanted size kept.
func TestSolveOutPad(t *testing.T) {
	tests := []struct {
		in         []int
		k, s, p, d int
		out        []int
		want       []int64
	}{
		{[]int{16, 16}, 3, 2, 1, 1, []int{32, 32}, []int64{1}},
		{[]int{28, 28}, 3, 2, 1, 1, []int{56, 56}, []int64{1}},
		{[]int{7, 7}, 5, 2, 2, 1, []int{14, 14}, []int64{1}},
		{[]int{10, 10}, 3, 3, 0, 1, []int{30, 30}, []int64{0}},
		{[]int{13, 13}, 3, 2, 1, 1, []int{25, 25}, []int64{0}},
		{[]int{16, 16}, 4, 2, 1, 1, []int{33, 33}, []int64{1}},
		{[]int{16, 16}, 4, 2, 1, 1, []int{40, 40}, nil},
		{[]int{9, 12}, 3, 3, 1, 1, []int{27, 35}, nil},
		{[]int{9, 12}, 3, 3, 1, 1, []int{26, 35}, []int64{1}},
		{[]int{8, 8}, 3, 1, 1, 2, []int{9, 9}, nil},
		{[]int{8, 8}, 3, 1, 2, 2, []int{9, 9}, []int64{1}},
	}
	for _, tt := range tests {
		c := Conv{Transposed: true, Kernel: []int{tt.k}, Stride: []int{tt.s}, Pad: []int{tt.p}, Dilation: []int{tt.d}, In: 1, Out: 1}
		sv, err := SolveOutPad(c, tt.in, tt.out)
		if err != nil {
			t.Fatalf("SolveOutPad(%+v): %v", tt, err)
		}
		if !slices.Equal(sv.Solutions, tt.want) {
			t.Errorf("%v -> %v with k%d s%d p%d d%d: %v, want %v", tt.in, tt.out, tt.k, tt.s, tt.p, tt.d, sv.Solutions, tt.want)
		}
		if len(tt.want) > 0 {
			got, err := sv.Layer.Apply(Shape{1, tt.in[0], tt.in[1]})
			if err != nil || got.Output[1] != tt.out[0] || got.Output[2] != tt.out[1] {
				t.Errorf("%v: the layer found gives %v (%v), want %v", tt.in, got.Output, err, tt.out)
			}
		}
	}
	if _, err := SolveOutPad(Conv{Kernel: []int{3}}, []int{8, 8}, []int{8, 8}); err == nil {
		t.Error("an ordinary conv: want an error")
	}
}

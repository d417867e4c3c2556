package calc

import (
	"slices"
	"strings"
	"testing"
)

// The expected sizes were found with PyTorch 1.13 (/usr/bin/python3):
// each model run on every n×n input from 1 up, the smallest (or every)
// size that runs kept, and the size below it seen to fail.

func conv(in, out, k, s, p int) Conv {
	return Conv{Kernel: []int{k}, In: in, Out: out, Stride: []int{s}, Pad: []int{p}}
}

func maxpool(k, s, p int) Pool {
	return Pool{Kernel: []int{k}, Stride: []int{s}, Pad: []int{p}}
}

func TestSolveInput(t *testing.T) {
	tests := []struct {
		name  string
		s     InputSearch
		want  []int64
		chain string // a size chain the steps must hold
	}{
		{
			// 26 → 24 → 12 → 10 → 5 → 1; 25 → 23 → 11 → 9 → 4, and the 5×5 conv does not fit.
			name: "valid convs and pools",
			s: InputSearch{Layers: []Layer{conv(3, 8, 3, 1, 0), Activation{}, maxpool(2, 2, 0), conv(8, 16, 3, 1, 0), Activation{}, maxpool(2, 2, 0), conv(16, 32, 5, 1, 0)},
				Names: []string{"conv1", "", "pool1", "conv2", "", "pool2", "conv3"}, Tried: [][]int{{20, 20}, {30, 24}}},
			want:  []int64{26},
			chain: "26 → 24 (conv1) → 12 (pool1) → 10 (conv2) → 5 (pool2) → 1 (conv3)",
		},
		{
			// 30×24 → 28×22 → 14×11 → 12×9 → 6×4, and the 5×5 conv does not fit in 4.
			name: "a tried input that is not square",
			s: InputSearch{Layers: []Layer{conv(3, 8, 3, 1, 0), Activation{}, maxpool(2, 2, 0), conv(8, 16, 3, 1, 0), Activation{}, maxpool(2, 2, 0), conv(16, 32, 5, 1, 0)},
				Tried: [][]int{{30, 24}}},
			want:  []int64{26},
			chain: "30×24 → 28×22 (conv2d) → 14×11 (maxpool) → 12×9 (conv2d) → 6×4 (maxpool) → layer 7 (conv2d) fails",
		},
		{
			// 65 → 33 → 17 → 9 → 5 → 1 (avgpool 5); 64 → 32 → 16 → 8 → 4: the 5-window does not fit.
			name:  "strided stem and a fixed average pool",
			s:     InputSearch{Layers: []Layer{conv(3, 32, 7, 2, 3), maxpool(3, 2, 1), conv(32, 64, 3, 2, 1), conv(64, 128, 3, 2, 1), Pool{Op: AvgPool, Kernel: []int{5}}}},
			want:  []int64{65},
			chain: "65 → 33 (conv2d) → 17 (maxpool) → 9 (conv2d) → 5 (conv2d) → 1 (avgpool)",
		},
		{
			// LeNet: 32 → 28 → 14 → 10 → 5 and 16×5×5 = 400; 33, 34, 35 floor to 5 too; 36 gives 6.
			name: "flatten exactly 400",
			s: InputSearch{Layers: []Layer{conv(1, 6, 5, 1, 0), maxpool(2, 2, 0), conv(6, 16, 5, 1, 0), maxpool(2, 2, 0), Flatten{}},
				Goal: InputGoal{Flat: 400}},
			want: []int64{32, 33, 34, 35},
		},
		{
			// 14 → 12 → 10, 12×10×10 = 1,200.
			name: "flatten exactly 1200",
			s:    InputSearch{Layers: []Layer{conv(3, 6, 3, 1, 0), conv(6, 12, 3, 1, 0), Flatten{}}, Goal: InputGoal{Flat: 1200}},
			want: []int64{14},
		},
		{
			// 12×n×n = 1,000 has no square solution.
			name: "flatten exactly 1000: none",
			s:    InputSearch{Layers: []Layer{conv(3, 6, 3, 1, 0), conv(6, 12, 3, 1, 0), Flatten{}}, Goal: InputGoal{Flat: 1000}},
			want: nil,
		},
		{
			// Conv1d 7, MaxPool1d 4, Conv1d 5, MaxPool1d 4: 38 → 32 → 8 → 4 → 1; 37 → 31 → 7 → 3 and the 4-window does not fit.
			name: "1-D",
			s: InputSearch{Layers: []Layer{Conv{Dims: 1, Kernel: []int{7}, In: 1, Out: 8}, Pool{Dims: 1, Kernel: []int{4}},
				Conv{Dims: 1, Kernel: []int{5}, In: 8, Out: 16}, Pool{Dims: 1, Kernel: []int{4}}}},
			want:  []int64{38},
			chain: "38 → 32 (conv1d) → 8 (maxpool) → 4 (conv1d) → 1 (maxpool)",
		},
		{
			// conv pad 1, pool, conv pad 1 (x2), pool, deconv 2 stride 2, joined with x2:
			// 52 → 52 → 26 → 26 → 13 → 26 = 26; 50 → 25 → 12 → 24 ≠ 25; 51 likewise.
			name: "skip sizes match from 50",
			s: InputSearch{Layers: []Layer{conv(1, 8, 3, 1, 1), maxpool(2, 2, 0), conv(8, 16, 3, 1, 1), maxpool(2, 2, 0), Conv{Transposed: true, Kernel: []int{2}, Stride: []int{2}, In: 16, Out: 16}},
				Goal: InputGoal{From: 50, Match: [][2]int{{3, 5}}}},
			want:  []int64{52},
			chain: "conv2d gives 25 and deconv2d gives 24: they do not match",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sv, err := SolveInput(tt.s)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sv.Solutions, tt.want) {
				t.Errorf("solutions = %v, want %v", sv.Solutions, tt.want)
			}
			var all strings.Builder
			for _, st := range sv.Steps {
				all.WriteString(st.Formula + "\n")
			}
			if !strings.Contains(all.String(), tt.chain) {
				t.Errorf("steps do not hold %q:\n%s", tt.chain, all.String())
			}
			if len(tt.want) > 0 && tt.want[0] > max(int64(tt.s.Goal.From), 1) && tt.s.Goal.Flat == 0 && !strings.Contains(all.String(), "fails") && len(tt.s.Goal.Match) == 0 {
				t.Errorf("no step says why one less fails:\n%s", all.String())
			}
		})
	}
}

func TestSolveInputConcat(t *testing.T) {
	// The same U-Net step as a concat: PyTorch runs 52, 53, 56, 57, … from 50.
	up := []Layer{maxpool(2, 2, 0), Conv{Transposed: true, Kernel: []int{2}, Stride: []int{2}, In: 16, Out: 16}}
	s := InputSearch{Layers: []Layer{conv(1, 8, 3, 1, 1), maxpool(2, 2, 0), conv(8, 16, 3, 1, 1), Concat{Branches: [][]Layer{up, nil}}},
		Goal: InputGoal{From: 50}}
	sv, err := SolveInput(s)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sv.Solutions, []int64{52}) {
		t.Fatalf("solutions = %v, want [52]", sv.Solutions)
	}
	last := sv.Steps[len(sv.Steps)-1]
	if !strings.Contains(last.Note, "53, 56, 57, 60, 61") {
		t.Errorf("note = %q, want the next sizes 53, 56, 57, 60, 61", last.Note)
	}
}

func TestSolveInputRefuses(t *testing.T) {
	for name, s := range map[string]InputSearch{
		"no layers":         {},
		"channels":          {Layers: []Layer{conv(3, 8, 3, 1, 0), conv(16, 32, 3, 1, 0)}},
		"match past layers": {Layers: []Layer{conv(3, 8, 3, 1, 0)}, Goal: InputGoal{Match: [][2]int{{1, 4}}}},
	} {
		if sv, err := SolveInput(s); err == nil {
			t.Errorf("%s: solved %v, want an error", name, sv.Solutions)
		}
	}
}

func TestSolveBlocks(t *testing.T) {
	// conv 3×3 pad 1 + maxpool 2, checked with PyTorch: 40 → 20 → 10 → 5 → 2 → 1 (5 blocks),
	// 100 → 50 → 25 → 12 → 6 → 3 → 1 (6), 28 → 14 → 7 → 3 → 1 (4).
	block := []Layer{conv(0, 8, 3, 1, 1), maxpool(2, 2, 0)}
	for _, tt := range []struct{ in, want int }{{40, 5}, {100, 6}, {28, 4}} {
		sv, err := SolveBlocks(BlockSearch{Block: block, Input: Shape{1, tt.in, tt.in}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sv.Solutions, []int64{int64(tt.want)}) {
			t.Errorf("on %d: %v blocks, want %d", tt.in, sv.Solutions, tt.want)
		}
	}
	if _, err := SolveBlocks(BlockSearch{Block: []Layer{conv(0, 8, 3, 1, 1)}, Input: Shape{1, 8, 8}}); err == nil {
		t.Error("a block that keeps its size: want an error")
	}
}

// TestInputSearchBounded: a search's work is bounded by the layers run
// over all sizes tried (inputBudget), not only by MaxInputSize: 9,002
// layers whose sizes never match are tried on a few dozen sizes, and the
// reply says how far it searched; where sizes that work only grow, the
// first is found by halving, however large.
func TestInputSearchBounded(t *testing.T) {
	body := make([]Layer, 9)
	for i := range body {
		body[i] = Conv{Kernel: []int{3}, In: 3, Out: 3, Pad: []int{1}}
	}
	deep := Repeat{Times: 1000, Layers: body}
	never := InputSearch{Layers: []Layer{Conv{Kernel: []int{1}, In: 3, Out: 3, Stride: []int{2}}, deep, Pool{Op: MaxPool, Kernel: []int{2}}},
		Goal: InputGoal{Match: [][2]int{{1, 3}}}}
	sv, err := SolveInput(never)
	if err != nil {
		t.Fatal(err)
	}
	if len(sv.Solutions) != 0 || sv.Max >= MaxInputSize || sv.Max < 16 {
		t.Errorf("sizes that never match: solutions %v, searched to %d; want none, and a search cut by the budget", sv.Solutions, sv.Max)
	}
	// 9,000 size-keeping convs and a 2x2 pool applied 12 times need 4,096:
	// found by halving, not by 4,096 runs of 9,000 layers.
	pools := []Layer{deep}
	for range 12 {
		pools = append(pools, Pool{Op: MaxPool, Kernel: []int{2}})
	}
	sv, err = SolveInput(InputSearch{Layers: pools, Channels: 3})
	if err != nil || len(sv.Solutions) != 1 || sv.Solutions[0] != 4096 {
		t.Errorf("twelve halvings: %v, %v; want 4,096", sv, err)
	}
}

package calc

import "testing"

// The sizes below were checked with PyTorch 1.13: the block run on
// torch.zeros(1, 1, side, side) again and again until a layer raised.
func TestSolveBlockPlace(t *testing.T) {
	conv := func(k, s, p int) Conv { return Conv{Kernel: []int{k}, In: 1, Out: 1, Stride: []int{s}, Pad: []int{p}} }
	pool := func(k, s int) Pool { return Pool{Op: MaxPool, Kernel: []int{k}, Stride: []int{s}} }
	tests := []struct {
		name  string
		block []Layer
		side  int
		place BlockPlace
		want  int64
	}{
		// 48 → 46 → 23 → 21 → 10 → 8 → 4 → 2 → 1; block 5's conv fails on 1.
		{"after block 4", []Layer{conv(3, 1, 0), pool(2, 2)}, 48, BlockPlace{AfterBlock: 4}, 1},
		{"reaching the failing conv", []Layer{conv(3, 1, 0), pool(2, 2)}, 48, BlockPlace{Failing: true}, 1},
		// 64 → 62 → 31 → 29 → 14 → 12 → 6 → 4 → 2; block 5's conv fails on 2.
		{"reaching the failing conv on 64", []Layer{conv(3, 1, 0), pool(2, 2)}, 64, BlockPlace{Failing: true}, 2},
		{"after the second pool", []Layer{conv(3, 1, 0), pool(2, 2)}, 64, BlockPlace{Nth: 2, Kind: "pool"}, 14},
		// k4 s2 p1: 100 → 50 → 25 → 12.
		{"after the third conv", []Layer{conv(4, 2, 1)}, 100, BlockPlace{Nth: 3, Kind: "conv"}, 12},
		// pools alone: 48 → 24 → 12 → 6 → 3 → 1; the 6th fails on 1.
		{"pools until one fails", []Layer{pool(2, 2)}, 48, BlockPlace{Failing: true}, 1},
		// two convs a block: 64 → 62 → 60 → 30 → 28 → 26 → 13 → 11 → 9 → 4 → 2; block 4's second conv fails on 2.
		{"mid-block failure", []Layer{conv(3, 1, 0), conv(3, 1, 0), pool(2, 2)}, 64, BlockPlace{Failing: true}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sv, err := SolveBlockPlace(BlockSearch{Block: tt.block, Input: Shape{1, tt.side, tt.side}}, tt.place)
			if err != nil {
				t.Fatal(err)
			}
			if got := sv.Solutions; len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %v, want %d (%s)", got, tt.want, sv.Steps[1].Formula)
			}
		})
	}
}

func TestSolveBlockPlaceRefuses(t *testing.T) {
	block := []Layer{Conv{Kernel: []int{3}, In: 1, Out: 1}, Pool{Op: MaxPool, Kernel: []int{2}}}
	// 48 fits 4 blocks: a 6th block is past the failure.
	if _, err := SolveBlockPlace(BlockSearch{Block: block, Input: Shape{1, 48, 48}}, BlockPlace{AfterBlock: 6}); err == nil {
		t.Error("a place past the failing layer was answered")
	}
	same := []Layer{Conv{Kernel: []int{3}, In: 1, Out: 1, Pad: []int{1}}}
	if _, err := SolveBlockPlace(BlockSearch{Block: same, Input: Shape{1, 8, 8}}, BlockPlace{Failing: true}); err == nil {
		t.Error("a block that never shrinks was given a failing layer")
	}
}

package calc

import "testing"

// Sizes checked with torch.nn.MaxPool2d(2) applied in a row:
// 100 -> 50 -> 25 -> 12 -> 6 (4 pools); 200 -> 100 -> 50 -> 25 -> 12 -> 6
// -> 3 never is 7; 64 -> 32 -> 16 -> 8 -> 4 never is 6; 224 -> 112 -> 56
// -> 28 -> 14 -> 7 (5 pools).
func TestSolveBlocksTo(t *testing.T) {
	pool := []Layer{Pool{Kernel: []int{2}}}
	for _, c := range []struct {
		in, target int
		want       int64 // 0: never reached
	}{{100, 6, 4}, {64, 6, 0}, {200, 7, 0}, {224, 7, 5}, {64, 4, 4}} {
		sv, err := SolveBlocksTo(BlockSearch{Block: pool, Input: Shape{1, c.in, c.in}}, Shape{c.target, c.target})
		if err != nil {
			t.Fatalf("%d to %d: %v", c.in, c.target, err)
		}
		switch {
		case c.want == 0 && len(sv.Solutions) != 0:
			t.Errorf("%d to %d: %v, want none", c.in, c.target, sv.Solutions)
		case c.want != 0 && (len(sv.Solutions) != 1 || sv.Solutions[0] != c.want):
			t.Errorf("%d to %d: %v, want %d", c.in, c.target, sv.Solutions, c.want)
		}
	}
}

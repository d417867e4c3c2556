package grammar

import "testing"

// A target output size said in a "how many blocks" question is solved
// for, never matched against the count. Sizes checked with PyTorch
// (/usr/bin/python3, torch.nn.MaxPool2d(2) and Conv2d(k=3, padding=1)
// applied in a row): 100 → 50 → 25 → 12 → 6; 224 → 112 → 56 → 28 → 14 →
// 7; 128 → 64 → 32 → 16 → 8; 64 → 32 → 16 → 8 → 4 (never 6); 200 → 100 →
// 50 → 25 → 12 → 6 → 3 (never 7).
func TestBlockTarget(t *testing.T) {
	for _, c := range []struct {
		text string
		want int64 // 0: never reached, so no count may be answered
	}{
		{"starting from 100x100, how many nn.MaxPool2d(2) in a row before the output is 6x6?", 4},
		{"input 224x224, how many maxpool 2 layers in a row until it gets down to 7x7?", 5},
		{"my images are 128x128. how many 2x2 max pools can I stack until the feature map is 8x8?", 4},
		{"input 64x64, every conv is 3x3 with padding 1 and each is followed by maxpool 2. how many of these blocks in a row before the output is 4x4?", 4},
		{"starting from 64x64, how many nn.MaxPool2d(2) in a row before the output is 6x6?", 0},
		{"starting from 200x200, how many nn.MaxPool2d(2) in a row before the output is 7x7?", 0},
	} {
		q, err := Parse(c.text)
		switch {
		case c.want == 0 && err == nil && q.Solve != nil && len(q.Solve.Solutions) > 0:
			t.Errorf("%q: answered %v blocks, want none (the size is never reached)", c.text, q.Solve.Solutions)
		case c.want == 0:
		case err != nil:
			t.Errorf("%q: %v", c.text, err)
		case q.Solve == nil || len(q.Solve.Solutions) != 1 || q.Solve.Solutions[0] != c.want:
			t.Errorf("%q: %+v, want %d blocks", c.text, q.Solve, c.want)
		}
	}
}

package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// outputElements sizes q and returns how many values its output holds.
func outputElements(t *testing.T, q *lang.Question) int64 {
	t.Helper()
	in := q.Input
	for _, l := range q.Layers {
		r, err := l.Apply(in)
		if err != nil {
			t.Fatalf("%s does not size: %v", q.Canonical, err)
		}
		in = r.Output
	}
	n, err := in.Elements()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBlockProse checks networks told as a block repeated, in words with
// layer names from code. Every number is checked with PyTorch in
// testdata/questions/code_cases_r6p.py (the same blocks, other inputs) or
// worked here.
func TestBlockProse(t *testing.T) {
	tests := []struct {
		name, src, framework string
		flat                 int64 // the output's values
		layers               int   // convs and pools; activations are not kept
	}{
		// 32 -> 28 -> 14 -> 10 -> 5; 16*5*5 = 400 (the router sends text without brackets to English today)
		{"brackets two times", "[conv 5x5 no padding -> relu -> maxpool 2] two times on 32x32 rgb, channels 6, 16. size after flatten?", "pytorch", 400, 4},
		// 96 -> 48 -> 24 -> 12 -> 6; 32*6*6 = 1152
		{"filters each", "4 blocks of conv 3x3 pad 1 + maxpool 2 on 96x96 grayscale, 32 filters each. flatten size?", "pytorch", 1152, 8},
		// 'same' convs: 150 -> 75 -> 37; 37*37*64 = 87,616 (the other conv's filters do not change it)
		{"only the last filters", "2 blocks of Conv2D(padding='same') + MaxPooling2D(2) on 150x150x3, the last conv has 64 filters. flatten size?", "keras", 87616, 4},
		// 40 -> 38 -> 36 -> 18 -> 16 -> 14 -> 7; 20*7*7 = 980
		{"block is, then a count", "block = conv(k3,p0) relu conv(k3,p0) relu maxpool(2), 20 hidden units, i have 2 blocks, input 1x40x40. flatten?", "pytorch", 980, 6},
		// Conv2D 3x3 valid + pool, three times: 64 -> 62 -> 31 -> 29 -> 14 -> 12 -> 6; 8*6*6 = 288
		{"times after the block", "input 64x64x3, i do Conv2D(3x3 valid)+MaxPooling2D(2) three times, 8 filters each. whats the size after?", "keras", 288, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := parseBlockProse(tt.src, tt.framework)
			if !ok {
				t.Fatal("not read")
			}
			if got := outputElements(t, q); got != tt.flat {
				t.Errorf("output holds %d values, want %d (%s)", got, tt.flat, q.Canonical)
			}
			if len(q.Layers) != tt.layers {
				t.Errorf("%d layers, want %d (%s)", len(q.Layers), tt.layers, q.Canonical)
			}
		})
	}
}

// TestBlockProseDeclines checks the texts the block reader leaves to the
// other readers: a block part it cannot read, a kernel not given with
// padding that is not 'same', filters that do not match the blocks, code.
func TestBlockProseDeclines(t *testing.T) {
	for _, src := range []string{
		"3 blocks of Conv2D + DepthwiseConv2D(3) + MaxPooling2D(2) on 64x64x3, filters 16, 32, 64",
		"3 blocks of Conv2D + MaxPooling2D(2) on 64x64x3, filters 16, 32, 64. flatten size?",
		"3 blocks of conv 3x3 + maxpool 2 on 64x64x3, filters 16, 32. flatten size?",
		"model = Sequential()\nmodel.add(Conv2D(32, 3, input_shape=(64, 64, 3)))\n3 blocks of Conv2D 3x3 + MaxPooling2D(2), 32 filters each",
		"3 blocks of conv 3x3 + maxpool 2, 32 filters each. flatten size?",
	} {
		if q, ok := parseBlockProse(src, "keras"); ok {
			t.Errorf("%q read as %s", src, q.Canonical)
		}
	}
}

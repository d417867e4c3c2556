package english

import (
	"slices"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestSizeStack checks the stacks read without channels: the layers read
// (every one named, repeats and blocks unrolled) and the stacks left to
// the other readings (a quantity that needs channels, a filter count).
func TestSizeStack(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		// 40 -> 20 -> 20 -> 10
		{"fm 40x40, k3s2p1 then k3s1p1 then k3s2p1 -> ?",
			"input 40x40\nconv 3x3 1->1 stride 2 pad 1 bias\nconv 3x3 1->1 stride 1 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias"},
		// "four" counts the convs: 5 layers in all
		{"after a conv k3 s1 p1 there are four conv k3 s2 p1 layers, from 256 what hw",
			"input 256x256\nconv 3x3 1->1 stride 1 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias"},
		// one channel count per block
		{"32x32, 2 blocks of [conv3x3 p1 + maxpool2], channels 8 16, flatten size",
			"input 32x32\nconv 3x3 1->8 stride 1 pad 1 bias\nmaxpool 2x2\nconv 3x3 8->16 stride 1 pad 1 bias\nmaxpool 2x2"},
		// convs said apart from their blocks, keeping the size: one per block
		{"2 blocks each ending in maxpool 2 (convs are 3x3 p1), input 64x64, size?",
			"input 64x64\nconv 3x3 1->1 stride 1 pad 1 bias\nmaxpool 2x2\nconv 3x3 1->1 stride 1 pad 1 bias\nmaxpool 2x2"},
		{"2 blocks each ending in maxpool 2 (convs are 3x3), input 64x64, size?", ""}, // these convs change the size: their number matters
		{"input 1x28x28, conv k3 -> maxpool 2 -> conv k3, flatten size?", ""},         // the flatten needs the last filters, not said
		// filters not said, sizes asked: the input's channels, noted
		{"input 3x64x64 -> conv k3 s2 -> maxpool 2, output hw?",
			"input 64x64x3\nconv 3x3 3->3 stride 2 pad 0 bias\nmaxpool 2x2"},
		{"28x28 -> conv k5 -> maxpool 2 -> conv k5, params?", ""},              // params need channels
		{"28x28 -> conv k5 with 6 filters -> maxpool 2 -> conv k5, size?", ""}, // a filter count: the full reader's
		// the bracket ends a block with no pool
		{"2 blocks of [conv3x3 s2 p1 + relu], input 32x32, size?",
			"input 32x32\nconv 3x3 1->1 stride 2 pad 1 bias\nconv 3x3 1->1 stride 2 pad 1 bias"},
		{"3 blocks each conv3x3 p1, relu, input 32x32, size?", ""}, // a block with no pool nor bracket: where it ends is not said
		{"28x28 -> conv k30 -> conv k3, size?", ""},                // does not fit: the other readings say why
	} {
		t.Run(c.src, func(t *testing.T) {
			toks, err := enLex(c.src)
			if err != nil {
				t.Fatal(err)
			}
			r := &enReader{src: c.src, toks: toks}
			r.findAnchors()
			r.asked()
			q := &lang.Question{Asked: slices.Clone(r.g.asked)}
			ok := r.sizeStack(q)
			got := ""
			if ok {
				got = lang.Format(q)
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestProgression checks the lists written with an ellipsis.
func TestProgression(t *testing.T) {
	for _, c := range []struct {
		list []int
		last int
		want []int
	}{
		{[]int{1, 2, 4}, 32, []int{1, 2, 4, 8, 16, 32}},
		{[]int{1, 3, 5}, 9, []int{1, 3, 5, 7, 9}},
		{[]int{2, 4}, 8, nil},     // 2, 4, 6, 8 or 2, 4, 8: not said
		{[]int{1, 2, 4}, 12, nil}, // 12 is not on it
		{[]int{4, 2}, 1, nil},     // going down: not read
		{[]int{3, 6}, 15, []int{3, 6, 9, 12, 15}},
	} {
		if got := enProgression(c.list, c.last); !slices.Equal(got, c.want) {
			t.Errorf("enProgression(%v, %d) = %v, want %v", c.list, c.last, got, c.want)
		}
	}
}

// TestOrdinalStack checks convs described one by one after ordinals, and
// the descriptions left to the other readings.
func TestOrdinalStack(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"two conv layers, first one has eight 3x3 filters, second sixteen 3x3 filters, input is one channel. params?",
			"conv 3x3 1->8 bias\nconv 3x3 8->16 bias"},
		{"first conv: 32 3x3 filters stride 2, second: 64 3x3 filters, 28x28 rgb input",
			"input 28x28x3\nconv 3x3 3->32 stride 2 bias\nconv 3x3 32->64 bias"},
		{"second conv has 64 3x3 filters, first has 32 3x3 filters, rgb", ""},        // out of order
		{"first conv has 32 3x3 filters, second 64 3x3 filters dilation 2, rgb", ""}, // a setting it would drop
		{"first conv has 32 3x3 filters, second 64 3x3 filters", ""},                 // the input's channels not said
		{"first conv has 32 3x3 filters, second 64 3x3 filters, rgb, lr 0.01", ""},   // a number with no place
	} {
		t.Run(c.src, func(t *testing.T) {
			toks, err := enLex(c.src)
			if err != nil {
				t.Fatal(err)
			}
			r := &enReader{src: c.src, toks: toks}
			q := &lang.Question{}
			got := ""
			if r.ordinalStack(q) {
				got = lang.Format(q)
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

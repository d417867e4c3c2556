package grammar

import (
	"strings"
	"testing"
)

// TestStackSides reads a stack set against one layer as two designs, each
// with what the message says around the comparison.
func TestStackSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string // canonical of each side
	}{
		{"if i use 2 3x3 conv layers instead of one 5x5, how many params do i save with 64 channels in and out?",
			"conv 3x3 64->64 bias\nconv 3x3 64->64 bias", "conv 5x5 64->64 bias"},
		{"5x5 with 64->64 vs two 3x3?",
			"conv 5x5 64->64 bias", "conv 3x3 64->64 bias\nconv 3x3 64->64 bias"},
		{"How many parameters does a stack of three 3x3 conv layers have compared to a single 7x7 layer, with 32 channels in and out, no bias?",
			"conv 3x3 32->32 nobias\nconv 3x3 32->32 nobias\nconv 3x3 32->32 nobias", "conv 7x7 32->32 nobias"},
		// "a pair of", "in both": 2·9·48·48 = 41,472 vs 25·48·48 = 57,600.
		{"how many fewer weights does a pair of 3x3 convs need than a single 5x5 conv, 48 channels in and out in both, bias=False",
			"conv 3x3 48->48 nobias\nconv 3x3 48->48 nobias", "conv 5x5 48->48 nobias"},
		// The sides named again ("the 7x7 vs the three 3x3s") and "all
		// convs have": 3·(9·64·64+64) = 110,784 vs 49·64·64+64 = 200,768.
		{"What's the point of stacking 3 3x3 conv layers instead of using a single 7x7? Assume all convs have 64 input and 64 output channels, biases included. param count of the 7x7 vs the three 3x3s?",
			"conv 3x3 64->64 bias\nconv 3x3 64->64 bias\nconv 3x3 64->64 bias", "conv 7x7 64->64 bias"},
		// "in/out" and a typo: 2·9·256·256 = 1,179,648 vs 25·256·256 = 1,638,400.
		{"2 3x3 conv vs 1 5x5 conv params, 256 chanels in/out, no bias",
			"conv 3x3 256->256 nobias\nconv 3x3 256->256 nobias", "conv 5x5 256->256 nobias"},
		// "or", "everywhere": 25·96·96 = 230,400 vs 2·9·96·96 = 165,888.
		{"is one 5x5 conv or two 3x3 convs cheaper? 96 channels in and out everywhere, no bias",
			"conv 5x5 96->96 nobias", "conv 3x3 96->96 nobias\nconv 3x3 96->96 nobias"},
		// VGG's "=" and "every layer has": 3·9·10·10 = 2,700 vs 49·10·10 = 4,900.
		{"vgg paper says three 3x3 convs = one 7x7 receptive field. how many params does each need if every layer has 10 channels in/out? (no bias)",
			"conv 3x3 10->10 nobias\nconv 3x3 10->10 nobias\nconv 3x3 10->10 nobias", "conv 7x7 10->10 nobias"},
		// "each conv have", named again: 25·400+20 = 10,020 vs 2·(9·400+20) = 7,240.
		{"Why stack two 3x3 convolutions rather than use one 5x5? Let each conv have 20 channels in and 20 out, with bias. params for the 5x5 vs the two 3x3s?",
			"conv 3x3 20->20 bias\nconv 3x3 20->20 bias", "conv 5x5 20->20 bias"},
		// "between ... and", single layers, "both 64 in 64 out":
		// 9·64·64+64 = 36,928 vs 25·64·64+64 = 102,464.
		{"what's the param difference between a 3x3 conv and a 5x5 conv, both 64 in 64 out?",
			"conv 3x3 64->64 bias", "conv 5x5 64->64 bias"},
		// MACs (torch hooks, same padding): 2·14·14·128·128·9 = 57,802,752
		// vs 14·14·128·128·25 = 80,281,600.
		{"difference in MACs between two 3x3 convs and one 5x5 conv on 14x14x128, 128 filters each, same padding, no bias",
			"input 14x14x128\nconv 3x3 128->128 pad same nobias\nconv 3x3 128->128 pad same nobias", "conv 5x5 128->128 pad same nobias input 14x14"},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			var got []string
			for _, q := range qs {
				got = append(got, q.Canonical)
			}
			t.Errorf("%q: read as %q, want %q and %q", c.src, got, c.one, c.two)
		}
	}
}

// TestStackSidesNamedAgain reads a stack comparison whose context
// follows the second side and names a side again ("w/ the 3x3 pair"): each
// side gets the context, and the side named again is no input size.
// (ParseAll splits these at "vs" before it tries stacks; see the report.)
func TestStackSidesNamedAgain(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string
	}{
		// 49·32·32 = 50,176 vs 3·9·32·32 = 27,648.
		{"one 7x7 conv vs three stacked 3x3 convs, 32 ch in and out everywhere, no bias. how many weights do i save with the 3x3 stack?",
			"conv 7x7 32->32 nobias", "conv 3x3 32->32 nobias\nconv 3x3 32->32 nobias\nconv 3x3 32->32 nobias"},
		// MACs on 56x56x64, same padding (torch hooks): 2·56·56·64·64·9 =
		// 231,211,008 vs 56·56·64·64·25 = 321,126,400.
		{"two 3x3 convs vs one 5x5 conv on a 56x56x64 input, 64 filters each, padding same, no bias: how many MACs each?",
			"input 56x56x64\nconv 3x3 64->64 pad same nobias\nconv 3x3 64->64 pad same nobias", "conv 5x5 64->64 pad same nobias input 56x56"},
	} {
		qs := stackSides(c.src)
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			var got []string
			for _, q := range qs {
				got = append(got, q.Canonical)
			}
			t.Errorf("%q: read as %q, want %q and %q", c.src, got, c.one, c.two)
		}
	}
}

// TestStackSidesNeedAStack leaves a comparison of single layers to the
// readers of what-ifs and versus.
func TestStackSidesNeedAStack(t *testing.T) {
	for _, src := range []string{
		"a 3x3 conv instead of a 5x5 conv, 64 channels in and out",
		"two 3x3 max pools vs one 5x5 max pool on a 32x32 input",               // pools, not convs
		"input 32x32x3, a 3x3 conv and two 5x5 convs with 16 filters: params?", // a network
	} {
		if qs := stackSides(src); qs != nil {
			t.Errorf("%q read as a stack comparison: %v", src, qs)
		}
	}
}

// TestSplicePositions maps a position in a spliced text back to the
// message it was made from.
func TestSplicePositions(t *testing.T) {
	src := "two 3x3 convs instead of a 5x5, 64 channels"
	s := splice(src, []edit{{span{0, 13}, "a 5x5 conv"}, {span{13, 30}, ""}})
	if s.text != "a 5x5 conv, 64 channels" {
		t.Fatalf("spliced %q", s.text)
	}
	at := strings.Index(s.text, "64")
	got := s.position(offsetPosition(s.text, at))
	if want := offsetPosition(src, strings.Index(src, "64")); got != want {
		t.Errorf("64 at %v in the message, want %v", got, want)
	}
}

// TestSettingSides asks a question with a setting given two values once
// with each, and leaves a setting and a count alone.
func TestSettingSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string
	}{
		{"a 3x3 conv from 64 to 128 channels, once with groups=1 and once with groups=4: params?", "conv 3x3 64->128 groups 1 bias", "conv 3x3 64->128 groups 4 bias"},
		{"params of a 5x5 conv 32->64 with and without bias", "conv 5x5 32->64 bias", "conv 5x5 32->64 nobias"},
	} {
		qs := settingSides(c.src)
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			t.Errorf("%q: read as %v, want %q and %q", c.src, qs, c.one, c.two)
		}
	}
	if qs := settingSides("conv 3x3 32->64 stride 2 and 64 filters"); qs != nil {
		t.Errorf("a stride and a filter count read as two strides")
	}
}

// FuzzStackSides reads stack and bottleneck comparisons from any text:
// no panic, and every layer of a side sits inside the message.
func FuzzStackSides(f *testing.F) {
	for _, s := range []string{
		"What's the point of stacking 3 3x3 conv layers instead of using a single 7x7? Assume all convs have 64 input and 64 output channels, biases included. param count of the 7x7 vs the three 3x3s?",
		"one 7x7 conv vs three stacked 3x3 convs, 32 ch in and out everywhere, no bias. how many weights do i save with the 3x3 stack?",
		"what's the param difference between a 3x3 conv and a 5x5 conv, both 64 in 64 out?",
		"input 28x28x192, want 32 output channels with a 5x5 'same' conv. How many multiplications directly, and how many if we first use a 1x1 conv down to 16 channels?",
		"a pair of 3x3 vs the 3x3 pair vs 3 by 3 and 3x3s, all convs have both 2 in/out",
		"three 3x3 conv layers beat one 7x7. with C=256 and no biases, what's 49C^2 vs 27C² in actual numbers?",
		"the example had 542 params vs 3584 for the normal conv. mine: 3x3, 16 in, 64 out: depthwise separable vs normal?",
		"params with Flatten vs with GAP on a 7x7x2048 map, 10 classes?\n(b) if we flatten instead",
		"nn.MaxPool2d(2) and nn.Conv2d(64, 64, 2, stride=2) both halve a 32x32 map",
		"my second Conv2D(40,(3,3)) vs the first one (input 64x64x3)",
		"conv 3x3 128->128 groups=4: with the grouping vs without?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Count(s, "\n") + 1
		for _, q := range stackSides(s) {
			for _, l := range q.Layers {
				if l.Pos.Line < 0 || l.Pos.Line > lines {
					t.Fatalf("%q: a layer at line %d of %d", s, l.Pos.Line, lines)
				}
			}
		}
	})
}

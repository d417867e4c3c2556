package grammar

import (
	"strings"
	"testing"
)

// TestDesignSides reads two designs of the same layers set against each
// other as two questions, each built from what the message describes, in
// the order the message names them; the numbers are torch's (cmp7 rows of
// testdata/questions/prose.jsonl).
func TestDesignSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string // canonical of each side
	}{
		// flatten 4·4·512·10+10 = 81,930; GAP 512·10+10 = 5,130: the map
		// is channels last (said hwc where it could read otherwise), never 4
		// channels.
		{"last conv gives 4x4x512, classifier has 10 outputs. params of the dense layer if I flatten vs if I use global avg pooling?",
			"input 4x4x512 hwc\nflatten\nlinear 8192->10 bias", "input 4x4x512 hwc\nglobalavgpool\nflatten\nlinear 512->10 bias"},
		// (a) names GAP first: 1024·100+100 = 102,500; 50,176·100+100.
		{"the last conv layer outputs 7x7x1024, 100 classes. (a) global average pooling then FC: params? (b) if we flatten instead?",
			"input 7x7x1024\nglobalavgpool\nflatten\nlinear 1024->100 bias", "input 7x7x1024\nflatten\nlinear 50176->100 bias"},
		// 2048x7x7 is channels first.
		{"output of 2048x7x7, linear to 100 classes, no bias: flatten vs global pooling params?",
			"input 7x7x2048\nflatten\nlinear 100352->100 nobias", "input 7x7x2048\nglobalavgpool\nflatten\nlinear 2048->100 nobias"},
		// groups: 3·3·32·128+128 = 36,992 vs 3·3·128·128+128 = 147,584.
		{"conv 3x3 128->128 groups=4: params with the grouping vs without?",
			"conv 3x3 128->128 groups 4 bias", "conv 3x3 128->128 bias"},
		// Two pasted layers that both halve a map are alternatives: the
		// pool on the conv's 64 channels, each alone.
		{"nn.MaxPool2d(2) and nn.Conv2d(64, 64, 2, stride=2) both halve a 32x32 map. params each?",
			"maxpool 2x2 input 32x32", "conv 2x2 64->64 stride 2 bias input 32x32"},
		// The second of one call written twice reads the first's 40
		// channels: 3·3·40·40+40 = 14,440.
		{"why does my second Conv2D(40,(3,3)) have more params than the first one (input 64x64x3)?",
			"conv 3x3 3->40 bias input 64x64", "conv 3x3 40->40 bias input 62x62"},
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
			continue
		}
		if !strings.HasPrefix(qs[1].Notes[0], "compared: ") {
			t.Errorf("%q: the second side's note is %q, want it to name both sides", c.src, qs[1].Notes[0])
		}
		for _, q := range qs {
			if n := unexplained(q.Unused); n > 0 {
				t.Errorf("%q: %d numbers left unexplained: %v", c.src, n, q.Unused)
			}
		}
	}
}

// TestDesignSidesNot leaves alone what sets no two designs apart: a
// network whose layers follow each other, a flatten with no GAP, a grouped
// conv asked about on its own.
func TestDesignSidesNot(t *testing.T) {
	for _, src := range []string{
		"nn.Conv2d(3, 16, 3) and nn.Conv2d(16, 32, 3), params of each on 32x32?",
		"7x7x512 feature map, flatten then dense 10: params?",
		"conv 3x3 128->128 groups=4 params?",
		"my Conv2D(40,(3,3)) on 64x64x3, params?",
		"7x7x512 map: GAP then flatten then dense 10, each layer's params?",
		"nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 10) on 7x7x512, params?",
		// the first layer said on its own (no kernel): no comparison asked
		// (had answered 28,880 vs 57,680 parameters)
		"the first layer has 40 filters. the second layer uses 3x3 kernels with 80 filters. output of second layer on a 32x32 input?",
		"the first layer has 40 filters. the second layer uses 3x3 kernels with 80 filters. input 32x32. output shape of the second layer?",
	} {
		if qs := designSides(src); qs != nil {
			t.Errorf("%q: read as two designs, %q and %q", src, qs[0].Canonical, qs[1].Canonical)
		}
	}
}

// TestSymbolsBlanked works the asker's formulas out and reads the channels
// of "C=256" as a number.
func TestSymbolsBlanked(t *testing.T) {
	src := "with C=256 and no biases, what's 49C^2 vs 27C^2?"
	text, said := withSymbolsBlanked(src)
	if len(text) != len(src) || strings.Contains(text, "C^2") || strings.Contains(text, "C=") || !strings.Contains(text, "256") {
		t.Errorf("blanked %q", text)
	}
	if len(said) != 2 || !strings.Contains(said[0], "3,211,264") || !strings.Contains(said[1], "1,769,472") {
		t.Errorf("said %q, want 49·256² = 3,211,264 and 27·256² = 1,769,472", said)
	}
	if text, said := withSymbolsBlanked("conv 3x3 64->64 input 56x56"); text != "conv 3x3 64->64 input 56x56" || said != nil {
		t.Errorf("no formula, changed to %q, %q", text, said)
	}
}

// TestClassifierSidesHidden: a hidden fully connected layer said before
// the classifier is not one of these two designs, which have none. Found
// in review: "hidden fc of 256 then the classifier" was answered 5,017,700
// vs 102,500; PyTorch gives 12,871,012 vs 288,100 with the hidden layer.
func TestClassifierSidesHidden(t *testing.T) {
	src := "the last conv layer outputs 7x7x1024, 100 classes, hidden fc of 256 then the classifier. flatten vs GAP params?"
	if sides := classifierSides(src); sides != nil {
		t.Errorf("%q: read as the two designs without their hidden layer", src)
	}
	if sides := classifierSides("the last conv layer outputs 7x7x1024 and we need 100 classes: params of the FC with flatten vs with GAP?"); len(sides) != 2 {
		t.Errorf("the two designs without a hidden layer are no longer read")
	}
}

// TestEarlierInputDoubted: the layer before said by its filters alone has
// no kernel, so an input size not said of the later layer may be the
// network's; the later layer's output on it is then not sure. Worked:
// 3x3 40->80 on 32x32 gives 80x30x30 (torch 1.13).
func TestEarlierInputDoubted(t *testing.T) {
	for src, doubt := range map[string]bool{
		"the first layer has 40 filters. the second layer uses 3x3 kernels with 80 filters. input 32x32. output shape of the second layer?": true,
		"the first layer has 40 filters. the second layer uses 3x3 kernels with 80 filters. output of second layer on a 32x32 input?":       false,
		"the first layer has 40 filters. the second layer uses 3x3 kernels with 80 filters. params of the second layer?":                    false,
	} {
		qs, err := ParseAll(src)
		if err != nil || len(qs) != 1 {
			t.Errorf("%q: %d readings, %v", src, len(qs), err)
			continue
		}
		if qs[0].Canonical != "conv 3x3 40->80 bias input 32x32" && qs[0].Canonical != "conv 3x3 40->80 bias" {
			t.Errorf("%q: read as %q", src, qs[0].Canonical)
		}
		if got := len(qs[0].Doubts) > 0; got != doubt {
			t.Errorf("%q: doubts %q, want doubted %v", src, qs[0].Doubts, doubt)
		}
	}
}

package english

import (
	"slices"
	"testing"
)

// TestInverse checks inverse questions as students write them: the unknown
// read and every value that solves it, each worked by hand.
func TestInverse(t *testing.T) {
	cases := []struct {
		src     string
		unknown string
		want    []int64
	}{
		// floor((64+2p-5)/2)+1 = 32 needs 62 <= 59+2p < 64: p = 2.
		{"My input is 64x64 and I'm using a 5x5 kernel with stride 2. What's the smallest padding that gives me a 32x32 output?", "pad", []int64{2}},
		// 100-k+1 = 94: k = 7.
		{"Image goes in at 100 by 100 and comes out of a single conv layer at 94 by 94. Stride was one and there was no zero padding. What size was the kernel?", "kernel", []int64{7}},
		// stride 1, 'same': (7-1)/2 = 3, whatever the input size.
		{"what padding do i put on each side so a 7x7 convolution with stride 1 doesnt shrink my feature map?", "pad", []int64{3}},
		{"same pad for k7 s1 is p=?", "pad", []int64{3}},
		{"what p do i need for a 5x5 kernel s1 so size stays the same", "pad", []int64{2}},
		// (295168-256)/(3*3*256) = 128.
		{"a 3x3 conv layer with 256 filters shows 295,168 parameters. How many channels must its input have had?", "input channels", []int64{128}},
		// (7850-10)/10 = 784 inputs.
		{"a dense layer with 10 units has 7850 parameters, how many inputs?", "inputs", []int64{784}},
	}
	for _, c := range cases {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Solve == nil {
			t.Errorf("%q: not read as an inverse question: %s", c.src, q.Canonical)
			continue
		}
		if q.Solve.Unknown != c.unknown || !slices.Equal(q.Solve.Solutions, c.want) {
			t.Errorf("%q: %s = %v, want %s = %v", c.src, q.Solve.Unknown, q.Solve.Solutions, c.unknown, c.want)
		}
	}
}

// TestInverseWidth checks a setting solved on both sides when the sizes
// are not square: 40-k+1 = 38 and 60-k+1 = 56 give a 3x5 kernel.
func TestInverseWidth(t *testing.T) {
	q, err := ParseEnglish("input 40x60, output 38x56, stride 1, no padding: what kernel size?")
	if err != nil {
		t.Fatal(err)
	}
	sv := q.Solve
	if sv == nil || !slices.Equal(sv.Solutions, []int64{3}) || len(sv.Seconds) != 1 || !slices.Equal(sv.Seconds[0], []int64{5}) {
		t.Errorf("got %+v, want kernel height 3 with width 5", sv)
	}
}

// TestInverseSizesLayer checks that a question asking the setting and a
// count gets the layer sized with the setting found: 28-k+1 = 24 gives
// k = 5, and 5*5*1*8+8 = 208 parameters.
func TestInverseSizesLayer(t *testing.T) {
	q, err := ParseEnglish("A conv layer has input 28x28x1 and output 24x24x8, stride 1, no padding. What is the filter size, and how many parameters does the layer have?")
	if err != nil {
		t.Fatal(err)
	}
	if q.Solve == nil || len(q.Layers) != 1 {
		t.Fatalf("want the solved kernel and the layer, got %s", q.Canonical)
	}
	rep, err := q.Layers[0].Apply(q.Input)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Params != 208 || !slices.Equal(q.Solve.Solutions, []int64{5}) {
		t.Errorf("kernel %v, params %d; want 5 and 208", q.Solve.Solutions, rep.Params)
	}
}

// TestInverseLayers checks "how many layers take 224 to 7": each 2x2
// stride-2 pool halves the size (224, 112, 56, 28, 14, 7: five), each 3x3
// stride-2 conv with padding 1 too (256, 128, 64, 32, 16: four).
func TestInverseLayers(t *testing.T) {
	for src, want := range map[string]int64{
		"How many 2x2 stride-2 max pooling layers are needed to take a 224x224 feature map down to 7x7?": 5,
		"how many stride 2 3x3 convs with padding 1 do i need to get from 256x256 down to 16x16":         4,
	} {
		q, err := ParseEnglish(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if q.Solve == nil || q.Solve.Unknown != "layers" || !slices.Equal(q.Solve.Solutions, []int64{want}) {
			t.Errorf("%q: got %+v, want layers = %d", src, q.Solve, want)
		}
	}
}

// TestInverseLayersRF checks "how many 3x3 convs for a receptive field of
// 7": each stride-1 3x3 conv adds 2 (3, 5, 7: three); 5x5 adds 4 (5, 9,
// 13, 17: four).
func TestInverseLayersRF(t *testing.T) {
	for src, want := range map[string]int64{
		"how many 3x3 conv layers do you need to get a receptive field of 7x7?":  3,
		"how many stacked 5x5 convs (stride 1) until the receptive field is 17?": 4,
	} {
		q, err := ParseEnglish(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if q.Solve == nil || q.Solve.Unknown != "layers" || !slices.Equal(q.Solve.Solutions, []int64{want}) {
			t.Errorf("%q: got %+v, want layers = %d", src, q.Solve, want)
		}
	}
}

// FuzzInverseDense reads questions near the inverse and fully connected
// readings: no panic, and a reading is sized without one either.
func FuzzInverseDense(f *testing.F) {
	for _, s := range []string{
		"a 3x3 conv layer with 256 filters shows 295,168 parameters. How many channels must its input have had?",
		"a 99999999999x99999999999 conv with 99999999 filters has 5 parameters, how many input channels?",
		"how many 99999999999x2 convs with stride 99999999999 until the receptive field is 99999999999?",
		"how many 2x2 pools take 0x0 down to 0x0?",
		"SE block, C=0, r=0: params?",
		"an SE block on 7 channels with reduction ratio 2",
		"a 99999999999x99999999999x3 image fully connected to a 99999x99999x6 output layer",
		"two hidden layers of 0 neurons each and one output neuron from 5 inputs",
		"same pad for k7 s1 is p=?",
		"goes in at 5 by 5 and comes out at 9 by 9, what kernel?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := ParseEnglish(src)
		if err != nil || q == nil {
			return
		}
		for _, l := range q.Layers {
			_, _ = l.Apply(q.Input)
		}
	})
}

package grammar

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestReadingsThatLoseWhatWasSaid checks that a reading which leaves out
// a count of layers, the bias taken off, a batch norm, or a setting said
// with its value does not answer with confidence; and that the words
// which only look like those leave a right reading alone.
func TestReadingsThatLoseWhatWasSaid(t *testing.T) {
	for _, c := range []struct {
		src   string
		doubt string // a doubt must contain this; "" means no doubt of these checks
	}{
		// Counts of layers.
		{"rf of an output unit after five convs, each 3x3 with stride 2", ""},
		{"two 5x5 conv layers with 8 and 16 filters on a 40x40 grey image, size after both?", ""},
		{"16 3x3 convs on a 32x32x3 image, params?", ""},                 // sixteen filters
		{"how many stride 2 3x3 convs take 64x64 down to 8x8?", ""},      // a setting's value, not a count
		{"one of the two layers is a 3x3 conv 8->16, params of it?", ""}, // a place, not a count
		// The bias taken off.
		{"conv 3x3 32->64 bias=False, params?", ""},
		{"grouped conv groups=4, 32 in 32 out k3, bias off, weights?", ""}, // the weights do not count the bias
		{"resnet-ish block: 1x1 128->32, 3x3 32->32, 1x1 32->128, all without bias. params?", ""},
		// Settings said with their value.
		{"conv 5x5 3->16 stride 2 padding 2 on 64x64, output size?", ""},
		{"a 3x3 conv, 8 filters, stride 3, on a 30x30x1 image: output?", ""},
		{"ZeroPadding2D(padding=2) then Conv2D(8, 5) on a 28x28x1 input, output shape?", ""},
		{"conv with 96 5 x 5 kernels on a 27x27x48 map, params?", ""}, // the 5 is the kernel's
		{"previous layer has 24 feature maps, this conv has 48 filters 3x3, params?", ""},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		got := strings.Join(doubtsOf(c.src, q), "; ")
		if c.doubt == "" && got != "" {
			t.Errorf("%q: doubted %q, want no doubt (read as %q)", c.src, got, q.Canonical)
		}
		if c.doubt != "" && !strings.Contains(got, c.doubt) {
			t.Errorf("%q: doubts %q, want one with %q (read as %q)", c.src, got, c.doubt, q.Canonical)
		}
	}
}

// TestCountedLayersReadOrDoubted checks that a count of layers said in
// words is read, or the reading says first that it has fewer: whichever
// the English reader does today, the reply is never a confident answer
// about fewer layers.
func TestCountedLayersReadOrDoubted(t *testing.T) {
	for _, c := range []struct {
		src   string
		convs int
	}{
		{"receptive field after four stride-2 3x3 convolutions?", 4},
		{"three 3x3 convs stacked, stride 1, what's the rf", 3},
		{"rf of 2 conv layers with 7x7 kernels?", 2},
		{"six conv layers k3 s1, receptive field at the top?", 6},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		d := fewerCounted(c.src, q)
		read := countLayers(q, func(l calc.Layer) bool { _, ok := l.(calc.Conv); return ok })
		if read >= c.convs && d != "" || read < c.convs && !strings.Contains(d, "convolutions") {
			t.Errorf("%q read with %d convs (%q): doubt %q", c.src, read, q.Canonical, d)
		}
	}
}

// doubtsOf runs this file's checks on a reading.
func doubtsOf(src string, q *Question) []string {
	var out []string
	for _, check := range []func(string, *Question) string{fewerCounted, biasIgnored, normLeftOut, settingMissing, roleMissing, notRepeated} {
		if d := check(src, q); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// TestSaidChecksOnMisreadings builds readings that lost what the words
// said, as a front-end might, and checks each is doubted.
func TestSaidChecksOnMisreadings(t *testing.T) {
	for _, c := range []struct {
		src, reading, doubt string
	}{
		{"rf after three stride-2 convolutions with 5x5 kernels?", "conv 5x5 1->1 stride 2\nconv 5x5 1->1 stride 2", "has 2 convolutions"},
		{"two 3x3 valid convs on 100x100 then a 2x2 pool. size?", "input 100x100\nconv 3x3 1->1\nmaxpool 2x2", "has 1 convolutions"},
		{"bottleneck 1x1 512->128, 3x3 128->128, 1x1 128->512, all bias=False. params?", "conv 1x1 512->128\nconv 3x3 128->128\nconv 1x1 128->512 nobias", "bias=False"},
		{"conv 3x3 16->32 no bias, params?", "conv 3x3 16->32", "no bias"},
		{"conv 3x3 16->32 with the bias turned off, params?", "conv 3x3 16->32", "bias"},
		{"conv 3x3 16->32 followed by batchnorm. total params?", "conv 3x3 16->32", "batch norm"},
		{"filters 3x3, stride 1, pad 3, input 9x9: output?", "conv 3x3 1->1 stride 1 pad same input 9x9", "pad 3"},
		{"5x5 conv with stride 2 on a 33x33 map, output?", "conv 5x5 1->1 input 33x33", "stride 2"},
		{"dilation 3 3x3 conv, rf?", "conv 3x3 1->1 dilation 1", "dilation 3"},
		{"previous layer has 24 maps, this conv has 48 filters 3x3. params?", "conv 3x3 24->32", "48 filters"},
		{"a 7x7 kernel on 16 channels to 16 channels, params?", "conv 3x3 16->16", "7x7 kernel"},
		{"flatten 400 into a dense layer of 120 units, params?", "linear 400->84", "120 units"},
	} {
		q, err := Parse(c.reading)
		if err != nil {
			t.Fatalf("%q: %v", c.reading, err)
		}
		got := strings.Join(doubtsOf(c.src, q), "; ")
		if !strings.Contains(got, c.doubt) {
			t.Errorf("%q read as %q: doubts %q, want one with %q", c.src, c.reading, got, c.doubt)
		}
	}
}

// TestSidesKeepWhatIsSaidOfAll checks that "bias off on everything" holds
// for both sides of a comparison, or the sides are doubted.
func TestSidesKeepWhatIsSaidOfAll(t *testing.T) {
	src := "depthwise separable vs normal conv: 16 in, 24 out, 5x5, bias off on everything. params each?"
	qs, err := ParseAll(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 {
		t.Fatalf("read as %d questions, want 2", len(qs))
	}
	for _, q := range qs {
		biased := slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool {
			switch l.(type) {
			case calc.Conv, calc.Linear:
				return !noBias(l)
			}
			return false
		})
		if biased && len(q.Doubts) == 0 {
			t.Errorf("side %q has a bias and no doubt", q.Canonical)
		}
	}
}

// TestFixAskedApplied checks that a question about the layer once fixed
// ("if I change it to take 1 channel, how many params?") is answered with
// the fix applied.
func TestFixAskedApplied(t *testing.T) {
	msg := "RuntimeError: Given groups=1, weight of size [16, 3, 5, 5], expected input[8, 1, 64, 64] to have 3 channels, but got 1 channels instead\n"
	for _, c := range []struct {
		src    string
		params int64 // 5*5*1*16+16 = 416 fixed
	}{
		{msg + "grayscale scans. if i change the conv to take 1 channel how many params does it have?", 416},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		s, err := summarize(qs[0])
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if s.Params != c.params {
			t.Errorf("%q: %d params (read as %q), want %d", c.src, s.Params, qs[0].Canonical, c.params)
		}
	}
}

// TestRepeatsSaid checks that "N times" or "N such blocks" read as one
// block is doubted, and read as N blocks is not.
func TestRepeatsSaid(t *testing.T) {
	for _, src := range []string{
		"64x64 input, I repeat (3x3 conv pad 1 -> 2x2 maxpool) three times, final size?",
		"three blocks of Conv2d(3x3, padding=1) + MaxPool2d(2) on 64x64: final size?",
	} {
		for reading, doubted := range map[string]bool{
			"input 64x64\nconv 3x3 1->1 pad 1\nmaxpool 2x2":                                                                     true,
			"input 64x64\nconv 3x3 1->1 pad 1\nmaxpool 2x2\nconv 3x3 1->1 pad 1\nmaxpool 2x2\nconv 3x3 1->1 pad 1\nmaxpool 2x2": false,
		} {
			q, err := Parse(reading)
			if err != nil {
				t.Fatal(err)
			}
			if got := notRepeated(src, q) != ""; got != doubted {
				t.Errorf("%q read as %q: doubted %v, want %v", src, reading, got, doubted)
			}
		}
	}
}

// TestSummaryChanged: a summary pasted with words that change the model
// ("if I add ... before Flatten") is not answered with the summary's own
// rows as if nothing changed; a summary asked about as it is, is.
func TestSummaryChanged(t *testing.T) {
	keras := "conv2d (Conv2D)              (None, 30, 30, 16)        448\nmax_pooling2d (MaxPooling2D) (None, 15, 15, 16)        0\nflatten (Flatten)            (None, 3600)              0\ndense (Dense)                (None, 64)                230464\n"
	for text, doubted := range map[string]bool{
		keras + "if I add a Conv2D(32, 3) before the flatten, how many params will the dense have?": true,
		keras + "after removing the max pooling, how many params would the dense have?":             true,
		keras + "how many params does the dense have, and why is it so big?":                        false,
		keras + "if i add another dense(10) at the end, how many params does that one have?":        true,
	} {
		qs, err := ParseAll(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		got := slices.ContainsFunc(qs[0].Doubts, func(d string) bool { return strings.Contains(d, "summary as it stands") })
		if got != doubted {
			t.Errorf("%q: doubted %v, want %v (%q)", text, got, doubted, qs[0].Doubts)
		}
	}
}

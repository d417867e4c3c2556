package grammar

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// readAll reads text through the front door and fails the test on a
// refusal.
func readAll(t *testing.T, text string) []*Question {
	t.Helper()
	qs, err := ParseAll(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return qs
}

// unsure reports whether the reply to q starts "Not sure": a doubt, or a
// number left unexplained.
func unsure(q *Question) bool {
	return len(q.Doubts) > 0 || slices.ContainsFunc(q.Unused, func(u Unused) bool { return u.Why == "" })
}

// TestRoleOrUnsure: each question gives a number a role (a pool's window,
// ceil_mode on, a tensor's shape, the number to replace, the pixels one
// neuron sees); a reading either has it in that role or says "Not sure"
// first. Never confident and without it. The phrasings are written from
// forum threads (PyTorch's ceil_mode in googlenet ports, Keras's "expected
// shape=(None, ...), found shape=(None, ...)", CS Stack Exchange's
// "how many pixels support a neuron in the fifth layer").
func TestRoleOrUnsure(t *testing.T) {
	ceil := func(q *Question) bool {
		return slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool { p, ok := l.(calc.Pool); return ok && p.Ceil })
	}
	pool := func(k int) func(*Question) bool {
		return func(q *Question) bool {
			return slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool {
				p, ok := l.(calc.Pool)
				return ok && slices.Contains(p.Kernel, k)
			})
		}
	}
	placed := func(dims ...int) func(*Question) bool {
		return func(q *Question) bool {
			reports, _ := computed(q)
			shapes := []calc.Shape{q.Input}
			for _, r := range reports {
				shapes = append(shapes, r.Output)
			}
			return slices.ContainsFunc(shapes, func(s calc.Shape) bool { return sameDims(s, dims) })
		}
	}
	setting := func(key string, n int) func(*Question) bool {
		return func(q *Question) bool {
			return q.Solve == nil && slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool {
				vals, _ := settingsOf(l, key)
				return slices.Contains(vals, n)
			})
		}
	}
	notFilters := func(n int) func(*Question) bool {
		return func(q *Question) bool {
			return !slices.ContainsFunc(leafLayers(q), func(l calc.Layer) bool { c, ok := l.(calc.Conv); return ok && c.Out == n })
		}
	}
	replaced := func(q *Question) bool { return q.Fix != nil || atFlattened(q) || q.Solve != nil }
	field := func(q *Question) bool { return slices.Contains(q.Asked, "receptive field") }
	for _, c := range []struct {
		kind, text string
		has        func(*Question) bool
	}{
		// ceil_mode: floor((75-2)/2)+1 = 37, ceil gives 38 (torch: MaxPool2d(2, 2, ceil_mode=True) on 75x75 -> 38x38)
		{"ceil", "nn.MaxPool2d(2) on 75x75 gives me 37, what do I get with ceil_mode=True?", ceil},
		// ceil((13-3)/2)+1 = 6 either way (torch: 6x6)
		{"ceil", "maxpool 3x3 stride 2 on 13x13 — what's the output if ceil mode is on?", ceil},
		// torch: MaxPool2d(3, 2, ceil_mode=True) on 112x112 -> 56x56 (floor gives 55)
		{"ceil", "googlenet has MaxPool2d(3, stride=2, ceil_mode=True) after the stem; on 112x112 what comes out", ceil},
		{"ceil", "with ceil_mode the pool 2x2 on 75x75 gives what size", ceil},
		// torch: ceil((56-3)/2)+1 = 28
		{"ceil", "if I set ceil_mode=True on my 3x3/2 max pool, does 56 go to 28?", ceil},
		{"ceil", "kernel 3 stride 2 pooling, input 112, ceil_mode on: output size?", ceil},
		// pools with their window after the word: 50 -> 25 -> 23
		{"pool window", "50x50 -> maxpool2 -> conv 3x3 no pad -> what size?", pool(2)},
		{"pool window", "input 64x64x3, conv 3x3 pad 1 with 16 filters then pool 2 then conv 3x3 pad 1 with 32 filters, output shape?", pool(2)},
		// 32 -> 28 -> 14 -> 10 -> 5: 16*5*5 = 400
		{"pool window", "conv1 = nn.Conv2d(1, 6, 5), pool 2, conv2 = nn.Conv2d(6, 16, 5), pool 2, on 32x32 what is the flatten size?", pool(2)},
		{"pool window", "28x28 image -> conv 5x5 (6 filters) -> maxpool 2 -> conv 5x5 (16 filters) -> maxpool 2 -> flattened size?", pool(2)},
		// 30 -> 28 -> 9 (floor(28/3))
		{"pool window", "MaxPool(3) after a 3x3 conv with 8 filters on 30x30x1, size out?", pool(3)},
		{"pool window", "feature map 32x32x8 goes through max pool of 2 and then a 3x3 conv with 8 filters, what's left?", pool(2)},
		// shapes with their batch: the found shape is not the model's input
		{"shape", "ValueError: expected shape=(None, 28, 28, 1), found shape=(None, 28, 28, 3)\nConv2D(16, 3) -> Flatten() -> Dense(10). params of the dense?", placed(28, 28, 3)},
		{"shape", "x.shape is torch.Size([8, 64, 14, 14]) going into nn.Conv2d(64, 128, 3, stride=2), whats the output", placed(64, 14, 14)},
		{"shape", "Conv2d-1 [-1, 32, 26, 26] is what torchsummary prints for nn.Conv2d(1, 32, 3) on 28x28, and the params?", placed(32, 26, 26)},
		{"shape", "my batch is torch.randn(4, 3, 64, 64) and the model is nn.Conv2d(3, 16, 3, padding=1), nn.MaxPool2d(2). output shape?", placed(3, 64, 64)},
		{"shape", "model built for (None, 32, 32, 3) but my images are (None, 48, 48, 3): Conv2D(8, 3, padding='same'), MaxPooling2D(), Flatten(), Dense(10) params?", placed(48, 48, 3)},
		{"shape", "error says expected input[16, 1, 28, 28] to have 3 channels, model is nn.Conv2d(3, 32, 3). what do i change", placed(1, 28, 28)},
		// a number to replace: 64 -> 60 -> 30 -> 26 -> 13: 16*13*13 = 2,704
		{"replace", "nn.Conv2d(3, 6, 5), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120). my images are 64x64 now, what should the 400 be?", replaced},
		{"replace", "what do i replace 9216 with in nn.Linear(9216, 128) if the convs are nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3), nn.MaxPool2d(2) on 32x32?", replaced},
		{"replace", "nn.Conv1d(8, 16, 3), nn.MaxPool1d(2), nn.Flatten(), nn.Linear(500, 10) on sequences of length 100 (8 channels). what should the 500 be?", replaced},
		{"replace", "Conv2D(32, 3) then Flatten then Dense(128) with input_shape=(64, 64, 3): the 128 should be what?", replaced},
		{"replace", "nn.Linear(1000, 10) after nn.Conv1d(4, 8, 5), nn.Flatten(): what number goes instead of 1000?", replaced},
		{"replace", "what should the 2048 be in nn.Linear(2048, 10) after nn.Conv2d(3, 8, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten()", replaced},
		// what-ifs: (32-3)/2+1 = 15; (32-5)/2+1 = 14; 56+2-3+1 = 56; 64-2*2 = 60; 27-2+1 = 26; 28+4-5+1 = 28; 3*3*8*64+64 = 4,672
		{"what-if", "conv 3x3 with 16 filters on 32x32x3, what if I use stride 2? output size", setting("stride", 2)},
		{"what-if", "5x5 conv stride 1 on 32x32 gives 28, what would stride 2 give?", setting("stride", 2)},
		{"what-if", "3x3 conv, 64 filters, on 56x56x64 gives 54x54. what if we add padding 1?", setting("pad", 1)},
		{"what-if", "dilated conv: 3x3 kernel on 64x64, output? and with dilation 2?", setting("dilation", 2)},
		{"what-if", "maxpool 2x2 on 27x27 gives 13, what about stride 1?", setting("stride", 1)},
		{"what-if", "conv 5x5 pad 0 on 28x28 gives 24x24. if I set padding=2 what's the output?", setting("pad", 2)},
		{"what-if", "3x3 conv 32->64 on 16x16, params? what if groups=4", setting("groups", 4)},
		// a size said to become a size, never a conv's filters
		{"size as filters", "conv 5x5 pad 0 on 28x28 -> 24. if I set padding=2 what's the output?", notFilters(24)},
		{"size as filters", "3x3 conv no padding, 32x32 gives 30. what about with stride 2?", notFilters(30)},
		{"size as filters", "a 5x5 kernel takes 100x100 -> 96, what does a second one give?", notFilters(96)},
		{"size as filters", "maxpool 2x2 on 28x28 -> 14, then conv 3x3 pad 1, output?", notFilters(14)},
		{"size as filters", "my conv 3x3 stride 2 turns 64x64 into 31?? shouldnt it be 32", notFilters(31)},
		{"size as filters", "7x7 conv stride 2 pad 3: 224x224 becomes 112, and after a 3x3/2 maxpool with pad 1?", notFilters(112)},
		// a size said after "on" as one number: floor((28+2-3)/2)+1 = 14, torch 14x14; 5x5 pad 2 keeps 32
		{"size as filters", "stride 2 conv k3 pad 1 on 28 -> 14 right? what about k3 pad 0 stride 2 on 28", notFilters(14)},
		{"size as filters", "conv k5 pad 2 on 32 -> 32 right? and with pad 0?", notFilters(32)},
		// a second question after a question mark: pad 6 keeps 33, torch 33 - 6*2 = 21 without
		{"second ask", "deeplab 3x3 dilation 6 on 33x33: what padding keeps 33? and what size if i forget padding", func(q *Question) bool { return false }},
		// the pixels one neuron sees: three 3x3 convs stride 1 see 7x7 = 49
		{"field", "three 3x3 convs stride 1, how many pixels of the input does one neuron in layer 3 see?", field},
		{"field", "how big a region of the input image does a unit in the second conv layer look at? both layers 5x5 stride 1", field},
		{"field", "two conv layers with 7x7 filters, stride 1, no pooling: how many input pixels influence one output neuron of the second layer?", field},
		{"field", "how many pixels in the original image are connected to a neuron after 4 layers of 3x3 conv (stride 1)?", field},
		{"field", "a CNN of five conv layers, all 3x3 filters with stride 1. calculate how many pixels of the input image support one neuron in the 5th layer", field},
		{"field", "what area of the input does a neuron of the third layer see, layers being 5x5 convs with stride 1", field},
	} {
		qs, err := ParseAll(c.text)
		if err != nil {
			continue // a refusal is not confident
		}
		if slices.ContainsFunc(qs, c.has) {
			continue // a part answers it; the others are the design as it was
		}
		for i, q := range qs {
			if !unsure(q) {
				t.Errorf("%s: %q: part %d read confidently without it: %s (asked %v)", c.kind, c.text, i+1, Format(q), q.Asked)
			}
		}
	}
}

// TestRolesKept: a reading that has each number in its role gets none of
// these doubts.
func TestRolesKept(t *testing.T) {
	for _, text := range []string{
		// torch: MaxPool2d(2, ceil_mode=False) on 75x75 -> 37x37
		"MaxPool2d(2, ceil_mode=False) on 75x75 output?",
		// 28 -> 26 -> 13; 32*13*13 = 5,408
		"nn.Conv2d(1, 32, 3), nn.MaxPool2d(2) on a 28x28 image, output shape?",
		// Conv2d-1 [-1, 32, 26, 26]: 3*3*1*32+32 = 320
		"Conv2d-1 [-1, 32, 26, 26] for nn.Conv2d(1, 32, 3) on 1x28x28, params?",
		// 3x3 conv then 1x1 pool: said, so kept
		"a 3x3 conv with 8 filters then a 1x1 max pool on 10x10x1: output?",
		"my data (3 channels, 32x32 images) goes into nn.Conv2d(3, 16, 3): params?",
	} {
		for _, q := range readAll(t, text) {
			for _, d := range q.Doubts {
				for _, mine := range []string{"rounds up", "window of", "window 1", "neither this reading's input", "should replace", "input pixels one neuron"} {
					if strings.Contains(d, mine) {
						t.Errorf("%q: doubt %q on %s", text, d, Format(q))
					}
				}
			}
		}
	}
}

// TestFieldPixels: the input pixels one neuron sees are its receptive
// field's area. Worked: three 3x3 stride 1 see 1+3·2 = 7, 49 pixels; five
// see 11, 121; two 7x7 see 13, 169; four 5x5 see 17, 289.
func TestFieldPixels(t *testing.T) {
	for _, c := range []struct {
		text, note string
	}{
		{"three 3x3 convs stride 1, how many pixels of the input does one neuron in layer 3 see?", "7×7 = 49"},
		{"a CNN of five conv layers, all 3x3 filters with stride 1, no pooling. calculate how many pixels of the input image support one neuron in the 5th layer", "11×11 = 121"},
		{"two conv layers with 7x7 filters, stride 1, no pooling: how many input pixels influence one output neuron of the second layer?", "13×13 = 169"},
		{"4 conv layers of 5x5 kernels, stride 1. How many pixels in the input image are supporting a neuron in the last layer?", "17×17 = 289"},
	} {
		q := readAll(t, c.text)[0]
		if !slices.Contains(q.Asked, "receptive field") || !slices.ContainsFunc(q.Notes, func(n string) bool {
			return strings.Contains(strings.ReplaceAll(n, " ", ""), strings.ReplaceAll(c.note, " ", ""))
		}) {
			t.Errorf("%q: asked %v, notes %q, want the receptive field and %q", c.text, q.Asked, q.Notes, c.note)
		}
	}
}

// TestSidesOnSameInput: a side set "on the same input" or "directly on x"
// stands alone; read after the other side, it is rebuilt on the input, or
// the reply is not sure. Checked with PyTorch: Conv2d(32, 64, (1, 5)) +
// Conv2d(64, 64, (5, 1)) have 30,848 parameters, Conv2d(32, 64, 5)
// 51,264; Keras's SeparableConv2D(64, 3) on 32 channels 32·9 + 32·64 + 64
// = 2,400, a Conv2D(64, 3) 18,496; Conv2D(128, 3) on 64 channels 73,856.
func TestSidesOnSameInput(t *testing.T) {
	for _, c := range []struct {
		text   string
		params []int64 // each side's, in order
	}{
		{"x is (None, 20, 20, 32):\n\nx = Conv2D(64, (1, 5), padding='same')(x)\nx = Conv2D(64, (5, 1), padding='same')(x)\n\nparams for the pair, vs one Conv2D(64, (5, 5)) directly on x?", []int64{30848, 51264}},
		{"model.add(SeparableConv2D(64, (3, 3), padding='same', input_shape=(32, 32, 32)))\nparams? and what would a normal Conv2D(64, (3,3)) have on the same input", []int64{2400, 18496}},
		{"model.add(Conv2D(64, 3, input_shape=(32, 32, 32)))\nhow many params, and a SeparableConv2D(64, 3) on the same input instead?", []int64{18496, 2400}},
		{"model.add(SeparableConv2D(128, 3, input_shape=(16, 16, 64)))\nparam count? vs a plain Conv2D(128, 3) on the same input", []int64{8896, 73856}},
	} {
		qs, err := ParseAll(c.text)
		if err != nil {
			continue
		}
		if len(qs) != len(c.params) {
			if !slices.ContainsFunc(qs, unsure) {
				t.Errorf("%q: %d questions read with confidence, want %d sides", c.text, len(qs), len(c.params))
			}
			continue
		}
		for i, q := range qs {
			reports, _ := computed(q)
			var got int64
			if q.Network && len(reports) > 0 {
				got = reports[len(reports)-1].Params
			} else {
				for _, r := range reports {
					got += r.Params
				}
			}
			if got != c.params[i] && !unsure(q) || got == c.params[i] && slices.Contains(q.Doubts, chainedDoubt) {
				t.Errorf("%q: side %d (%s) has %d params (doubts %q), want %d", c.text, i+1, Format(q), got, q.Doubts, c.params[i])
			}
		}
	}
}

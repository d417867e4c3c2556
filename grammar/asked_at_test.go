package grammar

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestAskedAt checks which layers the router says a question asks about
// by place, and what of each. Layer indices count the reading's layers,
// activations included, from 0.
func TestAskedAt(t *testing.T) {
	tests := []struct {
		name, src string
		want      []At
	}{
		{"prose name", "input 28x28x1: conv1 has 8 filters 3x3 (no padding), then a 2x2 maxpool stride 2, then conv2 has 16 filters 3x3 no padding. how many MACs does conv2 do?",
			[]At{{Layer: 2, Name: "conv2"}}},
		{"after name then kind", "self.conv1 = nn.Conv2d(1, 8, kernel_size=5, stride=2, padding=2)\nself.pool = nn.MaxPool2d(kernel_size=2, stride=2)\n\ninput 1x50x50 - size after conv1 and then after the pool?",
			[]At{{Layer: 0, What: AtOutput, Name: "conv1"}, {Layer: 1, What: AtOutput, Name: "pool"}}},
		{"kinds in order", "input 96x96x3, conv 7x7 with 32 filters stride 2 pad 3, then maxpool 3x3 stride 2 pad 1. whats the size after the conv and after the maxpool",
			[]At{{Layer: 0, What: AtOutput, Name: "the conv"}, {Layer: 1, What: AtOutput, Name: "the maxpool"}}},
		{"in_features, no Linear read", "fc1 in_features for 1x28x28 with conv(1,16,3,padding=1) pool2 conv(16,32,3,padding=1) pool2 ?",
			[]At{{Layer: 3, What: AtFlattened, Name: "fc1"}}},
		{"in_features of a Linear read", "self.conv = nn.Conv2d(3, 8, 5)\nself.pool = nn.MaxPool2d(2)\nself.fc = nn.Linear(?, 10)\nforward: x = self.pool(F.relu(self.conv(x))); x = torch.flatten(x, 1); x = self.fc(x)\ninput 40x40 rgb. what in_features for self.fc?",
			nil}, // checked below: the Linear, whatever its index
		{"forward told in words", "self.features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\nself.classifier = nn.Linear(8 * 30 * 30, 10)\ninput 32x32 rgb. total params for this? (forward just does features -> flatten -> classifier)",
			[]At{}},
		{"a block named in prose", "vgg first block: conv3-64, conv3-64 on a 224x224 rgb image. how many params does that block have?",
			[]At{}},
		{"code's own use of names", "inputs x (28, 28, 192):\nb1 = Conv2D(64, 1, padding='same')(x)\nb2 = Conv2D(32, 1, padding='same')(x)\nout = concatenate([b1, b2])\nhow many channels does out have?",
			[]At{}},
		{"name before the layer's words", "two conv layers: conv1 3x3 3->16, conv2 3x3 16->32, on 32x32 input. params of conv1?",
			[]At{{Layer: 0, Name: "conv1"}}},
		{"layers described by place, the network asked", "The first layer is a 3x3 conv with 32 filters on a 32x32x3 image, the second layer is a 3x3 conv with 64 filters. How many params does the network have?",
			[]At{}},
		{"output of one, params of another", "input 32x32x3, conv 3x3 16 filters pad 1, maxpool 2, conv 3x3 32 filters pad 1. how many params does the second conv layer have and what is the output size of the first conv?",
			[]At{{Layer: 2, Name: "the second conv layer"}, {Layer: 0, What: AtOutput, Name: "the first conv"}}},
		{"kinds named with their kernel", "self.conv1 = nn.Conv2d(3, 16, 5)\nself.conv2 = nn.Conv2d(16, 32, 3, padding=1)\ninput 32x32. params of the 3x3 conv and of the 5x5 conv?",
			[]At{{Layer: 1, Name: "the 3x3 conv"}, {Layer: 0, Name: "the 5x5 conv"}}},
		{"each layer", "a 28x28x1 image, conv 3x3 with 8 filters, then conv 3x3 with 16 filters: params of each layer?",
			[]At{{Layer: 0}, {Layer: 1}}},
		{"both, separately", "depthwise 3x3 on 32 channels then pointwise 1x1 from 32 to 64 channels, on a 56x56 input. params for both, separately",
			[]At{{Layer: 0}, {Layer: 1}}},
		{"the whole asked", "a 28x28x1 image, conv 3x3 with 8 filters, then conv 3x3 with 16 filters: params?",
			[]At{}},
		{"one layer alone", "a conv layer with 3x3 kernels, 16 input channels and 32 output channels gives a 10x10 output. how many connections does this layer have in total?",
			[]At{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tt.want == nil {
				if len(q.At) != 1 || q.At[0].What != AtInFeatures || !isLinear(q, q.At[0].Layer) {
					t.Errorf("At = %+v, want the in_features of the Linear", q.At)
				}
				return
			}
			if !slices.Equal(q.At, tt.want) && (len(q.At) > 0 || len(tt.want) > 0) {
				t.Errorf("At = %+v, want %+v\nunderstood: %s", q.At, tt.want, Format(q))
			}
		})
	}
}

// TestConnectionsCounted checks how the router reads a question about
// connections: every link of the layer when it says "in total", one
// neuron's when it names one, and the bias left out when it says so
// though it writes "counting".
func TestConnectionsCounted(t *testing.T) {
	tests := []struct {
		src             string
		total, bias, no bool
	}{
		{"3x3 conv, 8 input channels, 16 output channels, output 12x12: how many connections in total, weights only?", true, false, true},
		{"connections for one output map of a 3x3 conv on 4 input ch, output 30x30, counting the bias", true, true, false},
		{"a 5x5 conv reading 6 input maps: how many connections does each neuron of an output map have, counting the bias as one?", false, true, false},
		{"each neuron in a 3x3 conv layer on 64 channels connects to how many values? (not counting bias)", false, false, true},
		// LeNet-5's paper counts a layer's connections in all: C1 has
		// (5*5+1)*6*28*28 = 122,304.
		{"lenet c1: 6 feature maps with 5x5 kernels on a 32x32 input, no padding. trainable params and how many connections, counting the bias?", true, true, false},
		{"In LeNet, each neuron of C1 is connected to how many inputs? (5x5 kernel, 1 input channel)", false, false, false},
	}
	for _, tt := range tests {
		q, err := Parse(tt.src)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		total := slices.Contains(q.Asked, "total connections")
		if total != tt.total || q.BiasConnection != tt.bias || q.BiasLeftOut != tt.no {
			t.Errorf("%q: total %v, bias counted %v, left out %v; want %v, %v, %v (asked %v)", tt.src, total, q.BiasConnection, q.BiasLeftOut, tt.total, tt.bias, tt.no, q.Asked)
		}
	}
}

// TestPlacesAskedNotLayers checks that places asked ("after the second
// conv and after the pool") are not read as layers of their own, and each
// is answered. Sizes with torch 2 (nn.Conv2d(.., 3), nn.MaxPool2d(2)):
// 100 -> 98 -> 96 -> 48; 140 -> 138 -> 136 -> 68; 64x64x3 with two 5x5
// convs of 8 filters -> 60 -> 56, pooled 28.
func TestPlacesAskedNotLayers(t *testing.T) {
	tests := []struct {
		src    string
		layers int
		want   []At
	}{
		{"input 100x100, two 3x3 convs (no padding) then a 2x2 max pool. size after the second conv and after the pool?", 3,
			[]At{{Layer: 1, What: AtOutput, Name: "the second conv"}, {Layer: 2, What: AtOutput, Name: "the pool"}}},
		{"a 140x140 image goes through two valid 3x3 convolutions and then a 2x2 maxpool; what is the spatial size after the second convolution and after the maxpool", 3,
			[]At{{Layer: 1, What: AtOutput, Name: "the second convolution"}, {Layer: 2, What: AtOutput, Name: "the maxpool"}}},
		{"input 64x64x3, two 5x5 valid convs with 8 filters, then maxpool 2. output after the second conv and after the pool?", 3,
			[]At{{Layer: 1, What: AtOutput, Name: "the second conv"}, {Layer: 2, What: AtOutput, Name: "the pool"}}},
		// Names given to layers, written again: 64 -> 64 -> 32 -> 32 -> 16
		{"input 64x64x3. conv1: 16 filters 3x3, pad 1. pool1: 2x2 max, stride 2. conv2: 32 filters 3x3, pad 1. pool2: 2x2 max. what are the output sizes of conv2 and pool2?", 4,
			[]At{{Layer: 2, What: AtOutput, Name: "conv2"}, {Layer: 3, Name: "pool2"}}}, // the output asked of both
		// LeNet's names: 32 -> 28 -> 14 -> 10
		{"C1: 6 filters 5x5 on a 32x32x1 input, S2: 2x2 avg pool stride 2, C3: 16 filters 5x5. output size of S2 and number of params in C3?", 3,
			[]At{{Layer: 1, What: AtOutput, Name: "S2"}, {Layer: 2, Name: "C3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			if len(q.Layers) != tt.layers || !slices.Equal(q.At, tt.want) {
				t.Errorf("%d layers, At %+v; want %d, %+v\nunderstood: %s", len(q.Layers), q.At, tt.layers, tt.want, Format(q))
			}
			if len(q.Doubts) > 0 {
				t.Errorf("doubts %q, want none", q.Doubts)
			}
		})
	}
}

// TestAskedMoreThanRead checks that a question asking for more than its
// reading can answer is not confident: sizes asked with no input size
// read, a place asked that the reading has no layer for.
func TestAskedMoreThanRead(t *testing.T) {
	tests := []struct{ src, doubt string }{
		// the input length is not given: the parameters answer half of it
		{"nn.Conv1d(16, 32, kernel_size=5): output length and number of params?", "the output size"},
		{"self.conv = nn.Conv1d(8, 16, 9, stride=2)\nself.pool = nn.MaxPool1d(2)\nwhat length comes out after the conv and after the pool?", "the output size"},
		{"Conv2d(3, 64, 7, stride=2, padding=3): how many MACs and params?", "the multiply-accumulates"},
		// a module applied twice in a forward told in words the reading does not follow
		{"self.conv1 = nn.Conv2d(3, 32, 3)\nself.pool = nn.MaxPool2d(2)\nself.conv2 = nn.Conv2d(32, 64, 3)\ninput 3x64x64, forward is conv1 -> pool -> conv2 -> pool. shape after conv2, and after the second pool?", "the second pool"},
	}
	for _, tt := range tests {
		qs, err := ParseAll(tt.src)
		if err != nil || len(qs) != 1 {
			t.Errorf("%q: %d questions, %v", tt.src, len(qs), err)
			continue
		}
		if !slices.ContainsFunc(qs[0].Doubts, func(d string) bool { return strings.Contains(d, tt.doubt) }) {
			t.Errorf("%q: doubts %q, want one naming %q", tt.src, qs[0].Doubts, tt.doubt)
		}
	}
	// Answered in full: no doubt. 28x28x1, 5x5, 32 filters: 24x24x32 and
	// (25+1)*32 = 832 params.
	for _, src := range []string{"a conv layer with 32 5x5 filters on a 28x28x1 input, stride 1, no padding. output size and number of params?",
		"nn.Linear(512, 10): output size and params?"} {
		qs, err := ParseAll(src)
		if err != nil || len(qs) != 1 {
			t.Errorf("%q: %d questions, %v; want one", src, len(qs), err)
		} else if len(qs[0].Doubts) > 0 {
			t.Errorf("%q: doubts %q; want none", src, qs[0].Doubts)
		}
	}
}

// TestActivationsAsked checks that activations asked by count or size
// are asked beside the rest ("how many activations and how many
// weights"), and that CS231n's "memory (number of activations)" is the
// count, not bytes.
func TestActivationsAsked(t *testing.T) {
	tests := []struct {
		src       string
		want, not string
	}{
		{"conv 3x3 3->64 pad 1 on 224x224x3: how many activations and how many weights?", "neurons", ""},
		{"first layer: 32 3x3 filters, stride 1, pad 1, on a 64x64x3 input. what's its memory (number of activations) and the number of weights?", "neurons", "memory"},
		{"VGG first conv layer (64 3x3 filters, pad 1) on a 224x224x3 image: activation size and weights?", "output", ""},
		// memory in bytes stays memory
		{"conv 3x3 3->64 pad 1 on 224x224x3: how much memory do the activations take in float32, and how many weights?", "memory", ""},
	}
	for _, tt := range tests {
		q, err := Parse(tt.src)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if !slices.Contains(q.Asked, tt.want) || tt.not != "" && slices.Contains(q.Asked, tt.not) {
			t.Errorf("%q: asked %q, want %q and not %q", tt.src, q.Asked, tt.want, tt.not)
		}
	}
}

// TestReadWithoutPlaces reads a question that names its places with the
// words of a layer ("the 3x3 conv") with those places blanked out.
// 32 -> 28 (5x5) -> 28 (3x3 pad 1) -> 14.
func TestReadWithoutPlaces(t *testing.T) {
	src := "a 32x32x3 image goes through a 5x5 conv with 16 filters, then a 3x3 conv with 32 filters and padding 1, then a 2x2 maxpool. output shape after the 3x3 conv and MACs of the 5x5 conv?"
	q, ok := readWithoutPlaces(src)
	if !ok {
		t.Fatal("not read")
	}
	want := []At{{Layer: 1, What: AtOutput, Name: "the 3x3 conv"}, {Layer: 0, Name: "the 5x5 conv"}}
	if len(q.Layers) != 3 || !slices.Equal(q.At, want) || !slices.Contains(q.Asked, "macs") {
		t.Errorf("read %q, At %+v, asked %q; want 3 layers, %+v, the MACs", q.Canonical, q.At, q.Asked, want)
	}
	if _, ok := readWithoutPlaces("conv 3x3 16->32 on 8x8: params?"); ok {
		t.Error("a question naming no place was read again")
	}
}

// TestEachAsked tells "params of each layer" (asked of every layer) from
// "every conv layer is 5x5" (a description of every layer).
func TestEachAsked(t *testing.T) {
	for src, want := range map[string]bool{
		"how many params does each layer have?":                                  true,
		"params of each conv?":                                                   true,
		"every conv layer is 5x5 with pad 2: conv 6, pool, conv 12":              false,
		"all conv layers have stride 1, params?":                                 false,
		"all convs use padding 1":                                                false,
		"two conv layers 3x3 (3->32, 32->64), bias=False on both convs. params?": false,
		"input 64x64x3, with padding=1 on every conv. output shape?":             false,
		"no bias on all layers, params?":                                         false,
		"same padding for each conv. output?":                                    false,
		"kernels 3, 3, 3, strides 1, 1, 2, 16 filters each. output length?":      false,
		"params on each layer?":                                                  true,
		"bias=False on both convs. params of each?":                              true,
	} {
		if got := eachAsked(src); got != want {
			t.Errorf("eachAsked(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestEnteringAsked: what enters a fully connected layer is its
// in_features, not its output. Worked: 28 (pad 1) -> 28 -> 14, 4·14·14 =
// 784; 32-5+1 = 28 -> 14, 6·14·14 = 1,176; 64 (pad 1) -> 64 -> 32 -> 16,
// 8·16·16 = 2,048; 28 -> 24 -> 12 -> 8 -> 4, 20·4·4 = 320.
func TestEnteringAsked(t *testing.T) {
	for _, c := range []struct {
		text string
		in   int
	}{
		{"INPUT 28x28x1 -> CONV 3x3, 4 filters, pad 1 -> POOL 2 -> FC 10. What is the size of the volume entering the FC layer?", 784},
		{"conv 5x5 with 6 filters on 32x32x3, maxpool 2, then a dense layer with 10 units: what size goes into the dense layer?", 1176},
		{"input 64x64x3 -> conv 3x3 8 filters pad 1 -> maxpool 2 -> maxpool 2 -> linear 10: how many values are fed into the linear layer?", 2048},
		{"on 28x28 grayscale: conv 5x5 10 filters, pool 2, conv 5x5 20 filters, pool 2, fc 50. shape before the fc?", 320},
		{"Consider INPUT 32x32x3 -> CONV 5x5, 6 filters -> POOL 2x2 stride 2 -> FC 10.\n(a) the spatial size of the volume entering the FC layer?\n(b) total learnable parameters (include biases)?", 6 * 14 * 14},
		{"28x28 mnist -> conv 3x3 32 filters no padding -> maxpool 2 -> dense 128. How many features enter the dense layer?", 32 * 13 * 13},
	} {
		qs, err := ParseAll(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		q := qs[0]
		if len(q.At) == 0 && slices.Contains(q.Asked, "output") && !slices.ContainsFunc(q.Layers, func(l Layer) bool { _, ok := l.Layer.(calc.Linear); return ok }) {
			// The English reader answers it as the output of the layers
			// before the fully connected one, whose units it names unused.
			reports, _ := computed(q)
			if n := len(reports); n == 0 || elements(reports[n-1].Output) != int64(c.in) {
				t.Errorf("%q: read as %s, want %d values out", c.text, Format(q), c.in)
			}
			continue
		}
		if len(q.At) != 1 || q.At[0].What != AtInFeatures {
			t.Errorf("%q: at %+v, want the in_features of the fully connected layer", c.text, q.At)
			continue
		}
		reports, _ := computed(q)
		i := q.At[0].Layer
		_, ok := q.Layers[i].Layer.(calc.Linear)
		if !ok || i >= len(reports) || reports[i].Connections != int64(c.in) {
			t.Errorf("%q: layer %d is %s, want a linear layer taking %d", c.text, i, FormatLayer(q.Layers[i].Layer), c.in)
		}
	}
}

// TestNthOneAsked: a layer named by its place alone ("the 2nd one") in a
// question is the one answered, not the whole model. Worked: 3·3·32·48 +
// 48 = 13,872; 3·3·16·32 + 32 = 4,640; 5·5·8·16 + 16 = 3,216; 3·3·32·64
// + 64 = 18,496; 784·256 + 256 = 200,960; 28 - 3 + 1 = 26.
func TestNthOneAsked(t *testing.T) {
	for _, c := range []struct {
		text  string
		layer int
	}{
		{"model.add(Conv2D(32, (3,3), input_shape=(28,28,1)))\nmodel.add(Conv2D(48, (3,3)))\nwhy is the param # for the 2nd one so big?? what should it be", 1},
		{"model.add(Conv2D(16, (3,3), input_shape=(32,32,3)))\nmodel.add(Conv2D(32, (3,3)))\nhow many params does the second one have?", 1},
		{"nn.Conv2d(3, 8, 5) then nn.Conv2d(8, 16, 5): params of the 2nd one?", 1},
		{"two convs: 3x3 3->16 and 3x3 16->32. why does the second one have so many more params?", 1},
		{"Conv2D(32, 3, input_shape=(28, 28, 1)) then Conv2D(64, 3) — how many parameters in the last one?", 1},
		{"nn.Linear(784, 256), nn.Linear(256, 10): how many weights does the first one have?", 0},
		{"conv 3x3 1->32, conv 3x3 32->64 on 28x28. what's the output of the first one?", 0},
		// 5·32·16 + 16 = 2,576; 5·5·16·32 + 32 = 12,832
		{"model.add(Conv1D(32, 5, input_shape=(200, 4)))\nmodel.add(Conv1D(16, 5))\nwhat's the Param # of the second Conv1D?", 1},
		{"Conv2D(16, 3, input_shape=(64,64,3)) then Conv2D(32, 5): params of the second Conv2D?", 1},
		// 64 / 2 = 32 ('same', stride 2): 8·32·32 = 8,192; (32-2)/2 = 15: 16·15·15 = 3,600
		{"inputs = Input(shape=(64, 64, 1))\nx = Conv2D(8, 3, strides=2, padding='same')(inputs)\nx = Flatten()(x)\nhow long is the vector after Flatten?", 1},
		{"nn.Conv2d(3, 16, 3), nn.MaxPool2d(2), nn.Flatten() on 32x32 rgb: how long is the vector after flatten?", 2},
	} {
		q := readAll(t, c.text)[0]
		if len(q.At) != 1 || q.At[0].Layer != c.layer {
			t.Errorf("%q: at %+v, want layer %d (%s)", c.text, q.At, c.layer, Format(q))
		}
	}
}

func elements(s calc.Shape) int64 {
	n, _ := s.Elements()
	return n
}

package paste

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Refusals point at the argument at fault and give examples close to it.
func TestFrontendErrors(t *testing.T) {
	for _, c := range []struct {
		name      string
		parse     func(string) (*lang.Question, error)
		src       string
		line, col int
		msg, hint string
	}{
		{"missing kernel", ParsePyTorch, "nn.Conv2d(3, 64)", 1, 16, "needs kernel_size", "nn.Conv2d(3, 64, kernel_size=3"},
		{"same with stride", ParsePyTorch, "nn.Conv2d(3, 64, 3, stride=2, padding='same')", 1, 31, "padding='same'", "padding=1"},
		{"unclosed", ParsePyTorch, "model = nn.Sequential(\n  nn.Conv2d(3, 64, 3),\n  nn.ReLU()\n", 1, 22, "never closed", "nn.Conv2d"},
		{"mismatched", ParsePyTorch, "nn.Conv2d(3, 64, (3, 3]", 1, 23, "does not close", ""},
		{"unknown module", ParsePyTorch, "nn.Sequential(nn.Conv2d(3, 8, 3), nn.Fold(output_size=(4, 5)))", 1, 35, "not a layer I know", "nn.Conv2d(3, 64, 3)"},
		{"unknown keyword", ParsePyTorch, "nn.Conv2d(3, 64, 3, strides=2)", 1, 21, `no argument "strides"`, "stride=1"},
		{"unknown variable", ParsePyTorch, "nn.Linear(n_in, 10)", 1, 11, "n_in", "nn.Linear(512, 10)"},
		{"too many args", ParsePyTorch, "nn.Linear(10, 20, True, 4, 5)", 1, 25, "at most", ""},
		{"not a number", ParsePyTorch, "nn.Conv2d(3, 64, 'three')", 1, 18, "kernel_size should be", ""},
		{"nothing", ParsePyTorch, "  import torch\nprint(torch.__version__)", 1, 3, "no PyTorch layer", "nn.Conv2d"},
		{"transposed same", ParsePyTorch, "nn.ConvTranspose2d(8, 4, 3, padding='same')", 1, 29, "padding='same'", ""},
		{"keras missing kernel", ParseKeras, "model.add(Conv2D(32, input_shape=(28, 28, 1)))", 1, 45, "needs kernel_size", "Conv2D(32, 3"},
		{"keras bad padding", ParseKeras, "Conv2D(32, 3, padding='full')", 1, 15, "'valid' or 'same'", ""},
		{"keras unknown", ParseKeras, "model.add(layers.Conv2D(8, 3, input_shape=(8, 8, 1)))\nmodel.add(layers.MultiHeadAttention(2, 8))", 2, 11, "not a layer I know", "Dense(10)"},
		{"keras bad shape", ParseKeras, "Dense(10, input_shape='784')", 1, 11, "tuple", "input_shape=(784,)"},
		{"keras no input", ParseKeras, "how many params does Dense(10) have?", 1, 22, "input size", "Dense(10, input_shape=(784,))"},
		{"keras conv no input", ParseKeras, "model = Sequential([Conv2D(32, (3, 3)), Flatten(), Dense(10)])", 1, 21, "input size", "Conv2D(32, 3, input_shape=(28, 28, 1))"},
		{"keras summary row", ParseKeras, "dense (Dense)  (None, 10)  1291", 1, 1, "not a whole number", "Conv2D"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.parse(c.src)
			e, ok := err.(*lang.Error)
			if !ok {
				t.Fatalf("err = %v (%T), want *lang.Error", err, err)
			}
			if e.Line != c.line || e.Col != c.col || !strings.Contains(e.Msg, c.msg) || !strings.Contains(e.Hint, c.hint) {
				t.Errorf("got %d:%d %q hint %q\n%s\nwant %d:%d %q hint with %q", e.Line, e.Col, e.Msg, e.Hint, e.Snippet(c.src), c.line, c.col, c.msg, c.hint)
			}
		})
	}
}

// A calc refusal lands on the argument at fault through lang.Question.Locate.
func TestFrontendLocate(t *testing.T) {
	for _, c := range []struct {
		parse     func(string) (*lang.Question, error)
		src       string
		line, col int
	}{
		{ParsePyTorch, "nn.Conv2d(64, 128, 3, groups=3)", 1, 23},
		{ParsePyTorch, "x = torch.randn(1, 3, 32, 32)\nnet = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Conv2d(16, 8, 3))", 2, 51},
		{ParsePyTorch, "nn.MaxPool2d(2, padding=2)", 1, 17},
		{ParseKeras, "Conv2D(8, 5, input_shape=(3, 3, 1))", 1, 1},
	} {
		q, err := c.parse(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		var in calc.Shape = q.Input
		for i, l := range q.Layers {
			_, err = l.Apply(in)
			if err != nil {
				e := q.Locate(i, err)
				if e.Line != c.line || e.Col != c.col {
					t.Errorf("%q: located at %d:%d, want %d:%d (%v)", c.src, e.Line, e.Col, c.line, c.col, e)
				}
				break
			}
			r, _ := l.Apply(in)
			in = r.Output
		}
		if err == nil {
			t.Errorf("%q: no refusal", c.src)
		}
	}
}

// ptCheckError checks that err is a positioned *lang.Error inside src.
func ptCheckError(t *testing.T, src string, err error) {
	t.Helper()
	e, ok := err.(*lang.Error)
	if !ok {
		t.Fatalf("error %v is %T, want *lang.Error", err, err)
	}
	lines := strings.Split(src, "\n")
	if e.Line < 1 || e.Line > len(lines) {
		t.Fatalf("error %v: line %d outside 1..%d", e, e.Line, len(lines))
	}
	if n := utf8.RuneCountInString(lines[e.Line-1]); e.Col < 1 || e.Col > n+1 {
		t.Fatalf("error %v: column %d outside 1..%d", e, e.Col, n+1)
	}
}

// ptFuzzOne parses src and sizes what it read: no panic, every error
// positioned inside src, bounded time.
func ptFuzzOne(t *testing.T, parse func(string) (*lang.Question, error), src string) {
	if strings.TrimSpace(src) == "" || utf8.RuneCountInString(src) > maxChars || !utf8.ValidString(src) {
		return
	}
	start := time.Now()
	q, err := parse(src)
	if err != nil {
		ptCheckError(t, src, err)
		return
	}
	in := q.Input
	for i, l := range q.Layers {
		var r calc.Report
		r, err = l.Apply(in)
		if err != nil {
			e := q.Locate(i, err)
			ptCheckError(t, src, e)
			break
		}
		in = r.Output
	}
	if d := fastest(time.Since(start), func() { _, _ = parse(src) }); d > 2*time.Second {
		t.Fatalf("took %v on %d bytes", d, len(src))
	}
}

// fastest returns first, or when first is over two seconds, the fastest of
// it and two more runs of read. A machine busy with other work can stall one
// run; a reader that blows up is slow every time, so the bound still catches
// it without flaking under load.
func fastest(first time.Duration, read func()) time.Duration {
	took := first
	for i := 0; i < 2 && took > 2*time.Second; i++ {
		start := time.Now()
		read()
		took = min(took, time.Since(start))
	}
	return took
}

var ptSeeds = []string{
	"class B(nn.Module):\n    def __init__(self, i, o, stride=1):\n        super().__init__()\n        self.c = nn.Conv2d(i, o, 3, stride=stride, padding=1)\n        self.s = nn.Sequential()\n        if stride != 1 or i != o:\n            self.s = nn.Sequential(nn.Conv2d(i, o, 1, stride=stride))\n    def forward(self, x):\n        return F.relu(self.c(x) + self.s(x))\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.b = nn.ModuleList([B(3, 8, 2), B(8, 8)])\n        self.fc = nn.Linear(???, 10)\n    def forward(self, x):\n        for b in self.b:\n            x = b(x)\n        return self.fc(torch.flatten(x, 1))\nx = torch.randn(1, 3, 32, 32)",
	"RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2304 and 1024x10)\nself.fc = nn.Linear(1024, 10)",
	"nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))\ninput = torch.randn(20, 16, 50, 100)",
	"model = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32*16*16, 10))\nfor 32x32 CIFAR images",
	"(conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)",
	"params of nn.LSTM(input_size=128, hidden_size=256, num_layers=2)?",
	"nn.Conv2d(3, 64, 3, stride=2, padding='same')",
	"nn.Conv2d(3, 64",
	"nn.Linear(64*8*8, 10) ]]] )",
	"nn.Conv2d(3, 64, 3, groups=5) input 3x0x224",
	"self.conv1 = nn.Conv2d(1, 6, 5)\ndef forward(self, x):\n    return self.conv1(x).view(-1, 6*24*24)",
	"nn.Linear(99999999999999999999, 1)",
	"nn.Conv2d(3, 64, 2**62)",
	"nn.Embedding(10000, 300)(torch.randint(0, 10000, (4, 9)))",
	"x = torch.randn(1, 3, 224, 224)\nnn.Conv2d(3, 64, 3)\nnn.Linear(10, 10)",
	"nn.GroupNorm(3, 7) input 7x4x4",
	"nn.LayerNorm([1, 2, 3, 4, 5])\ninput = torch.randn(2, 3, 4)",
	"nn.RNN(10, 20, 2)\ninput = torch.randn(5, 10)",
	"\"\"\"unterminated docstring",
	"nn.Conv2d(3, 64, 3, padding=-1)",
	"nn.Conv2d(3, 64, 3)\n# input is 3 x 4000000000 x 2",
}

var kerasSeeds = []string{
	"Conv2D(64, (5,5), strides=2, padding='same', input_shape=(128,128,3))",
	"keras LSTM(64, input_shape=(None, 32)) number of parameters",
	"conv2d (Conv2D)  (None, 30, 30, 32)  896",
	"dense (Dense)  (None, 10)  1290\nflatten (Flatten) (None, 128) 0",
	"model.add(Dense(12, input_dim=8))\nmodel.add(Dense(1))",
	"model.add(Conv2D(32, input_shape=(28, 28, 1)))",
	"Conv2D(32, 3, padding='full')",
	"x = layers.Conv2D(32, 3)(x)\nx = layers.MaxPooling2D(3, strides=2, padding='same')(x)\ninputs = keras.Input(shape=(9, 9, 3))",
	"Bidirectional(Dense(3))",
	"SeparableConv2D(0, 3, input_shape=(8, 8, 3))",
	"max_pooling2d (MaxPooling  (None, 5, 5, 64)  0\n2D)",
	"conv2d (Conv2D)  (None, 30, 30, 32)  1,234,567",
	"DepthwiseConv2D(3, depth_multiplier=0, input_shape=(8, 8, 3))",
	"Input(shape=(None, None, 3))\nConv2D(8, 3)",
	"input 3x96x96\nconv(3,32,3,padding=1)+pool2\nx = x.view(-1, 64 * ? * ?)",
	"Conv2d(512, 512, 3, padding=1) x3 in a row",
	"self.conv1 = nn.Conv2d(3, 6, 5)\nself.pool = nn.MaxPool2d(2)\nforward: pool(relu(conv1)) -> flatten -> then the same for conv1",
	"            Conv2d-1            [-1, 8, 24, 24]             208\n         MaxPool2d-2            [-1, 8, 12, 12]               0",
	"def block(cin, cout):\n    return nn.Sequential(nn.Conv2d(cin, cout, 3))\nself.f = nn.Sequential(block(3, 8), block(8, 16))",
	"a = Conv2D(8, 1)(x)\nb = Conv2D(8, 3)(x)\nout = concatenate([a, b])\ninput x is (9, 9, 4)",
	"BatchNormalization after Conv2D(128), params?",
	"Expected 4-dimensional input for 4-dimensional weight [32, 1, 5, 5], but got 3-dimensional input of size [64, 28, 28] instead",
	"which padding for nn.Conv2d(16, 16, 3, dilation=4) so 50x50 keeps its size",
	"conv(3,16,3) -> conv(16,32,3) -> linear(32*6*6, 10)? total params",
	"conv1 = nn.Conv2d(1, 32, 3, 1), conv2 = nn.Conv2d(32, 64, 3, 1), then max_pool2d(x, 2) then flatten. mnist 28x28. fc1 in = ?",
	"last conv gives torch.Size([64, 128, 4, 4]) (64 is batch), in_features?",
	"A_prev = np.random.randn(2, 5, 7, 4)\nW = np.random.randn(3, 3, 4, 8)\nhparameters = {\"pad\": 1, \"stride\": 2}",
	"pool_forward: A_prev shape is (4, 9, 9, 6), f = 3, stride = 2, mode max",
	"dw (DepthwiseConv2D)  (None, 30, 30, 64)    ???\nits input is (None, 32, 32, 64)",
	"BatchNormalization after my Conv2D(256, ...) shows Param # 1,024",
}

func ptAdversarial() []string {
	return []string{
		strings.Repeat("(", 3999),
		strings.Repeat("nn.Conv2d(", 399),
		strings.Repeat("nn.Conv2d(3, 3, 3)\n", 200),
		strings.Repeat("[(", 1999) + strings.Repeat(")]", 1999)[:100],
		strings.Repeat("a.", 1999),
		strings.Repeat("1*", 1999) + "1",
		"nn.Linear(" + strings.Repeat("(", 1900) + "1" + strings.Repeat(")", 1900) + ", 2)",
		strings.Repeat("conv2d (Conv2D) (None, 3, 3, 3) 84\n", 100),
		strings.Repeat("2**", 1000) + "2",
		strings.Repeat("'", 3999),
		strings.Repeat("Dense(1)(", 300) + strings.Repeat(")", 300),
		strings.Repeat("nn.Conv2d(3, 3, 3, padding=1) x99\n", 200) + "input 8x8x3",
		strings.Repeat("conv(3,3,3,padding=1)+pool2 ", 300),
		strings.Repeat("Conv2D(3, 3, padding='same') twice ", 300) + "on a 64x64x3 input",
		"def b(c):\n return nn.Sequential(b(c))\nself.x = b(3)",
		strings.Repeat("            Conv2d-1            [-1, 8, 24, 24]             208\n", 300),
		strings.Repeat("A_prev (2, 5, 7, 4) W (3, 3, 4, 8) f = 3 ", 90),
		strings.Repeat("c = nn.Conv2d(3, 3, 3) then max_pool2d(x, 2) ", 80),
		strings.Repeat("torch.Size([", 300) + "in_features",
		strings.Repeat("BatchNormalization after Conv2D(8, ...) ", 90),
		strings.Repeat("dw (DepthwiseConv2D)  (None, 3, 3, 4)    ...\n", 90),
		strings.Repeat("conv1_1(3,3,3,p1,s2) ", 190) + "input 64x64",
		strings.Repeat("x = self.pool(self.conv1(x))  # Conv2d(3, 3, 3)\n", 80) + "x = x.view(-1, ???)",
		strings.Repeat("AdaptiveAvgPool2d((6,6)) on 256 channels ", 90),
		strings.Repeat("conv 3x3 + maxpool 2 three times ", 120) + "on 64x64x3, filters 8",
		"2 blocks of " + strings.Repeat("(", 1900) + strings.Repeat(")", 1900),
		"conv_arch = (" + strings.Repeat("(1, 64), ", 400) + ")",
		strings.Repeat("Conv2d-1 [-1, 64, 112, 112] 9,408 (3->64, 7x7) ", 80),
		strings.Repeat("rebuild with input_shape=(42, 42, 1) ", 100) + "\nmodel.add(Conv2D(8, 3, input_shape=(28, 28, 1)))",
		"block = " + strings.Repeat("conv(k3,p0) relu ", 230) + ", 2 blocks, input 1x28x28, 10 hidden units",
	}
}

func FuzzPyTorch(f *testing.F) {
	for _, s := range append(append(append([]string{}, ptSeeds...), kerasSeeds...), ptAdversarial()...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { ptFuzzOne(t, ParsePyTorch, src) })
}

func FuzzKeras(f *testing.F) {
	for _, s := range append(append(append([]string{}, kerasSeeds...), ptSeeds...), ptAdversarial()...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { ptFuzzOne(t, ParseKeras, src) })
}

// 4,000 characters of the worst shapes parse in bounded time (about 10 ms
// each on an idle core; the bound leaves room for a loaded CI machine).
func TestFrontendBoundedTime(t *testing.T) {
	for _, src := range ptAdversarial() {
		for _, parse := range []func(string) (*lang.Question, error){ParsePyTorch, ParseKeras} {
			start := time.Now()
			_, _ = parse(src)
			if d := fastest(time.Since(start), func() { _, _ = parse(src) }); d > 2*time.Second {
				t.Errorf("%.30q…: %v", src, d)
			}
		}
	}
}

func BenchmarkPyTorch30Lines(b *testing.B) {
	src, err := readTestdata("pytorch/alexnet_repr.txt")
	if err != nil {
		b.Fatal(err)
	}
	if n := strings.Count(src, "\n"); n < 30 {
		b.Fatalf("%d lines", n)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		q, err := ParsePyTorch(src)
		if err != nil {
			b.Fatal(err)
		}
		ls := make([]calc.Layer, len(q.Layers))
		for i, l := range q.Layers {
			ls[i] = l.Layer
		}
		if _, err := (calc.Network{Input: q.Input, Layers: ls}).Summarize(); err != nil {
			b.Fatal(err)
		}
	}
}

package grammar

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// Questions about a network's input asked backwards, written as askers
// write them after "Kernel size can't be greater than actual input size",
// "Output size is too small" or "Negative dimension size" (prose, pasted
// PyTorch and Keras, 1-D and 2-D). Every expected number was found with
// PyTorch 1.13 (/usr/bin/python3): the model run on each size from 1 up,
// an empty output counted as a failure (under no_grad, a max pool on a
// 1×1 map returns an empty tensor instead of raising), and the size below
// the answer seen to fail.
var inputSolveCases = []struct {
	name, text string
	unknown    string
	want       []int64
}{
	{
		// 32 → 28 → 14 → 10 → 5 → 1; 31 → 27 → 13 → 9 → 4 and the 5×5 conv does not fit.
		"pytorch sequential, minimum input resolution", `RuntimeError: Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size

what is the minimum input resolution for this? my images are 28x28

net = nn.Sequential(
    nn.Conv2d(1, 20, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(20, 50, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(50, 100, kernel_size=5),
)`, "input", []int64{32},
	},
	{
		// A count after "more than" is no lower bound of the size: 16 → 12 → 6 → 2 → 1; 15 → 11 → 5 → 1 and the conv does not fit.
		"a batch bound is not a size bound", `conv 5x5 -> maxpool 2 -> conv 5x5 -> maxpool 2, no padding. what's the smallest input size that works when the batch is more than 32 images?`,
		"input", []int64{16},
	},
	{
		// "the same pool" is no 'same' padding: 48 → 46 → 23 → 21 → 10 → 8 → 4 → 2 → 1, a fifth conv does not fit: 4 blocks.
		"same said of the pool, not the padding", `input is 48x48, every conv is 3x3 (no padding) and each is followed by MaxPooling2D(2); the same pool every time. how many of these conv+pool blocks can I stack before it breaks?`,
		"blocks", []int64{4},
	},
	{
		// 31 → 15 → 7 → 3 → 1 (maxpool 3); 30 → 14 → 6 → 2 and the 3-window does not fit.
		"prose arrows without filter counts, how small can my images be",
		`my cnn is conv 3x3 stride 2 -> conv 3x3 stride 2 -> conv 3x3 stride 2 -> maxpool 3x3, no padding anywhere, 3 input channels. how small can my images be before pytorch complains?`,
		"input", []int64{31},
	},
	{
		// Keras, valid: 17 → 15 → 5 → 3 → 1; 16 → 14 → 4 → 2 and the 3-pool does not fit (the error's "3 from 2").
		"keras sequential, minimum input_shape", `ValueError: Negative dimension size caused by subtracting 3 from 2 for '{{node max_pooling2d_1/MaxPool}}'

model = Sequential()
model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(16, 16, 3)))
model.add(MaxPooling2D(pool_size=(3, 3)))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(3, 3)))

whats the minimum input_shape (square) that this builds with?`, "input", []int64{17},
	},
	{
		// 32·6·6 = 1,152 after conv3, pool2, conv3, pool2: 30 → 28 → 14 → 12 → 6, and 31, 32, 33 floor to 6 too; 34 gives 7.
		"flatten to fc1's in_features, every size", `self.conv1 = nn.Conv2d(3, 16, 3)
self.pool = nn.MaxPool2d(2, 2)
self.conv2 = nn.Conv2d(16, 32, 3)
self.fc1 = nn.Linear(32 * 6 * 6, 120)

def forward(self, x):
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = x.view(-1, 32 * 6 * 6)
    return self.fc1(x)

which image size should I resize to so the flatten matches fc1's in_features?`, "input", []int64{30, 31, 32, 33},
	},
	{
		// 64 → 32 → 16 → 8 → 4 → 2 → 1: six blocks; the seventh pool gets 1×1.
		"prose stages with padding 1",
		`starting from a 64x64 image, each stage is a 3x3 conv with padding 1 followed by a 2x2 max pool. how many stages can I stack before the feature map vanishes?`,
		"blocks", []int64{6},
	},
	{
		// 100 → 96 → 48 → 44 → 22 → 18 → 9 → 5 → 2: four blocks; the fifth conv gets 2×2.
		"prose blocks without padding, lowercase",
		`how many times can i apply conv 5x5 (valid) + maxpool 2 to a 100x100 input before it breaks`,
		"blocks", []int64{4},
	},
	{
		// Conv1d 9, MaxPool1d 4, twice: 56 → 48 → 12 → 4 → 1; 55 → 47 → 11 → 3, and the 4-window does not fit.
		"1-D minimum sequence length", `RuntimeError: Given input size: (32x1x3). Calculated output size: (32x1x0). Output size is too small

model = nn.Sequential(nn.Conv1d(1, 16, 9), nn.MaxPool1d(4), nn.Conv1d(16, 32, 9), nn.MaxPool1d(4))

what's the minimum sequence length this model can take? I'm passing 55 samples`, "input", []int64{56},
	},
	{
		// Three stride-2 pad-1 convs then AvgPool2d(4): 25 → 13 → 7 → 4 → 1; 24 → 12 → 6 → 3 and the 4-window does not fit.
		"pytorch class with forward, smallest image size", `class Enc(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 32, 3, stride=2, padding=1)
        self.c2 = nn.Conv2d(32, 64, 3, stride=2, padding=1)
        self.c3 = nn.Conv2d(64, 128, 3, stride=2, padding=1)
        self.pool = nn.AvgPool2d(4)
    def forward(self, x):
        x = F.relu(self.c1(x))
        x = F.relu(self.c2(x))
        x = F.relu(self.c3(x))
        return self.pool(x)

works on 64x64 but crashes on my 24x24 thumbnails. smallest image size that works?`, "input", []int64{25},
	},
	{
		// conv 3x3 (valid) ×2 then flatten: 12·n'·n' = 1,200 → n' = 10 → n = 14 (torch: [14]).
		"prose, exactly N flattened",
		`conv 3x3 3->6, then conv 3x3 6->12, no padding, then flatten. which input size makes the flattened vector exactly 1200 long?`,
		"input", []int64{14},
	},
	{
		// U-Net, 4 levels, padded convs: every skip matches when 16 divides n: 304 = 16·19 (torch: first from 300 is 304).
		"u-net in words, from 300",
		`My U-Net has 4 pooling levels (2x2 max pool), all 3x3 convs are padded (padding=1) and the decoder uses ConvTranspose2d(k=2, s=2) followed by torch.cat with the skip. I get "Sizes of tensors must match" with 300x300 images. What's the smallest input size >= 300 that works?`,
		"input", []int64{304},
	},
	{
		// 3 pools, 2 ups: 96 → 48 → 24 → 12, up 24 = x3, up 48 = x2; 90 → 45 → 22 → 11, up 22, then 44 ≠ 45 (torch: first from 90 is 96).
		"pasted mini u-net, three pools and two ups", `RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 45 but got size 44 for tensor number 1 in the list.

class Mini(nn.Module):
    def __init__(self):
        super().__init__()
        self.e1 = nn.Conv2d(1, 8, 3, padding=1)
        self.e2 = nn.Conv2d(8, 16, 3, padding=1)
        self.e3 = nn.Conv2d(16, 32, 3, padding=1)
        self.b = nn.Conv2d(32, 64, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.up1 = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.up2 = nn.ConvTranspose2d(64, 16, 2, stride=2)
    def forward(self, x):
        x1 = self.e1(x)
        x2 = self.e2(self.pool(x1))
        x3 = self.e3(self.pool(x2))
        b = self.b(self.pool(x3))
        u1 = torch.cat([self.up1(b), x3], 1)
        u2 = torch.cat([self.up2(u1), x2], 1)
        return u2

my images are 90x90 and it crashes in the decoder. what's the smallest input size >= 90 that works?`, "input", []int64{96},
	},
}

func TestInputSolved(t *testing.T) {
	for _, c := range inputSolveCases {
		t.Run(c.name, func(t *testing.T) {
			qs, err := ParseAll(c.text)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if len(qs) != 1 {
				t.Fatalf("%d questions, want 1", len(qs))
			}
			q := qs[0]
			if q.Solve == nil || q.Solve.Unknown != c.unknown {
				t.Fatalf("not solved for %s: %s", c.unknown, q.Canonical)
			}
			if !slices.Equal(q.Solve.Solutions, c.want) {
				t.Errorf("solutions = %v, want %v", q.Solve.Solutions, c.want)
			}
			if len(q.Doubts) > 0 {
				t.Errorf("doubts: %q", q.Doubts)
			}
			for _, u := range q.Unused {
				if u.Why == "" {
					t.Errorf("%s (%d:%d) unexplained", u.Text, u.Pos.Line, u.Pos.Col)
				}
			}
		})
	}
}

// TestInputNotSolved holds questions the input search must leave alone:
// an inverse of one layer (its own solver answers), a question that is no
// input question, one whose network cannot be read.
func TestInputNotSolved(t *testing.T) {
	for name, text := range map[string]string{
		"one layer's inverse":     "what input size gives a 14x14 output with a 3x3 conv, stride 2, padding 1?",
		"layers of a preset":      "how many layers does resnet50 have?",
		"no network":              "what's the smallest input my model accepts? it's a small cnn I wrote",
		"minimum of another kind": "what's the minimum number of params for a 3x3 conv from 16 to 32 channels?",
	} {
		qs, err := ParseAll(text)
		if name == "no network" && err == nil {
			t.Errorf("%s: read, want a refusal: there is no network to search", name)
		}
		if err != nil {
			continue // a refusal solves nothing either
		}
		for _, q := range qs {
			if inputSolved(q) {
				t.Errorf("%s: solved as a network's input: %v", name, q.Solve.Solutions)
			}
		}
	}
}

func TestLowerBound(t *testing.T) {
	for text, want := range map[string]int{
		"smallest input size >= 115 that works":            115,
		"the smallest size of at least 100 that runs":      100,
		"smallest input bigger than 115 that goes through": 116,
		"smallest input size that works":                   0,
	} {
		if got := lowerBound(text, []int{0}); got != want {
			t.Errorf("lowerBound(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestInputSolvedSteps checks that the reply's working shows the sizes
// layer by layer at the answer and why one less fails.
func TestInputSolvedSteps(t *testing.T) {
	q, err := Parse(inputSolveCases[0].text)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, st := range q.Solve.Steps {
		all = append(all, st.Formula)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"32 → 28", "→ 5 (maxpool 2x2) → 1 (conv 5x5 50->100)", "31 → 27", "fails", "28 → 24"} {
		if !strings.Contains(text, want) {
			t.Errorf("steps lack %q:\n%s", want, text)
		}
	}
	if q.Solve.Max != calc.MaxInputSize {
		t.Errorf("searched to %d, want %d", q.Solve.Max, calc.MaxInputSize)
	}
}

// TestInputAlsoAsked checks that a message asking for the input and
// something else is not answered with confidence: the reply answers the
// input alone.
func TestInputAlsoAsked(t *testing.T) {
	q, err := Parse("conv 5x5 -> maxpool 2 -> conv 5x5 -> maxpool 2, no padding. what's the smallest input size that works, and how many params does it have?")
	if err != nil {
		t.Fatal(err)
	}
	if !inputSolved(q) {
		t.Fatalf("not solved for the input: %s", q.Canonical)
	}
	if len(q.Doubts) == 0 {
		t.Error("no doubt: the parameters asked are not answered")
	}
}

package paste

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestNothingDropped checks readings that used to leave a layer out
// silently: each case's canonical reading, what it asks, and whether it
// doubts itself. Numbers worked: linear(32*5*5, 10) takes 800;
// torch.Size([8, 256, 6, 6]) flattens to 256*6*6 = 9216.
func TestNothingDropped(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // lines of Canonical, in order
		asked     string   // "" when nothing is asked for
		doubt     string   // a part of a doubt, "" for none
	}{
		{"shorthand linear with a product", "conv(3,16,3) -> conv(16,32,3) -> linear(32*5*5, 10) params",
			[]string{"conv 3x3 3->16", "conv 3x3 16->32", "linear 800->10"}, "params", ""},
		{"shorthand linear with a name never given", "conv(3,16,3) -> fc(n_flat, 10) params?",
			[]string{"conv 3x3 3->16"}, "params", `fc(…) on line 1 is left out: I cannot read "n_flat"`},
		{"modules then a functional pool", "c1 = nn.Conv2d(1, 8, 3), c2 = nn.Conv2d(8, 16, 3), then F.max_pool2d(x, 2), flatten. 28x28 input, fc in = ?",
			[]string{"input 28x28", "conv 3x3 1->8", "conv 3x3 8->16", "maxpool 2x2", "flatten"}, "output", ""},
		{"torch.Size alone", "in_features for torch.Size([8, 256, 6, 6])?",
			[]string{"flatten input 6x6x256"}, "output", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParsePyTorch(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkInOrder(t, q.Canonical, tt.want)
			if got := strings.Join(q.Asked, ","); got != tt.asked {
				t.Errorf("Asked = %q, want %q", got, tt.asked)
			}
			checkDoubt(t, q.Doubts, tt.doubt)
		})
	}
}

// TestUntracedMismatch checks that a model pasted without forward whose
// Linear does not fit is counted without its input only when parameters
// alone are asked: conv(1->10, 5) and conv(10->20, 5) on 28x28 give
// 20*20*20 = 8000 values, not fc1's 320 (forward pools twice).
func TestUntracedMismatch(t *testing.T) {
	code := "self.conv1 = nn.Conv2d(1, 10, kernel_size=5)\nself.conv2 = nn.Conv2d(10, 20, kernel_size=5)\nself.fc1 = nn.Linear(320, 50)\n"
	q, err := ParsePyTorch(code + "mnist 28x28, how many parameters in total?")
	if err != nil {
		t.Fatal(err)
	}
	if q.Input != nil {
		t.Errorf("Input = %v, want none (parameters alone are asked)", q.Input)
	}
	if !slices.ContainsFunc(q.Unused, func(u lang.Unused) bool { return u.Text == "28" && strings.Contains(u.Why, "8000 values, not the 320") }) {
		t.Errorf("Unused = %v, want 28 named with why", q.Unused)
	}
	q, err = ParsePyTorch(code + "mnist 28x28, output shape?")
	if err != nil {
		t.Fatal(err)
	}
	if q.Input == nil {
		t.Errorf("Input dropped though the output shape is asked")
	}
}

// TestAssignment checks the deeplearning.ai numpy arrays: channels last,
// W's n_C_prev against A_prev's. (10, 6, 9, 3) with W (3, 3, 3, 8), pad 2,
// stride 2: n_H = (6+4-3)//2+1 = 4, n_W = (9+4-3)//2+1 = 6, Z (10, 4, 6, 8).
func TestAssignment(t *testing.T) {
	q, err := ParsePyTorch("conv_forward: A_prev is (10, 6, 9, 3), W is (3, 3, 3, 8), pad = 2, stride = 2. shape of Z?")
	if err != nil {
		t.Fatal(err)
	}
	r, err := q.Layers[0].Apply(q.Input)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Output, (calc.Shape{8, 4, 6}); !slices.Equal(got, want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	if !slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, "(10, 4, 6, 8)") }) {
		t.Errorf("Notes = %q, want Z's shape in the assignment's order", q.Notes)
	}
	_, err = ParsePyTorch("A_prev = np.random.randn(2, 5, 7, 4)\nW = np.random.randn(3, 3, 3, 8)\nhparameters = {\"pad\": 1, \"stride\": 2}")
	var e *lang.Error
	if !errors.As(err, &e) || e.Line != 2 || !strings.Contains(e.Msg, "n_C_prev = 3") {
		t.Errorf("err = %v, want W's n_C_prev named on line 2", err)
	}
}

// TestEllipsisArgument checks that `...` after the arguments given is
// dropped, and that one among the positional arguments is still refused
// (dropping it would shift the ones after it).
func TestEllipsisArgument(t *testing.T) {
	q, err := ParsePyTorch("nn.Conv2d(3, 16, 3, ...) on 32x32, params?")
	if err != nil {
		t.Fatalf("trailing ...: %v", err)
	}
	if len(q.Doubts) > 0 {
		t.Errorf("Doubts = %q, want none: the count does not depend on what ... hides", q.Doubts)
	}
	q, err = ParsePyTorch("nn.Conv2d(3, 16, 3, …) on 32x32, output size?")
	if err != nil {
		t.Fatalf("trailing …: %v", err)
	}
	if len(q.Doubts) == 0 {
		t.Errorf("no doubt, though ... may hide a stride or padding and the size is asked")
	}
	if _, err := ParsePyTorch("nn.Conv2d(3, ..., 3) on 32x32, params?"); err == nil {
		t.Errorf("... between positional arguments was read")
	}
}

// TestKerasSummaryPartial checks summary rows that say less than a whole
// table. Depthwise 3x3 on 64 channels: 64*9 + 64 = 640; a first row with
// no count gives the next its 12 channels: 24*(5*5*12 + 1) = 7224.
func TestKerasSummaryPartial(t *testing.T) {
	tests := []struct {
		name, src string
		params    int64
	}{
		{"depthwise row, input in words", "dw (DepthwiseConv2D)  (None, 30, 30, 64)    ???\nits input is (None, 32, 32, 64)", 640},
		{"first row without a count", "conv2d_1 (Conv2D)  (None, 60, 60, 12)  ...\nconv2d_2 (Conv2D)  (None, 56, 56, 24)  ???", 7224},
		{"batch norm after a layer in words", "BatchNormalization after my Conv2D(256, ...) shows 1,024", 512},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseKeras(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			l := q.Layers[len(q.Layers)-1]
			in := q.Input
			if len(q.Layers) > 1 || in == nil {
				in = nil // the last layer sizes itself from its channels
			}
			r, err := l.Apply(in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Params != tt.params {
				t.Errorf("params = %d, want %d (%s)", r.Params, tt.params, q.Canonical)
			}
		})
	}
}

// checkInOrder fails t unless canonical holds each of want, in order.
func checkInOrder(t *testing.T, canonical string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(canonical[at:], w)
		if i < 0 {
			t.Fatalf("Canonical = %q, want %q (in order)", canonical, want)
		}
		at += i + len(w)
	}
}

// checkDoubt fails t unless a doubt holds want, or, for want "", there
// is no doubt.
func checkDoubt(t *testing.T, doubts []string, want string) {
	t.Helper()
	found := slices.ContainsFunc(doubts, func(d string) bool { return want != "" && strings.Contains(d, want) })
	if want != "" && !found || want == "" && len(doubts) > 0 {
		t.Errorf("Doubts = %q, want %q", doubts, want)
	}
}

package paste

import (
	"strings"
	"testing"
)

// TestChatShorthand checks code typed in chat: layers named by kind and
// number (conv1, fc2, conv1_2) and options written as a letter and a
// number (s2, p1). Numbers worked: conv(3,8,5,s2) on 40x40 gives
// floor((40-5)/2)+1 = 18; fc1(16*5*5, 120) takes 400.
func TestChatShorthand(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // lines of Canonical, in order
		doubt     string   // a part of a doubt, "" for none
	}{
		{"numbered names", "conv1(1,6,5) conv2(6,16,5) fc1(16*5*5,120) fc2(120,84) params?",
			[]string{"conv 5x5 1->6", "conv 5x5 6->16", "linear 400->120", "linear 120->84"}, ""},
		{"numbered with underscore", "conv1_1(3,64,3,p1) conv1_2(64,64,3,p1) params",
			[]string{"conv 3x3 3->64 pad 1", "conv 3x3 64->64 pad 1"}, ""},
		{"letters for stride and padding", "input 40x40, conv(3,8,5,s2) conv(8,16,3,p1,s2) out size?",
			[]string{"input 40x40", "conv 5x5 3->8 stride 2", "conv 3x3 8->16 stride 2 pad 1"}, ""},
		{"a letter that names nothing is still said", "conv(3,8,5,x2) conv(8,16,3) params?",
			[]string{"conv 3x3 8->16"}, `cannot read "x2"`},
		{"a keyword in its place, then a positional", "nn.Conv2d(in_channels=3, 32, 3) params",
			[]string{"conv 3x3 3->32"}, ""},
		{"an adaptive pool on channels named in words", "AdaptiveAvgPool2d((3,3)) on 64 channels then flatten, in_features?",
			[]string{"adaptiveavgpool 3x3 input 3x3x64"}, ""},
		{"layers in comments, the pool not shown", "32x32 rgb\nx = self.pool(F.relu(self.conv1(x)))  # Conv2d(3, 8, 3)\nx = self.pool(F.relu(self.conv2(x)))  # Conv2d(8, 16, 3)\nx = x.view(-1, ???)",
			[]string{"input 32x32", "conv 3x3 3->8", "maxpool 2x2", "conv 3x3 8->16", "maxpool 2x2", "flatten"}, "self.pool is used on line 2 but not defined"},
		{"two undefined modules on a line: the comment's kind picks", "input 28x28\nx = self.drop(self.fc1(x))  # nn.Linear(784, 10)\nparams?",
			[]string{"linear 784->10"}, ""},
		{"a numbered name called on a tensor is no layer", "input 28x28\nc = nn.Conv2d(1, 4, 3)\nx = conv1(x)\nparams?",
			[]string{"conv 3x3 1->4"}, ""},
		{"a count written 2x before a call", "2x nn.Conv2d(8, 8, 3) params",
			[]string{"conv 3x3 8->8", "conv 3x3 8->8"}, ""},
		{"a module named conv1 is not shorthand", "self.conv1 = nn.Conv2d(3, 8, 3)\nx = self.conv1(x)\nparams?",
			[]string{"conv 3x3 3->8"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParsePyTorch(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkInOrder(t, q.Canonical, tt.want)
			checkDoubt(t, q.Doubts, tt.doubt)
		})
	}
}

// TestSamePaddingWithoutInput checks that a padding question about one
// Keras conv with padding='same' at stride 1 is solved without an input
// size, and that a strided one still asks for it. Worked: kernel 7,
// dilation 2 spans 13, so (13-1)/2 = 6 keeps the size.
func TestSamePaddingWithoutInput(t *testing.T) {
	q, err := ParseKeras("Conv2D(8, 7, padding='same', dilation_rate=2): which padding do I use in pytorch?")
	if err != nil {
		t.Fatal(err)
	}
	if q.Solve == nil || len(q.Solve.Solutions) != 1 || q.Solve.Solutions[0] != 6 {
		t.Fatalf("Solve = %+v, want the padding 6", q.Solve)
	}
	if _, err := ParseKeras("Conv2D(8, 3, strides=2, padding='same'): which padding do I use in pytorch?"); err == nil {
		t.Error("a strided 'same' conv without its input was answered; its padding depends on the input")
	}
}

// TestFrameworkNamedInWords checks that a Keras layer asked about in
// PyTorch's words ("in pytorch", "in torch") is still read as Keras, and
// that torch.randn is still a mark of PyTorch code.
func TestFrameworkNamedInWords(t *testing.T) {
	for _, tt := range []struct {
		src   string
		keras bool
	}{
		{"Conv1D(16, 9, padding='same') what padding in pytorch?", true},
		{"Conv2D(32, 3) - how do i write that in torch", true},
		{"Conv2D(32, 3) then x = torch.randn(1, 3, 8, 8)", false},
	} {
		if got := LooksLikeKeras(tt.src); got != tt.keras {
			t.Errorf("LooksLikeKeras(%q) = %v, want %v", tt.src, got, tt.keras)
		}
	}
}

// TestCommentLayerFix checks that a layer read from a comment is quoted
// as written when its blank is filled: 64x64 through Conv2d(3, 8, 5,
// stride=2) is 30x30, so the Linear takes 8*30*30 = 7200.
func TestCommentLayerFix(t *testing.T) {
	q, err := ParsePyTorch("64x64 rgb\nx = F.relu(self.conv1(x))  # Conv2d(3, 8, 5, stride=2)\nx = x.view(x.size(0), -1)\nx = self.fc(x)  # Linear(?, 10)\nwhat is the ?")
	if err != nil {
		t.Fatal(err)
	}
	if q.Fix == nil || q.Fix.Line != "Linear(7200, 10)" {
		t.Fatalf("Fix = %+v, want the line Linear(7200, 10)", q.Fix)
	}
}

// TestSweep checks that one layer asked for several values of a name is
// one question a value, and that values given to stacked layers are not.
// Worked: floor((50 - k)/1) + 1 is 48, 47, 46 for k = 3, 4, 5.
func TestSweep(t *testing.T) {
	qs, err := ParseAll("Conv1d(300, 100, k) for k = 3,4,5 on length 50, output lengths?")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.Canonical)
	}
	want := []string{"conv1d 3 300->100", "conv1d 4 300->100", "conv1d 5 300->100"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want one question a value: %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("question %d = %q, want %q", i+1, got[i], want[i])
		}
	}
	if _, _, _, _, ok := allSweepAt("four blocks of Conv2D(k, 3) + MaxPooling2D(2) with k = 32, 64, 128, 256"); ok {
		t.Error("values of stacked blocks read as several questions")
	}
}

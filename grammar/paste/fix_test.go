package paste

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestFix checks the corrected line a question carries, in the asker's
// framework, and the number it names as unused (each worked in its
// comment; the PyTorch ones checked in testdata/questions/code_cases.py).
func TestFix(t *testing.T) {
	cases := []struct {
		name, src string
		parse     func(string) (*lang.Question, error)
		line      string // the Fix line; "" for no fix
		unused    string // the unused number's text, when one is named
	}{
		// 32-5+1 = 28, pool 14: 8*14*14 = 1568
		{"in_features", "self.conv1 = nn.Conv2d(3, 8, 5)\nself.pool = nn.MaxPool2d(2)\nself.fc = nn.Linear(1000, 10)\ninput is 32x32 RGB, fc gives a size mismatch error",
			ParsePyTorch, "nn.Linear(1568, 10)", "1000"},
		// a product is fixed as a product: 32-5+1 = 28
		{"product", "self.conv1 = nn.Conv2d(3, 8, 5)\nself.fc = nn.Linear(8 * 20 * 20, 10, bias=False)\ninput is 32x32 RGB. what's wrong?",
			ParsePyTorch, "nn.Linear(8 * 28 * 28, 10, bias=False)", "8 * 20 * 20"},
		// 64->62->31->29->14: 32*14*14 = 6272
		{"question marks", "self.conv1 = nn.Conv2d(3, 16, 3)\nself.pool = nn.MaxPool2d(2, 2)\nself.conv2 = nn.Conv2d(16, 32, 3)\nself.fc1 = nn.Linear(???, 64)\n" +
			"def forward(self, x):\n    x = self.pool(F.relu(self.conv1(x)))\n    x = self.pool(F.relu(self.conv2(x)))\n    return self.fc1(x.view(x.size(0), -1))\n64x64 images",
			ParsePyTorch, "nn.Linear(6272, 64)", ""},
		// a repr lists a module used twice once: with no word of an error,
		// its Linear is taken as right and nothing is fixed
		{"repr", "Net(\n  (conv1): Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1))\n  (pool): MaxPool2d(kernel_size=2, stride=2)\n  (conv2): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))\n  (fc1): Linear(in_features=400, out_features=120, bias=True)\n)\nfor 32x32 images",
			ParsePyTorch, "", ""},
		// forward passes x through a call that is not sized: no fix
		{"unsure", "self.conv1 = nn.Conv2d(3, 8, 5)\nself.fc = nn.Linear(1000, 10)\ndef forward(self, x):\n    x = self.conv1(x)\n    x = my_crop(x)\n    return self.fc(x.flatten(1))\ninput is 32x32 RGB",
			ParsePyTorch, "", ""},
		// the message alone: 64 samples of 2304 features
		{"mat1 mat2", "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2304 and 1024x10) what do i put in nn.Linear",
			ParsePyTorch, "nn.Linear(2304, 10)", "64"},
		// the conv the message names gets the input's channels
		{"channels", "RuntimeError: Given groups=1, weight of size [32, 3, 3, 3], expected input[8, 1, 64, 64] to have 3 channels, but got 1 channels instead\nmy first layer is nn.Conv2d(3, 32, 3)",
			ParsePyTorch, "nn.Conv2d(1, 32, 3)", "3"},
		// Keras: the input_shape written is fixed to the shape received
		{"keras axis", "model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))\nValueError: Input 0 of layer \"conv2d\" is incompatible with the layer: expected axis -1 of input shape to have value 1, but received input with shape (None, 28, 28, 3)",
			ParseKeras, "Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 3))", "(28, 28, 1)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := c.parse(c.src)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case c.line == "" && q.Fix != nil:
				t.Errorf("fix %q, want none", q.Fix.Line)
			case c.line != "" && q.Fix == nil:
				t.Errorf("no fix, want %q (notes %q)", c.line, q.Notes)
			case c.line != "" && q.Fix.Line != c.line:
				t.Errorf("fix %q, want %q", q.Fix.Line, c.line)
			}
			if c.line != "" && q.Fix != nil && (q.Fix.Why == "" || q.Fix.Layer < 0 || q.Fix.Layer >= len(q.Layers)) {
				t.Errorf("fix %+v: no why, or no such layer", q.Fix)
			}
			if c.unused != "" && !slicesHasText(q.Unused, c.unused) {
				t.Errorf("unused %+v, want %q named", q.Unused, c.unused)
			}
		})
	}
}

func slicesHasText(us []lang.Unused, text string) bool {
	for _, u := range us {
		if strings.Contains(u.Text, text) && u.Why != "" {
			return true
		}
	}
	return false
}

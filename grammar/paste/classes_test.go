package paste

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestOwnClasses reads models built from the paste's own classes.
func TestOwnClasses(t *testing.T) {
	block := "class Down(nn.Module):\n    def __init__(self, c_in, c_out, k=3, stride=2):\n        super().__init__()\n" +
		"        self.conv = nn.Conv2d(c_in, c_out, k, stride=stride, padding=k // 2)\n        self.bn = nn.BatchNorm2d(c_out)\n" +
		"    def forward(self, x):\n        return F.relu(self.bn(self.conv(x)))\n\n"
	// Down(3, 16): 3*16*9+16 + 32 = 480, 32 -> 16; Down(16, 32, k=5, stride=1): 16*32*25+32 + 64 = 12896, 16 -> 16
	src := block + "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.d1 = Down(3, 16)\n        self.d2 = Down(16, 32, k=5, stride=1)\n" +
		"    def forward(self, x):\n        return self.d2(self.d1(x))\nx = torch.randn(1, 3, 32, 32)"
	q, err := ParsePyTorch(src)
	if err != nil {
		t.Fatal(err)
	}
	ls := make([]calc.Layer, len(q.Layers))
	for i, l := range q.Layers {
		ls[i] = l.Layer
	}
	s, err := calc.Network{Input: q.Input, Layers: ls}.Summarize()
	if err != nil {
		t.Fatal(err)
	}
	if s.Params != 480+12896 || !s.Output.Equal(calc.Shape{32, 16, 16}) {
		t.Errorf("params %d, output %v; want 13376 and [32 16 16]", s.Params, s.Output)
	}

	// layers built under an if: refused, not guessed
	withIf := strings.Replace(block, "        self.bn =", "        if stride != 1:\n            self.pool = nn.MaxPool2d(2)\n        self.bn =", 1)
	_, err = ParsePyTorch(withIf + "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.d1 = Down(3, 16)\n")
	if err == nil || !strings.Contains(err.Error(), "under an if") {
		t.Errorf("err = %v, want a refusal naming the if", err)
	}
}

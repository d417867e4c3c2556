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

	// ResNet's BasicBlock builds its projection under an if: stride 1 with
	// the same planes keeps the identity (2304·2 + 32·2 = 4672); stride 2
	// to 32 planes projects (4608 + 64 + 9216 + 64 + 512 + 64 = 14528);
	// 19,200 and 32×16×16 as PyTorch 1.13 gives them
	basic := "class BasicBlock(nn.Module):\n    def __init__(self, in_planes, planes, stride=1):\n        super().__init__()\n" +
		"        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=3, stride=stride, padding=1, bias=False)\n        self.bn1 = nn.BatchNorm2d(planes)\n" +
		"        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=1, padding=1, bias=False)\n        self.bn2 = nn.BatchNorm2d(planes)\n" +
		"        self.shortcut = nn.Sequential()\n        if stride != 1 or in_planes != planes:\n            self.shortcut = nn.Sequential(\n" +
		"                nn.Conv2d(in_planes, planes, kernel_size=1, stride=stride, bias=False),\n                nn.BatchNorm2d(planes))\n\n" +
		"    def forward(self, x):\n        out = F.relu(self.bn1(self.conv1(x)))\n        out = self.bn2(self.conv2(out))\n        out += self.shortcut(x)\n        return F.relu(out)\n\n"
	src = basic + "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.b1 = BasicBlock(16, 16)\n        self.b2 = BasicBlock(16, 32, stride=2)\n" +
		"    def forward(self, x):\n        return self.b2(self.b1(x))\nx = torch.randn(1, 16, 32, 32)"
	if q, err = ParsePyTorch(src); err != nil {
		t.Fatal(err)
	}
	ls = ls[:0]
	for _, l := range q.Layers {
		ls = append(ls, l.Layer)
	}
	if s, err = (calc.Network{Input: q.Input, Layers: ls}).Summarize(); err != nil {
		t.Fatal(err)
	}
	if s.Params != 4672+14528 || !s.Output.Equal(calc.Shape{32, 16, 16}) {
		t.Errorf("params %d, output %v; want 19200 and [32 16 16]", s.Params, s.Output)
	}

	// a condition the paste does not settle: refused, not guessed
	withIf := strings.Replace(block, "        self.bn =", "        if self.use_pool:\n            self.pool = nn.MaxPool2d(2)\n        self.bn =", 1)
	_, err = ParsePyTorch(withIf + "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.d1 = Down(3, 16)\n")
	if err == nil || !strings.Contains(err.Error(), "condition") {
		t.Errorf("err = %v, want a refusal naming the condition", err)
	}
}

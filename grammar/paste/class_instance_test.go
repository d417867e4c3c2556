package paste

import (
	"strings"
	"testing"
)

// TestClassBuiltBelow: a class built below its definition with arguments
// is read with them (torch 1.13: BasicBlock(64, 128, 2) has 230,144
// parameters; its canonical layers show 64->128 at stride 2).
func TestClassBuiltBelow(t *testing.T) {
	src := "class BasicBlock(nn.Module):\n    def __init__(self, inp, out, stride):\n        super().__init__()\n" +
		"        self.conv1 = nn.Conv2d(inp, out, 3, stride, 1, bias=False)\n        self.bn1 = nn.BatchNorm2d(out)\n" +
		"        self.conv2 = nn.Conv2d(out, out, 3, 1, 1, bias=False)\n        self.bn2 = nn.BatchNorm2d(out)\n" +
		"        self.shortcut = nn.Sequential(nn.Conv2d(inp, out, 1, stride, bias=False), nn.BatchNorm2d(out))\n" +
		"    def forward(self, x):\n        return F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + self.shortcut(x))\n\n"
	for _, c := range []struct{ build, want string }{
		{"blk = BasicBlock(64, 128, 2)\nparams of blk?", "conv 3x3 64->128 stride 2 pad 1 nobias"},
		{"blk = BasicBlock(inp=32, out=32, stride=1)\nparams of blk?", "conv 3x3 32->32 stride 1 pad 1 nobias"},
	} {
		q, err := ParsePyTorch(src + c.build)
		if err != nil {
			t.Errorf("%q: %v", c.build, err)
			continue
		}
		if !strings.Contains(q.Canonical, c.want) {
			t.Errorf("%q: read as\n%s\nwant %q in it", c.build, q.Canonical, c.want)
		}
	}
}

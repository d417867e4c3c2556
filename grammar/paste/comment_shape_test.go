package paste

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// TestCommentShapeInput: a batched shape commented on a fragment's line
// is the tensor the layers after it take; a comment after a layer, in a
// forward, or beside an input the code builds is not read so.
func TestCommentShapeInput(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"x = emb(tokens)  # (B, 50, 300)\nx = x.permute(0, 2, 1)\ny = nn.Conv1d(300, 100, 3)(x)", "input torch.Size([1, 50, 300])"},
		{"x = wav.unsqueeze(0)   # (1, 1, 16000)\nconv = nn.Conv1d(1, 16, 80, stride=4)", "input torch.Size([1, 1, 16000])"},
		{"feats = backbone(img)  # [N, 512, 7, 7]\nhead = nn.Conv2d(512, 256, 3)", "input torch.Size([1, 512, 7, 7])"},
		{"conv = nn.Conv2d(3, 8, 3)\ny = conv(x)  # (B, 8, 30, 30)", ""},
		{"def forward(self, x):\n    e = self.emb(x)  # (B, 50, 300)\n    return self.conv(e)", ""},
		{"x = torch.randn(1, 3, 32, 32)  # (1, 3, 32, 32)\nc = nn.Conv2d(3, 8, 3)", ""},
		{"x = tokens  # (B, 50) token ids\nc = nn.Conv1d(300, 100, 3)", ""},
	} {
		got, ok := ptCommentShapeInput(c.src)
		if ok != (c.want != "") || ok && !strings.HasSuffix(strings.TrimSpace(got), c.want) {
			t.Errorf("%q: got %q (%v), want %q", c.src, got, ok, c.want)
		}
	}
}

// TestCommentShapeSized: the text-CNN fragment is sized on [300, 50]
// (torch 1.13: Conv1d(300, 100, 3) on (1, 300, 50) gives (1, 100, 48)).
func TestCommentShapeSized(t *testing.T) {
	q, err := ParsePyTorch("x = emb(tokens)          # (B, 50, 300)\nx = x.permute(0, 2, 1)\nx = nn.Conv1d(300, 100, kernel_size=3)(x)\nparams of the conv and output len?")
	if err != nil {
		t.Fatal(err)
	}
	s, err := (calc.Network{Input: q.Input, Layers: layersOf(q)}).Summarize()
	if err != nil || !s.Output.Equal(calc.Shape{100, 48}) {
		t.Errorf("output %v (%v), want [100 48]", s.Output, err)
	}
}

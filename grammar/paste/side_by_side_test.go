package paste

import (
	"testing"
)

// TestSideBySide: layers that each take the input's channels, not the one
// before's, are read one question each on the input (torch 1.13: on
// (1, 3, 64, 64), Conv2d(3, 64, 3, padding=1) at stride 1 does 7,077,888
// MACs, at stride 2 1,769,472); a chain, or no input tensor, is not split.
func TestSideBySide(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"a = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)\nb = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)\nx = torch.randn(1, 3, 64, 64)\nhow many MACs does a do on x, and b?", 2},
		{"c3 = nn.Conv1d(128, 64, 3)\nc5 = nn.Conv1d(128, 64, 5, padding=2)\nx = torch.randn(8, 128, 100)\noutput length of c3(x) and c5(x)?", 2},
		{"c1 = nn.Conv2d(3, 16, 3)\nc2 = nn.Conv2d(16, 32, 3)\nx = torch.randn(1, 3, 32, 32)\noutput of c2(c1(x))?", 0},
		{"fc_a = nn.Linear(2048, 1000)\nfc_b = nn.Linear(2048, 10)\nparams of fc_a and of fc_b?", 0},
	} {
		if got := len(allSideBySide(c.src)); got != c.want {
			t.Errorf("%q: %d questions, want %d", c.src, got, c.want)
		}
	}
	qs, err := ParseAll("a = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)\nb = nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False)\nx = torch.randn(1, 3, 64, 64)\nMACs?")
	if err != nil || len(qs) != 2 {
		t.Fatalf("%d questions (%v), want 2", len(qs), err)
	}
	for k, q := range qs {
		if !q.Input.Equal([]int{3, 64, 64}) {
			t.Errorf("question %d: input %v, want [3 64 64]", k+1, q.Input)
		}
	}
}

package grammar

import (
	"slices"
	"strings"
	"testing"
)

// TestCausalPad: the padding asked to make a conv causal is d·(k−1) on the
// left, worked beside the conv as written, not the symmetric padding that
// keeps the length (torch 1.13: Conv1d(32, 32, 3, dilation=8) on 1000
// gives 984; F.pad by 16 on the left gives 1000 back).
func TestCausalPad(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"```\nnn.Conv1d(32, 32, kernel_size=3, dilation=8)\n```\ninput len 1000 no padding, out len? and how much left padding to make it causal + same length", "= 16 on the left only"},
		{"TCN layer: nn.Conv1d(8, 8, 4, dilation=5), seq len 300. output length with no padding, and the causal left pad?", "= 15 on the left only"},
		{"nn.Conv1d(32, 32, kernel_size=3, dilation=8), input len 1000: what padding keeps the same length?", ""},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		got := slices.IndexFunc(q.Notes, func(n string) bool { return strings.Contains(n, c.want) && strings.HasPrefix(n, "causal padding") }) >= 0
		if got != (c.want != "") {
			t.Errorf("%q: notes %q, want %q", c.src, q.Notes, c.want)
		}
	}
}

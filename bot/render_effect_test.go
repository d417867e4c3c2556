package bot

import (
	"context"
	"strings"
	"testing"
)

// A yes/no question of whether a setting changes the parameters is
// answered "No" on the first line, with the count; a network with a
// Linear layer is not, since a stride there changes what reaches the
// Linear.
func TestEffectAnsweredFirst(t *testing.T) {
	for _, c := range []struct{ q, first string }{
		{"does stride affect the number of parameters? conv 3x3 3->64 stride 2",
			"Answer: No — stride does not change the learnable parameters: 1,792."},
		{"why does stride not change the param count? conv 3x3 3->64 stride 1 vs stride 2",
			"Answer: No — stride does not change the learnable parameters: 1,792 on both sides."},
		{"does padding change the number of weights? nn.Conv2d(64, 128, 3, padding=1)",
			"Answer: No — padding does not change the weights: 73,728 (73.7 k)."},
		{"input 32x32x3\nconv 3x3 3->8 stride 2\nflatten\nlinear 1800->10\ndoes the stride change the number of params?",
			"Answer: learnable parameters = 18,234"},
	} {
		text := RenderText(New(Options{}).Answer(context.Background(), c.q))
		if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, c.first) {
			t.Errorf("%q:\nfirst line %q\nwant it to start %q", c.q, first, c.first)
		}
	}
}

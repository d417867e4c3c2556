package paste

import (
	"strings"
	"testing"
)

func TestInCode(t *testing.T) {
	src := "my encoder\nself.enc = nn.Sequential(\n    nn.Conv2d(1, 16, 3),  # -> ?\n    nn.ReLU(),\n)\non mnist what are the shapes? and the params?\n" +
		" conv2d_1 (Conv2D)           (None, 13, 13, 48)        ???\n x = x.view(-1, 64 * ? * ?) what goes there"
	for _, c := range []struct {
		at   string
		code bool
	}{
		{"?\n    nn.ReLU", true}, // the comment's ?
		{"shapes?", false},       // a question's end
		{"params?", false},       //
		{"???", true},            // a summary row's count
		{"? * ?)", true},         // inside x.view(...)
		{"my encoder", false},    // words
		{"nn.ReLU()", true},      // a layer inside the Sequential
	} {
		off := strings.Index(src, c.at)
		if off < 0 {
			t.Fatalf("%q not in src", c.at)
		}
		if got := InCode(src, off); got != c.code {
			t.Errorf("InCode at %q = %v, want %v", c.at, got, c.code)
		}
	}
}

package paste

import "testing"

func TestLooseKeys(t *testing.T) {
	for src, want := range map[string]string{
		"Conv3d(64,128,kernel 3x3x3, padding 1)":          "conv3d 3x3x3 64->128 pad 1 bias",
		"nn.Conv2d(3, 64, kernel 7, stride 2, padding 3)": "conv 7x7 3->64 stride 2 pad 3 bias",
	} {
		q, err := ParsePyTorch(src)
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if q.Canonical != want {
			t.Errorf("Parse(%q) = %q, want %q", src, q.Canonical, want)
		}
	}
}

package english

import "testing"

func TestUpConvRead(t *testing.T) {
	for src, want := range map[string]string{
		"unet decoder: the first up-conv is a 2x2 transposed conv with stride 2 going from 1024 to 512 channels. params?": "deconv 2x2 1024->512 stride 2 bias",
		"up conv 2x2 stride 2, 512 -> 256 channels: params incl bias":                                                     "deconv 2x2 512->256 stride 2 bias",
		"300x300 rgb input, first hidden layer is a conv layer with 100 filters each 5x5. params?":                        "conv 5x5 3->100 bias input 300x300",
	} {
		q, err := ParseEnglish(src)
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if q.Canonical != want {
			t.Errorf("Parse(%q) = %q, want %q", src, q.Canonical, want)
		}
	}
}

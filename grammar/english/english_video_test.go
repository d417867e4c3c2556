package english

import "testing"

// TestVideoConv: a conv over a clip, a video or a scan, with a kernel of
// three small sides, is 3-D; a 3x3x3 filter on an image spans 3 channels.
func TestVideoConv(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"c3d first conv: 3->64 3x3x3 pad 1 on a 16x112x112 clip. how many MACs?", "conv3d 3x3x3 3->64 pad 1 bias input 16x112x112"},
		{"conv 3x3x3, 64 filters, on a 16x112x112x3 video clip: output shape?", "conv3d 3x3x3 3->64 bias input 16x112x112"},
		{"a 3x3x3 conv with 32 filters on a 1x64x64x64 MRI volume, padding 1: params?", "conv3d 3x3x3 1->32 pad 1 bias input 64x64x64"},
		{"conv3d 3x3x3 with 64 filters on a 3x16x112x112 input: output shape?", "conv3d 3x3x3 3->64 bias input 16x112x112"},
		{"a conv with 16 3x3x3 filters on a 32x32x3 image: params?", "conv 3x3 3->16 bias input 32x32"},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
	}
}

package english

import (
	"slices"
	"testing"
)

// TestUnsharedVolume: a conv asked without weight sharing from its volume
// of neurons alone takes the volume's height and width as its input,
// padded 'same', and asks the total connections, not the shared count.
func TestUnsharedVolume(t *testing.T) {
	for _, c := range []struct {
		src, want string
		asked     []string
	}{
		{"conv1 has 55x55x96 neurons, each looking at 11x11x3 input. if we didn't use parameter sharing how many params would conv1 have?", "conv 11x11 3->96 pad same bias input 55x55", []string{"total connections"}},
		{"55x55x96 neurons each with 11x11x3 weights + bias, without weight sharing how many params total", "conv 11x11 3->96 pad same bias input 55x55", []string{"total connections"}},
		{"a conv layer has 13x13x384 neurons, each looking at 3x3x256. how many params if it did not use parameter sharing?", "conv 3x3 256->384 pad same bias input 13x13", []string{"total connections"}},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
		if !slices.Equal(q.Asked, c.asked) {
			t.Errorf("%q: asked %v, want %v", c.src, q.Asked, c.asked)
		}
		if len(q.Unused) > 0 {
			t.Errorf("%q: unused %v, want none: the volume is used", c.src, q.Unused)
		}
	}
}

// TestUnsharedVolumeKeepsInput: an input said is the conv's own; the
// volume does not stand in for it.
func TestUnsharedVolumeKeepsInput(t *testing.T) {
	q, err := ParseEnglish("conv layer with 96 11x11 filters on 227x227x3 stride 4, without parameter sharing how many params")
	if err != nil {
		t.Fatal(err)
	}
	if want := "conv 11x11 3->96 stride 4 bias input 227x227"; q.Canonical != want {
		t.Errorf("read as %q, want %q", q.Canonical, want)
	}
}

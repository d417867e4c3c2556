package english

import (
	"slices"
	"testing"
)

// TestNeuronVolume: CS231n's "55x55x96 neurons, each looking at 11x11x3"
// is a conv of 96 11×11 filters over 3 channels; the volume's height and
// width, and its product, are named as not used, with why.
func TestNeuronVolume(t *testing.T) {
	for _, c := range []struct {
		src    string
		want   string
		unused []string
	}{
		{"cs231n says conv1 has 55x55x96 = 290,400 neurons each looking at 11x11x3. with parameter sharing how many params (bias incl)?", "conv 11x11 3->96 bias", []string{"55", "55", "290,400"}},
		{"55x55x96 output neurons, each connected to an 11x11x3 patch of the input: params with weight sharing?", "conv 11x11 3->96 bias", []string{"55", "55"}},
		{"each neuron looks at 5x5x3 and there are 32x32x12 neurons. how many params with parameter sharing", "conv 5x5 3->12 bias", []string{"32", "32"}},
	} {
		q, err := ParseEnglish(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if q.Canonical != c.want {
			t.Errorf("%q: read as %q, want %q", c.src, q.Canonical, c.want)
		}
		var got []string
		for _, u := range q.Unused {
			if u.Why == "" {
				t.Errorf("%q: %s not used, with no why", c.src, u.Text)
			}
			got = append(got, u.Text)
		}
		if !slices.Equal(got, c.unused) {
			t.Errorf("%q: unused %v, want %v", c.src, got, c.unused)
		}
	}
}

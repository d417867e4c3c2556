package english

import (
	"slices"
	"testing"
)

// TestAskerReadings checks the readings of english_formula.go,
// english_fc.go, english_factors.go, english_groups.go, english_memory.go
// and english_outpad.go: the restatement each question is read as, and the
// numbers it names as not used, with why.
func TestAskerReadings(t *testing.T) {
	for _, c := range []struct {
		name, q, want string
		unused        []string
	}{
		{"letters and guesses", "W=63 F=3 P=0 S=2 thats 31? or 30", "conv 3x3 1->1 stride 2 pad 0 bias input 63x63", []string{"31", "30"}},
		{"Ng's n", "n=28, f=5, s=1, p=0: output size?", "conv 5x5 1->1 stride 1 pad 0 bias input 28x28", nil},
		{"maxpool2", "maxpool2 on 27 gives 13.5 so 14?", "maxpool 2x2 input 27x27x1", []string{"14"}},
		{"same beside a pad", "stride 1, pad 3, same A_prev of 5x7 and 3x3 filters: what n_H, n_W?", "conv 3x3 1->1 stride 1 pad 3 bias input 5x7", nil},
		{"factors", "1x1 conv taking 13x13x512 to 13x13x255 (3 anchors x 85), params", "conv 1x1 512->255 bias input 13x13", []string{"3", "85"}},
		{"after dense", "Dense(64) right after a Dense(256), params?", "linear 256->64 bias", nil},
		{"ends", "dense layer going from 512 to 10, params", "linear 512->10 bias", nil},
		{"part of the channels", "256 filters of 5x5, each filter only sees 48 of the 96 channels, params?", "conv 5x5 96->256 groups 2 bias", []string{"48"}},
		{"flops as 2", "FLOPs of a 1x1 conv from 14x14x512 to 14x14x128, counting a multiply and an add as 2 FLOPs", "conv 1x1 512->128 bias input 14x14", []string{"2"}},
		{"wide and tall", "a 1x2 kernel, one filter, on an image 400 pixels wide and 300 tall, single channel: MACs?", "conv 1x2 1->1 bias input 300x400", nil},
		{"region", "the conv output is 55x55x96 and each neuron looks at an 11x11x3 region of the 227x227x3 input: params without sharing?", "conv 11x11 3->96 stride 4 bias input 227x227", nil},
		{"same at a stride", "output of a conv with 32 filters, same padding, stride 2, on a 64x64 input: bytes?", "identity input 32x32x32", []string{"64", "64", "2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			q, err := ParseEnglish(c.q)
			if err != nil {
				t.Fatalf("%q: %v", c.q, err)
			}
			if q.Canonical != c.want {
				t.Errorf("%q read as %q, want %q", c.q, q.Canonical, c.want)
			}
			var got []string
			for _, u := range q.Unused {
				if u.Why == "" {
					t.Errorf("%s named as not used without why", u.Text)
				}
				got = append(got, u.Text)
			}
			for _, u := range c.unused {
				if !slices.Contains(got, u) {
					t.Errorf("%q: %s not named as not used (named: %v)", c.q, u, got)
				}
			}
		})
	}
}

// TestOutpadSolved checks the output padding found for the output wanted,
// and the refusal when the sizes are not said.
func TestOutpadSolved(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int64
	}{
		{"ConvTranspose2d k3 s2 padding=1 on 16x16, i want 32 out, what output_padding", []int64{1}},
		{"what output_padding gives 64x64 from 32x32 with a transposed conv, 4x4 kernel, stride 2, pad 1?", []int64{0}},
		{"transposed conv k5 s3 p1 on 10x10, I want 30x30 out, what output_padding", []int64{0}},
		{"transposed conv k3 s2 p1 on 10x10, what output_padding gives 25x25?", nil},
	} {
		q, err := ParseEnglish(c.q)
		if err != nil || q.Solve == nil {
			t.Errorf("%q: %v, no solve", c.q, err)
			continue
		}
		if !slices.Equal(q.Solve.Solutions, c.want) {
			t.Errorf("%q: output padding %v, want %v", c.q, q.Solve.Solutions, c.want)
		}
	}
	if _, err := ParseEnglish("what output_padding for a deconv 4x4 stride 2 pad 1?"); err == nil {
		t.Error("an output padding asked without the sizes was answered")
	}
}

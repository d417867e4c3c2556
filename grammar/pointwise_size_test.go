package grammar

import (
	"slices"
	"testing"
)

// Phrasings that set a standard conv against its depthwise separable kind
// with the parts' kernels written out, after the MobileNet threads
// ("depthwise(3x3) + pointwise(1x1)"). Counts without biases: standard
// K·K·Cin·Cout, separable K·K·Cin + Cin·Cout (nn.Conv2d(Cin, Cin, K,
// groups=Cin, bias=False) then nn.Conv2d(Cin, Cout, 1, bias=False) in
// torch 1.13).
func TestPointwiseSize(t *testing.T) {
	tests := []struct {
		src  string
		want []int64 // plain, separable
	}{
		{"standard conv vs depthwise(3x3) + pointwise(1x1): 32 -> 64 channels with a 3x3 kernel, no bias. params for each?", []int64{18432, 2336}},
		{"normal 5x5 conv 16->32 compared to a 5x5 depthwise then 1x1 pointwise, biases off: how many weights each?", []int64{12800, 912}},
		{"mobilenet style: depthwise 3x3 + pointwise 1x1 vs a regular 3x3 conv, 128 in 256 out, no bias. parameter counts?", []int64{294912, 33920}},
		{"how many params does a regular 3x3 conv from 256 to 256 channels have vs dw 3x3 + pw 1x1, ignoring biases", []int64{589824, 67840}},
		{"depthwise separable (3x3 depthwise, then 1x1 pointwise) versus standard 3x3 conv for 64->64 channels, no biases. params each?", []int64{36864, 4672}},
		{"separable vs a normal conv, 3x3, 128->128, bias=False: the normal one's params vs depthwise(3x3)+pointwise(1x1)?", []int64{147456, 17536}},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 2 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			var got []int64
			for _, q := range qs {
				reps, ok := computed(q)
				if !ok || len(reps) == 0 {
					t.Fatalf("%s does not size", q.Canonical)
				}
				n := reps[0].Params
				if q.Network {
					s, err := summarize(q)
					if err != nil {
						t.Fatal(err)
					}
					n = s.Params
				}
				got = append(got, n)
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("params %v, want %v (%s | %s)", got, tt.want, qs[0].Canonical, qs[1].Canonical)
			}
		})
	}
}

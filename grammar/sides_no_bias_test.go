package grammar

import "testing"

// TestSidesUnbiased takes the bias off both sides when "no bias" is said
// once after both, and leaves a follow-up that asks without bias alone.
func TestSidesUnbiased(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []int64 // each side's parameters
	}{
		{"256 ch in. plain 3x3 conv 256->256 vs bottleneck 1x1 256->64, 3x3 64->64, 1x1 64->256. no bias. params of each?", []int64{589824, 69632}},
		{"5x5 conv 64->64 vs two 3x3 convs 64->64; no biases. params?", []int64{102400, 73728}},
		{"conv 3x3 32->64 vs conv 5x5 32->64 with bias, params?", []int64{18496, 51264}},
	} {
		qs, err := ParseAll(c.src)
		if err != nil || len(qs) != len(c.want) {
			t.Errorf("%q: %d questions (%v), want %d", c.src, len(qs), err, len(c.want))
			continue
		}
		for i, q := range qs {
			if got := paramsOf(q); got != c.want[i] {
				t.Errorf("%q: side %d has %d parameters, want %d", c.src, i+1, got, c.want[i])
			}
		}
	}
}

// paramsOf is the parameters of q's layers, counted each on its own.
func paramsOf(q *Question) int64 {
	var n int64
	for _, l := range q.Layers {
		r, err := l.Layer.Apply(nil)
		if err == nil {
			n += r.Params
		}
	}
	return n
}

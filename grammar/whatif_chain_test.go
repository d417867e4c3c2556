package grammar

import "testing"

// TestWhatIfChained answers a what-if and each further change after it,
// each on the setup as changed before it; a further part that says no
// setting leaves the message to the other readings.
func TestWhatIfChained(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // each question's canonical reading; nil: not read so
	}{
		{"conv 3x3 pad 1 on 28x28 keeps 28, what if stride 2? and on a 7x7 input with stride 2",
			[]string{"conv 3x3 1->1 stride 2x2 pad 1 bias input 28x28", "conv 3x3 1->1 stride 2x2 pad 1 bias input 7x7"}},
		{"if I take a 5x5 conv with padding 2 on a 128x128 input, stride 1 keeps 128. what if I change the stride to 2? and stride 3?",
			[]string{"conv 5x5 1->1 stride 2x2 pad 2 bias input 128x128", "conv 5x5 1->1 stride 3x3 pad 2 bias input 128x128"}},
		{"3x3 conv, padding 1, 40x40 input keeps 40x40, right? what if I use stride 2? and stride 4?",
			[]string{"conv 3x3 1->1 stride 2x2 pad 1 bias input 40x40", "conv 3x3 1->1 stride 4x4 pad 1 bias input 40x40"}},
		{"conv 3x3 pad 1 on 28x28 keeps 28, what if stride 2? and how many params?", nil},
		{"conv 3x3 16->32 on 28x28, params?", nil},
	} {
		qs := whatIfChained(c.src)
		if len(qs) != len(c.want) {
			t.Errorf("%q: %d questions, want %d", c.src, len(qs), len(c.want))
			continue
		}
		for i, q := range qs {
			if q.Canonical != c.want[i] {
				t.Errorf("%q: question %d read as %q, want %q", c.src, i+1, q.Canonical, c.want[i])
			}
		}
	}
}

// TestSetupRead reads a setup that only states the asker's result as
// asking its output size.
func TestSetupRead(t *testing.T) {
	q, err := setupRead("conv 3x3 pad 1 on 56x56 .", []string{"56"})
	if err != nil || q.Canonical != "conv 3x3 1->1 pad 1 bias input 56x56" {
		t.Errorf("got %v, %v", q, err)
	}
	if _, err := setupRead("conv 3x3 pad 1 on 56x56 .", nil); err == nil {
		t.Errorf("no claim: the setup should not read")
	}
}

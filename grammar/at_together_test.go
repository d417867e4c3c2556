package grammar

import "testing"

// TestAtTogether marks several layers named and asked together, and
// lists a pool named beside convs as one of them.
func TestAtTogether(t *testing.T) {
	for _, c := range []struct {
		src      string
		at       int
		together bool
	}{
		{"vgg16: how many activation values for conv1_1 + conv1_2 + pool1 together?", 3, true},
		{"vgg16 output sizes of conv1_1, conv1_2 and pool1?", 3, false},
		{"params of conv1_1 and conv1_2 in vgg16 combined?", 2, true},
		{"params of conv1_1 and conv1_2 in vgg16?", 2, false},
	} {
		q, err := Parse(c.src)
		if err != nil || len(q.At) != c.at || q.AtTogether != c.together {
			t.Errorf("%q: %d places, together %v (%v); want %d, %v", c.src, len(q.At), q.AtTogether, err, c.at, c.together)
		}
	}
}

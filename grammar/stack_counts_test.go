package grammar

import "testing"

// TestRepeatCounts reads the counts of repeats from a reading's notes,
// and no other number.
func TestRepeatCounts(t *testing.T) {
	q := &Question{Notes: []string{"read as 5 blocks of 2 layers", "read as the layer applied 4 times, one after the other",
		"3 identical layers, one after the other", "the input's channels were not given: 1 assumed", "64 read as the number of filters"}}
	vals := map[float64]bool{}
	repeatCounts(q, vals)
	for _, want := range []float64{5, 4, 3} {
		if !vals[want] {
			t.Errorf("count %v not read from the notes", want)
		}
	}
	if vals[2] || vals[64] {
		t.Errorf("read a number that counts no repeat: %v", vals)
	}
}

// TestBlockCountUsed answers a stack of blocks without naming its count
// as a number not used.
func TestBlockCountUsed(t *testing.T) {
	for _, src := range []string{
		"5 blocks of [conv3x3 p1, maxpool 2] on 128x128, output size?",
		"apply a 3x3 conv with stride 2 and padding 1 seven times to a 512x512 image, what size comes out",
	} {
		q, err := Parse(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, u := range q.Unused {
			t.Errorf("%q: %s named as not used (%s)", src, u.Text, u.Why)
		}
	}
}

package grammar

import (
	"slices"
	"testing"
)

// TestRepeatCounts reads the counts of repeats from the reading's
// Repeats, and no other number: a note's wording is no count.
func TestRepeatCounts(t *testing.T) {
	q := &Question{Repeats: []int{5, 4}, Notes: []string{"read as 3 blocks of 2 layers", "64 read as the number of filters"}}
	vals := map[float64]bool{}
	repeatCounts(q, vals)
	for _, want := range []float64{5, 4} {
		if !vals[want] {
			t.Errorf("count %v not read from Repeats", want)
		}
	}
	if vals[2] || vals[3] || vals[64] {
		t.Errorf("read a number that counts no repeat: %v", vals)
	}
}

// TestRepeatsSet checks that the English readings which unroll a count
// hand it over in Repeats.
func TestRepeatsSet(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"5 blocks of [conv3x3 p1, maxpool 2] on 128x128, output size?", 5},
		{"apply a 3x3 conv with stride 2 and padding 1 seven times to a 512x512 image, what size comes out", 7},
		{"three 3x3 convs with 16 filters on a 32x32x3 input, params?", 3},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if !slices.Contains(q.Repeats, c.want) {
			t.Errorf("%q: Repeats = %v, want %d among them", c.src, q.Repeats, c.want)
		}
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

package grammar

import (
	"strings"
	"testing"
)

// TestStackSides reads a stack set against one layer as two designs, each
// with what the message says around the comparison.
func TestStackSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string // canonical of each side
	}{
		{"if i use 2 3x3 conv layers instead of one 5x5, how many params do i save with 64 channels in and out?",
			"conv 3x3 64->64 bias\nconv 3x3 64->64 bias", "conv 5x5 64->64 bias"},
		{"5x5 with 64->64 vs two 3x3?",
			"conv 5x5 64->64 bias", "conv 3x3 64->64 bias\nconv 3x3 64->64 bias"},
		{"How many parameters does a stack of three 3x3 conv layers have compared to a single 7x7 layer, with 32 channels in and out, no bias?",
			"conv 3x3 32->32 nobias\nconv 3x3 32->32 nobias\nconv 3x3 32->32 nobias", "conv 7x7 32->32 nobias"},
	} {
		qs, err := ParseAll(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			var got []string
			for _, q := range qs {
				got = append(got, q.Canonical)
			}
			t.Errorf("%q: read as %q, want %q and %q", c.src, got, c.one, c.two)
		}
	}
}

// TestStackSidesNeedAStack leaves a comparison of single layers to the
// readers of what-ifs and versus.
func TestStackSidesNeedAStack(t *testing.T) {
	if qs := stackSides("a 3x3 conv instead of a 5x5 conv, 64 channels in and out"); qs != nil {
		t.Errorf("read as a stack comparison: %v", qs)
	}
}

// TestSplicePositions maps a position in a spliced text back to the
// message it was made from.
func TestSplicePositions(t *testing.T) {
	src := "two 3x3 convs instead of a 5x5, 64 channels"
	s := splice(src, []edit{{span{0, 13}, "a 5x5 conv"}, {span{13, 30}, ""}})
	if s.text != "a 5x5 conv, 64 channels" {
		t.Fatalf("spliced %q", s.text)
	}
	at := strings.Index(s.text, "64")
	got := s.position(offsetPosition(s.text, at))
	if want := offsetPosition(src, strings.Index(src, "64")); got != want {
		t.Errorf("64 at %v in the message, want %v", got, want)
	}
}

// TestSettingSides asks a question with a setting given two values once
// with each, and leaves a setting and a count alone.
func TestSettingSides(t *testing.T) {
	for _, c := range []struct {
		src      string
		one, two string
	}{
		{"a 3x3 conv from 64 to 128 channels, once with groups=1 and once with groups=4: params?", "conv 3x3 64->128 groups 1 bias", "conv 3x3 64->128 groups 4 bias"},
		{"params of a 5x5 conv 32->64 with and without bias", "conv 5x5 32->64 bias", "conv 5x5 32->64 nobias"},
	} {
		qs := settingSides(c.src)
		if len(qs) != 2 || qs[0].Canonical != c.one || qs[1].Canonical != c.two {
			t.Errorf("%q: read as %v, want %q and %q", c.src, qs, c.one, c.two)
		}
	}
	if qs := settingSides("conv 3x3 32->64 stride 2 and 64 filters"); qs != nil {
		t.Errorf("a stride and a filter count read as two strides")
	}
}

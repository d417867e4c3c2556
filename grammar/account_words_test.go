package grammar

import (
	"testing"

	"github.com/cnnbot/cnnbot/grammar/english"
)

// TestWordValue reads numbers written as words, and rejects runs of words
// that are not one number.
func TestWordValue(t *testing.T) {
	for s, want := range map[string]int64{
		"sixty four": 64, "sixty-four": 64, "thirty two": 32, "sixteen": 16, "one hundred and twenty eight": 128,
		"two hundred fifty six": 256, "five hundred twelve": 512, "ten": 10, "one thousand twenty four": 1024,
	} {
		if got := english.WordNumbers(s); len(got) != 1 || got[0].Value != want {
			t.Errorf("%q: %+v, want %d", s, got, want)
		}
	}
	for _, s := range []string{"five six", "sixty seventy", "sixteen four"} {
		if got := english.WordNumbers(s); len(got) == 1 {
			t.Errorf("%q read as one number, %d", s, got[0].Value)
		}
	}
}

// TestWordNumbersAccounted: a number written as words that the reading
// leaves out is left out, as its digits would be.
func TestWordNumbersAccounted(t *testing.T) {
	q := &Question{}
	u := account("conv layer with sixty four 3x3 filters on a thirty two channel input", q, map[float64]bool{3: true, 64: true})
	var left []string
	for _, x := range u {
		if x.Why == "" {
			left = append(left, x.Text)
		}
	}
	if len(left) != 1 || left[0] != "thirty two" {
		t.Errorf("left unexplained %q, want [thirty two]", left)
	}
}

package english

import (
	"slices"
	"testing"
)

// Fully connected layers written pair by pair are one layer a pair; a
// chain of sizes keeps a layer of equal sizes.
func TestPairedSizes(t *testing.T) {
	tests := []struct {
		src  string
		want []int
	}{
		{"fc 400->120 -> 120->84 -> 84->10", []int{400, 120, 84, 10}},
		{"fc 512 -> 128 -> 128 -> 10", []int{512, 128, 128, 10}},
		{"fc 400->120->120->84", []int{400, 120, 120, 84}},
	}
	for _, tt := range tests {
		toks, _ := enLex(tt.src)
		r := &enReader{toks: toks}
		var nums, sizes []int
		for i, k := range toks {
			if k.kind == 'n' {
				nums, sizes = append(nums, i), append(sizes, int(k.num))
			}
		}
		if got := r.pairedSizes(nums, sizes); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.src, got, tt.want)
		}
	}
}

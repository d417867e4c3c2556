package english

import "testing"

// TestPerGroupCount reads how many convs each level of a stack holds,
// and nothing from other counts.
func TestPerGroupCount(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"4 levels, each residual block has 2 dilated causal convs", 2},
		{"every stage contains three 3x3 convs", 3},
		{"dilations 1, 2, 4 with 2 convs per level", 2},
		{"two 3x3 convs in each block", 2},
		{"16 with 2 convs per level", 2},
		{"each block is followed by a pool", 0},
		{"3 blocks of 2 layers", 0},
	} {
		if got, _ := perGroupCount(c.src); got != c.want {
			t.Errorf("perGroupCount(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}

// TestBlockCount reads the count of a bracketed block before or after
// it, and no other number.
func TestBlockCount(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"[conv 3x3 -> maxpool 2] x3", 3},
		{"[conv 3x3 -> maxpool 2] x 4 on 128x128", 4},
		{"[conv, pool] repeated 5 times", 5},
		{"4 blocks of [conv 3x3 -> pool 2]", 4},
		{"3 x [conv, pool]", 3},
		{"[conv 3x3 -> maxpool 2] on 64x64", 0},
		{"a tensor [16, 64, 7, 7] then conv", 0},
	} {
		toks, err := enLex(c.src)
		if err != nil {
			t.Fatal(err)
		}
		r := &enReader{src: c.src, toks: toks}
		got := 0
		if lb, rb := r.bracketSpan(); lb >= 0 {
			got, _ = r.blockCount(lb, rb)
		}
		if got != c.want {
			t.Errorf("blockCount(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}

// TestCommaList takes three values or more joined by commas as a list,
// unless a count of layers said disagrees.
func TestCommaList(t *testing.T) {
	for _, c := range []struct {
		list []int
		want int
		ok   bool
	}{
		{[]int{1, 2, 4, 8}, 0, true},
		{[]int{1, 2, 4, 8}, 4, true},
		{[]int{1, 2, 4, 8}, 3, false},
		{[]int{2, 64}, 0, false},
	} {
		if got := commaList(c.list, c.want); got != c.ok {
			t.Errorf("commaList(%v, %d) = %v, want %v", c.list, c.want, got, c.ok)
		}
	}
}

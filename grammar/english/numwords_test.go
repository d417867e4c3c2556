package english

import "testing"

// TestNumberWords reads numbers written in words, as students type them.
func TestNumberWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int64 // the numbers read, in order
	}{
		{"sixty-four filters", []int64{64}},
		{"sixty four filters", []int64{64}},
		{"a hundred and twenty-eight units", []int64{128}},
		{"two hundred fifty-six channels", []int64{256}},
		{"one thousand twenty four inputs", []int64{1024}},
		{"ninety-nine by ninety-nine", nil}, // one size, below
		{"two 3x3 convs", []int64{2}},
		{"one two three", []int64{1, 2, 3}},
		{"twenty twenty", []int64{20, 20}},
		{"a filter", nil},
		{"hundred filters", []int64{100}},
		{"sixty, four", []int64{60, 4}},
		{"thirty-two then sixty-four", []int64{32, 64}},
	} {
		toks, err := enLex(c.text)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		var got []int64
		for _, tk := range toks {
			if tk.kind == 'n' {
				got = append(got, tk.num)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: read %v, want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: read %v, want %v", c.text, got, c.want)
			}
		}
	}
	for _, c := range []struct {
		text string
		want []int
	}{
		{"ninety-nine by ninety-nine", []int{99, 99}},
		{"five by five", []int{5, 5}},
		{"3-by-3", []int{3, 3}},
		{"three-by-three", []int{3, 3}},
		{"fifty-six by fifty-six by sixty-four", []int{56, 56, 64}},
	} {
		toks, _ := enLex(c.text)
		if len(toks) != 1 || toks[0].kind != 's' || len(toks[0].dims) != len(c.want) {
			t.Errorf("%q: read %+v, want the size %v", c.text, toks, c.want)
			continue
		}
		for i, d := range toks[0].dims {
			if d != c.want[i] {
				t.Errorf("%q: read %v, want %v", c.text, toks[0].dims, c.want)
			}
		}
	}
}

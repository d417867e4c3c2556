package paste

import (
	"testing"
)

// TestArithmetic evaluates arguments as Python does (each result worked
// in Python 3).
func TestArithmetic(t *testing.T) {
	env := map[string]ptValue{"n_feat": {Kind: ptInt, Int: 64}, "hidden": {Kind: ptTuple, Items: []ptValue{{Kind: ptInt, Int: 32}, {Kind: ptInt, Int: 128}}}}
	cases := []struct {
		src  string
		want int64
	}{
		{"16 * 5 * 5", 400},
		{"int(32*32/4)", 256},
		{"128 * (64 // 8) * (64 // 8)", 8192},
		{"64 * 2**4", 1024},
		{"-2**2 + 10", 6},      // ** binds tighter than the sign
		{"2**3**2", 512},       // and groups to the right
		{"7 % 4 + 10 // 3", 6}, // 3 + 3
		{"n_feat * 2", 128},
		{"hidden[1] - hidden[0]", 96},
		{"hidden[-1]", 128},
		{"int(128 * (224 / 32) ** 2)", 6272},
		{"len(hidden) * 10", 20},
		{"max(3, 7, 5)", 7},
		{"round(2.5) + round(3.5)", 6}, // banker's rounding, as Python's
		{"(3 + 4) * -2", -14},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			f, err := ptParseTree("f(" + c.src + ")")
			if err != nil {
				t.Fatal(err)
			}
			v, err := ptEval(f.Nodes[0].Calls[0].Nodes, env)
			if err != nil {
				t.Fatal(err)
			}
			if v.Kind != ptInt || v.Int != c.want {
				t.Errorf("%s = %s, want %d", c.src, ptDescribe(v), c.want)
			}
		})
	}
}

// TestArithmeticErrors: what cannot be worked out is an error at the
// argument, not a guess.
func TestArithmeticErrors(t *testing.T) {
	for _, src := range []string{"3 +", "* 4", "10 // 0", "unknown_name * 4", "int('a')"} {
		f, err := ptParseTree("f(" + src + ")")
		if err != nil {
			continue // refused earlier: fine
		}
		v, err := ptEval(f.Nodes[0].Calls[0].Nodes, nil)
		if err == nil && v.Kind == ptInt {
			t.Errorf("%s = %d, want an error", src, v.Int)
		}
	}
}

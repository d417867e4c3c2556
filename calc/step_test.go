package calc_test

import (
	"strconv"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

func TestSubstitute(t *testing.T) {
	vals := []calc.Binding{{Name: "C", Value: 3}, {Name: "Cin", Value: 1000}, {Name: "H", Value: 56}, {Name: "k2", Value: 5}, {Name: "γ", Value: 7}, {Name: "p", Value: -1}}
	format := func(n int64) string { return "<" + strconv.FormatInt(n, 10) + ">" }
	for _, c := range []struct{ formula, want string }{
		{"KH·KW·Cin", "KH·KW·<1000>"},
		{"C·H·W", "<3>·<56>·W"},
		{"floor((H + 2·p − k) / s) + 1", "floor((<56> + 2·<-1> − k) / s) + 1"},
		{"k2·k", "<5>·k"},
		{"2·γ + Cx", "2·<7> + Cx"},
		{"Cγ + 2p + C_", "Cγ + 2p + C_"},
		{"", ""},
		{"Cin", "<1000>"},
	} {
		if got := calc.Substitute(c.formula, vals, format); got != c.want {
			t.Errorf("Substitute(%q) = %q, want %q", c.formula, got, c.want)
		}
	}
}

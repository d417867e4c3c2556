package bot

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

func TestSubstitute(t *testing.T) {
	vals := []calc.Binding{{Name: "C", Value: 3}, {Name: "Cin", Value: 1000}, {Name: "H", Value: 56}, {Name: "k2", Value: 5}, {Name: "γ", Value: 7}}
	for _, c := range []struct{ formula, want string }{
		{"KH·KW·Cin", "KH·KW·1,000"},
		{"C·H·W", "3·56·W"},
		{"floor((H + 2·p − k) / s) + 1", "floor((56 + 2·p − k) / s) + 1"},
		{"k2·k", "5·k"},
		{"2·γ + Cx", "2·7 + Cx"},
		{"", ""},
		{"Cin", "1,000"},
	} {
		var b strings.Builder
		substitute(&b, c.formula, vals)
		if b.String() != c.want {
			t.Errorf("substitute(%q) = %q, want %q", c.formula, b.String(), c.want)
		}
	}
}

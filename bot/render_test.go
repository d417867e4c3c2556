package bot

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

func TestGroup(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {18496, "18,496"}, {100000, "100,000"},
		{1234567, "1,234,567"}, {-1, "−1"}, {-1000, "−1,000"},
		{math.MaxInt64, "9,223,372,036,854,775,807"}, {math.MinInt64, "−9,223,372,036,854,775,808"},
	} {
		if got := group(c.n); got != c.want {
			t.Errorf("group(%d) = %q, want %q", c.n, got, c.want)
		}
		var b strings.Builder
		writeGroup(&b, c.n)
		if b.String() != c.want {
			t.Errorf("writeGroup(%d) wrote %q, want %q", c.n, b.String(), c.want)
		}
	}
}

func TestJSONShapes(t *testing.T) {
	var b jsonShapes
	var got []jsonShape
	var want []string
	// Enough shapes to outgrow the first buffer: earlier ones must stay put.
	for i := range 300 {
		got = append(got, b.of(calc.Shape{i, 28, 28}), b.of(calc.Shape{0, 7}), b.of(nil), b.of(calc.Shape{0}))
		want = append(want, fmt.Sprintf("[%d,28,28]", i), "[null,7]", "null", "[0]")
	}
	want[0] = "[null,28,28]" // a channel count of 0 is unknown
	for i, s := range got {
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want[i] {
			t.Fatalf("shape %d encodes as %s, want %s", i, out, want[i])
		}
	}
}

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

// TestEchoed checks the compact echo of a long question against the
// plain reading of its rule: the first compactLines lines, or for "show"
// as many as fit in 1,300 bytes.
func TestEchoed(t *testing.T) {
	for _, show := range []bool{false, true} {
		for n := 1; n < 200; n += 7 {
			for _, width := range []int{3, 40, 150} {
				lines := make([]string, n)
				for i := range lines {
					lines[i] = strings.Repeat(string(rune('a'+i%26)), width)
				}
				q := &grammar.Question{Canonical: strings.Join(lines, "\n")}
				if show {
					q.Asked = []string{"preset", "x"}
				}
				keep := len(lines)
				if len(lines) > compactLines+2 {
					keep = compactLines
					if show {
						for m := 0; keep < len(lines) && m+len(lines[keep]) < 1300; keep++ {
							m += len(lines[keep]) + 1
						}
					}
				}
				wantText, wantMore := strings.Join(lines[:keep], "\n"), len(lines)-keep
				text, more := echoed(q)
				if text != wantText || more != wantMore {
					t.Errorf("show=%v, %d lines of %d: echoed %d bytes and %d more, want %d bytes and %d more", show, n, width, len(text), more, len(wantText), wantMore)
				}
			}
		}
	}
}

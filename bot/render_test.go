package bot

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar"
)

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

// TestFlattenedUnknownChannels checks that a size whose channels are
// unknown ("maxpool 2x2 on 13x13") names no count of values: 0 would be
// a wrong number.
func TestFlattenedUnknownChannels(t *testing.T) {
	if got := flattened(calc.Shape{0, 6, 6}); got != "" {
		t.Errorf("flattened(0×6×6) = %q, want none", got)
	}
	if got := flattened(calc.Shape{4, 5, 5}); !strings.Contains(got, "100 values") {
		t.Errorf("flattened(4×5×5) = %q, want 100 values", got)
	}
}

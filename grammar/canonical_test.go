package grammar

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// sized describes what calc makes of q's layers — per layer its kind,
// counts, output, MACs and window — so two questions can be compared by
// meaning rather than by how their settings are stored ([3] or [3, 3]).
func sized(q *Question) string {
	net := calc.Network{Input: q.Input}
	for _, l := range q.Layers {
		net.Layers = append(net.Layers, l.Layer)
	}
	s, err := net.Summarize()
	out := fmt.Sprintf("input %v", q.Input)
	for _, r := range s.Rows {
		out += fmt.Sprintf("\n%s w%d b%d p%d c%d out%v macs%d win%v", r.Kind, r.Weights, r.Biases, r.Params, r.Connections, r.Output, r.MACs, r.Window)
	}
	if err != nil {
		out += "\nerror " + err.Error()
	}
	return out
}

// TestCanonicalReadsBack: whatever front-end read a question, the
// "understood as" restatement it echoes is itself a question in the spec
// language that means the same layers, so a student can correct a
// misreading by editing it. The questions are those of
// testdata/phrasings.jsonl.
func TestCanonicalReadsBack(t *testing.T) {
	f, err := os.Open("../testdata/phrasings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		t.Run(row.ID, func(t *testing.T) {
			q, err := Parse(row.Text)
			if err != nil {
				t.Fatalf("%q: %v", row.Text, err)
			}
			if q.Canonical == "" {
				if q.Solve == nil {
					t.Fatalf("%q: no restatement", row.Text)
				}
				return
			}
			back, err := Parse(q.Canonical)
			if err != nil {
				t.Fatalf("the restatement %q of %q does not read back: %v", q.Canonical, row.Text, err)
			}
			if got, want := sized(back), sized(q); got != want {
				t.Errorf("the restatement %q of %q reads back differently:\n got %s\nwant %s", q.Canonical, row.Text, got, want)
			}
		})
	}
}

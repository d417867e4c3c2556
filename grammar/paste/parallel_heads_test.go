package paste

import (
	"strings"
	"testing"
)

// TestParallelHeads reads Linears assigned side by side with no forward
// as heads (both counted: 784*400+400 + 2*(400*20+20) = 330,040, checked
// with torch 1.13), and never a Linear the words name after a Sequential.
func TestParallelHeads(t *testing.T) {
	q, err := ParsePyTorch(`self.fc1 = nn.Linear(784, 400)
self.fc_mu = nn.Linear(400, 20)
self.fc_logvar = nn.Linear(400, 20)
how many parameters?`)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := q.Layers[len(q.Layers)-1].Layer.(headsLayer); !ok {
		t.Fatalf("fc_mu and fc_logvar not read as heads: %s", q.Canonical)
	}
	rep, err := q.Layers[len(q.Layers)-1].Layer.Apply(nil)
	if err != nil || rep.Params != 2*(400*20+20) {
		t.Errorf("heads have %d parameters (%v), want 16,040", rep.Params, err)
	}
	q, _ = ParsePyTorch("nn.Conv1d(1, 16, 3), nn.MaxPool1d(2), nn.Flatten(), nn.Linear(2032, 64)\nhow many params would Linear(1984, 64) have?")
	if q != nil && strings.Contains(strings.Join(q.Notes, "\n"), "heads") {
		t.Errorf("a Linear named in the words read as a head:\n%s", strings.Join(q.Notes, "\n"))
	}
}

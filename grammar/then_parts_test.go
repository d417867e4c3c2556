package grammar

import "testing"

// TestThenParts reads a question that starts with "then" on the output
// of the question before it.
func TestThenParts(t *testing.T) {
	qs, err := ParseAll("unet paper: input 572x572, two 3x3 valid convs -> ? then maxpool 2 -> ?")
	if err != nil || len(qs) != 2 {
		t.Fatalf("%d questions (%v), want 2", len(qs), err)
	}
	if got := len(qs[1].Layers); got != 3 {
		t.Errorf("question 2 has %d layers, want the two convs and the pool: %q", got, qs[1].Canonical)
	}
}

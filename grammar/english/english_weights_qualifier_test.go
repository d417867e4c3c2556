package english

import "testing"

// TestConnectsToHowMany: "each neuron connects to how many weights" asks
// what one neuron reads, which needs no filter count.
func TestConnectsToHowMany(t *testing.T) {
	for _, src := range []string{
		"input 32x32x12, conv w/ 5x5 filters. each neuron connects to how many weights (not counting bias)?",
		"input 32x32x12, conv with 10 5x5 filters. each neuron connects to how many weights?",
		"conv 3x3 on a 64x64x32 input: one output unit is connected to how many inputs, bias included?",
	} {
		q, err := ParseEnglish(src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if len(q.Asked) != 1 || q.Asked[0] != "connections" {
			t.Errorf("%q: asked %v, want [connections]", src, q.Asked)
		}
	}
}

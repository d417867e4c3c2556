package grammar

import "testing"

// TestThen: layers described one after another in one sentence are read
// as a network, not folded into one layer. 3x3 depthwise on 28x28x64 pad
// 1: 9*64*784 = 451,584 MACs; 1x1 64->128: 64*128*784 = 6,422,528; total
// 6,874,112.
func TestThen(t *testing.T) {
	qs, err := ParseAll("3x3 depthwise on 64ch 28x28 (pad 1) then 1x1 to 128, MACs?")
	if err != nil || len(qs) != 1 {
		t.Fatalf("%d questions, %v", len(qs), err)
	}
	q := qs[0]
	if len(q.Layers) != 2 {
		t.Fatalf("read as %q, want two layers", q.Canonical)
	}
	s, err := summarize(q)
	if err != nil {
		t.Fatal(err)
	}
	if s.MACs != 6874112 {
		t.Errorf("%q: %d MACs, want 6,874,112", q.Canonical, s.MACs)
	}
	if len(q.Doubts) > 0 {
		t.Errorf("doubts %q", q.Doubts)
	}
}

// TestThenShorthand: "k5s2p0 then k3s2p1 then k3s1p0" on 75x75: 75 ->
// floor(70/2)+1 = 36 -> floor(35/2)+1 = 18 -> 16 (torch).
func TestThenShorthand(t *testing.T) {
	qs, err := ParseAll("fm 75x75, k5s2p0 then k3s2p1 then k3s1p0 -> ?")
	if err != nil || len(qs) != 1 {
		t.Fatalf("%d questions, %v", len(qs), err)
	}
	s, err := summarize(qs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(qs[0].Layers) != 3 || len(s.Output) != 3 || s.Output[1] != 16 || s.Output[2] != 16 {
		t.Errorf("read as %q, output %v; want three layers and 16x16", qs[0].Canonical, s.Output)
	}
}

package english

import "testing"

// TestStateDictAsked: the size of a state_dict asked, not a state_dict
// loaded.
func TestStateDictAsked(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"BatchNorm2d(256): how many numbers total are in its state_dict?", true},
		{"nn.BatchNorm2d(128) - state_dict size?", true},
		{"how many entries does the state dict of nn.BatchNorm1d(100) have", true},
		{"I loaded the state_dict of a BatchNorm2d(64) and it fails, why?", false},
	} {
		if got := StateDictAsked(c.src); got != c.want {
			t.Errorf("StateDictAsked(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

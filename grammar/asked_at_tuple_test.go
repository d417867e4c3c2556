package grammar

import (
	"strings"
	"testing"
)

// TestTupleName: each value of a tuple assignment is named by the name in
// its place on the left; other lines are no tuple assignment.
func TestTupleName(t *testing.T) {
	src := "self.fc1, self.fc2 = nn.Linear(512, 256), nn.Linear(256, 10)"
	for at, want := range map[string]string{"nn.Linear(512": "fc1", "nn.Linear(256, 10": "fc2"} {
		o := strings.Index(src, at)
		s, e, ok := tupleName(src, 0, o)
		if !ok || src[s:e] != want {
			t.Errorf("%s: got %q (%v), want %q", at, src[s:e], ok, want)
		}
	}
	if _, _, ok := tupleName("self.fc2 = nn.Linear(256, 10)", 0, 11); ok {
		t.Error("a single assignment read as a tuple")
	}
}

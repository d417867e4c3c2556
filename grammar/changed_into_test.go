package grammar

import (
	"strings"
	"testing"
)

// TestChangedInto: a layer written after "change X to" takes X's place;
// one whose old layer the words do not tell is doubted, not added
// silently.
func TestChangedInto(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		doubt           bool
	}{
		{"keras call written again",
			"model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))\nmodel.add(Conv2D(64, (3, 3)))\nif I change Conv2D(64, (3, 3)) to Conv2D(96, (3, 3)) how many params does that layer have?",
			"input 28x28\nconv 3x3 32 pad valid bias\nconv 3x3 96 pad valid bias", false},
		{"pytorch name",
			"self.conv1 = nn.Conv2d(3, 16, 3)\nself.conv2 = nn.Conv2d(16, 32, 3)\nif I change conv2 to nn.Conv2d(16, 64, 5), how many params does it have?",
			"conv 3x3 3->16 bias\nconv 5x5 16->64 bias", false},
		{"pronoun after an error's fix",
			"RuntimeError: Given groups=1, weight of size [64, 32, 5, 5], expected input[16, 3, 32, 32] to have 32 channels, but got 3 channels instead\nmy first layer was nn.Conv2d(32, 64, 5) and i mixed up the args. after I change it to nn.Conv2d(3, 64, 5) how many params does the layer have?",
			"input 32x32x3\nconv 5x5 3->64 bias", false},
		{"two changes joined",
			"self.fc1 = nn.Linear(784, 128)\nself.fc2 = nn.Linear(128, 10)\nif I change fc1 to nn.Linear(784, 256) and fc2 to nn.Linear(256, 10), total params?",
			"linear 784->256 bias\nlinear 256->10 bias", false},
		{"old layer not told",
			"self.conv1 = nn.Conv2d(3, 16, 3)\nself.conv2 = nn.Conv2d(16, 32, 3)\nif I change it to nn.Conv2d(16, 64, 5), how many params?",
			"", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			q, err := Parse(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if c.want != "" && q.Canonical != c.want {
				t.Errorf("read as\n%s\nwant\n%s", q.Canonical, c.want)
			}
			doubted := false
			for _, d := range q.Doubts {
				doubted = doubted || strings.Contains(d, "changes a layer")
			}
			if doubted != c.doubt {
				t.Errorf("doubts %q, want a change doubted: %v", q.Doubts, c.doubt)
			}
		})
	}
}

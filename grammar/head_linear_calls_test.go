package grammar

import "testing"

func TestLinearSwapped(t *testing.T) {
	_, alexnet := presetIn("alexnet")
	for _, c := range []struct {
		src     string
		in, out int
		ok      bool
	}{
		{"replace the final Linear(4096, 1000) with Linear(4096, 10)", 4096, 10, true},
		{"swap nn.Linear(4096, 1000) for nn.Linear(in_features=4096, out_features=3)", 4096, 3, true},
		{"replace Linear(9216, 4096) with Linear(9216, 512)", 0, 0, false}, // not the head's features
		{"replace the final Linear(4096, 1000)", 0, 0, false},
	} {
		in, out, ok := linearSwapped(c.src, alexnet)
		if in != c.in || out != c.out || ok != c.ok {
			t.Errorf("linearSwapped(%q) = %d, %d, %v; want %d, %d, %v", c.src, in, out, ok, c.in, c.out, c.ok)
		}
	}
}

func TestHeadScopeFrozenButHead(t *testing.T) {
	for src, want := range map[string]string{
		"resnet50 frozen except the fc, 10 classes: how many trainable parameters?":            "new",
		"vgg16 for 3 classes with everything frozen except the last linear, trainable params?": "new",
		"resnet18 for 5 classes, freeze all but the fc: how many params are frozen?":           "rest",
		"torchvision alexnet: replace the last linear for 10 classes, what's the new total?":   "total",
	} {
		if got := headScope(src); got != want {
			t.Errorf("headScope(%q) = %q, want %q", src, got, want)
		}
	}
}

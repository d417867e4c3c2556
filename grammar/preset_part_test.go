package grammar

import "testing"

// TestPresetPart reads a preset named with one of its layers as that
// layer, on what reaches it.
func TestPresetPart(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"params of the last fc layer of vgg16?", "linear 4096->1000 bias input 4096"},
		{"conv1 of resnet18: output shape?", "conv 7x7 3->64 stride 2 pad 3 nobias input 224x224"},
		{"second conv layer of alexnet", "conv 5x5 64->192 pad 2 bias input 27x27"},
	} {
		q, err := Parse(c.src)
		if err != nil || q.Canonical != c.want {
			t.Errorf("%q: read as %q (%v), want %q", c.src, q.Canonical, err, c.want)
		}
	}
}

// TestPresetPartContext keeps a layer described in numbers over a preset
// named as context, and reads a part's receptive field on the network's
// input.
func TestPresetPartContext(t *testing.T) {
	q, err := Parse("In AlexNet, the 55x55 feature maps after conv1 go through max pooling with a 3x3 window and stride 2. Output size?")
	if err != nil || q.Canonical != "maxpool 3x3 stride 2 input 55x55x1" {
		t.Errorf("read as %q (%v), want the pool described", q.Canonical, err)
	}
	q, err = Parse("rf of conv2 in alexnet")
	if err != nil || !q.Network || len(q.Layers) != 4 {
		t.Errorf("read as %q (%v), want alexnet up to conv2", q.Canonical, err)
	}
}

package grammar

import (
	"slices"
	"testing"
)

// TestPresetPart reads a preset named with one of its layers as that
// layer, on what reaches it.
func TestPresetPart(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"params of the last fc layer of vgg16?", "linear 4096->1000 bias input 4096"},
		{"conv1 of resnet18: output shape?", "conv 7x7 3->64 stride 2 pad 3 nobias input 224x224"},
		{"second conv layer of alexnet", "conv 5x5 64->192 pad 2 bias input 27x27"},
		// The VGG paper's names: the third stage's second conv.
		{"how many params in conv3_2 of vgg16?", "conv 3x3 256->256 pad 1 bias input 56x56"},
		{"VGG19 conv5_4 weights?", "conv 3x3 512->512 pad 1 bias input 14x14"},
		// The papers' pool names: VGG's pool2 (112 -> 56), pool5 (14 -> 7);
		// ResNet's pool1, its stem's maxpool (112 -> 56). It answered the
		// whole network's 1,000 outputs.
		{"what's the output size after pool2 in vgg16?", "maxpool 2x2 stride 2 input 112x112x128"},
		{"vgg16 pool5 output size", "maxpool 2x2 stride 2 input 14x14x512"},
		{"resnet50 pool1 output size", "maxpool 3x3 stride 2 pad 1 input 112x112x64"},
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

// TestPresetStagedConv reads the VGG paper's conv4_3 as the third conv
// after the third pool, and its receptive field on the network's input:
// 3, 5 | 6, 10, 14 | 16, 24, 32, 40 | 44, 60, 76, 92 (a 3x3 conv adds 2
// input strides, a 2x2 pool 1).
func TestPresetStagedConv(t *testing.T) {
	q, err := Parse("receptive field of conv4_3 in VGG16")
	if err != nil {
		t.Fatal(err)
	}
	s, err := summarize(q)
	if err != nil {
		t.Fatal(err)
	}
	last := s.Rows[len(s.Rows)-1]
	if last.Field == nil || last.Field[len(last.Field)-1].Size != 92 {
		t.Errorf("read as %q: receptive field %v, want 92", q.Canonical, last.Field)
	}
}

// TestPresetParts reads several layers of a preset named in one question
// as the layers from the first to the last, each asked by place. Numbers
// with torch 2: vgg16 conv2_1 is nn.Conv2d(64, 128, 3, padding=1), 73,856
// params, conv2_2 nn.Conv2d(128, 128, 3, padding=1), 147,584; fc7 is
// nn.Linear(4096, 4096), 16,781,312, fc8 nn.Linear(4096, 1000), 4,097,000.
func TestPresetParts(t *testing.T) {
	for _, c := range []struct {
		src   string
		names []string
		heads []string // each named layer, as FormatHead writes it
	}{
		{"params in vgg16's conv2_1 and conv2_2?", []string{"conv2_1", "conv2_2"}, []string{"conv 3x3 64->128 pad 1 bias", "conv 3x3 128->128 pad 1 bias"}},
		{"VGG-16 fc7 and fc8: how many weights each", []string{"fc7", "fc8"}, []string{"linear 4096->4096 bias", "linear 4096->1000 bias"}},
		{"MACs of conv1_2 and conv2_1 in vgg16 at 224x224 (ignore bias)", []string{"conv1_2", "conv2_1"}, []string{"conv 3x3 64->64 pad 1 bias", "conv 3x3 64->128 pad 1 bias"}},
	} {
		q, err := Parse(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if len(q.At) != len(c.names) {
			t.Errorf("%q: At %+v, want %q\nunderstood: %s", c.src, q.At, c.names, q.Canonical)
			continue
		}
		for k, a := range q.At {
			if got := FormatHead(q.Layers[a.Layer].Layer); a.Name != c.names[k] || got != c.heads[k] {
				t.Errorf("%q: place %d is %s, %q; want %s, %q", c.src, k+1, a.Name, got, c.names[k], c.heads[k])
			}
		}
		if slices.Contains(q.Asked, "biases") {
			t.Errorf("%q: asked %q; 'ignore bias' asks no biases", c.src, q.Asked)
		}
	}
}

// TestPresetInputNotKernel reads the input size said of a preset, never a
// kernel's size said with it ("begins with a 7x7 convolution").
func TestPresetInputNotKernel(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int // the input's height
	}{
		{"resnet18 begins with a 7x7 convolution and a 3x3 max pool. output shape of the network?", 224},
		{"resnet18 begins with a 7x7 convolution; on a 160x160 input what is the output shape?", 160},
		{"vgg16 with 3x3 kernels everywhere at 64x64 resolution: output shape?", 64},
	} {
		q := mentionedPreset(c.src)
		if q == nil || len(q.Input) != 3 || q.Input[1] != c.want {
			t.Errorf("%q: read %+v, want the input %d high", c.src, q, c.want)
		}
	}
}

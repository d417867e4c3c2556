package grammar

import (
	"slices"
	"testing"

	"github.com/cnnbot/cnnbot/calc"
)

// Phrasings of a ResNet's stem asked as a place, after the threads on
// ResNet at other resolutions ("what is the size after the stem for
// 160x160 inputs"). Sizes: conv1 7×7 stride 2 pad 3 then maxpool 3×3
// stride 2 pad 1, (H + 6 − 7)/2 + 1 then (H' + 2 − 3)/2 + 1, as torch 1.13
// gives for nn.Conv2d(3, 64, 7, 2, 3) and nn.MaxPool2d(3, 2, 1): 160 → 40,
// 256 → 64, 320 → 80, 512 → 128, 64 → 16, 224 → 56.
func TestStemPart(t *testing.T) {
	tests := []struct {
		src  string
		want []int
	}{
		{"resnet18 on 160x160 images. spatial size after the stem?", []int{64, 40, 40}},
		{"resnet50 with 256x256 input: what's the feature map size at the output of the stem?", []int{64, 64, 64}},
		{"resnet34 at 320x320, shape after conv1 + maxpool?", []int{64, 80, 80}},
		{"for resnet101 on 512x512 inputs, what comes out of the stem (conv1 and the max pool)?", []int{64, 128, 128}},
		{"resnet18 input 64x64: size after conv1 then maxpool", []int{64, 16, 16}},
		{"resnet152 at 224x224: output of the stem?", []int{64, 56, 56}},
	}
	for _, tt := range tests {
		t.Run(tt.src[:30], func(t *testing.T) {
			qs, err := ParseAll(tt.src)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ParseAll: %d questions, %v", len(qs), err)
			}
			q := qs[0]
			if len(q.At) != 1 || inDoubt(q) {
				t.Fatalf("places %+v, doubts %q %v", q.At, q.Doubts, q.Unused)
			}
			net := calc.Network{Input: q.Input}
			for _, l := range q.Layers[:q.At[0].Layer+1] {
				net.Layers = append(net.Layers, l.Layer)
			}
			s, err := net.Summarize()
			if err != nil || !slices.Equal([]int(s.Output), tt.want) {
				t.Errorf("after %s: %v, %v; want %v", q.At[0].Name, s.Output, err, tt.want)
			}
		})
	}
	if got := stemSaid("vgg16 after the stem?"); got != "vgg16 after the stem?" {
		t.Errorf("a network without a ResNet stem rewritten: %q", got)
	}
}

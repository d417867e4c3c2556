package grammar

import "testing"

func TestStemWithNet(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"rf after resnet stem (7x7 s2 conv then 3x3 s2 maxpool)? bn relu", "rf resnet50 after the maxpool? bn relu"},
		{"size after resnet34's stem for 320x320", "size resnet34 after the maxpool for 320x320"},
		{"receptive field after the stem of resnet18", "receptive field resnet18 after the maxpool"},
		{"size after the stem of resnet101 (conv1 + maxpool)?", "size resnet101 after the maxpool?"},
		{"resnet18 at 160: size after the stem", "resnet18 at 160: size after the stem"},
		{"params of the stem", "params of the stem"},
		{"resnet50 stem rf and stride?", "resnet50 after the maxpool rf and stride?"},
		{"rf of the stem of resnet?", "rf of resnet50 after the maxpool?"},
		{"resnet18 stem params", "resnet18 stem params"},
		{"resnet stem conv output is 112x112x64 per image. batch of 16, MiB?", "resnet stem conv output is 112x112x64 per image. batch of 16, MiB?"},
		{"the resnet stem (7x7 conv, stride 2) then the maxpool", "the resnet stem (7x7 conv, stride 2) then the maxpool"},
	} {
		if got := stemWithNet(c.src); got != c.want {
			t.Errorf("stemWithNet(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

package grammar

import "testing"

func TestFeaturesAsked(t *testing.T) {
	for _, c := range []struct {
		src           string
		flat, spatial bool
	}{
		{"vgg16 .features on 32x32 cifar -> flatten size? thinking of a custom classifier", true, false},
		{"vgg16 features output on 32x32 cifar images, flattened size?", true, false},
		{"vgg16 features on 320x320 input gives what spatial?", false, true},
		{"what spatial size comes out of vgg16's .features for 96x96 images?", false, true},
		{"vgg16 on 64x64: flatten size going into classifier[0]?", false, false},
		{"vgg16 .features on 32x32, flattened size after the avgpool?", false, false},
		{"how many in_features does the first linear of vgg16 need at 32x32?", false, false},
	} {
		if got := featuresFlatOnly(c.src); got != c.flat {
			t.Errorf("featuresFlatOnly(%q) = %v, want %v", c.src, got, c.flat)
		}
		if got := featuresSpatialOnly(c.src); got != c.spatial {
			t.Errorf("featuresSpatialOnly(%q) = %v, want %v", c.src, got, c.spatial)
		}
	}
}

func TestHeadGivenWholeAsked(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"vgg16 total params if last layer is 10 classes", true},
		{"alexnet whole model params when the final layer has 2 classes", true},
		{"resnet18 with 10 classes, total params of the last fc layer", false},
		{"params of the last layer of vgg16 with 10 classes", false},
	} {
		p, ok := askedPart(c.src)
		if !ok {
			t.Fatalf("askedPart(%q): no part", c.src)
		}
		if got := headGivenWholeAsked(c.src, p); got != c.want {
			t.Errorf("headGivenWholeAsked(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

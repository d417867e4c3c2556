package presets

import (
	"reflect"
	"testing"
)

func TestLookupSpellings(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ResNet50", "resnet50"}, {"resnet_50", "resnet50"}, {"vgg13bn", "vgg13_bn"}, {"inceptionv3", "inception_v3"},
		{"efficientnetb3", "efficientnet_b3"}, {"mobilenet_v_2", "mobilenet_v2"},
	} {
		if _, got, ok := Lookup(tc.in); !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, ambiguous := range []string{"shufflenet", "convnext", "mobilenet_v3", "resnext101"} {
		if _, got, ok := Lookup(ambiguous); ok {
			t.Errorf("Lookup(%q) chose %q: the name could mean several", ambiguous, got)
		}
	}
}

func TestFamily(t *testing.T) {
	for _, w := range []string{"mobilenet_v4", "resnet200", "efficientnet-b7", "convnext_base", "shufflenet", "mobilenetv4", "vgg8"} {
		if !Family(w) {
			t.Errorf("Family(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"resnet50", "resnet-50", "efficientnet-b0", "conv", "wide", "densenets", "relu", "input", "vit_b_16"} {
		if Family(w) {
			t.Errorf("Family(%q) = true, want false", w)
		}
	}
}

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"mobilenet_v4", []string{"mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small"}},
		{"convnext_base", []string{"convnext_tiny"}},
		{"resnet200", []string{"resnet101", "resnet50", "resnet152"}}, // the fewest edits of "200"
	} {
		if got := Closest(tc.in, 3); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Closest(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

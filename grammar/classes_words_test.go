package grammar

import "testing"

func TestClassesInDigits(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"resnet50 w/ fc -> two classes (cats vs dogs ofc)", "resnet50 w/ fc -> 2 classes (cats vs dogs ofc)"},
		{"vgg16 for three-way classification, a five class classifier", "vgg16 for 3-way classification, a 5 class classifier"},
		{"ten categories", "10 categories"},
		{"the classes of resnet18", "the classes of resnet18"},
		{"one class", "one class"},
		{"some classes", "some classes"},
	} {
		if got := classesInDigits(c.src); got != c.want {
			t.Errorf("classesInDigits(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

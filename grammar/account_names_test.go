package grammar

import (
	"strings"
	"testing"
)

// TestNameNumbers: the numbers inside a code-style network name are its
// name, not numbers to account for ("resnext50_32x4d" said "4 is not
// used"); a size's second number still counts.
func TestNameNumbers(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"resnext50_32x4d params?", nil},
		{"wide_resnet50_2 and resnext101_32x8d", nil},
		{"a 224x224 image", []string{"224", "224"}},
		{"224x224px", []string{"224", "224"}},
	} {
		nums, _ := writtenNumbers(c.src)
		var got []string
		for _, w := range nums {
			got = append(got, w.text)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: numbers %q, want %q", c.src, got, c.want)
		}
	}
}

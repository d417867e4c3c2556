package grammar

import "testing"

// TestAlwaysARefusal: when no front-end reads a message and none owns its
// refusal (a torchsummary row pasted alone is tried as code that may be
// prose), the router still refuses with a reason. It returned no reading
// and no error, and the bot panicked on "Conv2d-1 [-1, 32, 26, 26] 320".
func TestAlwaysARefusal(t *testing.T) {
	for _, src := range []string{
		"Conv2d-1 [-1, 32, 26, 26] 320",
		"Conv2d-1 [-1, 64, 112, 112] 9,408",
		"BatchNorm2d-2 [-1, 64, 112, 112] 128",
	} {
		r, err := choose(src)
		if r == nil && err == nil {
			t.Errorf("%q: neither a reading nor a refusal", src)
		}
		if _, err := ParseAll(src); err == nil {
			continue // read after all
		}
	}
}

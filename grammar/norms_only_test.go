package grammar

import (
	"strings"
	"testing"
)

// TestNormsOnly: the batch norms' own count asked keeps them alone; words
// that leave them out, or ask the whole, keep the rest.
func TestNormsOnly(t *testing.T) {
	code := "stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64))\n"
	for words, convs := range map[string]bool{
		"how many params do the batchnorms have?": false,
		"how much do the BN layers add?":          false,
		"params in the bn layers?":                false,
		"how many params?":                        true,
		"params not counting the batchnorms?":     true,
	} {
		q, err := Parse(code + words)
		if err != nil {
			t.Errorf("%q: %v", words, err)
			continue
		}
		if got := strings.Contains(q.Canonical, "conv"); got != convs {
			t.Errorf("%q: read as\n%s\nconvs kept %v, want %v", words, q.Canonical, got, convs)
		}
	}
}

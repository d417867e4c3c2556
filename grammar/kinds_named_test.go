package grammar

import (
	"strconv"
	"strings"
	"testing"
)

// TestNamedKindDoubted says "Not sure" when the question names a kind of
// layer its reading does not have, and not when the kind is said to be
// absent or is in the reading.
func TestNamedKindDoubted(t *testing.T) {
	for _, tt := range []struct {
		src   string
		doubt bool
	}{
		{"grouped conv 3x3, 64 -> 64, params?", true},
		{"separable conv 3x3 from 32 to 64 channels, how many params?", false}, // read as the depthwise and pointwise pair
		{"a 3x3 conv 64->64 with groups=4, params?", false},
		{"input 7x7x512, global average pooling then a dense layer of 10 units: params?", false},
		{"conv 3x3 32->64 on 28x28x32 without GAP, params?", false},
		{"how much smaller is depthwise separable than a normal conv: 3x3, 64 -> 64, params?", false},            // read as two sides
		{"after AdaptiveAvgPool2d((1,1)) on 256x5x5 I put a Linear to 3 classes. params of the new head?", true}, // the Linear is not read
		{"input 7x7x512 -> global average pooling -> nn.Linear(512, 10), params?", false},
		{"after global average pooling I have 256 features and then a linear layer to 5 classes. params of the head?", false}, // the pool is behind what is described
	} {
		qs, err := ParseAll(tt.src)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		got := false
		for _, q := range qs {
			for _, d := range q.Doubts {
				if strings.Contains(d, "the question names") {
					got = true
				}
			}
		}
		if got != tt.doubt {
			t.Errorf("%q: named kind doubted %v, want %v (%d questions)", tt.src, got, tt.doubt, len(qs))
		}
	}
}

// TestDroppedKindReadWithout reads a question that says global average
// pooling is left out without it: the flatten feeds every value.
func TestDroppedKindReadWithout(t *testing.T) {
	for _, tt := range []struct {
		src string
		in  int // the linear layer's in_features
	}{
		{"if I skip global average pooling and flatten the 7x7x64 map into a Linear to 10 classes, params of that layer?", 3136},
		{"without GAP: flatten the 4x4x256 output into a dense layer with 3 units, how many params?", 4096},
		{"rather than a global average pool, flatten 2x2x100 into fc 5. params?", 400},
	} {
		q, err := Parse(tt.src)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if strings.Contains(q.Canonical, "globalavgpool") || strings.Contains(q.Canonical, "adaptiveavgpool") {
			t.Errorf("%q: read with the global pool: %s", tt.src, q.Canonical)
		}
		if !strings.Contains(q.Canonical, "linear "+strconv.Itoa(tt.in)+"->") {
			t.Errorf("%q: read as %s, want a linear from %d", tt.src, q.Canonical, tt.in)
		}
	}
}

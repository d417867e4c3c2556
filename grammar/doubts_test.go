package grammar

import (
	"strings"
	"testing"

	"github.com/cnnbot/cnnbot/grammar/spec"
)

// TestDoubts names what a question asks that its reading does not answer,
// and layers named in prose that the reading left out.
func TestDoubts(t *testing.T) {
	for _, c := range []struct {
		src, reading string
		asked        []string
		want         string // a doubt containing this; "" for none
	}{
		{"what is the rf after these?", "conv 3x3 1->1", []string{"params"}, "receptive field"},
		{"what is the rf after these?", "conv 3x3 1->1", []string{"receptive field"}, ""},
		{"wat padding keeps the size same w/ a 5x5 kernel", "conv 5x5 1->1", nil, "padding"},
		{"how many macs?", "input 8x8x3\nconv 3x3 8", nil, ""}, // a network's headline has them
		{"rf of conv, conv, pool, conv, conv, pool, conv?", "input 32x32x1\nconv 3x3 1\nmaxpool 2", []string{"receptive field"}, "names 7 layers"},
		{"a conv layer after a conv layer: params?", "conv 3x3 1->1", []string{"params"}, ""},
	} {
		q, err := spec.Parse(c.reading)
		if err != nil {
			t.Fatalf("%q: %v", c.reading, err)
		}
		cp := *q
		cp.Asked = c.asked
		got := doubts(c.src, &cp)
		if f := fewerLayers(c.src, &cp); f != "" {
			got = append(got, f)
		}
		all := strings.Join(got, "; ")
		if c.want == "" && all != "" || c.want != "" && !strings.Contains(all, c.want) {
			t.Errorf("%q read as %q: doubts %q, want %q", c.src, c.reading, all, c.want)
		}
	}
}

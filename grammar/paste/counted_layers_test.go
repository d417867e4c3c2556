package paste

import (
	"testing"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// TestCountedLayersByPlace: a counted call's arguments given by place are
// read as PyTorch reads them, checked with torch 1.13:
//   - MaxPool2d(3, 2) has stride 2 (it was read as stride 3: 74, not 111);
//   - Conv2d(3, 3, k=4, ...) has 3 output channels (it was read as 1).
func TestCountedLayersByPlace(t *testing.T) {
	for _, c := range []struct {
		src  string
		want calc.Shape
	}{
		// nn.Sequential(Conv2d(3,3,3,1,1) x2, MaxPool2d(3,2)) on 224: [1, 3, 111, 111]
		{"input 224x224x3: two Conv2d(k=3, s=1, p=1) then one MaxPool2d(3, 2), output size?", calc.Shape{1, 111, 111}},
		// 4 x Conv2d(3,3,4,2,1) then 2 x Conv2d(3,3,4,1,1) on 64: [1, 3, 2, 2]
		{"input 64x64x3: 4 Conv2d(3, 3, k=4, s=2, p=1) then 2 Conv2d(3,3,k=4, s=1, p=1), output size?", calc.Shape{3, 2, 2}},
	} {
		q, ok := parseCountedLayers(c.src)
		if !ok {
			t.Errorf("%q: not read", c.src)
			continue
		}
		s, err := (calc.Network{Input: q.Input, Layers: layersOf(q)}).Summarize()
		if err != nil || !s.Output.Equal(c.want) {
			t.Errorf("%q: output %v (%v), want %v", c.src, s.Output, err, c.want)
		}
	}
}

func layersOf(q *lang.Question) []calc.Layer {
	out := make([]calc.Layer, len(q.Layers))
	for i, l := range q.Layers {
		out[i] = l.Layer
	}
	return out
}

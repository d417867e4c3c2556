package bot

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
)

// depthOf counts the weighted layers of the network r answers (calc.DepthOf).
func depthOf(r Reply) (calc.Depth, bool) {
	q := r.Question
	if q == nil || len(q.Layers) == 0 {
		return calc.Depth{}, false
	}
	layers := make([]calc.Layer, len(q.Layers))
	for i, l := range q.Layers {
		layers[i] = l.Layer
	}
	d := calc.DepthOf(layers)
	return d, d.All.Total() > 0
}

// depthValue answers "how many layers": the layers with weights on the
// longest path, as a network's name counts them (VGG-16: 13 conv + 3 fully
// connected), and, where other paths hold more (ResNet-50's 4 projection
// shortcuts), every weighted layer, as a framework's module list counts
// them.
func depthValue(r Reply) string {
	d, ok := depthOf(r)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("layers with weights = %s on the longest path (%s)", group(d.Path.Total()), countText(d.Path))
	if d.All != d.Path {
		s += fmt.Sprintf("; %s in all (%s), counting the ones beside it (shortcuts, parallel branches, gates)", group(d.All.Total()), countText(d.All))
	}
	return s
}

// countText is "13 conv + 3 fully connected".
func countText(c calc.LayerCount) string {
	switch {
	case c.Linears == 0:
		return group(c.Convs) + " conv"
	case c.Convs == 0:
		return group(c.Linears) + " fully connected"
	}
	return group(c.Convs) + " conv + " + group(c.Linears) + " fully connected"
}

// inputValue answers what input a preset takes: the size it was built and
// trained on, and whether an adaptive pool before its classifier lets it
// take other sizes.
func inputValue(r Reply) string {
	q := r.Question
	if q == nil || q.Input == nil {
		return ""
	}
	s := "input shape = " + shapeText(q.Input) + " (the size it is built and trained for)"
	for _, l := range q.Layers {
		if _, ok := l.Layer.(calc.AdaptivePool); ok {
			return s + "; an adaptive pool before its classifier lets other sizes through too"
		}
	}
	return s
}

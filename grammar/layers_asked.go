package grammar

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// "how many layers does vgg16 have?", "resnet50 how many conv layers",
// "what is the depth of resnet18": the layers are asked, not the
// parameters. Before, these were answered with the parameters and MACs, a
// confident answer to a question that was not asked.

// layersAsked matches the words that ask how many layers a network has.
var layersAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:[a-z-]+\s+){0,2}layers\b|\b(?:number|count|no\.?)\s+of\s+(?:[a-z-]+\s+){0,2}layers\b|\bhow\s+deep\b|\bdepth\s+of\b|\b(?:its|the\s+network'?s?|the\s+model'?s?)\s+depth\b`)

// withLayersAsked adds "layers" to what a network question asks when its
// words ask how many layers it has. A question that solves for a count of
// layers ("how many conv+pool blocks fit") asks for that count instead.
// A count the asker wrote that the answer gives ("is it really 19?") is
// their own figure, checked, not a number left unexplained.
func withLayersAsked(src string, q *Question) *Question {
	if q.Solve != nil || !q.Network && q.Preset == "" || slices.Contains(q.Asked, "layers") || !layersAsked.MatchString(src) {
		return q
	}
	cp := *q
	cp.Asked = append(slices.Clip(q.Asked), "layers")
	layers := make([]calc.Layer, len(q.Layers))
	for i, l := range q.Layers {
		layers[i] = l.Layer
	}
	d := calc.DepthOf(layers)
	counts := map[string]bool{}
	for _, n := range []int64{d.Path.Total(), d.Path.Convs, d.Path.Linears, d.All.Total(), d.All.Convs, d.All.Linears} {
		counts[strconv.FormatInt(n, 10)] = true
	}
	cp.Unused = slices.DeleteFunc(slices.Clone(q.Unused), func(u Unused) bool { return u.Why == "" && counts[u.Text] })
	return &cp
}

// presetInputAsked matches the words that ask what input a network takes: "what
// input size does resnet50 expect", "input shape of vgg16?", "which image
// resolution is alexnet trained on".
var presetInputAsked = regexp.MustCompile(`(?i)\b(?:what|which|wat)\s+(?:is\s+the\s+|'?s\s+the\s+)?(?:input|image|img)\s+(?:size|shape|resolution|dimensions?|dims)\b|\b(?:input|image)\s+(?:size|shape|resolution|dimensions?)\s+(?:of|for|does|do|is)\b|\b(?:expects?|accepts?|takes?)\s+(?:what|which)\s+(?:input|image|size)`)

// withInputAsked answers "what input size does resnet50 expect" with the
// preset's input, where the reading answered it with its output: the
// input is the asked quantity, not the 1,000 classes.
func withInputAsked(src string, q *Question) *Question {
	if q.Preset == "" || q.Input == nil || q.Solve != nil || !presetInputAsked.MatchString(src) || layersAsked.MatchString(src) {
		return q
	}
	cp := *q
	cp.Asked = []string{"input"}
	return &cp
}

package grammar

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// What comes out of a torchvision network's .features at another input
// size — "vgg16 .features on 32x32 cifar -> flatten size? thinking of a
// custom classifier", "vgg16 features on 320x320 input gives what
// spatial?" — is the last feature map, before the adaptive pool: the pool
// and the classifier come after .features. The first Linear's in_features
// (inFeatures) answer another question, whose answer the adaptive pool
// keeps the same at every input size.

// featuresNamed matches the features module named: "model.features",
// ".features", "the features part", "vgg16 features on 320x320", "out of
// features".
var featuresNamed = regexp.MustCompile(`(?i)\.features\b|\bfeatures\s+(?:part|module|block|extractor|stack|output|outputs|gives?|giving|produces?|on|of|with|for|at|->)|\bout\s+of\s+(?:the\s+)?(?:\w+\.)?` + "`?" + `features\b`)

// featuresFlatAsked matches the features' output asked flattened:
// "flatten size", "flattened length", "how long is the flattened vector".
var featuresFlatAsked = regexp.MustCompile(`(?i)\bflatten\w*\s+(?:size|dim\w*|length|vector|features|shape)\b|\bflattened\b|\bsize\s+(?:\w+\s+){0,2}?flatten\w*`)

// featuresSpatialAsked matches the features' spatial size asked: "gives
// what spatial?", "what spatial size comes out of features".
var featuresSpatialAsked = regexp.MustCompile(`(?i)\bspatial\w*\b|\bH\s*[x×]\s*W\b`)

// classifierNamed matches the published classifier or its pool named, whose
// input is another question: "classifier[0]", "the first Linear",
// "in_features", "the avgpool".
var classifierNamed = regexp.MustCompile(`(?i)\bclassifier\s*\[|\bin_?features\b|\b(?:first|1st|existing|original|published|its)\s+(?:fc|linear|dense|classifier|fully[- ]connected)|\bavg_?pool|\badaptive\w*`)

// featuresFlatOnly reports whether src asks the flattened output of the
// features module itself, naming no part after it.
func featuresFlatOnly(src string) bool {
	return featuresNamed.MatchString(src) && featuresFlatAsked.MatchString(src) && !classifierNamed.MatchString(src)
}

// featuresSpatialOnly reports whether src asks the spatial size of what the
// features module gives.
func featuresSpatialOnly(src string) bool {
	return featuresNamed.MatchString(src) && featuresSpatialAsked.MatchString(src)
}

// featuresFlat answers the number of values the features module gives, flattened.
func (e *presetEdit) featuresFlat() *Question {
	in, ok := e.featuresOut()
	if !ok {
		return nil
	}
	n := shapeElements(in)
	steps := []calc.Step{{Quantity: "what .features gives, flattened", Formula: dimsFormula(in), Values: dimsValues(in), Result: int64(n),
		Note: fmt.Sprintf("%s's .features on a %d×%d input gives %s; the adaptive pool and the classifier come after it", e.name, e.net.Input[1], e.net.Input[2], shapeText(in))}}
	q := solved("values out of .features, flattened", fmt.Sprintf("the flattened output of %s's .features", e.name), int64(n), steps, e.describe())
	q.Asked = []string{"output"}
	return q
}

// featuresOut is the shape of the features module's output: what reaches
// the global pool, or the flatten when the pool was removed.
func (e *presetEdit) featuresOut() (calc.Shape, bool) {
	p := poolBeforeFlatten(e.net.Layers)
	if p < 0 {
		p = lastLayer(e.net.Layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
	}
	s, err := summarize(e.net)
	row, ok := topRow(s, p)
	if err != nil || !ok || len(row.Input) != 3 {
		return nil, false
	}
	return row.Input, true
}

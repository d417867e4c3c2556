package grammar

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// A preset named with a part — "VGG16 without its classifier", "the
// convolutional part of VGG16", "resnet50 with include_top=False" — is that
// part, not the whole network: its feature extractor, the layers before
// the first flatten or fully connected layer, without the global pooling
// that feeds them (torchvision's .features, Keras's include_top=False).

// featuresOnly matches the words that ask for a preset's feature extractor.
var featuresOnly = regexp.MustCompile(`(?i)\b(?:without|w/o|no|excluding|except|minus|drop(?:ping)?|remov(?:e|ing))\s+(?:the\s+|its\s+|any\s+)?(?:classifier|top|head|fc|fcs|fully[- ]connected|dense|linear)\b` +
	`|\bconv(?:olution(?:al)?)?\s+(?:part|layers?\s+only|base|stack|backbone|portion|section)\b|\bfeature\s+(?:extractor|part|layers)\b|\.features\b|include_top\s*=\s*false\b|\bheadless\b`)

// featuresPart returns the layers of a network before its classifier, and
// whether it has one.
func featuresPart(layers []Layer) ([]Layer, bool) {
	end := -1
	for i, l := range layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.Linear:
			end = i
		}
		if end >= 0 {
			break
		}
	}
	if end <= 0 {
		return layers, false
	}
	for end > 0 {
		switch layers[end-1].Layer.(type) {
		case calc.GlobalAvgPool, calc.AdaptivePool, calc.Dropout:
			end--
			continue
		}
		break
	}
	return layers[:end:end], true
}

package grammar

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
)

// The words may say the input's channels without a number: "grayscale",
// "single-channel", "RGB", "colour images". A reading whose first layer
// takes other channels — AlexNet's first layer read with its 3 when the
// asker feeds it grayscale — answers another layer: it says so first.

var (
	// grayWords say one input channel.
	grayWords = regexp.MustCompile(`(?i)\b(?:gr[ae]y[\s-]?scale|single[\s-]channel|one[\s-]channel|1[\s-]channel|mono(?:chrome)?|black[\s-]and[\s-]white)\b`)
	// colourWords say three input channels.
	colourWords = regexp.MustCompile(`(?i)\b(?:rgb|colou?r(?:ed)?\s+(?:images?|photos?|pictures?|inputs?)|3[\s-]channel|three[\s-]channel)\b`)
	// fourBandWords say four input channels: colour plus depth, alpha or
	// near infrared ("RGB-D", "RGBA", "rgb + depth").
	fourBandWords = regexp.MustCompile(`(?i)\b(?:rgb\s*[-+]\s*(?:d|depth|a|alpha|nir|ir)|rgb(?:d|a|n|nir|ir)|bgra|argb|4[\s-]channel|four[\s-]channel)\b`)
	// replacedWords name the channels given up: "instead of RGB", "(no
	// rgb)", "non-grayscale".
	replacedWords = regexp.MustCompile(`(?i)\b(?:instead\s+of|rather\s+than|not|no|non|without)[\s-]+(?:the\s+|an?\s+)?(?:rgb|colou?r\w*|gr[ae]y[\s-]?scale)\b`)
)

// channelsSaid is the input channels src says in words, or 0 when it says
// none, or both kinds ("convert RGB to grayscale"); the kind given up
// ("grayscale instead of RGB") is not said.
func channelsSaid(src string) int {
	src = replacedWords.ReplaceAllString(src, "")
	if fourBandWords.MatchString(src) {
		return fourBands(src)
	}
	gray, colour := grayWords.MatchString(src), colourWords.MatchString(src)
	switch {
	case gray && !colour:
		return 1
	case colour && !gray:
		return 3
	}
	return 0
}

// withChannelsDoubted adds a doubt to q, a reading of src, when the words
// say the input's channels and q's first layer takes others.
func withChannelsDoubted(src string, q *Question) *Question {
	said := channelsSaid(src)
	if said == 0 || len(q.Layers) == 0 {
		return q
	}
	in := 0
	if len(q.Input) == 3 {
		in = q.Input[0]
	} else if c, ok := q.Layers[0].Layer.(calc.Conv); ok {
		in = c.In
	}
	if in == 0 || in == said {
		return q
	}
	words := map[int]string{1: "grayscale (1 channel)", 3: "RGB (3 channels)", 4: "colour plus one more band (4 channels)"}[said]
	doubt := fmt.Sprintf("the question says %s, and this reading's first layer takes %d channels", words, in)
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), doubt)
	return &cp
}

// fourBands is 4 when src says four channels and no other kind in words
// ("RGB-D", "a 4-channel input"), or 0 when it also says grayscale or
// plain RGB apart from the four bands.
func fourBands(src string) int {
	rest := fourBandWords.ReplaceAllString(src, "")
	if grayWords.MatchString(rest) || colourWords.MatchString(rest) {
		return 0
	}
	return 4
}

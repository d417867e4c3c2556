package english

import "regexp"

// The receptive field asked in words that never name it: "how many pixels
// of the input image are supporting a neuron in the fourth layer", "how
// many input pixels does one unit of conv3 depend on", "which region of
// the image affects one output", "how much of the image does a neuron in
// layer 3 see".

// enFieldAskedRE matches a question for the input region one unit reads
// through the layers before it.
var enFieldAskedRE = regexp.MustCompile(`(?i)\bhow\s+(?:many|much)\s+(?:(?:input|original|image)\s+)?(?:pixels?|px|of\s+the\s+(?:input\s+|original\s+)?image)\b[^.?!;]{0,60}?\b(?:are\s+|is\s+)?(?:supporting|supports?|affect(?:s|ing)?|influenc(?:e|es|ing)|contribut(?:e|es|ing)\s+to|seen\s+by|visible\s+to|see|sees|depends?\s+on|looks?\s+at|covers?)\b|\b(?:region|area|patch)\s+of\s+the\s+(?:input|original)?\s*(?:image|input)\s+(?:\w+\s+){0,3}?(?:affects?|influences?|seen\s+by|that\s+(?:affects?|influences?))\b`)

// enAreaAskedRE matches words asking the field's area in pixels, not its
// side: "how many pixels", "how much of the image".
var enAreaAskedRE = regexp.MustCompile(`(?i)\bhow\s+(?:many|much)\s+(?:of\s+the\s+)?(?:input\s+|original\s+|image\s+)?(?:pixels?|px)\b`)

// enPerSideRE matches a field asked per side: "(per side)", "how wide".
var enPerSideRE = regexp.MustCompile(`(?i)\bper\s+side\b|\bon\s+each\s+side\b|\bwide\b|\bwidth\b|\bside\s+length\b`)

// fieldAsked makes the receptive field what is asked when the words ask
// for the input pixels one unit depends on.
func (r *enReader) fieldAsked() {
	if enFieldAskedRE.MatchString(r.src) {
		r.g.asked = []string{"receptive field"}
	}
}

// FieldArea reports whether src asks for the receptive field as a count
// of input pixels, its area ("how many pixels of the input image support
// a neuron of layer 4": a field of 17 is 17×17 = 289 pixels), not its side.
func FieldArea(src string) bool {
	return len(src) <= enMaxLen && enFieldAskedRE.MatchString(src) && enAreaAskedRE.MatchString(src) && !enPerSideRE.MatchString(src)
}

// FieldAsked reports whether src asks for a receptive field as the input
// pixels one unit depends on, without naming it.
func FieldAsked(src string) bool { return len(src) <= enMaxLen && enFieldAskedRE.MatchString(src) }

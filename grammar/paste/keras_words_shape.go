package paste

// A pasted Keras layer whose input the words give as a shape, not in the
// code: "Conv2DTranspose(32, 3, strides=2, padding='same') applied to
// (None, 16, 16, 64)", "so i reshaped to (28,28,1). first layer is
// Conv2D(20, (4,4))", "input to it is (None, 100, 100, 12)". The shape is
// channels-last, as Keras prints it, with or without its batch.

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// kwShapeRE is a shape the words give as a layer's input, after words
// that say so.
var kwShapeRE = regexp.MustCompile(`(?i)\b(?:applied\s+(?:to|on)|input(?:\s+to\s+it)?\s+(?:is|was|=|of)|input\s+shape\s+(?:is|was|=|of)?|reshaped?\s+(?:\w+\s+){0,2}?to|fed|feeding|gets|receives|takes\s+in)\s*(?:a\s+|an\s+)?(?:tensor\s+of\s+|shape\s+)?\(\s*((?:None|\?|\d{1,5})(?:\s*,\s*\d{1,5}){1,4})\s*,?\s*\)`)

// kwArrowRE is a shape the words lead into a layer with an arrow or a
// word: "(None, 7, 7, 128) -> Conv2DTranspose(32, 4, strides=2)", "(None,
// 14, 14, 64) into Conv2D(...)" (keras_words_shape.go's other way of
// giving the input).
var kwArrowRE = regexp.MustCompile(`\(\s*((?:None|\?|\d{1,5})(?:\s*,\s*\d{1,5}){1,4})\s*,?\s*\)\s*(?:->|-->|=>|→|(?i:goes\s+into|into|is\s+fed\s+(?:in)?to|then))\s*(?:(?:tf\.)?(?:keras\.)?layers\.)?[A-Z]\w*\(`)

// wordsShapeInput is the input the words give as a shape (channels-last,
// its batch dropped), channels first, with the note to say; nil when
// none does, several do, or its rank is not the first layer's.
func (k *kerasReader) wordsShapeInput() (calc.Shape, string) {
	ms := append(kwShapeRE.FindAllStringSubmatch(k.src, -1), kwArrowRE.FindAllStringSubmatch(k.src, -1)...)
	if len(ms) != 1 {
		return nil, ""
	}
	var d []int
	for i, g := range ptSplitCommas(ms[0][1]) {
		if i == 0 && (g == "None" || g == "?") {
			continue
		}
		v, err := strconv.Atoi(g)
		if err != nil || v < 1 || v > calc.MaxSize {
			return nil, ""
		}
		d = append(d, v)
	}
	rank := ptRank(k.q.Layers)
	if len(d) == rank+1 && ms[0][1][0] != 'N' && ms[0][1][0] != '?' {
		d = d[1:] // (32, 16, 16, 64): the batch written as a number
	}
	if rank < 2 || len(d) != rank {
		return nil, ""
	}
	in := append(calc.Shape{d[len(d)-1]}, d[:len(d)-1]...)
	return in, fmt.Sprintf("the input is the shape the words give, %s (channels-last, as Keras prints it: read as %s)", ptJoin(d), ptShapeText(in))
}

// ptSplitCommas splits "None, 16, 16" at its commas, trimmed.
func ptSplitCommas(s string) []string {
	var out []string
	for _, f := range regexp.MustCompile(`\s*,\s*`).Split(s, -1) {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

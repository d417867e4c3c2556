package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A follow-up may change one layer of a stack, named by its place: "rf of
// three 3x3 convs stacked? and what if the middle one is stride 2", "same
// but the last conv has dilation 2". Written into the first question's
// words, the change would reach every layer; it is made on the first
// question's reading instead, to the one layer named.

// placeWord matches a layer named by its place in a stack: "the middle
// one", "the 2nd conv", "the last layer".
var placeWord = regexp.MustCompile(`(?i)\b(first|1st|second|2nd|third|3rd|fourth|4th|middle|last|final)\s+(one|layer|conv\w*|filter)\b`)

// placeChange matches the setting a follow-up gives the layer it names:
// "is stride 2", "has dilation 2", "uses padding 1".
var placeChange = regexp.MustCompile(`(?i)\b(stride|padding|pad|dilation)\s*(?:=|of|is|:)?\s*(\d{1,3})\b|\bs\s*=?\s*(\d)\b`)

// placeIndex is the 0-based index of a place among n layers; ok is false
// when there is no such layer ("the middle one" of two).
func placeIndex(place string, n int) (int, bool) {
	var i int
	switch strings.ToLower(place) {
	case "first", "1st":
		i = 0
	case "second", "2nd":
		i = 1
	case "third", "3rd":
		i = 2
	case "fourth", "4th":
		i = 3
	case "middle":
		if n%2 == 0 {
			return 0, false
		}
		i = n / 2
	default: // last, final
		i = n - 1
	}
	return i, i >= 0 && i < n
}

// atPlace reads a follow-up that changes one layer of the first question's
// stack, named by its place ("the middle one is stride 2"): the first
// question's reading with that layer changed, and the text that restates
// it. ok is false when the follow-up names no place and setting, or the
// first question is not a stack of convs that has the place.
func atPlace(first, change string) (string, *Question, *Question, bool) {
	p := placeWord.FindStringSubmatch(change)
	s := placeChange.FindStringSubmatch(change)
	if p == nil || s == nil {
		return "", nil, nil, false
	}
	q1, err := Parse(first)
	if err != nil {
		return "", nil, nil, false
	}
	ls := leafLayers(q1)
	// "the third conv" counts the convs only; "the third one" or "layer"
	// counts every layer, pools too.
	among, what := make([]int, 0, len(ls)), "layer"
	for j, l := range ls {
		if _, isConv := l.(calc.Conv); isConv || !convNoun(p[2]) {
			among = append(among, j)
		}
	}
	if convNoun(p[2]) {
		what = "conv"
	}
	k, ok := placeIndex(p[1], len(among))
	if len(ls) < 2 || len(ls) != len(q1.Layers) || !ok {
		return "", nil, nil, false
	}
	i := among[k]
	c, isConv := ls[i].(calc.Conv)
	if !isConv {
		return "", nil, nil, false
	}
	name, value := strings.ToLower(s[1]), s[2]
	if name == "" {
		name, value = "stride", s[3]
	}
	v, _ := strconv.Atoi(value)
	if v < 1 && name != "pad" && name != "padding" {
		return "", nil, nil, false
	}
	dims := max(len(c.Kernel), 1)
	switch name {
	case "stride":
		c.Stride = repeatInt(v, dims)
	case "dilation":
		c.Dilation = repeatInt(v, dims)
	default:
		c.PadMode, c.Pad = calc.PadExplicit, repeatInt(v, dims)
	}
	layers := append([]calc.Layer(nil), ls...)
	layers[i] = c
	q2, err := specQuestion(q1.Input, layers)
	if err != nil {
		return "", nil, nil, false
	}
	q2.Asked = q1.Asked
	q2.Notes = append([]string{fmt.Sprintf("follow-up: the first question with the %s %s (%s %d of %d, layer %d of %d) at %s %d",
		strings.ToLower(p[1]), what, what, k+1, len(among), i+1, len(ls), name, v)}, q2.Notes...)
	return q2.Canonical, q1, q2, true
}

// convNoun reports whether a place's noun names convs: "conv", "convs",
// "convolution", "filter".
func convNoun(noun string) bool {
	n := strings.ToLower(noun)
	return strings.HasPrefix(n, "conv") || n == "filter"
}

// repeatInt is v n times: a setting for every dimension.
func repeatInt(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

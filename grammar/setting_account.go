package grammar

import (
	"regexp"
	"strconv"
)

// A setting question's reading answers with confidence only when it
// explains every number written outside an error message: the layer's
// settings and code, the input and the output wanted, and the values
// that equal them ("keeps it 50x50" says the input again). Any other
// number is named as not used, with no reason, which makes the reply
// start "Not sure".

// numberToken matches a number as written, or a size (3x3, 64 x 64),
// not inside a name (conv5, k4, Conv2d).
var numberToken = regexp.MustCompile(`\d+(?:\.\d+)?(?:\s*[x×]\s*\d+)*`)

// settingUnused names the numbers of src the reading leaves unexplained;
// prose is src with error messages blanked, l the layer read, and vals
// the values the reading uses (sizes, settings, solutions).
func settingUnused(src, prose string, l settingLayer, vals map[int]bool) []Unused {
	var out []Unused
	shapes := shapeRE.FindAllStringIndex(prose, -1)
	for _, m := range numberToken.FindAllStringIndex(src, -1) {
		if m[0] > 0 && isWordByte(src[m[0]-1]) || m[1] < len(src) && isLetterByte(src[m[1]]) && src[m[1]] != 'x' {
			continue // a name: conv5, fc2, 2d
		}
		if prose[m[0]] != src[m[0]] || inSpans(m[0], l.spans) || inSpans(m[0], spanPairs(shapes)) {
			continue // an error message's, or the layer's
		}
		if tokenUsed(src[m[0]:m[1]], vals) {
			continue
		}
		out = append(out, Unused{Text: src[m[0]:m[1]], Pos: offsetPosition(src, m[0])})
	}
	return out
}

// tokenUsed reports whether every number of a token is a value used.
func tokenUsed(tok string, vals map[int]bool) bool {
	for _, f := range regexp.MustCompile(`\d+(?:\.\d+)?`).FindAllString(tok, -1) {
		n, err := strconv.Atoi(f)
		if err != nil || !vals[n] {
			return false
		}
	}
	return true
}

// inSpans reports whether offset at is inside one of spans.
func inSpans(at int, spans [][2]int) bool {
	for _, s := range spans {
		if at >= s[0] && at < s[1] {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool { return b == '_' || isLetterByte(b) || b >= '0' && b <= '9' }

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// spanPairs turns index pairs into spans.
func spanPairs(ms [][]int) [][2]int {
	out := make([][2]int, len(ms))
	for i, m := range ms {
		out[i] = [2]int{m[0], m[1]}
	}
	return out
}

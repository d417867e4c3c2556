package paste

// A Keras model pasted with the words rebuilding it on another input:
// "I built it with input_shape=(30, 30, 1) and now my images are 42x42.
// If I rebuild with input_shape=(42, 42, 1), how many params will the
// Dense(64) have?". The question is about the model rebuilt: the code is
// read with the words' input_shape in place of its own.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// krRebuildRE is the words' new input: "rebuild with input_shape=(42,
// 42, 1)", "if I change it to input_shape=(64, 64, 3)".
var krRebuildRE = regexp.MustCompile(`(?i)\b(?:rebuil(?:d|t|ding)|re-build|chang(?:e|ing)|switch(?:ing)?|set(?:ting)?|us(?:e|ing)|mak(?:e|ing)|go(?:ing)?\s+with)\b[^\n]{0,40}?\b(input_shape\s*=\s*\(\s*\d{1,4}\s*,\s*\d{1,4}\s*(?:,\s*\d{1,4}\s*)?\))`)

// krCodeShapeRE is an input_shape in the code: on a line with a layer
// call.
var krCodeShapeRE = regexp.MustCompile(`input_shape\s*=\s*\(\s*\d{1,4}\s*,\s*\d{1,4}\s*(?:,\s*\d{1,4}\s*)?\)`)

// krSizeRE is a size in the words: "28x28".
var krSizeRE = regexp.MustCompile(`\b(\d{1,4})\s*[x×]\s*(\d{1,4})\b`)

// krWordsCallRE is a layer named in the words ("the Dense(64)"), which
// is no layer of the model.
var krWordsCallRE = regexp.MustCompile(`\b(?:Dense|Conv2D|MaxPooling2D|Flatten)\(\s*\d*\s*\)`)

// kerasRebuilt returns src with the code's input_shape replaced by the
// one the words rebuild it with, the words' shape and layer names
// blanked, and the note to say; ok false when the words rebuild nothing.
func kerasRebuilt(src string) (out string, note string, old []lang.Unused, ok bool) {
	m := krRebuildRE.FindStringSubmatchIndex(src)
	var newShape string
	if m != nil {
		newShape = src[m[2]:m[3]]
	} else if m, newShape = krRebuildSize(src); m == nil {
		return src, "", nil, false
	}
	lineStart := strings.LastIndexByte(src[:m[0]], '\n') + 1
	lineEnd := strings.IndexByte(src[m[0]:], '\n')
	if lineEnd < 0 {
		lineEnd = len(src)
	} else {
		lineEnd += m[0]
	}
	words := src[lineStart:m[2]] + strings.Repeat(" ", m[3]-m[2]) + src[m[3]:lineEnd]
	if !krCodeShapeRE.MatchString(words) {
		// the words' own layer names; a line that also holds the code
		// ("built with input_shape=(128,128,3): Conv2D(32,3) -> ...") keeps them
		words = krWordsCallRE.ReplaceAllStringFunc(words, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	rest := src[:lineStart] + words + src[lineEnd:]
	c := krCodeShapeRE.FindStringIndex(rest)
	if c == nil || strings.ReplaceAll(rest[c[0]:c[1]], " ", "") == strings.ReplaceAll(newShape, " ", "") {
		return src, "", nil, false
	}
	oldShape := rest[c[0]:c[1]]
	repl := newShape
	if len(repl) < len(oldShape) {
		repl += strings.Repeat(" ", len(oldShape)-len(repl))
	}
	out = rest[:c[0]] + repl + rest[c[1]:]
	why := "the input_shape the model was built with: the question rebuilds it with " + newShape
	old = append(old, lang.Unused{Text: oldShape[strings.IndexByte(oldShape, '('):], Pos: ptOffsetPos(src, c[0]+strings.IndexByte(oldShape, '(')), Why: why})
	dims := regexp.MustCompile(`\d+`).FindAllString(oldShape, 2)
	for _, d := range krSizeRE.FindAllStringSubmatchIndex(src[:lineStart]+words, -1) {
		if len(dims) == 2 && src[d[2]:d[3]] == dims[0] && src[d[4]:d[5]] == dims[1] {
			old = append(old, lang.Unused{Text: src[d[2]:d[3]], Pos: ptOffsetPos(src, d[2]), Why: why},
				lang.Unused{Text: src[d[4]:d[5]], Pos: ptOffsetPos(src, d[4]), Why: why})
		}
	}
	note = fmt.Sprintf("read with %s, as the words rebuild the model (the code has %s)", newShape, oldShape)
	return out, note, old, true
}

// krRebuildSizeRE is a new size in the words without a tuple: "if i
// resize everything to 160x160 and rebuild".
var krRebuildSizeRE = regexp.MustCompile(`(?i)\b(?:resiz\w*|rebuil\w*|re-build|switch\w*|chang\w*|rescal\w*|downscal\w*|upscal\w*|scal(?:e|ing))\b[^\n.?]{0,40}?\bto\s+((\d{1,4})\s*[x×]\s*(\d{1,4}))\b`)

// krRebuildSize reads the words' new size as the input_shape it makes with
// the code's channels; m holds the match and the size's span (m[2]:m[3]),
// nil when the words give none or the code has no 3-D input_shape.
func krRebuildSize(src string) (m []int, newShape string) {
	m = krRebuildSizeRE.FindStringSubmatchIndex(src)
	c := krCodeShapeRE.FindString(src)
	if m == nil || c == "" {
		return nil, ""
	}
	dims := regexp.MustCompile(`\d+`).FindAllString(c, -1)
	if len(dims) != 3 {
		return nil, ""
	}
	return m, fmt.Sprintf("input_shape=(%s, %s, %s)", src[m[4]:m[5]], src[m[6]:m[7]], dims[2])
}

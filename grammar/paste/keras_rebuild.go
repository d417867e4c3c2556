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
	if m == nil {
		return src, "", nil, false
	}
	newShape := src[m[2]:m[3]]
	lineStart := strings.LastIndexByte(src[:m[0]], '\n') + 1
	lineEnd := strings.IndexByte(src[m[0]:], '\n')
	if lineEnd < 0 {
		lineEnd = len(src)
	} else {
		lineEnd += m[0]
	}
	words := src[lineStart:lineEnd]
	words = strings.Replace(words, newShape, strings.Repeat(" ", len(newShape)), 1)
	words = krWordsCallRE.ReplaceAllStringFunc(words, func(s string) string { return strings.Repeat(" ", len(s)) })
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

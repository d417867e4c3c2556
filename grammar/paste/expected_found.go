package paste

// Keras's "Input 0 of layer "sequential" is incompatible with the layer:
// expected shape=(None, 32, 32, 3), found shape=(None, 64, 64, 3)" beside
// a model without its input, asked both ways ("how many params now, and
// how many if I rebuild for 64x64?"): the model on the input it was built
// for, and on the one it is given.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasExpectedFoundRE is the message, with both shapes after the batch.
var kerasExpectedFoundRE = regexp.MustCompile(`expected shape=\(None,\s*(\d{1,4}(?:\s*,\s*\d{1,4}){1,3})\),\s*found shape=\(None,\s*(\d{1,4}(?:\s*,\s*\d{1,4}){1,3})\)`)

// kerasCodeInputRE is an input the code gives itself.
var kerasCodeInputRE = regexp.MustCompile(`\binput_shape\s*=|\bInput\s*\(|\bInputLayer\s*\(|\bbatch_input_shape\s*=`)

// allExpectedFoundAsked returns the two shapes of the message (expected,
// found) when src pastes Keras without its input and the words name the
// found size ("rebuild for 64x64") or ask both; nil otherwise.
func allExpectedFoundAsked(src string) []string {
	m := kerasExpectedFoundRE.FindStringSubmatchIndex(src)
	if m == nil || kerasCodeInputRE.MatchString(src) || !LooksLikeKeras(src) {
		return nil
	}
	expected, found := src[m[2]:m[3]], src[m[4]:m[5]]
	words := src[:m[0]] + src[m[1]:]
	dims := strings.Split(found, ",")
	side := strings.TrimSpace(dims[0])
	if len(dims) >= 2 {
		side += "x" + strings.TrimSpace(dims[1])
	}
	low := strings.ToLower(words)
	if !strings.Contains(strings.ReplaceAll(low, " ", ""), side) && !regexp.MustCompile(`\b(?:rebuild|both|each|and\s+(?:if|with|for))\b`).MatchString(low) {
		return nil
	}
	return []string{expected, found}
}

// allExpectedFound reads src as two questions, the model on the input the
// message expects and on the one it found, each as an Input(shape=...) in
// place of the message's line; nil when src is not such a message.
func allExpectedFound(src string) []*lang.Question {
	shapes := allExpectedFoundAsked(src)
	if shapes == nil {
		return nil
	}
	m := kerasExpectedFoundRE.FindStringIndex(src)
	start := strings.LastIndexByte(src[:m[0]], '\n') + 1
	end := strings.IndexByte(src[m[1]:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += m[1]
	}
	var out []*lang.Question
	for i, sh := range shapes {
		call := fmt.Sprintf("Input(shape=(%s))", sh)
		if len(call) > end-start {
			return nil
		}
		text := src[:start] + call + strings.Repeat(" ", end-start-len(call)) + src[end:]
		q, err := ParseKeras(text)
		if err != nil {
			return nil
		}
		which := []string{"the input the model was built for (Keras's expected shape)", "the input it is given (Keras's found shape)"}[i]
		q.Notes = append(q.Notes, fmt.Sprintf("on (None, %s), %s", sh, which))
		out = append(out, q)
	}
	return out
}

package paste

// What the words of a Keras paste do beside its code: a message line
// ("ValueError: Shapes (None, 10) and (None, 13, 13, 10) are
// incompatible") is no code, and "if i add Flatten() before it" asks the
// model with that Flatten.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasMessageLineRE starts a line of a message Python printed.
var kerasMessageLineRE = regexp.MustCompile(`(?m)^[ \t]*(?:ValueError|TypeError|InvalidArgumentError|tensorflow\.python\.framework\.errors_impl\.\w+|ResourceExhaustedError|RuntimeError)\s*:[^\n]*$`)

// kerasReadMessageRE are the messages the Keras readers read themselves.
var kerasReadMessageRE = regexp.MustCompile(`expected axis -1|Negative dimension size|expected shape=|Kernel size can't|Output size is too small|Calculated output size`)

// kerasBlankMessages blanks the message lines of src that hold no layer
// call of the model (spaces, so positions hold).
func kerasBlankMessages(src string) string {
	return kerasMessageLineRE.ReplaceAllStringFunc(src, func(l string) string {
		if strings.Contains(l, "model.add(") || strings.Contains(l, "Sequential(") || kerasReadMessageRE.MatchString(l) || LooksLikeError(l) {
			return l // code, or a message a reader of its own reads
		}
		return strings.Repeat(" ", len(l))
	})
}

// kerasAddFlattenRE asks the model with a Flatten put in: "if i add
// Flatten() before it", "add a Flatten layer before the Dense".
var kerasAddFlattenRE = regexp.MustCompile(`(?i)\b(?:add|adding|put|putting|insert|inserting|use|using)\s+(?:a\s+|an\s+)?(?:layers\.)?Flatten(?:\(\))?(?:\s+layer)?\s+(?:before|in\s+front\s+of|ahead\s+of)\b`)

// kerasAddFlatten puts a Flatten before the first Dense that follows a
// conv or pool directly, when the words ask for one; it reports whether
// it did.
func kerasAddFlatten(src string, q *lang.Question) bool {
	loc := kerasAddFlattenRE.FindStringIndex(src)
	if loc == nil {
		return false
	}
	from, to := ptOffsetPos(src, loc[0]), ptOffsetPos(src, loc[1])
	q.Layers = slices.DeleteFunc(q.Layers, func(l lang.Layer) bool {
		_, fl := l.Layer.(calc.Flatten)
		return fl && l.Pos.Line == from.Line && l.Pos.Col >= from.Col && l.Pos.Col <= to.Col // the words' Flatten()
	})
	for i := 1; i < len(q.Layers); i++ {
		if _, ok := q.Layers[i].Layer.(calc.Linear); !ok {
			continue
		}
		switch q.Layers[i-1].Layer.(type) {
		case calc.Conv, calc.Pool:
		default:
			return false
		}
		fl := lang.Layer{Layer: calc.Flatten{}, Pos: ptOffsetPos(src, loc[0])}
		q.Layers = slices.Insert(q.Layers, i, fl)
		q.Notes = append(q.Notes, fmt.Sprintf("with a Flatten() before the Dense (layer %d), as the words add it: the Dense then takes every value of the map", i+2))
		return true
	}
	return false
}

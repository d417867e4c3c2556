package grammar

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Questions asked one after another along a stack: "input 572x572, two
// 3x3 valid convs -> ? then maxpool 2 -> ?". The second question starts
// with "then": its layer takes the first question's output, not the
// input the message gave. Read alone on that input, it answers a size
// the asker did not ask for (286 for 284).

// withThenParts reads again each question whose part starts with "then"
// as the question before it with the part's layers after its own, when
// both are sized on an input; the others are returned as they are.
func withThenParts(parts []part, qs []*Question) []*Question {
	out := slices.Clone(qs)
	for k := 1; k < len(qs) && k < len(parts); k++ {
		if !thenStart.MatchString(strings.TrimSpace(parts[k].text)) {
			continue
		}
		if q := onOutputOf(out[k-1], qs[k]); q != nil {
			out[k] = q
		}
	}
	return out
}

// onOutputOf is q's layers after before's, on before's input, asked as q
// asks; nil when before has no input or the two do not chain.
func onOutputOf(before, q *Question) *Question {
	if len(before.Input) == 0 || len(before.Layers) == 0 || len(q.Layers) == 0 || q.Solve != nil || before.Solve != nil || q.Preset != "" || before.Preset != "" {
		return nil
	}
	var layers []calc.Layer
	for _, l := range before.Layers {
		layers = append(layers, l.Layer)
	}
	for _, l := range q.Layers {
		layers = append(layers, withInChannels(l.Layer, nil))
	}
	again, err := specQuestion(before.Input, layers)
	if err != nil {
		return nil
	}
	if _, ok := computed(again); !ok {
		return nil
	}
	again.Asked = q.Asked
	if len(again.Asked) == 0 {
		again.Asked = before.Asked // "-> ? then maxpool 2 -> ?": the same asked again
	}
	again.Unused = q.Unused
	again.Notes = append([]string{fmt.Sprintf("“then”: on the output of question before, whose %d layer(s) come first", len(before.Layers))}, q.Notes...)
	return again
}

package paste

// "Negative dimension size caused by subtracting 3 from 1", "Kernel size
// can't be greater than actual input size", "Output size is too small":
// the framework's own message says a layer gets a map too small for it.
// The question is then what reaches that layer, so the reading stops
// before it, and says so.

import (
	"fmt"
	"regexp"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptTooSmallRE finds the messages of a map too small for its layer.
var ptTooSmallRE = regexp.MustCompile(`Negative dimension size caused by subtracting|Kernel size can't be greater than actual input size|Output size is too small|Calculated output size: \(\d+x0`)

// ptCutAtTooSmall stops q before the first layer that cannot take what
// reaches it, when src holds a message saying so; it reports whether it
// did.
func ptCutAtTooSmall(src string, q *lang.Question) bool {
	if q.Input == nil || q.Fix != nil || !ptTooSmallRE.MatchString(src) {
		return false
	}
	in := q.Input
	for i, l := range q.Layers {
		r, err := l.Apply(in)
		if err == nil {
			in = r.Output
			continue
		}
		if i == 0 {
			return false
		}
		q.Notes = append(q.Notes, fmt.Sprintf("layer %d (%s, line %d) cannot take the %s that reaches it, as the error says: the reading stops before it",
			i+1, lang.FormatLayer(l.Layer), l.Pos.Line, ptShapeText(in)))
		q.Layers = q.Layers[:i]
		q.Network = len(q.Layers) > 1
		if len(q.Asked) == 0 {
			q.Asked = []string{"output"}
		}
		q.Canonical = lang.Format(q)
		return true
	}
	return false
}

// ptBatchValues says how many values the output holds for the batch the
// words give ("for a batch of 32 224x224 images"), and sets q.Batch.
func ptBatchValues(batch int, q *lang.Question) {
	if batch < 2 || q.Input == nil || len(q.Layers) == 0 {
		return
	}
	q.Batch = batch
	n, ok := ptElementsBefore(q.Layers, len(q.Layers), q.Input)
	if !ok || n*int64(batch) > 1<<50 {
		return
	}
	all := n * int64(batch)
	q.Notes = append(q.Notes, fmt.Sprintf("for the batch of %d: %d × %s = %s output values (%s bytes in float32)",
		batch, batch, lang.Group(int(n)), lang.Group(int(all)), lang.Group(int(4*all))))
}

// ptCutNamedRE names the layer a "map too small" message fails at as the
// last one: a reading stopped before it must not answer for the layer
// before as if it were that one.
var ptCutNamedRE = regexp.MustCompile(`(?i)\b(?:that|the)\s+(?:last|final|extra)\s+(?:conv\w*|layer|pool\w*)\b`)

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

package grammar

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/english"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A receptive field asked as a count of input pixels ("how many pixels in
// the input image are supporting a neuron in the fourth layer") is its
// area: a field of 17 on a 2-D input is 17×17 = 289 pixels. The reply's
// first line gives the field's side; a note gives the count asked.

// withFieldArea returns q with a note giving the area of its receptive
// field when src asks for it as a count of input pixels, or nil when it
// does not or the field is not known.
func withFieldArea(src string, q *Question) *Question {
	if q == nil || !slices.Contains(q.Asked, "receptive field") || !english.FieldArea(src) || len(q.Layers) == 0 {
		return nil
	}
	s, err := summarize(q)
	if err != nil && len(s.Rows) == 0 {
		return nil
	}
	var field []calc.Window
	for i := len(s.Rows) - 1; i >= 0 && field == nil; i-- {
		field = s.Rows[i].Field
	}
	if len(field) == 0 {
		return nil
	}
	if len(field) == 1 {
		return nil // a 1-D field's pixels are its side
	}
	area, err := calc.FieldArea(field)
	if err != nil {
		return nil
	}
	sides := make([]string, len(field))
	for i, w := range field {
		sides[i] = fmt.Sprint(w.Size)
	}
	cp := *q
	cp.Notes = append(slices.Clip(q.Notes), fmt.Sprintf("pixels of the input one output neuron depends on (the receptive field's area): %s = %s", strings.Join(sides, " × "), lang.Group(int(area))))
	return &cp
}

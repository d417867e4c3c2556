package paste

// A summary pasted from the middle, its first row's count elided:
//
//	conv2d_2 (Conv2D)           (None, 31, 31, 64)        ...
//	conv2d_3 (Conv2D)           (None, ?, ?, 128)         ?
//
// The first row is there for its output: what the rows after it take.
// Its layer cannot be rebuilt (no count, no input before it), so the
// table is read from its output.

import (
	"fmt"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// startAfterElided reads a first row whose count is an ellipsis and whose
// output is whole as the table's input row (its output is q's input, as an
// InputLayer row's is), when nothing else gives the input and rows follow
// it; rows as they are otherwise. The rows keep their numbers.
func startAfterElided(rows []kerasRow, q *lang.Question) []kerasRow {
	if q.Input != nil || len(rows) < 2 || !rows[0].Elided || rows[0].Blank {
		return rows
	}
	in := kerasChannelsFirst(rows[0].Out)
	if in == nil {
		return rows
	}
	q.Notes = append(q.Notes, fmt.Sprintf("row 1 (%s) gives no count: the table is read from its output, %s, the input of row 2", rows[0].Name, ptShapeText(in)))
	out := append([]kerasRow{}, rows...)
	out[0].Type = "InputLayer"
	return out
}

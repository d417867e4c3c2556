package grammar

// A stack said with repeats ("5 blocks of [conv3x3 p1, maxpool 2]", "a
// 3x3 conv applied four times") uses its count: it unrolled the layers
// that many times, and the front-end hands the count over in
// Question.Repeats. The count is no size of the reading, so readingValues
// would leave it unexplained and the reply would doubt a number it used.

// repeatCounts adds to vals the counts q's layers were repeated by.
func repeatCounts(q *Question, vals map[float64]bool) {
	for _, n := range q.Repeats {
		vals[float64(n)] = true
	}
}

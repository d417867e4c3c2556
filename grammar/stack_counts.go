package grammar

import (
	"regexp"
	"strconv"
)

// A stack said with repeats ("5 blocks of [conv3x3 p1, maxpool 2]", "a
// 3x3 conv applied four times") uses its count: it unrolled the layers
// that many times, and its notes say so. The count is no size of the
// reading, so readingValues would leave it unexplained and the reply
// would doubt a number it used.

// repeatNote matches the notes that say how many times layers were
// repeated: "read as 5 blocks of 2 layers", "read as the layer applied 4
// times", "3 identical layers".
var repeatNote = regexp.MustCompile(`\bread as (\d+) blocks of\b|\bapplied (\d+) times\b|^(\d+) identical layers\b`)

// repeatCounts adds to vals the counts q's notes say its layers were
// repeated.
func repeatCounts(q *Question, vals map[float64]bool) {
	for _, n := range q.Notes {
		for _, m := range repeatNote.FindAllStringSubmatch(n, -1) {
			for _, g := range m[1:] {
				if v, err := strconv.Atoi(g); err == nil {
					vals[float64(v)] = true
				}
			}
		}
	}
}

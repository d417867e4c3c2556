package grammar

import (
	"regexp"
	"slices"
)

// Several layers asked about by place may be asked together: "how many
// activation values for conv1_1 + conv1_2 + pool1 together", "how many
// float values are those two outputs together", "conv1_1 and conv1_2
// combined". Each layer's number alone does not answer it: the sum does.

// togetherWord matches a sum asked of the layers named: "together",
// "combined", "in total", "summed", "altogether", "a + b".
var togetherWord = regexp.MustCompile(`(?i)\b(?:together|combined|altogether|in\s+total|total(?:led)?|summed|sum\s+of|added\s+up)\b|\b(?:conv|pool|fc)\d(?:_\d)?\s*\+\s*(?:conv|pool|fc)\d`)

// withAtTogether marks q's places as asked together when src says so
// and q asks about two layers or more by place; q otherwise.
func withAtTogether(src string, q *Question) *Question {
	if len(q.At) < 2 || !togetherWord.MatchString(src) {
		return q
	}
	cp := *q
	cp.AtTogether = true
	if len(q.Asked) == 0 && activationsWord.MatchString(src) {
		cp.At = slices.Clone(q.At)
		for i := range cp.At {
			cp.At[i].What = AtOutput // "activation values ... together": the values the outputs hold
		}
	}
	return &cp
}

// activationsWord matches the values a layer's output holds asked by
// another name: "activations", "activation values".
var activationsWord = regexp.MustCompile(`(?i)\bactivations?(?:\s+values)?\b`)

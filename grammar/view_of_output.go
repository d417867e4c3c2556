package grammar

// A view written after a layer reshapes that layer's output: "nn.Linear(20,
// 64 * 7 * 7) and then view(-1, 64, 7, 7)", "x.reshape(-1, 128, 4, 4)
// after the fc". Its shape is no layer's output in the reading (a Linear
// gives 3136 values flat), yet every number of it is accounted for: the
// values are the same, only arranged.

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// viewCallBefore matches the end of text that opens a reshaping call:
// view(, .reshape(, Reshape((, unflatten(1, .
var viewCallBefore = regexp.MustCompile(`(?i)\b(?:view|reshape|unflatten\s*\(\s*1\s*,|unflatten)\s*\(?\s*$`)

// viewOfOutput reports whether the shape dims, written at offset at of
// src, is a view (its size written after view( or reshape() whose values
// number the same as one of shapes.
func viewOfOutput(src string, at int, dims []int, shapes []calc.Shape) bool {
	if !viewCallBefore.MatchString(src[max(0, at-24):at]) {
		return false
	}
	n := 1
	for _, d := range dims {
		n *= d
	}
	for _, s := range shapes {
		if len(s) == 0 {
			continue
		}
		m := 1
		for _, d := range s {
			m *= d
		}
		if m == n {
			return true
		}
	}
	return false
}

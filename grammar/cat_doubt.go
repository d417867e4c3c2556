package grammar

// Code that joins tensors — torch.cat([x2, x1], dim=1) —
// makes the next layer's channels a sum. A reading without a join of two
// branches there (a tensor from outside forward dropped, English reading the
// code's numbers as a chain) answers with one side's channels only: it is
// not sure.

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
)

// joinCall matches a call that concatenates tensors along the channels.
// Keras's functional branches are read with each layer's own input (the
// reader says so), so only PyTorch's join is checked.
var joinCall = regexp.MustCompile(`\btorch\.(?:cat|concat|concatenate)\s*\(\s*[\[(]`)

// joinDropped is a doubt when src joins tensors and no concatenation of
// the reading has two branches or more; or "".
func joinDropped(src string, q *Question) string {
	if q.Preset != "" || !joinCall.MatchString(src) || joinsTwo(q) {
		return ""
	}
	return "the code joins tensors (torch.cat), and this reading joins no two: the channels after the join are a sum it does not have"
}

// joinsTwo reports whether a layer of q, at any depth, is a concatenation
// of two branches or more.
func joinsTwo(q *Question) bool {
	var walk func(ls []calc.Layer) bool
	walk = func(ls []calc.Layer) bool {
		for _, l := range ls {
			switch v := l.(type) {
			case calc.Concat:
				if len(v.Branches) >= 2 {
					return true
				}
				for _, b := range v.Branches {
					if walk(b) {
						return true
					}
				}
			case calc.Residual:
				if walk(v.Body) || walk(v.Shortcut) {
					return true
				}
			}
		}
		return false
	}
	var top []calc.Layer
	for _, l := range q.Layers {
		top = append(top, l.Layer)
	}
	return walk(top)
}

package grammar

import "strings"

// "what is the spatial size right before the third conv?", "the size
// going into the last conv (where it crashes)": what enters a conv or a
// pool is what the layer before it puts out, so the place asked becomes
// that layer's output, named for the layer the asker named.

// stoppedAt is the layer "the last conv" names when the reading stopped
// before a layer that cannot take what reaches it (paste/toosmall.go):
// that layer, one past the reading's end, is the asker's last; i
// otherwise.
func stoppedAt(q *Question, r atRef, i int) int {
	if r.nth != -2 || r.kind == "" {
		return i
	}
	for _, n := range q.Notes {
		if strings.Contains(n, "the reading stops before it") && strings.Contains(n, "("+r.kind) {
			return len(q.Layers)
		}
	}
	return i
}

// enteringAt is the place that answers "what enters layer i (0-based),
// named name": the output of layer i-1, with a name that says so; -1
// when i is the first layer (what enters it is the input, already
// written in the question).
func enteringAt(i int, name string) (int, string, string) {
	if i < 1 {
		return -1, name, ""
	}
	return i - 1, "the layer before " + name, AtOutput
}

package paste

// inputWordAfter reports whether the size at node i, in a comment beside
// the first layer built, is followed by a word naming it the input:
// "conv1 = nn.Conv2d(1, 6, 5)  # 32x32 in", "# 28x28 input". Beside a
// later layer the same words would name that layer's input, not the
// network's, so only the first layer's line counts.
func (r *ptProseReader) inputWordAfter(i int, called map[int]bool) bool {
	line := r.nodes[i].Pos.Line
	if i+1 >= len(r.nodes) || r.nodes[i+1].Pos.Line != line {
		return false
	}
	switch r.word(i + 1) {
	case "in", "input", "inputs", "images", "image", "imgs", "img":
	default:
		return false
	}
	for l := range called {
		if l < line {
			return false
		}
	}
	return true
}

package english

// "maxpool 2 with ceil_mode=True on 7x7", "avg pool 3 stride 2 on 9x9": the
// number right after the pool word is its window, as PyTorch's
// nn.MaxPool2d(2) writes it, so a size said after "on" or "for" is the
// input, however small, not the window.

// poolNumberWindow reports whether pool anchor a has an unread number
// right after its word, which poolWindow takes as the window.
func (r *enReader) poolNumberWindow(a *enAnchor) bool {
	if a.kind != "pool" || a.op == "global" {
		return false
	}
	i := a.tok + 1
	if i >= len(r.toks) || r.toks[i].kind != 'n' || r.toks[i].used || r.toks[i].isFrac || r.toks[i].num < 1 || r.toks[i].num > 16 {
		return false
	}
	for _, b := range a.bare {
		if b == i {
			return true
		}
	}
	return false
}

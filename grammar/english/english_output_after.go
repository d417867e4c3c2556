package english

// outputNamedAfter reports whether the size at i is a conv's output named
// after it, three-sided: "a 55x55x96 conv output", "the 28x28x6 output
// volume", "a 112x112x64 conv activation". A size before "conv" with no
// output word after it names the conv's kernel ("a 3x3 conv").
func (r *enReader) outputNamedAfter(i int) bool {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != 's' || len(r.toks[i].dims) != 3 {
		return false
	}
	j := i + 1
	if l := r.lem(j); l == "conv" || l == "layer" {
		j++
	}
	switch l := r.lem(j); l {
	case "output", "outsize":
		return r.lem(j+1) != "of" // "a 5x5x3 conv output of ..." says no volume
	case "activation":
		return true
	}
	return false
}

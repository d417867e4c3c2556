package english

// Convs said together with their channels as one chain of arrows: "two
// convs 3x3 'same' 1->16->16 then maxpool2", "3x3 convs 3->32->64->128
// on 64x64". The chain's first number is the first conv's input, each
// after it one conv's output: as many convs as arrows. (The last 16 of
// "1->16->16" was read as the input's channels.)

// arrowRun is the numbers joined by arrows from token i on ("1->16->16"),
// with their tokens; one number when no arrow follows.
func (r *enReader) arrowRun(i int) (vals []int, toks []int) {
	for j := i; j < len(r.toks) && r.toks[j].kind == 'n' && !r.toks[j].isFrac; j += 2 {
		vals, toks = append(vals, enClamp(max(r.toks[j].num, 0))), append(toks, j)
		if r.lem(j+1) != "->" {
			break
		}
	}
	return vals, toks
}

// numChannelChain reads a chain of three channel counts or more said of
// convs counted (or said in the plural) as each conv's channels in turn;
// false when the number at n starts no such chain.
func (r *enReader) numChannelChain(n *enNum) bool {
	if n.t.kind != 'n' || n.m == nil || n.m.kind != "conv" || r.lem(n.i-1) == "->" {
		return false
	}
	vals, toks := r.arrowRun(n.i)
	convs := len(vals) - 1
	if convs < 2 || convs > 64 {
		return false
	}
	switch {
	case n.m.repeat == convs:
	case n.m.repeat <= 1 && r.saidPlural(n.m.tok):
		n.m.repeat = convs
		n.m.at["repeat"] = n.i
	default:
		return false
	}
	n.m.counts = append(n.m.counts, enCount{v: int64(vals[0]), class: "channel", role: "in", tok: toks[0]},
		enCount{v: int64(vals[1]), class: "channel", role: "out", tok: toks[1]})
	n.m.setList("out", vals[1:])
	for _, k := range toks {
		r.toks[k].used = true
	}
	return true
}

// saidPlural reports whether the layer word at token i is said in the
// plural, itself or by the word after it: "convs", "Conv2d layers".
func (r *enReader) saidPlural(i int) bool {
	return r.toks[i].plural || i+1 < len(r.toks) && r.lem(i+1) == "layer" && r.toks[i+1].plural
}

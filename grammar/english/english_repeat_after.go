package english

import "strings"

// A layer said once with how many times it comes after it: "conv 3x3 32
// filters twice", "a 3x3 conv with 64 filters, three times", "maxpool 2x2
// thrice". The count is the layer's repeat, not a number of its own
// (the number word "twice" would otherwise be read as channels).

// enTimesAfter are the words that make the number before them a repeat.
var enTimesAfter = map[string]bool{"times": true, "time": true}

// numRepeatAfter reads the repeat said after the layer it repeats; false
// when the number at n is none.
func (r *enReader) numRepeatAfter(n *enNum) bool {
	raw := strings.ToLower(n.t.raw)
	word := raw == "twice" || raw == "thrice"
	times := n.t.kind == 'n' && !n.t.isFrac && n.i+1 < len(r.toks) && enTimesAfter[strings.ToLower(r.toks[n.i+1].raw)] && (n.i+2 == len(r.toks) || !r.isNum(n.i+2) && r.toks[n.i+2].kind != 's')
	if !word && !times || n.a == nil || n.a.tok > n.i || n.a.repeat > 1 || n.a.ctx {
		return false
	}
	switch n.a.kind {
	case "conv", "pool", "fc", "deconv":
	default:
		return false
	}
	if v := n.t.num; v >= 2 && v <= 64 {
		n.a.repeat, n.a.at["repeat"] = int(v), n.i
		if times {
			r.toks[n.i+1].used = true
		}
		return true
	}
	return false
}

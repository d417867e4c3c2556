package english

import (
	"fmt"
	"strings"
)

// A depthwise conv's depth multiplier (Keras's depth_multiplier, the
// "channel multiplier" of the MobileNet paper) is how many filters it has
// per input channel: "DepthwiseConv2D 3x3, depth_multiplier=2, on 24
// channels" has 48 output channels in 24 groups. It is not a count of
// filters, and reading it as one leaves groups that do not divide the
// output.

// enMultiplierSkip are the words between "multiplier" and its value.
var enMultiplierSkip = map[string]bool{"=": true, "of": true, "is": true, ":": true, "a": true, "the": true}

// numMultiplier files the number at n as its depthwise conv's multiplier
// when a word of multiplier comes just before it ("depth_multiplier=2",
// "channel multiplier 4", "a multiplier of 6").
func (r *enReader) numMultiplier(n *enNum) bool {
	if n.t.kind != 'n' || n.t.isFrac || n.m == nil || n.m.kind != "conv" || !n.m.depthwise && !n.m.separable || n.t.num < 1 || n.t.num > 1<<10 {
		return false
	}
	j := n.i - 1
	for j >= 0 && enMultiplierSkip[strings.ToLower(r.toks[j].raw)] {
		j--
	}
	if j < 0 || !strings.HasSuffix(strings.ToLower(r.toks[j].raw), "multiplier") {
		return false
	}
	n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: "multiplier", role: "mult", tok: n.i})
	r.toks[n.i].used = true
	return true
}

// depthMultiplied is the output channels of a depthwise conv a with a
// multiplier said: in times the multiplier, when its input channels in
// are known and no output is said besides; out otherwise.
func (r *enReader) depthMultiplied(a *enAnchor, out, in int) int {
	for _, c := range a.counts {
		if a.separable || c.role != "mult" || in <= 0 || out != 0 && out != in*int(c.v) {
			continue
		}
		r.notes = append(r.notes, fmt.Sprintf("depth multiplier %d: %d filters per input channel, %d×%d = %d output channels in %d groups", c.v, c.v, in, c.v, in*int(c.v), in))
		return in * int(c.v)
	}
	return out
}

// separableMultiplier is the depth multiplier said of separable conv a
// ("separable conv 3x3, 32 -> 64, depth multiplier 2"): its depthwise
// part has in·M filters and its pointwise part reads them; 1 when none
// is said.
func (r *enReader) separableMultiplier(a *enAnchor, in int) int {
	for _, c := range a.counts {
		if c.role == "mult" && c.v > 1 {
			r.notes = append(r.notes, fmt.Sprintf("depth multiplier %d: the depthwise part has %d×%d = %d filters (%d per input channel), which the 1×1 pointwise part reads", c.v, in, c.v, in*int(c.v), c.v))
			return int(c.v)
		}
	}
	return 1
}

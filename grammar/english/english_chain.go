package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// enNoBiasRE says no layer has a bias: "all bias=False", "no bias".
var enNoBiasRE = regexp.MustCompile(`(?i)\bno\s+bias|bias\s*=\s*false|without\s+(?:a\s+|any\s+)?bias|use_bias\s*=\s*false`)

// kernelChain reads a stack written as a channel chain and a list of
// kernels, one per conv: "bottleneck 256->64->64->256 (1x1,3x3,1x1)",
// "1x7 then 7x1 (128->128, no bias)" (every conv 128->128). It applies only
// when the question holds one chain, one list, no map size (the padding
// of each conv is not said) and no comparison; false leaves the question
// to the other readings.
func (r *enReader) kernelChain(q *lang.Question) bool {
	chain, kernels := r.channelChain(), r.kernelList()
	n := len(kernels)
	if len(chain) < 2 || n < 2 || len(chain) != n+1 && len(chain) != 2 || r.comparing() {
		return false
	}
	if len(chain) == 2 {
		// "(128->128)" said once for the stack: the first conv changes the
		// channels, the others keep them.
		for len(chain) < n+1 {
			chain = append(chain, chain[len(chain)-1])
		}
	}
	noBias := enNoBiasRE.MatchString(r.src)
	pos := enPos(r.src, r.toks[0].off)
	for k, ks := range kernels {
		c := calc.Conv{Dims: 2, In: chain[k], Out: chain[k+1], Kernel: ks, NoBias: noBias}
		q.Layers = append(q.Layers, lang.Layer{Layer: c, Pos: pos})
	}
	// The readings of the sizes as an input or a kernel on their own go.
	r.notes = slices.DeleteFunc(r.notes, func(n string) bool { return strings.Contains(n, " read as the ") })
	q.Network = true
	if noBias && slices.Contains(q.Asked, "weights") {
		// A network's count is its parameters; with no bias they are its weights.
		q.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(s string) bool { return s == "weights" }), "params")
		r.notes = append(r.notes, "no layer has a bias: the weights are all the parameters")
	}
	r.notes = append(r.notes, fmt.Sprintf("read as %d convs, one per kernel, channels %s", n, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(chain)), " → "), "[]")))
	q.Framework = r.framework()
	return true
}

// channelChain is the one arrow chain of counts the question holds
// ("256->64->64->256"), nil for none or several.
func (r *enReader) channelChain() []int {
	var found []int
	for i := 0; i < len(r.toks); i++ {
		if r.toks[i].kind != 'n' || r.lem(i+1) != "->" || i+2 >= len(r.toks) || r.toks[i+2].kind != 'n' {
			continue
		}
		if found != nil {
			return nil
		}
		found = []int{enClamp(r.toks[i].num)}
		for i+2 < len(r.toks) && r.lem(i+1) == "->" && r.toks[i+2].kind == 'n' {
			found = append(found, enClamp(r.toks[i+2].num))
			i += 2
		}
	}
	return found
}

// kernelList is the one list of two or more 2-D kernel sizes the question
// holds, joined by commas, "then" or "+" ("(1x1,3x3,1x1)", "1x7 then
// 7x1"); nil for none or sizes elsewhere.
func (r *enReader) kernelList() [][]int {
	var list [][]int
	last := -1
	for i, t := range r.toks {
		if t.kind != 's' {
			continue
		}
		if !kernelSized(t.dims) {
			return nil // a map size: the padding of each conv is not said, left to the other readings
		}
		if last >= 0 && !r.joinsKernels(last, i) {
			return nil
		}
		list, last = append(list, t.dims), i
	}
	return list
}

// joinsKernels reports whether only a comma, "then", "+" or "and" stand
// between the sizes at i and j.
func (r *enReader) joinsKernels(i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch r.lem(k) {
		case ",", "then", "+", "and", "conv", "the", "followed", "by":
		default:
			return false
		}
	}
	return true
}

// comparing reports whether the question sets designs against each other.
func (r *enReader) comparing() bool {
	for i, t := range r.toks {
		w := strings.ToLower(t.raw)
		if enVersus[w] || w == "compared" || w == "rather" || w == "instead" && strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "of") {
			return true
		}
	}
	return false
}

// kernelSized reports whether dims can be a 2-D kernel of a stack: two
// sides of at most 15.
func kernelSized(dims []int) bool {
	return len(dims) == 2 && dims[0] <= 15 && dims[1] <= 15
}

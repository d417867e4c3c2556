package english

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// arrowStack reads a stack written as channels and convs joined by arrows,
// one conv a step: "256 channels in -> 1x1 conv to 64 -> 3x3 conv 64 ->
// 1x1 conv back to 256". The first step says the channels coming in; each
// after it one kernel, the conv word and the channels it makes. Any other
// word in a step (a stride, a padding) leaves the question to the other
// readings, as does a chain of fewer than two convs.
func (r *enReader) arrowStack(q *lang.Question) bool {
	steps := r.arrowSteps()
	if len(steps) < 3 {
		return false
	}
	in, ok := r.stackInput(steps[0])
	if !ok {
		return false
	}
	noBias := enNoBiasRE.MatchString(r.src)
	chain := []int{in}
	for _, s := range steps[1:] {
		k, out, stride, ok := r.stackConv(s)
		if !ok {
			return false
		}
		c := calc.Conv{Dims: 2, In: chain[len(chain)-1], Out: out, Kernel: k, Stride: stride, NoBias: noBias}
		q.Layers = append(q.Layers, lang.Layer{Layer: c, Pos: enPos(r.src, r.toks[s[0]].off)})
		chain = append(chain, out)
	}
	q.Network = true
	if noBias && slices.Contains(q.Asked, "weights") {
		// A network's count is its parameters; with no bias they are its weights.
		q.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(s string) bool { return s == "weights" }), "params")
		r.notes = append(r.notes, "no layer has a bias: the weights are all the parameters")
	}
	r.notes = append(r.notes, fmt.Sprintf("read as %d convs, channels %s", len(q.Layers), enArrowText(chain)))
	return true
}

// arrowSteps splits the one arrow chain of the question into its steps,
// each the tokens between two arrows; the first runs back to the start of
// its phrase, the last on to the end of its own. Nil when there is no
// chain or more than one.
func (r *enReader) arrowSteps() [][]int {
	var steps [][]int
	var cur []int
	for i := range r.toks {
		switch l := r.lem(i); {
		case l == "->":
			steps, cur = append(steps, cur), nil
		case enStop[l] && l != "with" && l != "then" && l != "and" || l == "(" || l == ":":
			if len(steps) > 0 {
				return append(steps, cur)
			}
			cur = nil
		default:
			cur = append(cur, i)
		}
	}
	if len(steps) == 0 {
		return nil
	}
	return append(steps, cur)
}

// stackInput is the channel count the chain starts from: one number, with
// words of channels around it ("256 channels in", "64 in"); "input 64" may
// be a size, left to the other readings.
func (r *enReader) stackInput(s []int) (int, bool) {
	n := -1
	for _, i := range s {
		switch t := r.toks[i]; {
		case t.kind == 'n' && n < 0:
			n = i
		case t.kind == 'w' && (t.lem == "channel" || t.lem == "in" || t.lem == "the" || t.lem == "with"):
		default:
			return 0, false
		}
	}
	return enClamp(r.toks[max(n, 0)].num), n >= 0
}

// stackConv reads one step: a kernel, the conv word and the channels out
// ("1x1 conv to 64", "3x3 conv 64", "1x1 conv back to 256"), and a stride
// said with its value ("3x3 conv 64 stride 2").
func (r *enReader) stackConv(s []int) (kernel []int, out int, stride []int, ok bool) {
	conv := false
	for k := 0; k < len(s); k++ {
		i := s[k]
		switch t := r.toks[i]; {
		case t.kind == 'w' && t.lem == "stride" && stride == nil && k+1 < len(s) && r.toks[s[k+1]].kind == 'n':
			stride = []int{enClamp(r.toks[s[k+1]].num)}
			k++
		case t.kind == 's' && kernel == nil && kernelSized(t.dims):
			kernel = t.dims
		case t.kind == 'n' && out == 0:
			out = enClamp(t.num)
		case t.kind == 'w' && t.lem == "conv" && t.dimsOf <= 2:
			conv = true
		case t.kind == 'w' && enStackFill[strings.ToLower(t.raw)]:
		default:
			return nil, 0, nil, false
		}
	}
	return kernel, out, stride, conv && kernel != nil && out > 0
}

// enStackFill are the words a step of an arrow stack may hold besides its
// kernel, conv word and channels.
var enStackFill = map[string]bool{"to": true, "back": true, "a": true, "the": true, "channels": true, "channel": true, "ch": true, "filters": true, "out": true, "up": true, "down": true}

// enArrowText writes channels as "256 → 64 → 256".
func enArrowText(chain []int) string {
	s := ""
	for k, c := range chain {
		if k > 0 {
			s += " → "
		}
		s += fmt.Sprint(c)
	}
	return s
}

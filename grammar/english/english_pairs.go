package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A stack written as one channel pair per conv: "three 3x3 convs with no
// bias, each followed by batchnorm: 3->32 (stride 2), 32->32, 32->64", or
// with a kernel before each pair: "1x1 256->64, 3x3 64->64, 1x1 64->256".

// enPair is one conv of such a list: its channels, and the kernel, stride
// and padding said with it (nil when not said).
type enPair struct {
	in, out             int
	at                  int // the token of its first count
	kernel, stride, pad []int
}

// enEachBNRE says a batch norm follows every conv: "each followed by
// batchnorm", "BN after each", "conv-bn", "with BN after every conv".
var enEachBNRE = regexp.MustCompile(`(?i)\b(?:each|every|all)\b[^.:;]{0,30}\b(?:followed\s+by|with|then|\+)\s+(?:an?\s+)?(?:batch\s*norm\w*|bn)\b|\b(?:batch\s*norm\w*|bn)\s+(?:after|following)\s+(?:each|every|all)\b|\bconv[- ]?bn\b`)

// pairStack reads such a list as a network: two pairs or more, each pair's
// output the next one's input, and a kernel for every conv (one said
// before the list, or one before each pair). A count of convs said
// ("three 3x3 convs") must be the number of pairs. False leaves the
// question to the other readings.
func (r *enReader) pairStack(q *lang.Question) bool {
	only, conv, named := r.convsOnly()
	if !only {
		return false
	}
	pairs, lead, ok := r.pairList()
	if !ok || len(pairs) < 2 || r.comparing() || r.labelledPairs(lead) {
		return false
	}
	// With a conv named by its index ("conv2_x"), only pairs that say
	// their own kernels stand on their own.
	if !r.pairKernels(pairs, lead, conv && named == 0) || !r.pairCount(lead, len(pairs)) {
		return false
	}
	input, ok := r.pairShared(pairs, lead)
	if !ok {
		return false
	}
	noBias, bn := enNoBiasRE.MatchString(r.src), enEachBNRE.MatchString(r.src)
	for _, p := range pairs {
		c := calc.Conv{Dims: 2, In: p.in, Out: p.out, Kernel: p.kernel, Stride: p.stride, Pad: p.pad, NoBias: noBias}
		pos := enPos(r.src, r.toks[p.at].off)
		q.Layers = append(q.Layers, lang.Layer{Layer: c, Pos: pos})
		if bn {
			q.Layers = append(q.Layers, lang.Layer{Layer: calc.BatchNorm{C: p.out}, Pos: pos})
		}
	}
	q.Network, q.Input = true, input
	// The readings of the sizes as an input or a kernel on their own go.
	r.notes = slices.DeleteFunc(r.notes, func(n string) bool { return strings.Contains(n, " read as the ") })
	if noBias && slices.Contains(q.Asked, "weights") && !bn {
		// A network's count is its parameters; with no bias they are its weights.
		q.Asked = append(slices.DeleteFunc(slices.Clone(q.Asked), func(s string) bool { return s == "weights" }), "params")
		r.notes = append(r.notes, "no layer has a bias: the weights are all the parameters")
	}
	what := "convs"
	if bn {
		what = "convs, each followed by a batch norm"
	}
	r.notes = append(r.notes, fmt.Sprintf("read as %d %s, one per channel pair", len(pairs), what))
	q.Framework = r.framework()
	return true
}

// pairList finds the pairs "a->b" of the question, in order, with the
// settings said between them; lead is the token of the first pair. Not ok
// when anything else stands between two pairs, or they do not chain.
func (r *enReader) pairList() (pairs []enPair, lead int, ok bool) {
	for i := 0; i+2 < len(r.toks); i++ {
		if r.toks[i].kind != 'n' || r.lem(i+1) != "->" || r.toks[i+2].kind != 'n' || r.lem(i+3) == "->" || r.lem(i-1) == "->" {
			continue
		}
		p := enPair{in: enClamp(r.toks[i].num), out: enClamp(r.toks[i+2].num), at: i}
		if len(pairs) > 0 {
			prev := &pairs[len(pairs)-1]
			if !r.pairGap(prev, &p, prev.at+3, i) || prev.out != p.in {
				return nil, 0, false
			}
		}
		pairs = append(pairs, p)
		i += 2
	}
	if len(pairs) == 0 {
		return nil, 0, false
	}
	r.pairTail(&pairs[len(pairs)-1])
	return pairs, pairs[0].at, true
}

// pairTail reads the settings said of the last pair, right after it:
// "32->64 (stride 2)", "32->64 stride 2"; a setting after a comma is said
// of every pair ("32->64, padding 1 on each"), which pairShared reads.
func (r *enReader) pairTail(last *enPair) {
	j := last.at + 3
	end := j + 2
	if r.lem(j) == "(" {
		for end = j + 1; end < len(r.toks) && r.lem(end) != ")"; end++ {
		}
		if end == len(r.toks) {
			return
		}
	}
	if l := r.lem(j); l != "(" && l != "stride" && l != "pad" {
		return
	}
	var none enPair
	if !r.pairGap(last, &none, j, min(end, len(r.toks))) {
		last.stride, last.pad = nil, nil
	}
}

// pairGap reads the tokens from..to between two pairs: a stride or a
// padding said of the pair before ("(stride 2)"), a kernel said of the pair
// after ("3x3 64->64"), commas and joining words. False for anything else.
func (r *enReader) pairGap(prev, next *enPair, from, to int) bool {
	for j := from; j < to; j++ {
		t := r.toks[j]
		switch {
		case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad") && r.isNum(j+1) && r.toks[j+1].kind == 'n':
			r.toks[j].used = true
			v := []int{enClamp(r.toks[j+1].num)}
			if t.lem == "stride" {
				prev.stride = v
			} else {
				prev.pad = v
			}
			j++
		case t.kind == 's' && kernelSized(t.dims) && next.kernel == nil:
			next.kernel = t.dims
		case t.kind == 'p' && (t.lem == "," || t.lem == "(" || t.lem == ")" || t.lem == ";"):
		case t.kind == 'w' && (t.lem == "and" || t.lem == "then" || t.lem == "conv" || t.lem == "the"):
		default:
			return false
		}
	}
	return true
}

// pairKernels gives every pair its kernel: its own, or the one kernel
// said before the list ("three 3x3 convs: ..."). False when some pairs
// have none and the lead says no single kernel or no conv word (conv).
func (r *enReader) pairKernels(pairs []enPair, lead int, conv bool) bool {
	var shared []int
	for j := lead - 1; j >= 0; j-- {
		t := r.toks[j]
		if t.kind == 's' && kernelSized(t.dims) {
			if shared != nil && !slices.Equal(shared, t.dims) {
				return false
			}
			shared = t.dims
		}
		if t.kind == 's' && (j == lead-1 || j == lead-2 && r.lem(lead-1) == "conv" && !conv) && pairs[0].kernel == nil {
			pairs[0].kernel = t.dims // "1x1 256->64", "1x1 conv 256->64": the first pair's own
			shared = nil
		}
	}
	for k := range pairs {
		if pairs[k].kernel == nil && !conv {
			return false // with no conv word, a kernel before each pair says they are convs
		}
		if pairs[k].kernel == nil {
			pairs[k].kernel = shared
		}
		if pairs[k].kernel == nil {
			return false
		}
	}
	return true
}

// pairCount checks a count of convs said before the list ("three 3x3
// convs", "two convs"): it must be the number of pairs, n.
func (r *enReader) pairCount(lead, n int) bool {
	for j := 0; j < lead; j++ {
		if r.toks[j].kind != 'n' {
			continue
		}
		if k := j + 1; r.lem(k) == "conv" || r.toks[min(k, len(r.toks)-1)].kind == 's' && r.lem(k+1) == "conv" {
			if int(r.toks[j].num) != n {
				return false
			}
		}
	}
	return true
}

// pairShared reads what is said of every pair outside the list: a stride
// or a padding ("padding 1 everywhere"), given to the pairs that say none,
// and the input's size (one size that is no kernel: "on a 32x32 image").
// Not ok when a setting is said twice with two values, or sizes are not
// one input.
func (r *enReader) pairShared(pairs []enPair, lead int) (calc.Shape, bool) {
	var stride, pad []int
	var input calc.Shape
	for j, t := range r.toks {
		switch {
		case t.kind == 'w' && (t.lem == "stride" || t.lem == "pad") && !t.used && r.isNum(j+1) && r.toks[j+1].kind == 'n':
			v, to := []int{enClamp(r.toks[j+1].num)}, &stride
			if t.lem == "pad" {
				to = &pad
			}
			if *to != nil && !slices.Equal(*to, v) {
				return nil, false
			}
			*to = v
		case t.kind == 's' && !kernelSized(t.dims):
			in, ok := pairInput(t.dims, pairs[0].in)
			if !ok || input != nil && !slices.Equal(input, in) {
				return nil, false
			}
			input = in
		}
	}
	for k := range pairs {
		if pairs[k].stride == nil {
			pairs[k].stride = stride
		}
		if pairs[k].pad == nil {
			pairs[k].pad = pad
		}
	}
	return input, true
}

// pairInput is the input of a list whose first conv takes c channels,
// from a size said: HxW, or HxWxC or CxHxW with c at one end.
func pairInput(dims []int, c int) (calc.Shape, bool) {
	switch {
	case len(dims) == 2:
		return calc.Shape{c, dims[0], dims[1]}, true
	case len(dims) == 3 && dims[2] == c:
		return calc.Shape{c, dims[0], dims[1]}, true
	case len(dims) == 3 && dims[0] == c:
		return calc.Shape{c, dims[1], dims[2]}, true
	}
	return nil, false
}

// convsOnly reports whether the question names no layer of another kind
// but batch norms and activations ("fc 512->256, 256->10" is no conv
// list) and no layer said from and to its channels ("1x1 conv from 256
// to 64 then ..."); conv is whether it names the conv word, once, and
// named how many conv words carry an index ("conv2" may be a layer named
// on its own, or a stage: "conv2_x"), or how many conv words there are
// when more than one: then each pair must say its kernel.
func (r *enReader) convsOnly() (ok, conv bool, named int) {
	n := 0
	for j, t := range r.toks {
		switch {
		case t.kind != 'w':
		case t.lem == "conv" && t.idx == 0 && r.groupWord(j-1):
			// "bias=False on both convs": the convs of the list, no conv more
		case t.lem == "conv" && t.dimsOf <= 2 && t.idx == 0:
			n++
		case t.lem == "conv" && t.dimsOf <= 2:
			named++
		case t.lem == "from" && r.isNum(j+1) || enKinds[t.lem] && t.lem != "bn" && t.lem != "act" || t.lem == "conv" || t.lem == "layer" && t.idx > 0:
			return false, false, 0
		}
	}
	if n > 1 {
		named += n // "1x1 conv 256->64, 3x3 conv 64->64": a conv word per pair
	}
	return true, n == 1, named
}

// groupWord reports whether the conv word after token j names layers
// already said as a group: "both convs", "all the convs", "every conv",
// "each conv", "the convs".
func (r *enReader) groupWord(j int) bool {
	raw := func(j int) string {
		if j < 0 || j >= len(r.toks) || r.toks[j].kind != 'w' {
			return ""
		}
		return strings.ToLower(r.toks[j].raw)
	}
	if raw(j) == "the" && r.toks[j+1].plural {
		return true // "the convs have no bias"
	}
	if raw(j) == "the" {
		j--
	}
	switch raw(j) {
	case "both", "all", "every", "each":
		return true
	}
	return false
}

// labelledPairs reports whether a conv named by its index labels a pair
// ("conv1 3x3 3->16, conv2 3x3 16->32"): the layers are named, and the
// general reader keeps their names.
func (r *enReader) labelledPairs(lead int) bool {
	for j := max(lead-3, 0); j < len(r.toks); j++ {
		if t := r.toks[j]; t.kind == 'w' && t.lem == "conv" && t.idx > 0 {
			return true
		}
	}
	return false
}

// eachBatchNorm reads "two 3x3 convs (bias=False) each followed by
// BatchNorm2d": convs, then the batch norm said once (or once per conv),
// become each conv followed by its batch norm over the conv's channels.
// Other layers are returned as they are.
func (r *enReader) eachBatchNorm(layers []lang.Layer) []lang.Layer {
	if !enEachBNRE.MatchString(r.src) && !enBNEachRE.MatchString(r.src) {
		return layers
	}
	k := 0
	for k < len(layers) {
		if _, ok := layers[k].Layer.(calc.Conv); !ok {
			break
		}
		k++
	}
	bns := layers[k:]
	if k < 2 || len(bns) != 1 && len(bns) != k {
		return layers
	}
	for _, l := range bns {
		if _, ok := l.Layer.(calc.BatchNorm); !ok {
			return layers
		}
	}
	noBias := 0
	for _, l := range layers[:k] {
		if l.Layer.(calc.Conv).NoBias {
			noBias++
		}
	}
	allNoBias := enAllNoBiasRE.MatchString(r.src)
	if noBias != 0 && noBias != k && !allNoBias {
		return layers // the bias said of some convs only: the reading is left as it is
	}
	var out []lang.Layer
	for _, l := range layers[:k] {
		c := l.Layer.(calc.Conv)
		if allNoBias {
			c.NoBias = true
			l.Layer = c
		}
		out = append(out, l, lang.Layer{Layer: calc.BatchNorm{C: c.Out}, Pos: bns[0].Pos, Fields: bns[0].Fields})
	}
	r.notes = append(r.notes, "a batch norm after each conv")
	return out
}

// enBNEachRE says a batch norm per conv otherwise: "two conv3x3 + 2 bn",
// "each with BN", "BN after every conv".
var enBNEachRE = regexp.MustCompile(`(?i)\b(?:each|every)\s+(?:conv\w*\s+)?(?:with|\+)\s+(?:an?\s+)?(?:batch\s*norm\w*|bn)\b|\+\s*(?:two|three|four|2|3|4)\s+(?:batch\s*norm\w*|bns?)\b`)

// enAllNoBiasRE says no conv has a bias: "all bias=False", "all without
// bias", "none with a bias".
var enAllNoBiasRE = regexp.MustCompile(`(?i)\b(?:all|every\s+\w+|each)\b[^.;]{0,12}\b(?:bias\s*=\s*false|no\s+bias|without\s+(?:a\s+)?bias|use_bias\s*=\s*false)`)

package english

import (
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Reading one number: each reader below tries one role the number may
// play — a setting named just before it (stride 2), a dropout rate, a
// layer's argument (Dense(10)), a size, a count named next to it (64
// filters) or before it (filters: 64) — and files it when the role fits.
// number runs them in order; the first that files the number wins.

// enNum is the number being read, with the words around it.
type enNum struct {
	i     int
	t     enTok
	a, m  *enAnchor // the layer whose phrase holds it, the one its settings go to
	plem  string    // the word before it, its position and role (in/out)
	pat   int
	prole string
	nlem  string // the word after it, its position, its role and the channels a colour word gives
	nat   int
	nrole string
	rgb   int
	vals  []int // its value(s): one for a number, one per dimension for a size
}

// number files the number or size at token i.
func (r *enReader) number(i int) {
	if r.toks[i].used {
		return // read with a list or arguments before it
	}
	if r.sampleRate(i) || r.oneSample(i) {
		return
	}
	n := r.numAt(i)
	for _, read := range []func(*enNum) bool{r.numRepeatAfter, r.numMoreCount, r.numChannelChain, r.numRolePair, r.numSideArrow, r.numInOut, r.numOneItem, r.numInToOut, r.numMultiplier, r.numYear, r.numSetting, r.numDropout, r.numIgnored, r.numArgs, r.numLayerSize, r.numOnSize} {
		if read(n) {
			return
		}
	}
	if n.t.kind == 's' {
		r.size(i, n.a, n.m, n.plem, n.prole, n.nlem, n.nrole, n.rgb)
		return
	}
	class, done := r.numNoun(n)
	if done {
		return
	}
	if class == "" {
		if class, done = r.numPrevNoun(n); done {
			return
		}
	}
	r.numCount(n, class)
}

// numAt gathers what number needs to know about the number at i.
func (r *enReader) numAt(i int) *enNum {
	n := &enNum{i: i, t: r.toks[i]}
	n.a = r.owner(i)
	n.m = r.main(n.a)
	n.plem, n.pat, n.prole = r.prev(i)
	n.nlem, n.nat, n.nrole, n.rgb = r.next(i, n.t.kind == 'n')
	if r.keyword(i) {
		// "in_channels=16 out_channels=33": the keyword names the role,
		// whatever word comes next.
		n.nlem, n.nat, n.nrole = "", -1, ""
	}
	n.vals = n.t.dims
	if n.t.kind == 'n' {
		n.vals = []int{enClamp(max(n.t.num, 0))}
	}
	return n
}

// keyword reports whether the number or size at i is a keyword argument's
// value, written as in code: kernel_size=3, filters=64, stride = (2, 1).
func (r *enReader) keyword(i int) bool {
	return i >= 2 && r.lem(i-1) == "=" && r.toks[i-2].kind == 'w' && r.toks[i-2].lem != ""
}

// setField files the number as a setting of its layer: kernel, stride,
// pad, dilation or outpad.
func (r *enReader) setField(n *enNum, field string) {
	m := n.m
	if m == nil {
		r.bareNum(n.i, nil)
		return
	}
	switch field {
	case "kernel":
		m.kernel = n.vals
	case "stride":
		m.stride = n.vals
	case "pad":
		m.pad = n.vals
	case "dilation":
		m.dil = n.vals
	case "outpad":
		m.outpad = n.vals
	}
	m.at[field] = n.i
	if field != "kernel" && n.t.kind == 'n' {
		plural := n.pat >= 0 && r.toks[n.pat].plural // "dilation rates 1, 3, 9"
		if list := r.listAfter(n.i, plural, m.repeat); len(list) > 1 {
			m.setList(field, list)
		}
	}
	if field == "kernel" {
		r.kernelsListed(n, m) // english_parallel.go: "widths 3, 4 and 5"
	}
}

// setList keeps per-layer values of a setting or count.
func (a *enAnchor) setList(field string, list []int) {
	if a.lists == nil {
		a.lists = map[string][]int{}
	}
	a.lists[field] = list
}

// enListWords join the values of a list: "1, 2 and 3", "16 then 32".
var enListWords = map[string]bool{",": true, "and": true, "then": true, "or": true}

// listAfter reads the list of numbers that starts at token i ("1, 2 and
// 3 respectively", "one, two, four" for three layers, "stride 1, stride 2,
// stride 1"), marking the later ones read; nil when i starts none. want is
// the layers counted ("three convs"), 0 when none were.
func (r *enReader) listAfter(i int, plural bool, want int) []int {
	list, at := []int{enClamp(max(r.toks[i].num, 0))}, []int{i}
	conj, named := false, false // the last two joined by and/then/or; the setting named again
	j := i + 1
	for j < len(r.toks) && enListWords[r.lem(j)] {
		k := j + 1
		if enListWords[r.lem(k)] {
			k++ // ", and"
		}
		if r.lem(k) == r.lem(i-1) && r.lem(k) != "" && r.isNum(k+1) {
			k, named = k+1, true // ", stride 2"
		}
		if e := r.ellipsisEnd(k); e > 0 {
			// "1, 2, 4, ..., 512": the progression written out.
			full := enProgression(list, enClamp(max(r.toks[e].num, 0)))
			if full == nil {
				return nil
			}
			list, at, named, j = full, append(at, e), true, e+1
			break
		}
		if k >= len(r.toks) || r.toks[k].kind != 'n' || r.toks[k].isFrac || r.countsLayers(k) || r.arrowAfter(k) {
			break // "padding 1, 3->64 then 64->64": the 3 starts the channels
		}
		conj = r.lem(k-1) != ","
		list, at = append(list, enClamp(max(r.toks[k].num, 0))), append(at, k)
		j = k + 1
	}
	if enCountNouns[r.lem(j)] && len(list) > 2 {
		// "strides 1, 2, 2 and 32 filters each": the last number has its
		// own noun; the list is the ones before it.
		list, at, conj, j = list[:len(list)-1], at[:len(at)-1], false, at[len(at)-1]
	}
	// "stride 2, 64 filters" is no list: the last number has its own noun.
	said := conj || plural || named || len(list) == want || commaList(list, want) || strings.EqualFold(r.toks[min(j, len(r.toks)-1)].raw, "respectively") || r.lem(j) == "stack"
	if len(list) < 2 || !said || enCountNouns[r.lem(j)] {
		return nil
	}
	for _, k := range at[1:] {
		r.toks[k].used = true
	}
	return list
}

// arrowAfter reports whether an arrow follows the token at k: "3->64",
// "3 → 64" start a layer's channels.
func (r *enReader) arrowAfter(k int) bool {
	if k+1 >= len(r.toks) {
		return false
	}
	a := r.toks[k+1].raw
	return a == "->" || a == "→" || a == "=>" || a == "-->"
}

// enFurther, between a count and its layers, say they follow others:
// "two more 3x3 convs", "3 additional conv layers".
var enFurther = map[string]bool{"more": true, "additional": true, "extra": true, "further": true}

// enMoreWords, after a number, make it a count of further layers: "then
// one more 3x3 conv", "then two other convs".
var enMoreWords = map[string]bool{"more": true, "other": true, "additional": true, "extra": true, "further": true, "identical": true, "such": true, "x": true, "times": true}

// countsLayers reports whether the number at k counts the layers that
// follow it rather than continuing a list of values: "stride 2 then one
// more 3x3 conv", "stride 2, then 2 3x3 convs", "then 3 convs".
func (r *enReader) countsLayers(k int) bool {
	next := k + 1
	if next >= len(r.toks) {
		return false
	}
	return r.toks[next].kind == 's' || enKinds[r.lem(next)] || enMoreWords[strings.ToLower(r.toks[next].raw)] || r.lem(next) == "layer"
}

// ellipsisEnd is the number after an ellipsis that starts at k ("...,
// 512", "… 512"), or 0 for none.
func (r *enReader) ellipsisEnd(k int) int {
	dots := 0
	for k < len(r.toks) && (r.lem(k) == "." || r.lem(k) == "…") {
		dots, k = dots+1, k+1
	}
	if dots == 0 || dots == 2 || r.lem(k) == "." {
		return 0
	}
	if r.lem(k) == "," {
		k++
	}
	if k >= len(r.toks) || r.toks[k].kind != 'n' || r.toks[k].isFrac {
		return 0
	}
	return k
}

// enProgression writes out the list that starts with list and ends at
// last: arithmetic ("1, 3, 5, ..., 11") or geometric ("1, 2, 4, ...,
// 512"); nil when list is neither, last is not on it, or both fit ("1, 2,
// ..., 4").
func enProgression(list []int, last int) []int {
	if len(list) < 2 || list[0] <= 0 || list[1] <= list[0] {
		return nil
	}
	a, b := list[0], list[1]
	add := enRun(list, last, func(x int) int { return x + b - a })
	var mul []int
	if b%a == 0 {
		mul = enRun(list, last, func(x int) int { return x * (b / a) })
	}
	switch {
	case add != nil && mul != nil:
		return nil
	case add != nil:
		return add
	}
	return mul
}

// enRun is the run from list[0] by next up to last, when it starts with
// list and ends at last; nil otherwise. It holds at most 64 values and
// stops where next would wrap around.
func enRun(list []int, last int, next func(int) int) []int {
	out := []int{list[0]}
	for x := next(list[0]); x <= last && x > out[len(out)-1] && len(out) < 64; x = next(x) {
		out = append(out, x)
	}
	if out[len(out)-1] != last || len(out) <= len(list) || !slices.Equal(out[:len(list)], list) {
		return nil
	}
	return out
}

// enCountNouns are the nouns that make the number before them a count.
var enCountNouns = map[string]bool{"filter": true, "fmap": true, "channel": true, "neuron": true, "kernel": true, "param": true, "weight": true, "layer": true}

// listBefore reads the list of bare numbers that ends at token i ("with 16
// and 32 filters"), taking them from the layer's bare numbers; nil when
// there is none.
func (r *enReader) listBefore(i int, a *enAnchor) []int {
	list := []int{enClamp(max(r.toks[i].num, 0))}
	j := i - 1
	commas := r.lem(i-1) == ","
	for j > 0 && enListWords[r.lem(j)] && r.toks[j-1].kind == 'n' && !r.toks[j-1].isFrac {
		if a == nil || !slices.Contains(a.bare, j-1) || r.toks[j-1].used {
			break // used: a kernel of a list said before ("kernel sizes 2, 3 and 4, 64 filters each")
		}
		list = append([]int{enClamp(max(r.toks[j-1].num, 0))}, list...)
		a.bare = slices.DeleteFunc(a.bare, func(k int) bool { return k == j-1 })
		r.toks[j-1].used = true
		j -= 2
	}
	// "16, 32 filters" is too loose to read as a list, unless the layers
	// were counted: "3 conv layers: 32, 64, 128 filters".
	if len(list) < 2 || commas && (a == nil || a.repeat != len(list)) {
		return nil
	}
	return list
}

// numInOut reads "32 in 64 out" (or "32 in, 64 out"): the input and
// output channels, said after their numbers; "64 in and out" is both.
func (r *enReader) numInOut(n *enNum) bool {
	i, j := n.i, n.i+2
	// "64 in and out": both ends.
	if n.t.kind == 'n' && n.m != nil && r.lem(i+1) == "in" && r.lem(i+2) == "and" && r.lem(i+3) == "out" {
		n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: "channel", role: "in", tok: i},
			enCount{v: n.t.num, class: "channel", role: "out", tok: i})
		return true
	}
	if r.lem(j) == "," {
		j++
	}
	if n.t.kind != 'n' || n.m == nil || r.lem(i+1) != "in" || j >= len(r.toks) || r.toks[j].kind != 'n' || r.lem(j+1) != "out" {
		return false
	}
	n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: "channel", role: "in", tok: i},
		enCount{v: r.toks[j].num, class: "channel", role: "out", tok: j})
	r.toks[j].used = true
	return true
}

// numSetting reads a setting named just before: stride 2, padding of 1,
// filter size 3x3, groups 4.
func (r *enReader) numSetting(n *enNum) bool {
	if n.plem == "dilation" && n.t.kind == 's' && (enKinds[n.nlem] || n.nlem == "kernel" || n.nlem == "filter") {
		return false // "a dilated 3x3 conv", "dilated 3x3 kernels": the kernel
	}
	switch n.plem {
	case "stride", "pad", "dilation", "outpad":
		r.setField(n, map[string]string{"stride": "stride", "pad": "pad", "dilation": "dilation", "outpad": "outpad"}[n.plem])
		return true
	case "group":
		if n.m != nil && n.t.kind == 'n' && !r.arrowAfterColon(n.i) {
			n.m.groups, n.m.at["groups"] = n.vals[0], n.i
			return true
		}
	case "ksize", "window", "rf":
		if n.plem == "rf" && n.m != nil && (len(n.m.kernel) > 0 || n.m.repeat > 1 || r.shortSize(n.m) > 0) {
			// "three 3x3 convs have a receptive field of 7x7?": a figure
			// to check, not the kernel.
			r.addAsked("receptive field")
			r.guesses = append(r.guesses, n.i)
			return true
		}
		if !(n.plem == "rf" && n.t.kind == 'n' && n.nlem != "") {
			r.setField(n, "kernel")
			return true
		}
	}
	return false
}

// numDropout reads a dropout rate: "dropout 0.5", "0.25 dropout".
func (r *enReader) numDropout(n *enNum) bool {
	if !n.t.isFrac {
		return false
	}
	switch {
	case n.plem == "dropout" && n.m != nil:
		n.m.p, n.m.hasP = n.t.frac, true
		return true
	case n.a != nil && n.a.kind == "dropout":
		n.a.p, n.a.hasP = n.t.frac, true
		return true
	case n.nlem == "dropout":
		for _, b := range r.anchors {
			if b.kind == "dropout" && b.tok > n.i {
				b.p, b.hasP = n.t.frac, true
				return true
			}
		}
	}
	return false
}

// numIgnored leaves out a fraction, which is no count or size (the asker's
// 30.5), a percentage, and the asker's own result with no noun ("i got
// 17"); the front door names them as unused.
func (r *enReader) numIgnored(n *enNum) bool {
	if n.t.kind == 'n' && n.i > 0 && r.toks[n.i-1].kind == 's' && strings.Contains(strings.ToLower(r.toks[n.i-1].raw), "none") {
		return true // a summary row "(None, 128) 401536": the count it printed
	}
	if w := strings.ToLower(r.toks[min(n.i+1, len(r.toks)-1)].raw); n.t.kind == 'n' && (w == "come" || w == "comes") {
		return true // "where does 401536 come from": a figure asked about
	}
	if n.t.kind == 'n' && r.lem(n.i+1) == "or" && r.isNum(n.i+2) && r.lem(n.i+3) == "?" && r.g.unknown == "" {
		r.toks[n.i+2].used = true // "so is it 30 or 31?"
		r.guesses = append(r.guesses, n.i, n.i+2)
		r.addAsked("output")
		return true
	}
	if n.t.kind == 'n' && r.lem(n.i-1) == "," && r.lem(n.i+1) == "?" && n.i+2 >= len(r.toks) && r.g.unknown == "" {
		r.guesses = append(r.guesses, n.i) // "what size do I end up with, 14?"
		return true
	}
	return n.t.isFrac || r.lem(n.i+1) == "%" || r.ownFigure(n.i) && n.nlem == "" || r.ownResultNoted(n.i) // english_own_result.go
}

// numArgs reads a layer's arguments: Dense(10), BatchNorm2d(256),
// maxpool(2), conv(3, 64, 3).
func (r *enReader) numArgs(n *enNum) bool {
	if n.t.kind != 'n' || n.pat < 0 || !enKinds[n.plem] || r.lem(n.pat+1) != "(" || n.a == nil || r.keyword(n.i) || r.toks[n.pat].idx == 0 && r.namedInCall(n.i) {
		return n.t.used
	}
	n.a.args = append(n.a.args, int64(n.vals[0]))
	for j := n.i + 1; j+1 < len(r.toks) && r.lem(j) == ","; j += 2 {
		if r.toks[j+1].kind != 'n' {
			break
		}
		n.a.args = append(n.a.args, r.toks[j+1].num)
		r.toks[j+1].used = true
	}
	return true
}

// namedInCall reports whether the number at i, inside a layer's
// brackets, says what it is: "conv (8 filters, 3x3)", "conv(3->20, 5x5)",
// "dense (10 units)": a count or channels in words, not an argument. A
// labelled layer ("CONV2 (16 filters 5x5)", a table's row) is left as it
// was read.
func (r *enReader) namedInCall(i int) bool {
	switch r.lem(i + 1) {
	case "filter", "channel", "fmap", "neuron", "kernel", "->":
		return true
	}
	return r.lem(i-1) == "->"
}

// numLayerSize reads "a max-pooling layer of size 2": a layer word,
// "size", the number.
func (r *enReader) numLayerSize(n *enNum) bool {
	if n.t.kind == 'n' && (n.plem == "layer" || enKinds[n.plem]) && (r.lem(n.i-1) == "size" || r.lem(n.i-1) == "of" && r.lem(n.i-2) == "size") {
		r.setField(n, "kernel")
		return true
	}
	return false
}

// numOnSize reads "on 224" with no noun after it as the input's size: a
// layer is applied on an input.
func (r *enReader) numOnSize(n *enNum) bool {
	if n.t.kind != 'n' || r.lem(n.i-1) != "on" || n.nlem != "" && !enStop[n.nlem] || n.t.num < 4 || r.isNum(n.i+1) || r.lem(n.i+1) == "->" && r.isNum(n.i+2) {
		return false
	}
	r.g.inputs = append(r.g.inputs, enSizeFact{dims: n.vals, tok: n.i, role: "in", rgb: n.rgb})
	return true
}

// numNoun reads the noun after the number: "64 filters" is a count of
// filters, "3 frames", "10 parameters", "two stacked convs" a repeat. It
// returns the count's class, or done when the number was filed otherwise.
func (r *enReader) numNoun(n *enNum) (class string, done bool) {
	if skip, done := r.numNounFirst(n); skip || done {
		return "", done
	}
	if r.numClasses(n) {
		return "", true
	}
	switch n.nlem {
	case "vector":
		class, n.nrole = "neuron", "in"
	case "filter", "fmap", "channel", "neuron", "depth":
		class = n.nlem
	case "inch":
		class, n.nrole = "channel", "in"
	case "outch":
		class, n.nrole = "filter", "out"
	case "kernel":
		return r.numKernelNoun(n)
	case "param", "weight":
		if r.lem(n.i-1) == "->" {
			return "", false // "64->128 params?": channels, then what is asked
		}
		r.g.params = append(r.g.params, enCount{v: n.t.num, class: n.nlem, tok: n.i})
		return "", true
	case "frame":
		r.numFrames(n)
		return "", true
	case "image":
		if r.toks[n.nat].plural || n.plem == "batch" {
			r.g.batch = int(min(max(n.t.num, 0), 1<<20)) // "a batch of 32 images"
			return "", true
		}
		r.size(n.i, n.a, n.m, n.plem, n.prole, n.nlem, n.nrole, n.rgb)
		return "", true
	case "pixel", "volume", "insize", "length":
		r.size(n.i, n.a, n.m, n.plem, n.prole, n.nlem, n.nrole, n.rgb)
		return "", true
	case "input":
		// "on a 224 input" is a conv's input size; "784 inputs" a dense
		// layer's count, "64 input and 64 output maps" channels.
		article := n.i > 0 && (strings.EqualFold(r.toks[n.i-1].raw, "a") || strings.EqualFold(r.toks[n.i-1].raw, "an"))
		if k := n.m; k != nil && article && (k.kind == "conv" || k.kind == "pool" || k.kind == "deconv") && !r.toks[n.nat].plural {
			r.g.inputs = append(r.g.inputs, enSizeFact{dims: n.vals, tok: n.i, role: "in", rgb: n.rgb})
			return "", true
		}
		if r.squareInput(n) {
			return "", true
		}
	case "stride", "pad":
		if r.numSettingNoun(n) {
			return "", true
		}
	case "group":
		if n.m != nil {
			n.m.groups, n.m.at["groups"] = n.vals[0], n.i
			return "", true
		}
	case "layer", "conv", "pool", "fc", "bn", "times", "another", "deconv", "stack":
		if r.filterCount(n) {
			return "filter", false
		}
		r.numRepeat(n)
		return "", true
	case "":
		if r.lem(n.i+1) == "in" && r.squareInput(n) {
			return "", true
		}
		if n.nrole != "" && (r.lem(n.i+1) == "input" || r.lem(n.i+1) == "output") {
			class = "neuron"
		}
	}
	return class, false
}

// numNounFirst reads what comes before the noun after a number: a name
// just before it ("cin 64 cout 128": skip the noun after), or a width
// ("on a 10 wide fm": the input).
func (r *enReader) numNounFirst(n *enNum) (skip, done bool) {
	if n.nat >= 0 && strings.EqualFold(r.toks[min(n.nat+1, len(r.toks)-1)].raw, "per") && (n.nlem == "filter" || n.nlem == "kernel") {
		return false, true // "one filter per channel": a depthwise multiplier, not the count
	}
	if (n.plem == "inch" || n.plem == "outch") && n.pat == n.i-1 {
		return true, false
	}
	if w := strings.ToLower(r.toks[min(n.i+1, len(r.toks)-1)].raw); (w == "wide" || w == "tall") && n.t.kind == 'n' {
		r.g.inputs = append(r.g.inputs, enSizeFact{dims: n.vals, tok: n.i, role: "in"})
		return false, true
	}
	return false, false
}

// numSettingNoun reads a number before a setting's name: "two 3x3
// stride-1 convs" (the layers repeated), "1 padding" (but not "64->64 pad
// 1": that pad has its own value).
func (r *enReader) numSettingNoun(n *enNum) bool {
	kind := n.nat + 2
	if r.isNum(n.nat+1) && kind < len(r.toks) && r.toks[kind].kind == 's' {
		kind++ // "5 stacked stride-2 3x3 convs"
	}
	if r.isNum(n.nat+1) && enKinds[r.lem(kind)] && n.t.kind == 'n' {
		r.numRepeat(n)
		return true
	}
	if (n.plem == "" || n.plem == "no") && !r.isNum(n.nat+1) {
		r.setField(n, n.nlem)
		return true
	}
	return false
}

// filterCount reports whether "64 7x7 convolutions" counts filters, not
// layers: a count of 8 or more, a size, then the plural kind word, with no
// "stacked" or "layers" said; "two 3x3 convs" are layers.
func (r *enReader) filterCount(n *enNum) bool {
	if n.nlem != "conv" || n.t.num < 8 || !r.toks[n.nat].plural || r.toks[n.i+1].kind != 's' {
		return false
	}
	return r.lem(n.nat+1) != "layer" && r.lem(n.i-1) != "stack"
}

// numKernelNoun reads "64 kernels", "64 7x7 kernels", "64 kernels of
// 3x3" as a count of filters and "3 kernel" as a size; in "1->8 kernel 3"
// the word goes with the 3.
func (r *enReader) numKernelNoun(n *enNum) (class string, done bool) {
	if r.toks[n.nat].plural || r.lem(n.nat+1) == "of" {
		return "filter", false
	}
	if r.isNum(n.nat + 1) {
		return "", false
	}
	r.setField(n, "kernel")
	return "", true
}

// numRepeat reads "two stacked 3x3 convs": the layer repeated. In "a
// 2-layer MLP" the layers are counted by their sizes instead.
func (r *enReader) numRepeat(n *enNum) {
	if r.numStackCount(n) || r.toks[n.i+1].hyph || r.listed(n) {
		return
	}
	for _, b := range r.anchors {
		if b.tok > n.i && r.repeatReaches(n.i, b.tok) && n.t.num >= 2 && n.t.num <= 64 {
			b.repeat = int(n.t.num)
			b.at["repeat"] = n.i
			return
		}
	}
	// "the third conv layer, if all three layers use 5x5 kernels": the
	// one layer described, that many times.
	if real := r.realAnchors(); len(real) == 1 && n.nlem == "layer" && r.toks[n.nat].plural && n.t.num >= 2 && n.t.num <= 64 && real[0].repeat <= 1 {
		real[0].repeat, real[0].at["repeat"] = int(n.t.num), n.i
	}
}

// repeatReaches reports whether the count at token i reaches the layer
// word at token b: within four tokens, or further when what lies between
// is only words that describe the layer ("5 stacked 3x3 stride-2 convs",
// "four identical 3x3 stride 2 conv layers"): a size, a setting's name
// and its value.
func (r *enReader) repeatReaches(i, b int) bool {
	if b-i <= 4 {
		return true
	}
	if b-i > 7 {
		return false
	}
	for j := i + 1; j < b; j++ {
		switch l := r.lem(j); {
		case r.toks[j].kind == 's', l == "stack", l == "-":
		case l == "stride" || l == "pad" || l == "dilation":
			if !r.isNum(j+1) && r.lem(j+1) != "-" {
				return false
			}
		case r.isNum(j) && (r.lem(j-1) == "stride" || r.lem(j-1) == "pad" || r.lem(j-1) == "dilation" || r.lem(j-1) == "-"):
		default:
			return false
		}
	}
	return true
}

// guess reads "is the output 112 or something else?", "output 55?": the
// asker's guess at the output, which is asked; the reply names the guess.
func (r *enReader) guess(n *enNum) bool {
	if r.g.unknown != "" || n.t.kind != 'n' {
		return false
	}
	asks := r.lem(n.pat-1) == "the" && r.lem(n.pat-2) == "is" || r.lem(n.i+1) == "or" || r.lem(n.i+1) == "?"
	if !asks {
		return false
	}
	r.addAsked("output")
	r.guesses = append(r.guesses, n.i)
	if r.lem(n.i+1) == "or" && r.isNum(n.i+2) {
		r.toks[n.i+2].used = true // "14 or 15?"
		r.guesses = append(r.guesses, n.i+2)
	}
	return true
}

// listed reports whether "two layers:" counts the layers listed after the
// colon ("two layers: conv ... then conv ..."), which are not repeats.
func (r *enReader) listed(n *enNum) bool {
	if n.nat < 0 || r.lem(n.nat+1) != ":" {
		return false
	}
	after := 0
	for _, a := range r.anchors {
		if a.tok > n.i && !a.ctx {
			after++
		}
	}
	return after >= 2
}

// numPrevNoun reads the noun before the number: "filters: 64", "input
// 224", "output size 112", "parameters 280". It returns the count's
// class, or done when the number was filed otherwise.
func (r *enReader) numPrevNoun(n *enNum) (class string, done bool) {
	// "96 kernels of size 11", "filters of size 5": the size, not a count.
	if (n.plem == "kernel" || n.plem == "filter") && n.pat < n.i-1 && r.lem(n.i-1) == "size" {
		r.setField(n, "kernel")
		return "", true
	}
	switch n.plem {
	case "filter", "fmap", "channel", "neuron", "depth":
		return n.plem, false
	case "inch":
		n.prole = "in"
		return "channel", false
	case "outch":
		n.prole = "out"
		return "filter", false
	case "kernel":
		if r.toks[n.pat].plural {
			return "filter", false
		}
		r.setField(n, "kernel")
	case "insize", "image", "volume", "input", "length", "pixel":
		r.size(n.i, n.a, n.m, n.plem, n.prole, n.nlem, n.nrole, n.rgb)
	case "outsize", "output":
		if r.guess(n) {
			return "", true
		}
		if n.plem == "outsize" || r.g.unknown != "" {
			r.g.outs = append(r.g.outs, enSizeFact{dims: n.vals, tok: n.i, role: "out"})
			return "", true
		}
		n.prole = "out"
		return "neuron", false
	case "param", "weight":
		r.g.params = append(r.g.params, enCount{v: n.t.num, class: n.plem, tok: n.i})
	case "batch":
		r.g.batch = int(min(max(n.t.num, 0), 1<<20))
	case "layer":
		if n.pat != n.i-1 || r.pairFrom(n.i) {
			return "", false // but "a fully connected layer 4096 -> 1000" starts a pair
		}
		// "layer 3: conv 5x5": an index, not a count.
	case "idx":
	default:
		return "", false
	}
	return "", true
}

// numCount files a count (of filters, channels, units) with its role, in
// or out, or an inverse question's size; a number nothing explains stays
// bare for the layer to pick up.
func (r *enReader) numCount(n *enNum, class string) {
	role := r.numRole(n, class)
	// "input is 64x64 with 3 channels": the input's channels.
	if class == "channel" && role == "" && r.afterInput(n.i) {
		r.g.channels, r.g.chanTok = int(min(n.t.num, 1<<20)), n.i
		return
	}
	switch {
	case class == "" && role == "":
		r.bareNum(n.i, n.a)
		return
	case class == "" && r.g.unknown != "" && r.g.unknown != "out":
		// An inverse question: "what stride turns 224 into 112?"
		r.sizeRole(n.i, n.vals, role)
		return
	}
	// "the previous layer has 32 maps": this layer's input; but after
	// "from the first layer", what follows is said of this layer again.
	if n.a != nil && n.a.ctx && role != "out" && !(r.lem(n.a.start-1) == "from" && n.i > n.a.tok) {
		role = "in"
	}
	if n.m == nil {
		r.bareNum(n.i, nil)
		return
	}
	// "16 channels in and out": both ends.
	if n.nat > 0 && r.lem(n.nat+1) == "in" && r.lem(n.nat+2) == "and" && r.lem(n.nat+3) == "out" {
		n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: class, role: "in", tok: n.i},
			enCount{v: n.t.num, class: class, role: "out", tok: n.i})
		return
	}
	if (class == "filter" || class == "fmap") && role != "in" {
		if list := r.listBefore(n.i, n.m); list != nil {
			n.m.setList("out", list)
		}
	}
	n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: class, role: role, tok: n.i, layer: r.layerIndexNear(n.i)})
}

// numRole is a count's role: said next to it (input channels, 64 out),
// after "the previous layer" (this layer's input), or before an arrow
// ("32 -> 64": the input).
func (r *enReader) numRole(n *enNum, class string) string {
	i, role := n.i, n.nrole
	if role == "" {
		role = n.prole
	}
	// "a 10 channel input": the noun qualifies the input.
	if role == "" && n.nat > 0 && class == "channel" && r.lem(n.nat+1) == "input" {
		role = "in"
	}
	// "64 channels in, 128 channels out": the side said after the noun,
	// at the end of its phrase.
	if role == "" && n.nat > 0 && class != "" {
		if l := r.lem(n.nat + 1); (l == "in" || l == "out") && r.phraseEnd(n.nat+2) {
			role = l
		}
	}
	// "takes 10 feature maps as input", "64 channels as output".
	if role == "" && n.nat > 0 && strings.EqualFold(r.toks[min(n.nat+1, len(r.toks)-1)].raw, "as") {
		switch r.lem(n.nat + 2) {
		case "input", "in":
			role = "in"
		case "output", "out":
			role = "out"
		}
	}
	// "the previous layer outputs 64 feature maps": this layer's input.
	for j := i - 1; j >= 0 && i-j <= 4 && class != ""; j-- {
		if r.lem(j) == "previous" {
			role = "in"
		}
		if enStop[r.lem(j)] && r.lem(j) != "with" || r.isNum(j) {
			break // "with" also reads "has": the previous layer has 32 maps
		}
	}
	if role == "" && (class == "depth" || class == "channel") {
		role = r.depthOf(i) // "its input has depth 48"
	}
	if role == "" && (class == "fmap" || class == "channel") {
		role = r.inputOwned(i) // english_input_owner.go: "whose input has 12 feature maps"
	}
	if role == "" && class != "" {
		switch n.plem {
		case "input":
			role = "in"
		case "output":
			role = "out"
		}
	}
	// "connected to all 6 maps", "every filter sees all 6 maps": what the
	// layer reads.
	for j := i - 1; j >= max(1, i-3) && class != ""; j-- {
		if r.lem(j) == "to" && r.lem(j-1) == "connect" || enReadVerbs[strings.ToLower(r.toks[j].raw)] {
			role = "in"
		}
	}
	// "a 3x3 conv over 10 feature maps", "applied to 6 maps", "across all
	// 16 channels": what the layer is applied to.
	if class != "" && r.appliedTo(i) {
		role = "in"
	}
	// "gets 32 feature maps from the first layer": what arrives.
	if class != "" && n.nat > 0 && r.lem(n.nat+1) == "from" && r.layerWord(n.nat+2) {
		role = "in"
	}
	for k := 1; k <= 2; k++ {
		if l := r.lem(i + k); (l == "->" || l == "to") && (r.isNum(i+k+1) || (r.lem(i+k+1) == "to" || r.lem(i+k+1) == "exactly") && r.isNum(i+k+2)) {
			role = "in"
		}
		if r.toks[min(i+1, len(r.toks)-1)].kind != 'w' {
			break
		}
	}
	return role
}

// phraseEnd reports whether token i ends a phrase: punctuation, "and",
// "then", or the end of the text.
func (r *enReader) phraseEnd(i int) bool {
	if i >= len(r.toks) {
		return true
	}
	l := r.lem(i)
	return r.toks[i].kind == 'p' && l != "(" && l != "->" || l == "and" || l == "then"
}

// enReadVerbs say what a filter reads: "sees all 6 maps".
var enReadVerbs = map[string]bool{"sees": true, "see": true, "reads": true, "spans": true, "covers": true, "looks": true}

// appliedTo reports whether the count at token i follows words that say
// a layer is applied to it: "over", "across", "on", "onto", "applied to",
// an article or "all" between ("over all 6 maps").
func (r *enReader) appliedTo(i int) bool {
	for j := i - 1; j >= max(0, i-3); j-- {
		w := strings.ToLower(r.toks[j].raw)
		switch {
		case w == "over" || w == "across" || w == "on" || w == "onto":
			return true
		case w == "to" && j > 0 && strings.HasPrefix(strings.ToLower(r.toks[j-1].raw), "appl"):
			return true
		case w != "all" && w != "the" && w != "its" && w != "a":
			return false
		}
	}
	return false
}

// layerWord reports whether a layer is named at token j, after an
// article: "the first layer", "conv layer 2", "the previous block".
func (r *enReader) layerWord(j int) bool {
	if r.lem(j) == "the" {
		j++
	}
	l := r.lem(j)
	return l == "layer" || l == "previous" || l == "first" || l == "another" || enKinds[l]
}

// pairFrom reports whether the number at j starts a pair of counts, "4096
// -> 1000", "64 to 128": in "a fully connected layer 4096 -> 1000" it is
// the layer's inputs, not its place.
func (r *enReader) pairFrom(j int) bool {
	if !r.isNum(j+2) || r.toks[j].kind != 'n' {
		return false
	}
	return r.lem(j+1) == "->" || r.lem(j+1) == "to" && r.toks[j].num >= 8 // "layer 2 to 3" names two layers
}

// layerIndexNear is the index of the layer a count is said of: "20 feature
// maps of layer 2", "layer 3 has 50 feature maps"; 0 when none is said.
func (r *enReader) layerIndexNear(i int) int {
	for j := i + 1; j < len(r.toks) && j-i <= 4; j++ {
		if r.lem(j) == "layer" && r.isNum(j+1) && r.toks[j+1].kind == 'n' {
			return enClamp(r.toks[j+1].num)
		}
		if enStop[r.lem(j)] {
			break
		}
	}
	for j := i - 1; j > 0 && i-j <= 4; j-- {
		if r.lem(j-1) == "layer" && r.toks[j].kind == 'n' && !r.pairFrom(j) {
			return enClamp(r.toks[j].num)
		}
		if enStop[r.lem(j)] && r.lem(j) != "with" {
			break
		}
	}
	return 0
}

// squareInput reads a number said as the whole input ("224 input, 3x3
// conv", "224 in, k=3 s=2"): one size, a square, when the phrase ends
// there and no other input size is said. "784 inputs", "3 in, 64 out" and
// "64 input and 64 output maps" are counts.
func (r *enReader) squareInput(n *enNum) bool {
	w := n.i + 1
	if n.t.kind != 'n' || n.t.num < 4 || w >= len(r.toks) || r.toks[w].plural || r.lem(w) != "in" && r.lem(w) != "input" {
		return false
	}
	if l := r.lem(w + 1); l != "," && l != ";" && l != ":" && l != "." && l != "" {
		return false
	}
	if !r.asksSizeOnly() {
		return false // "64 in; 128 filters: params?", "16 input, 32 output" say channels
	}
	for j := range r.toks {
		if r.toks[j].kind == 's' && len(r.toks[j].dims) >= 2 && slices.Min(r.toks[j].dims) > 11 {
			return false // an input size said in full elsewhere
		}
		if r.isNum(j) && j > n.i && (r.lem(j+1) == "out" || r.lem(j+1) == "outch") {
			return false // "3 in, 64 out": channels
		}
	}
	r.g.inputs = append(r.g.inputs, enSizeFact{dims: n.vals, tok: n.i, role: "in"})
	return true
}

// asksSizeOnly reports whether the question asks for sizes alone: the
// output size or the receptive field.
func (r *enReader) asksSizeOnly() bool {
	for _, a := range r.g.asked {
		if a != "output" && a != "receptive field" {
			return false
		}
	}
	return len(r.g.asked) > 0
}

// depthOf is the role of a depth said of a named volume before it, back to
// the start of its phrase: "its input has depth 48" ("in"), "the output
// has a depth of 64" ("out"); "" when no volume is named.
func (r *enReader) depthOf(i int) string {
	for j := i - 1; j >= 0 && i-j <= 5; j-- {
		switch l := r.lem(j); {
		case l == "input":
			return "in"
		case l == "output":
			return "out"
		case enStop[l] && l != "with" || r.isNum(j) || enKinds[l]:
			return ""
		}
	}
	return ""
}

// sampleRate names a rate ("at 16 kHz") as not used: a layer's output
// length depends on the samples, not on how fast they were taken.
func (r *enReader) sampleRate(i int) bool {
	t := r.toks[i]
	if t.kind != 'n' || i+1 >= len(r.toks) {
		return false
	}
	switch strings.ToLower(r.toks[i+1].raw) {
	case "khz", "hz", "mhz", "fps":
	default:
		return false
	}
	r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw + " " + r.toks[i+1].raw, Pos: enPos(r.src, t.off),
		Why: "a rate: the output length depends on the number of samples, not on the rate"})
	return true
}

// enOneOf are the nouns of "for one sample": one item of a batch.
var enOneOf = map[string]bool{"sample": true, "example": true, "image": true, "instance": true, "input": true, "datapoint": true, "item": true, "pass": true}

// oneSample reads "for one sample", "per single image": a batch of one,
// which the counts asked are given for; not "one input channel".
func (r *enReader) oneSample(i int) bool {
	t := r.toks[i]
	if t.kind != 'n' || t.num != 1 || i+1 >= len(r.toks) || !enOneOf[strings.ToLower(r.toks[i+1].raw)] {
		return false
	}
	if p := r.lem(i - 1); p != "for" && p != "per" && !strings.EqualFold(r.toks[max(i-1, 0)].raw, "each") {
		return false
	}
	if k := i + 2; k < len(r.toks) && (r.isNum(k) || enNouns[r.lem(k)]) {
		return false
	}
	r.toks[i].used = true
	r.g.batch = 1
	r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw + " " + r.toks[i+1].raw, Pos: enPos(r.src, t.off),
		Why: "read as a batch of one; the counts are per sample"})
	return true
}

// numClasses reads "5 classes" said before the layers ("small net for
// 28x28 images, 5 classes: conv ... -> dense 5") as the units of the last
// fully connected layer, not a count of the first layer named: it gives
// them to that layer when it says none, and is left for the front door to
// name when it says others.
func (r *enReader) numClasses(n *enNum) bool {
	if n.nat != n.i+1 {
		return false
	}
	w := strings.ToLower(r.toks[n.nat].raw)
	if n.t.kind != 'n' || w != "classes" && w != "categories" || n.a == nil || n.a.kind == "fc" || n.i > n.a.tok {
		return false
	}
	var last *enAnchor
	for _, b := range r.anchors {
		if b.kind == "fc" && b.tok > n.i {
			last = b
		}
	}
	if last == nil {
		return false
	}
	if len(last.counts)+len(last.args)+len(last.bare) == 0 && !r.unitsAfter(last) {
		last.counts = append(last.counts, enCount{v: n.t.num, class: "neuron", role: "out", tok: n.i})
	}
	return true
}

// unitsAfter reports whether a number follows the fully connected layer
// a, which will say its units ("dense 5").
func (r *enReader) unitsAfter(a *enAnchor) bool {
	return r.isNum(a.tok+1) || r.lem(a.tok+1) == "(" && r.isNum(a.tok+2)
}

// numFrames reads "N frames": a clip's depth, or the sequence's length
// under a 1-D conv ("a conv1d over 100 frames").
func (r *enReader) numFrames(n *enNum) {
	if r.oneDAnchor() {
		r.size(n.i, n.a, n.m, n.plem, n.prole, "length", n.nrole, n.rgb)
		return
	}
	r.g.frames = n.t.num
}

// oneDAnchor reports whether a layer of the question is said 1-D
// ("conv1d"), and none 3-D.
func (r *enReader) oneDAnchor() bool {
	one := false
	for _, a := range r.anchors {
		if a.dims == 3 {
			return false
		}
		one = one || a.dims == 1
	}
	return one
}

// arrowAfterColon reports whether the number at i follows a colon and
// opens a channel arrow: in "with the 2 gpu groups: 96 -> 256" the 96 is
// the input channels, not the group count.
func (r *enReader) arrowAfterColon(i int) bool {
	return i > 0 && r.toks[i-1].raw == ":" && r.lem(i+1) == "->" && r.isNum(i+2)
}

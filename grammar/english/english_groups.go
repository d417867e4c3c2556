package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Counts said a particular way: a filter that sees only part of the input
// channels ("each filter only sees 48 of the 96 channels": groups of 48, a
// grouped conv), FLOPs defined in passing ("counting a multiply and an add
// as 2 FLOPs"), and a grouped conv whose filters are not said.

// enSeesWords say what a filter or a map reads: "sees 48 of the 96",
// "connected to 3 of the 6", "looks at 32 of the 64".
var enSeesWords = map[string]bool{"sees": true, "see": true, "seeing": true, "connected": true, "connects": true, "connect": true,
	"reads": true, "read": true, "at": true, "uses": true, "use": true, "takes": true, "only": true, "covers": true, "spans": true}

// partOfChannels reads "each filter only sees 48 of the 96 channels" as a
// grouped conv: 96/48 = 2 groups, each filter spanning 48 channels. The
// part is named as used that way; nothing changes when the part does not
// divide the whole.
func (r *enReader) partOfChannels() {
	for i := 1; i+3 < len(r.toks); i++ {
		if !r.isNum(i) || r.lem(i+1) != "of" {
			continue
		}
		j := i + 2
		if r.lem(j) == "the" || r.lem(j) == "its" {
			j++
		}
		if !r.isNum(j) || !(r.lem(j+1) == "channel" || r.lem(j+1) == "fmap" || r.lem(j+1) == "input" && (r.lem(j+2) == "channel" || r.lem(j+2) == "fmap")) {
			continue
		}
		prev := strings.ToLower(r.toks[i-1].raw)
		if !enSeesWords[prev] && !((prev == "to" || prev == "at") && i >= 2 && enSeesWords[strings.ToLower(r.toks[i-2].raw)]) {
			continue
		}
		part, whole := r.toks[i].num, r.toks[j].num
		a := r.owner(i)
		if a == nil || a.kind != "conv" || part <= 0 || whole <= part || whole%part != 0 || a.groups > 1 {
			continue
		}
		a.groups, a.at["groups"] = int(whole/part), i
		a.bare = slices.DeleteFunc(a.bare, func(k int) bool { return k == i })
		a.counts = slices.DeleteFunc(a.counts, func(c enCount) bool { return c.tok == i })
		for k := range a.counts {
			if a.counts[k].tok == j {
				a.counts[k].role = "in" // the whole is what comes in
			}
		}
		r.g.unused = append(r.g.unused, lang.Unused{Text: r.toks[i].raw, Pos: enPos(r.src, r.toks[i].off),
			Why: fmt.Sprintf("each filter spans %d of the %d channels: %d/%d = %d groups", part, whole, whole, part, whole/part)})
		r.notes = append(r.notes, fmt.Sprintf("each filter reads %d of the %d input channels: a grouped conv, %d groups", part, whole, whole/part))
		return
	}
}

// flopsDefined takes "as 2 FLOPs" ("counting a multiply and an add as 2
// FLOPs") out of the numbers to read: it defines FLOPs as 2 × MACs, which
// is how FLOPs are counted here.
func (r *enReader) flopsDefined() {
	for i, t := range r.toks {
		if t.kind != 'n' || t.num != 2 || t.isFrac || r.lem(i+1) != "flops" || !strings.EqualFold(r.toks[max(i-1, 0)].raw, "as") {
			continue
		}
		for _, a := range r.anchors {
			a.bare = slices.DeleteFunc(a.bare, func(k int) bool { return k == i })
			a.counts = slices.DeleteFunc(a.counts, func(c enCount) bool { return c.tok == i })
		}
		r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off),
			Why: "a multiply and an add counted as 2 FLOPs: FLOPs = 2 × MACs, as counted here"})
		if !slices.Contains(r.g.asked, "flops") {
			r.addAsked("flops")
		}
	}
}

// assumedFilters is the filter count assumed when none is said and the
// answer does not depend on it: one per group (a grouped conv needs a
// multiple of its groups), noted.
func (r *enReader) assumedFilters(a *enAnchor) int {
	if a.groups <= 1 {
		r.noteOneFilter()
		return 1
	}
	r.rfNote = true
	r.notes = append(r.notes, fmt.Sprintf("the number of filters was not given: %d assumed, one per group; what is asked does not depend on it", a.groups))
	return a.groups
}

// enUnsharedRE asks for the parameters a conv would have without weight
// sharing, which are its total connections (CS231n counts them so): "vs a
// locally connected (unshared) layer", "WITHOUT parameter sharing", "if
// each neuron had its own weights".
var enUnsharedRE = regexp.MustCompile(`(?i)\bwithout\s+(?:the\s+)?(?:weight\s+|parameter\s+|param\s+)?sharing\b|\blocally[\s-]+connected\b|\bunshared\b|\bno\s+(?:weight\s+|parameter\s+)?sharing\b|\bnot\s+shared\b|\b(?:each|every)\s+(?:neuron|unit|position)\s+(?:has|had|having|gets?)\s+its\s+own\b|\b(?:didn|don|doesn|wasn|weren|isn)['’]?t\s+(?:use\s+|have\s+|do\s+)?(?:any\s+|the\s+)?(?:weight|parameter|param)\s+sharing\b|\b(?:did|do|does)\s+not\s+(?:use\s+|have\s+|do\s+)?(?:any\s+|the\s+)?(?:weight|parameter|param)\s+sharing\b|\bwithout\s+sharing\s+(?:the\s+)?(?:weights|parameters|params)\b|\b(?:weights|parameters|params|filters|kernels)\s+(?:were|are|was|is)\s*(?:n['’]?t|not)\s+shared\b|\b(?:(?:didn|don|doesn|wouldn|won|weren|aren)['’]?t|not|never|no\s+longer|(?:did|do|does|would|will)\s+not)\s+(?:be\s+)?shar(?:e|ed|ing)\s+(?:the\s+|any\s+|their\s+)?(?:weights|parameters|params|filters|kernels)\b|\bwithout\s+sharing\b|\b(?:each|every)\s+(?:one\s+of\s+(?:the\s+)?)?(?:[\d*x×·\s]+\s+)?(?:output\s+)?(?:neurons?|units?|positions?|locations?|pixels?)\s+(?:has|had|having|gets?|got|with|uses?|used)\s+(?:its|their)\s+own\b`)

// enSharedRE says the shared count beside the unshared one: "with weight
// sharing and without", "compared to parameter sharing".
var enSharedRE = regexp.MustCompile(`(?i)\b(?:with|using|compared\s+to|versus|vs\.?)\s+(?:the\s+)?(?:weight|parameter|param)\s+sharing\b|\bshared\s+(?:and|or|vs\.?|versus)\b`)

// unsharedAsked reads a question that sets a conv against the same layer
// without weight sharing: the total connections (the bias counted, unless
// biases are left out) are its parameters, asked beside the conv's own;
// the "vs" between them is no second design to read.
func (r *enReader) unsharedAsked() {
	if !enUnsharedRE.MatchString(r.src) {
		return
	}
	convs := 0
	for _, a := range r.anchors {
		if convLike(a) {
			convs++
		}
	}
	if convs == 0 {
		return
	}
	both := enSharedRE.MatchString(r.src)
	for i, t := range r.toks {
		if enVersus[strings.ToLower(t.raw)] {
			r.toks[i].raw = "and" // the same layer, shared or not
			both = true
		}
	}
	if len(r.g.asked) == 0 && both {
		r.addAsked("params")
	}
	if !both {
		// the shared counts are not what is asked: they would lead the reply
		r.g.asked = slices.DeleteFunc(r.g.asked, func(a string) bool { return a == "params" || a == "weights" })
	}
	r.addAsked("total connections")
	r.notes = append(r.notes, "without weight sharing every output neuron has its own weights: the layer's parameters are then its total connections")
}

// oneOutputMap reads "one output map", "a single output channel" as one
// filter for the one conv named without a filter count.
func (r *enReader) oneOutputMap() {
	for i, t := range r.toks {
		if !isOne(t.raw) && !strings.EqualFold(t.raw, "single") || i+1 >= len(r.toks) {
			continue
		}
		next := strings.ToLower(r.src[r.toks[i+1].off:r.toks[i+1].end])
		if next != "output map" && next != "output channel" && next != "output feature map" && next != "output" {
			continue
		}
		if next == "output" && r.lem(i+2) != "fmap" && r.lem(i+2) != "channel" {
			continue
		}
		var conv *enAnchor
		for _, a := range r.anchors {
			if convLike(a) {
				if conv != nil {
					return
				}
				conv = a
			}
		}
		if conv == nil || slices.ContainsFunc(conv.counts, func(c enCount) bool { return c.class == "filter" || c.class == "fmap" || c.role == "out" }) {
			return
		}
		conv.counts = append(conv.counts, enCount{v: 1, class: "filter", tok: i})
		return
	}
}

// convLike reports whether a is a conv, or a layer said by its kernel
// alone ("5x5 kernel, no padding").
func convLike(a *enAnchor) bool {
	return a.kind == "conv" || a.kind == "layer" && len(a.kernel) > 0
}

// regionOfInput reads "each neuron looks at an 11x11x3 region of the
// 227x227x3 input" (CS231n's way of saying a conv's kernel): the first
// size is the window one neuron reads, its last side the input's depth;
// the second is the input.
func (r *enReader) regionOfInput() {
	for i, t := range r.toks {
		if t.kind != 's' || r.lem(i+1) != "window" || r.lem(i+2) != "of" {
			continue
		}
		j := i + 3
		if r.lem(j) == "the" || r.lem(j) == "its" {
			j++
		}
		if j >= len(r.toks) || r.toks[j].kind != 's' || r.lem(j+1) != "input" && r.lem(j+1) != "image" && r.lem(j+1) != "volume" {
			continue
		}
		var conv *enAnchor
		for _, a := range r.anchors {
			if k, ok := a.at["kernel"]; ok && (k == i || k == j) && convLike(a) {
				conv = a // the conv the sizes were misread into
			}
		}
		for _, a := range r.anchors {
			if conv == nil && convLike(a) && !a.ctx {
				conv = a
			}
		}
		win, in := t.dims, r.toks[j].dims
		if conv == nil || len(win) > 3 || len(win) == 3 && len(in) == 3 && win[2] != in[2] {
			return
		}
		if len(win) < 2 {
			return
		}
		conv.kernel, conv.at["kernel"] = slices.Clone(win[:2]), i
		r.g.inputs = slices.DeleteFunc(r.g.inputs, func(f enSizeFact) bool { return f.tok == i || f.tok == j })
		r.g.inputs = append([]enSizeFact{{dims: in, tok: j, role: "in"}}, r.g.inputs...)
		r.notes = append(r.notes, fmt.Sprintf("%s read as the window each neuron reads: the kernel", t.raw))
		r.strideFromOutput(conv, in[0])
		return
	}
}

// strideFromOutput sets the stride of conv, said with no stride and no
// padding, from the output said: the one stride that takes the input side
// in to the output side with its kernel ("55x55x96 ... an 11x11x3 region of
// the 227x227x3 input": stride 4).
func (r *enReader) strideFromOutput(conv *enAnchor, in int) {
	if len(conv.stride) > 0 || len(conv.pad) > 0 || conv.padMode != "" || len(r.g.outs) != 1 || len(conv.kernel) == 0 {
		return
	}
	out, k := r.g.outs[0].dims[0], conv.kernel[0]
	sv, err := calc.SolveConv(calc.Conv{Kernel: []int{k}, PadMode: calc.PadValid, In: 1, Out: 1}, "stride", 0, in, out)
	if err != nil {
		return
	}
	// Only a stride no wider than the kernel (a wider one skips input
	// values), and the only one, is read from the sizes.
	fit := slices.DeleteFunc(sv.Solutions, func(s int64) bool { return s > int64(k) })
	if len(fit) != 1 {
		return
	}
	if found := int(fit[0]); found > 1 {
		conv.stride = []int{found}
		r.notes = append(r.notes, fmt.Sprintf("stride %d: the stride that takes %d to %d with a %d-wide kernel and no padding (no stride is said)", found, in, out, k))
	}
}

// oneKernelSaid reads "a 1x2 kernel" on a single-channel input, with no
// filter count said, as one filter: image processing's one kernel slid
// over one image ("subtracts each pixel's left neighbour (a 1x2 kernel)").
func (r *enReader) oneKernelSaid() {
	if r.g.channels != 1 {
		return
	}
	var conv *enAnchor
	for _, a := range r.anchors {
		if convLike(a) && !a.ctx {
			if conv != nil {
				return
			}
			conv = a
		}
	}
	k, ok := 0, false
	if conv != nil {
		k, ok = conv.at["kernel"]
	}
	if !ok || len(conv.counts)+len(conv.args) > 0 || k < 1 || k+1 >= len(r.toks) {
		return
	}
	art := strings.ToLower(r.toks[k-1].raw)
	if art != "a" && art != "one" && art != "single" && art != "an" || r.toks[k+1].plural || r.lem(k+1) != "kernel" && r.lem(k+1) != "filter" {
		return
	}
	conv.counts = append(conv.counts, enCount{v: 1, class: "filter", tok: k})
	r.notes = append(r.notes, fmt.Sprintf("one %s kernel on a single-channel input, no filter count said: one filter", r.toks[k].raw))
}

// mapsSizeInBrackets reads "its 16 maps (10x10, 5x5 kernels)": the size
// in brackets after a count of maps is the size of those maps, an output,
// as "16 maps of 10x10" is.
func (r *enReader) mapsSizeInBrackets() {
	for i, t := range r.toks {
		if t.kind != 's' || i < 3 || r.lem(i-1) != "(" || r.lem(i-2) != "fmap" || !r.isNum(i-3) || len(t.dims) != 2 {
			continue
		}
		if !slices.ContainsFunc(r.g.inputs, func(f enSizeFact) bool { return f.tok == i }) || len(r.g.inputs) < 1 {
			continue
		}
		r.g.inputs = slices.DeleteFunc(r.g.inputs, func(f enSizeFact) bool { return f.tok == i })
		r.g.outs = append(r.g.outs, enSizeFact{dims: t.dims, tok: i, role: "out"})
	}
}

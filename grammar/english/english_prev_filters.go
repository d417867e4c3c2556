package english

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A layer said only by its filter count, then the layer after it with its
// kernel: "the first layer has 40 filters. the second layer uses 3x3
// kernels", "conv1 has 32 filters; conv2 is 5x5 with 64". The first layer
// cannot be sized (no kernel); its filters are the second's input
// channels, which is what it is said for. indexedContext reads the same
// of "conv1"/"conv2" when the second says no count.

// enLaterWords name a layer as the one after: "the second layer", "the
// next conv".
var enLaterWords = map[string]bool{"second": true, "2nd": true, "next": true, "following": true, "subsequent": true, "later": true}

// enWholeNetRE asks of every layer, not of the later one alone.
var enWholeNetRE = regexp.MustCompile(`(?i)\b(?:total|overall|altogether|whole|entire|both|all\s+(?:the\s+)?layers|each\s+layer|every\s+layer|network|model|net)\b`)

// precedingFilters makes a layer said only by its filters, just before a
// later layer with a kernel, that layer's input (a context mention, as
// "the previous layer has 40 filters" is), when nothing asked is of both.
func (r *enReader) precedingFilters() {
	real := r.realAnchors()
	if len(real) == 2 && r.normAfterFilters(real[0], real[1]) {
		return
	}
	if enWholeNetRE.MatchString(r.src) {
		return
	}
	if len(real) == 1 {
		r.earlierLayerCount(real[0])
	}
	if len(real) != 2 {
		return
	}
	a, b := real[0], real[1]
	if !r.filtersOnly(a) || !(b.kind == "conv" || b.kind == "layer") || len(b.kernel) == 0 || !r.namedAfter(a, b) {
		return
	}
	a.ctx = true
	for k := range a.counts {
		a.counts[k].role = "in"
	}
	r.notes = append(r.notes, fmt.Sprintf("the layer before has %d filters: they are this layer's %d input channels", a.counts[0].v, a.counts[0].v))
}

// secondOnInput matches an input size said of the later layer itself:
// "the second layer on a 32x32 input", "input to the second layer is
// 32x32", "the second layer's input is 32x32".
var secondOnInput = regexp.MustCompile(`(?i)\b(?:second|2nd|next)\s+(?:layer|conv\w*)\s+(?:on|for|given|takes|receives|with)\s+(?:an?\s+|the\s+)?(?:input\s+(?:of\s+)?)?\d+\s*[x×]\s*\d+|\binput\s+(?:to|of)\s+the\s+(?:second|2nd|next)\s+(?:layer|conv\w*)|\b(?:second|2nd|next)\s+(?:layer|conv\w*)'s\s+input`)

// withEarlierInputDoubted doubts a reading of the later layer alone
// (precedingFilters) on an input size that may be the network's: the layer
// before has no kernel said, so what it makes of that input is unknown,
// and an output or a cost on it would be the later layer's on the
// network's input. Parameters do not depend on the input.
func withEarlierInputDoubted(src string, q *lang.Question) {
	if len(q.Input) < 2 || secondOnInput.MatchString(src) ||
		!slices.ContainsFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, "the layer before has") }) ||
		!slices.ContainsFunc(q.Asked, func(a string) bool { return a != "params" && a != "weights" && a != "biases" && a != "connections" }) {
		return
	}
	q.Doubts = append(q.Doubts, "the input size may be the first layer's, whose kernel is not said: this answer takes it as the second layer's own input")
}

// filtersOnly reports whether a is a conv said by its filter count alone:
// no kernel, sizes, arguments or settings.
func (r *enReader) filtersOnly(a *enAnchor) bool {
	if a.kind != "conv" && a.kind != "layer" || len(a.counts) != 1 || len(a.kernel)+len(a.bareSizes)+len(a.args)+len(a.stride)+len(a.pad)+len(a.dil) > 0 {
		return false
	}
	c := a.counts[0]
	return (c.class == "filter" || c.class == "fmap" || c.class == "kernel") && c.role != "in"
}

// namedAfter reports whether b is named as the layer after a: "the second
// layer", "the next conv", "conv2" after "conv1", "layer 2" after "layer 1".
func (r *enReader) namedAfter(a, b *enAnchor) bool {
	for j := max(b.start-1, 0); j <= b.tok; j++ {
		if enLaterWords[strings.ToLower(r.toks[j].raw)] {
			return true
		}
	}
	if ia, ib := r.toks[a.tok].idx, r.toks[b.tok].idx; ia > 0 && ib == ia+1 {
		return true
	}
	na, nb := r.numAfter(a.tok), r.numAfter(b.tok)
	return na > 0 && nb == na+1
}

// numAfter is the index number just after the word at i ("layer 2"), or 0.
func (r *enReader) numAfter(i int) int64 {
	if i+1 < len(r.toks) && r.toks[i+1].kind == 'n' && r.toks[i+1].num < 100 && !r.toks[i+1].isFrac {
		return r.toks[i+1].num
	}
	return 0
}

// earlierLayerCount reads "layer 1 outputs 16 feature maps; layer 2
// applies 3x3 filters": a count said of layer N, in the phrase of the one
// layer read, which is layer N+1, is that layer's input.
func (r *enReader) earlierLayerCount(a *enAnchor) {
	if len(a.kernel) == 0 || len(a.counts) == 0 {
		return
	}
	own := r.layerIndexNear(a.tok)
	for k, c := range a.counts {
		if c.layer > 0 && own == c.layer+1 && c.role != "in" && (c.class == "filter" || c.class == "fmap" || c.class == "channel") {
			a.counts[k].role = "in"
			r.notes = append(r.notes, fmt.Sprintf("layer %d's %d maps are layer %d's input channels", c.layer, c.v, own))
		}
	}
}

// enNormWordRE names a batch norm; enConvWordRE a conv, its filters or
// kernel.
var (
	enNormWordRE = regexp.MustCompile(`(?i)\bbn\d*\b|batch[\s_-]*norm\w*|\bnorm\s+layer`)
	enConvWordRE = regexp.MustCompile(`(?i)\bconv\w*|\bfilters?\b|\bkernels?\b`)
)

// normAfterFilters reads "a Conv2D with 96 filters followed by
// BatchNormalization(): Param # for the BN layer?": the conv, said by its
// filters, gives the batch norm its channels, and only the batch norm is
// asked of (the sentence that asks names it and no conv). The conv is then
// a context mention, as in "batch norm after a conv with 32 channels".
func (r *enReader) normAfterFilters(a, b *enAnchor) bool {
	if b.kind != "bn" || len(b.counts) > 0 || len(b.args) > 0 || a.kind != "conv" && a.kind != "layer" || len(a.counts) != 1 {
		return false
	}
	if c := a.counts[0]; c.role == "in" || c.class != "filter" && c.class != "fmap" && c.class != "channel" {
		return false
	}
	asking := r.askingSentences()
	if asking == "" || !enNormWordRE.MatchString(asking) || enConvWordRE.MatchString(asking) {
		return false
	}
	a.ctx = true
	b.counts = append(b.counts, enCount{v: a.counts[0].v, class: "channel", tok: a.counts[0].tok})
	for i := a.start; i < b.start && i < len(r.toks); i++ {
		if t := r.toks[i]; t.kind == 's' || t.kind == 'n' && i != a.counts[0].tok {
			r.g.unused = append(r.g.unused, enNumbersOf(r.src, t, "the conv's own setting: the batch norm after it does not depend on it")...)
		}
	}
	r.notes = append(r.notes, fmt.Sprintf("the batch norm normalizes the %d maps of the conv before it; only the batch norm is asked of", a.counts[0].v))
	return true
}

// askingSentences are the sentences of the question that ask: those
// ending in "?" or holding "how many" or "what".
func (r *enReader) askingSentences() string {
	var out []string
	for _, s := range enSentenceRE.FindAllString(r.src, -1) {
		low := strings.ToLower(s)
		if strings.HasSuffix(strings.TrimSpace(s), "?") || strings.Contains(low, "how many") || strings.Contains(low, "what") {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// enSentenceRE matches a sentence or a clause: up to its stop, colon or
// semicolon, or the end.
var enSentenceRE = regexp.MustCompile(`[^.?!:;\n]+(?:[.?!:;]+|$)`)

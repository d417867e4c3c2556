package english

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The numbers of a fully connected layer said in prose take their roles
// from the words around them: "maps 3072 inputs to 750 outputs", "from
// 2048 features to 365 classes" (the first the inputs, the second the
// units), and "the flatten spits out 2450 values, then a Dense(128)" (what
// the flatten gives is what the fully connected layer after it takes in).

// enFcInWords name a fully connected layer's inputs; enFcOutWords its
// units.
var (
	enFcInWords  = map[string]bool{"input": true, "inputs": true, "feature": true, "features": true, "in": true, "values": true, "dims": true, "dimensions": true}
	enFcOutWords = map[string]bool{"output": true, "outputs": true, "unit": true, "units": true, "neuron": true, "neurons": true, "out": true,
		"class": true, "classes": true, "features": true, "logits": true, "dims": true, "dimensions": true}
)

// enFcJoin are the words between the two numbers of "N inputs to M
// outputs".
var enFcJoin = map[string]bool{"to": true, "into": true, "onto": true, "->": true, "→": true, "and": true, ",": true}

// numInToOut reads "N inputs to M outputs" said of a fully connected
// layer: N is its inputs, M its units. False unless the number at n is
// followed by a word of inputs, a joining word, a number and a word of
// outputs.
func (r *enReader) numInToOut(n *enNum) bool {
	i := n.i
	if n.t.kind != 'n' || n.m == nil || n.m.kind != "fc" || !enFcInWords[strings.ToLower(r.toks[min(i+1, len(r.toks)-1)].raw)] {
		return false
	}
	j := i + 2
	if j < len(r.toks) && enFcJoin[strings.ToLower(r.toks[j].raw)] {
		j++
	}
	if j == i+2 || j+1 >= len(r.toks) || r.toks[j].kind != 'n' || r.toks[j].used || !enFcOutWords[strings.ToLower(r.toks[j+1].raw)] {
		return false
	}
	if strings.EqualFold(r.toks[i+1].raw, r.toks[j+1].raw) {
		return false // "64 features and 32 features": two of a kind
	}
	n.m.counts = append(n.m.counts, enCount{v: n.t.num, class: "channel", role: "in", tok: i},
		enCount{v: r.toks[j].num, class: "channel", role: "out", tok: j})
	r.toks[i].used, r.toks[j].used = true, true
	return true
}

// numOneItem reads "(one sample, ...)", "1 example": a batch of one said
// anywhere, which the counts asked are given for; the sample word was
// untied from a signal's length by enPerSample.
func (r *enReader) numOneItem(n *enNum) bool {
	i := n.i
	if n.t.kind != 'n' || n.t.num != 1 || i+1 >= len(r.toks) || !enSampleWords[strings.ToLower(r.toks[i+1].raw)] || r.toks[i+1].lem != "_" {
		return false
	}
	r.toks[i].used = true
	r.g.batch = 1
	r.g.unused = append(r.g.unused, lang.Unused{Text: n.t.raw + " " + r.toks[i+1].raw, Pos: enPos(r.src, n.t.off),
		Why: "read as a batch of one; the counts are per sample"})
	return true
}

// flattenFeeds gives the values a flatten is said to output ("my flatten
// spits out 2450 values and after that a Dense(128)") to the fully
// connected layer right after it as its inputs, when that layer says its
// units and not its inputs.
func (r *enReader) flattenFeeds() {
	for k, a := range r.anchors {
		if a.kind != "flatten" || len(a.counts) != 1 || k+1 >= len(r.anchors) {
			continue
		}
		c, fc := a.counts[0], r.anchors[k+1]
		if fc.kind != "fc" || c.role == "in" || len(fc.args)+len(fc.counts) != 1 || fc.tok < c.tok {
			continue
		}
		if len(fc.counts) == 1 && fc.counts[0].role == "in" {
			continue
		}
		fc.counts = append(fc.counts, enCount{v: c.v, class: "channel", role: "in", tok: c.tok})
		a.counts = nil
		for _, b := range r.anchors[:k] {
			if r.saysNothing(b) {
				b.ctx = true // "my conv stack ends in a flatten ...": what came before, named only
			}
		}
		r.notes = append(r.notes, fmt.Sprintf("%d read as what the flatten gives: the inputs of the fully connected layer after it", c.v))
	}
}

// fedToFc reports whether the number at i is what a flatten gives to the
// fully connected layer after it (flattenFeeds moved it there), so the
// token-level dense reading takes it as that layer's inputs.
func (r *enReader) fedToFc(i int) bool {
	for k, a := range r.anchors {
		if a.kind != "fc" || k == 0 || r.anchors[k-1].kind != "flatten" {
			continue
		}
		for _, c := range a.counts {
			if c.tok == i && c.role == "in" {
				return true
			}
		}
	}
	return false
}

// saysNothing reports whether anchor a is a layer named and nothing more:
// no kernel, count, argument or setting.
func (r *enReader) saysNothing(a *enAnchor) bool {
	return len(a.kernel)+len(a.counts)+len(a.args)+len(a.bare)+len(a.bareSizes)+len(a.stride)+len(a.pad)+len(a.dil) == 0 && a.padMode == ""
}

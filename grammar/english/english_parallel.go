package english

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Layers said in parallel: "three parallel Conv1d layers with 100 filters
// each, of widths 3, 4 and 5", "4 conv branches side by side, kernels 1,
// 3, 5 and 7, 32 filters each". Each reads the same input; their outputs
// are joined along the channels (a concat, as GoogLeNet's inception and
// Kim's text CNN do), so their parameters add up and no layer takes
// another's channels.

// enParallelRE matches words that set layers side by side.
var enParallelRE = regexp.MustCompile(`(?i)\bparallel\b|\bside[- ]by[- ]side\b|\bbranch(?:es)?\b|\bsame\s+input\b|\beach\s+(?:applied|run|operating)\s+(?:to|on)\s+the\s+(?:same\s+)?input\b`)

// kernelsListed files per-layer kernels said as a list after the first:
// "widths 3, 4 and 5", "kernel sizes 3, 5, 7", when the list is as long
// as the layers are many.
func (r *enReader) kernelsListed(n *enNum, m *enAnchor) {
	plural := n.pat >= 0 && r.toks[n.pat].plural // "widths 3, 4 and 5", "kernel sizes 2, 3, 4"
	if n.t.kind != 'n' || m.repeat < 2 && !plural {
		return
	}
	if list := r.listAfter(n.i, true, m.repeat); len(list) > 1 && (len(list) == m.repeat || plural) {
		m.setList("kernel", list)
		for j, left := n.i+1, len(list)-1; j < len(r.toks) && left > 0; j++ {
			if r.toks[j].kind == 'n' {
				r.toks[j].used, left = true, left-1
			}
		}
	}
}

// parallel rebuilds q, read as a chain of the one layer said several
// times, as those layers side by side when the words say so.
func (r *enReader) parallel(q *lang.Question, err error) (*lang.Question, error) {
	if err != nil || q == nil || !enParallelRE.MatchString(r.src) && !enTextCNNRE.MatchString(r.src) || len(q.Layers) < 2 {
		return q, err
	}
	if d := r.eachFilters(q); d != "" {
		cp := *q
		cp.Doubts = append(cp.Doubts[:len(cp.Doubts):len(cp.Doubts)], d)
		return &cp, nil
	}
	real := r.realAnchors()
	if len(real) != 1 || real[0].repeat != len(q.Layers) {
		return q, err
	}
	first, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok {
		return q, err
	}
	branches := make([][]calc.Layer, len(q.Layers))
	for k, l := range q.Layers {
		c, ok := l.Layer.(calc.Conv)
		if !ok {
			return q, err
		}
		c.In = first.In
		branches[k] = []calc.Layer{c}
	}
	cp := *q
	// The identity after the concat makes the joined output the last
	// layer's, where the reply reads the output shape.
	cp.Layers = []lang.Layer{{Layer: calc.Concat{Branches: branches}, Pos: q.Layers[0].Pos}, {Layer: calc.Activation{Name: "identity"}, Pos: q.Layers[0].Pos}}
	cp.Network = true
	if _, serr := (calc.Network{Input: cp.Input, Layers: []calc.Layer{cp.Layers[0].Layer}}).Summarize(); serr != nil && len(cp.Input) > 0 {
		cp.Input = nil // widths 3, 4 and 5 give lengths that differ: the parameters do not depend on them
		cp.Notes = append(cp.Notes, "the branches' outputs differ in length, so no input size is used: their parameters do not depend on it")
	}
	for i, n := range cp.Notes {
		if strings.Contains(n, "one after the other") {
			cp.Notes[i] = strings.Replace(n, "one after the other", "side by side on the same input, their outputs joined along the channels", 1)
		}
	}
	cp.Canonical = lang.Format(&cp)
	return &cp, nil
}

// enEmbeddingRE matches the width of word embeddings, a text CNN's input
// channels: "embeddings of dim 300", "300-dim embeddings", "embedding size
// 128", "word vectors of size 50".
var enEmbeddingRE = regexp.MustCompile(`(?i)\bembeddings?\s+(?:of\s+)?(?:dim(?:ension)?|size|width)\s*(?:of\s+|=\s*|is\s+)?(\d+)\b|\b(\d+)[- ]?(?:d|dim|dimensional)\s+(?:word\s+)?(?:embeddings?|vectors?)\b|\b(?:word\s+)?vectors?\s+of\s+(?:size|dim(?:ension)?)\s+(\d+)\b`)

// embeddingDim is the embedding width the words give, as the channels of a
// 1-D conv's input, or 0.
func (r *enReader) embeddingDim() int {
	m := enEmbeddingRE.FindStringSubmatchIndex(r.src)
	if m == nil {
		return 0
	}
	for g := 1; g < len(m)/2; g++ {
		if m[2*g] < 0 {
			continue
		}
		for i := range r.toks {
			if r.toks[i].off == m[2*g] && r.toks[i].kind == 'n' {
				r.toks[i].used = true
				r.notes = append(r.notes, "the embedding width read as the input channels of the 1-D convs")
				return enClamp(r.toks[i].num)
			}
		}
	}
	return 0
}

// enEachFiltersRE matches a filter count said of every layer: "64 filters
// each", "each with 100 filters".
var enEachFiltersRE = regexp.MustCompile(`(?i)\b(\d+)\s+(?:filters|kernels|channels|feature\s+maps|output\s+channels)\s+each\b|\beach\s+(?:with|has|having|of)\s+(\d+)\s+(?:filters|kernels|channels|feature\s+maps|output\s+channels)\b`)

// eachFilters is a doubt when the words give every layer one filter count
// and a conv of q has another, or "".
func (r *enReader) eachFilters(q *lang.Question) string {
	m := enEachFiltersRE.FindStringSubmatch(r.src)
	if m == nil {
		return ""
	}
	want := m[1] + m[2]
	for _, l := range q.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && strconv.Itoa(c.Out) != want {
			return fmt.Sprintf("the question gives each layer %s filters, and this reading has a conv with %d", want, c.Out)
		}
	}
	return ""
}

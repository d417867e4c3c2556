package english

import (
	"regexp"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The inputs of the fully connected layer at the end asked in words:
// "whats the size going into the fully connected layer", "how many
// values are fed to the dense layer", "the input size of the first fc".

// enIntoFCRE matches a question for what reaches a fully connected layer.
var enIntoFCRE = regexp.MustCompile(`(?i)\b(?:size|number|values|features|neurons|units|dimension|dim|length|what|vector)\s+(?:\w+\s+){0,3}?(?:going|goes|go|fed|feeding|feeds|coming|passed|entering|enters)\s+(?:in)?to\s+(?:the\s+)?(?:first\s+)?(?:fc|fully[- ]connected|dense|linear|classifier|mlp)\b|\binput\s+(?:size|dim\w*|length|features)\s+(?:of|for|to)\s+(?:the\s+)?(?:first\s+)?(?:fc|fully[- ]connected|dense|linear)\b`)

// asksIntoFC reports whether the words ask for what reaches the fully
// connected layer at the end.
func (r *enReader) asksIntoFC() bool { return enIntoFCRE.MatchString(r.src) }

// intoFC drops the fully connected layer at the end of real when the
// words ask what goes into it ("how many values are fed into the dense
// layer"), its units said or not: they do not change what reaches it, and
// are named so. A "flatten" said after it ("like the flattened number")
// stays the last layer.
func (r *enReader) intoFC(real []*enAnchor) []*enAnchor {
	n := len(real)
	if n >= 2 && real[n-1].kind == "flatten" && real[n-2].kind == "fc" && r.asksFCInputs() {
		real = append(real[:n-2:n-2], real[n-1])
		n--
		r.fcUnitsUnused(real[n-1])
		return real
	}
	if n < 2 || real[n-1].kind != "fc" || !r.asksIntoFC() || r.fcCount() != 1 {
		return real
	}
	r.fcUnitsUnused(real[n-1])
	real[n-1].counts, real[n-1].args, real[n-1].bare, real[n-1].bareSizes = nil, nil, nil, nil
	return real
}

// fcCount is the number of fully connected layers mentioned.
func (r *enReader) fcCount() int {
	n := 0
	for _, a := range r.anchors {
		if a.kind == "fc" && !a.ctx {
			n++
		}
	}
	return n
}

// fcUnitsUnused names the units said of the fully connected layer a as
// not used.
func (r *enReader) fcUnitsUnused(a *enAnchor) {
	toks := append([]int(nil), a.bare...)
	for _, c := range a.counts {
		toks = append(toks, c.tok)
	}
	for _, i := range toks {
		if i >= 0 && i < len(r.toks) && r.toks[i].kind == 'n' {
			t := r.toks[i]
			r.g.unused = append(r.g.unused, lang.Unused{Text: t.raw, Pos: enPos(r.src, t.off), Why: "the fully connected layer's units: they do not change what reaches it"})
		}
	}
}

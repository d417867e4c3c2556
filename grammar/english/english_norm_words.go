package english

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A group norm or a layer norm said in words, alone: "groupnorm with 8
// groups on 64 channels", "layer norm over 512 features". Each learns a
// scale and a shift per channel (per normalized value), 2·C; the groups
// change nothing in the count. The reading applies only when the question
// names one such norm and no other layer, and every number finds its
// role; otherwise the general reader goes on.

var (
	enGroupNormRE = regexp.MustCompile(`(?i)\bgroup[\s_-]*norm(?:ali[sz]ation)?\b|\bgn\b`)
	enLayerNormRE = regexp.MustCompile(`(?i)\blayer[\s_-]*norm(?:ali[sz]ation)?\b|\bln\b`)
	enNoAffineRE  = regexp.MustCompile(`(?i)\b(?:without|no)\s+(?:the\s+)?(?:affine|elementwise[_ ]affine|learnable\s+(?:scale|affine))|\b(?:elementwise_)?affine\s*=\s*false\b`)
)

// enNormOther are the lemmas of layers besides a norm.
var enNormOther = map[string]bool{"conv": true, "deconv": true, "pool": true, "fc": true, "bn": true, "flatten": true,
	"act": true, "dropout": true, "depthwise": true, "separable": true, "pointwise": true}

// normWords reads a question about one group norm or layer norm, or
// returns nil.
func (r *enReader) normWords() *lang.Question {
	group, layer := enGroupNormRE.MatchString(r.src), enLayerNormRE.MatchString(r.src)
	if group == layer || strings.Contains(r.src, "(") {
		return nil // neither or both, or code: the paste front-end reads nn.GroupNorm(...)
	}
	groups, ch := 0, 0
	for i, t := range r.toks {
		switch {
		case t.kind == 'w' && enNormOther[t.lem] && !strings.EqualFold(t.raw, "affine"): // "without affine" is the norm's
			return nil
		case t.kind == 's' || t.kind == 'n' && (t.isFrac || t.num < 1 || t.num > calc.MaxSize):
			return nil
		case t.kind == 'n' && group && r.lem(i+1) == "group" && groups == 0:
			groups = int(t.num)
		case t.kind == 'n' && ch == 0 && normChannelWord(r, i+1):
			ch = int(t.num)
		case t.kind == 'n':
			return nil // a number without a role here
		}
	}
	if ch == 0 || group && groups == 0 {
		return nil
	}
	var l calc.Layer = calc.LayerNorm{Shape: []int{ch}, NoAffine: enNoAffineRE.MatchString(r.src)}
	if group {
		l = calc.GroupNorm{Groups: groups, C: ch, NoAffine: enNoAffineRE.MatchString(r.src)}
	}
	q := &lang.Question{Asked: r.g.asked, Layers: []lang.Layer{{Layer: l, Pos: enPos(r.src, 0)}}}
	q.Notes = append(q.Notes, r.notes...)
	q.Canonical = lang.Format(q)
	return q
}

// normChannelWord reports whether the word at i names what a count of
// channels counts: channels, features, dims, hidden units.
func normChannelWord(r *enReader, i int) bool {
	switch r.lem(i) {
	case "channel", "fmap", "neuron", "vector", "size":
		return true
	}
	if i >= len(r.toks) {
		return false
	}
	switch strings.ToLower(r.toks[i].raw) {
	case "features", "feature", "dims", "dim", "dimensions", "hidden", "d_model":
		return true
	}
	return false
}

package english

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Course notations: the short names lecture notes and textbooks give a
// layer's settings, read as the words they stand for.

// enVGGKernels are the kernel sizes the VGG paper's "conv3-64" names.
var enVGGKernels = map[int64]bool{1: true, 3: true, 5: true, 7: true, 11: true}

// enVGGConv merges the VGG paper's and CS231n's "CONV3-64" at in[i] (a
// 3x3 conv with 64 filters) into the tokens "conv 3x3 64 filters", each
// at the text it comes from; n is the tokens after in[i] it spans, 0 when
// in[i] is not written so. The count must be 8 or more: "conv1-2" reads
// as labels, not as a 1x1 conv with 2 filters.
func enVGGConv(in []enTok, i int) (out []enTok, n int) {
	t, k, dash, m := in[i], enAt(in, i+1), enAt(in, i+2), enAt(in, i+3)
	if t.lem != "conv" || k == nil || dash == nil || m == nil || t.dimsOf != 0 {
		return nil, 0
	}
	if k.kind != 'n' || !k.glued || k.isFrac || !enVGGKernels[k.num] || dash.raw != "-" || !dash.glued ||
		m.kind != 'n' || !m.glued || m.isFrac || m.num < 8 {
		return nil, 0
	}
	size := enTok{kind: 's', raw: k.raw, dims: []int{int(k.num), int(k.num)}, off: k.off, end: k.end, glued: true}
	count := *m
	count.glued = false
	filters := enTok{kind: 'w', raw: "filters", lem: "filter", plural: true, off: m.end, end: m.end, glued: true}
	return []enTok{t, size, count, filters}, 3
}

// enNotations are the longer names notes give settings, read as the word
// they stand for when an equals sign follows ("ks=5", d2l's "c_i=16",
// "k_h=3"); CS231n's one-letter names are enCS231n.
var enNotations = map[string]string{
	"ks": "ksize", "k_h": "ksize", "k_w": "ksize", "kh": "ksize", "kw": "ksize", "f_h": "ksize", "f_w": "ksize",
	"c_i": "inch", "c_in": "inch", "ci": "inch", "n_c_prev": "inch", "n_cprev": "inch",
	"c_o": "outch", "c_out": "outch", "co": "outch", "n_c": "outch", "nf": "outch", "n_f": "outch",
	"ni": "inch", "s_h": "stride", "s_w": "stride", "p_h": "pad", "p_w": "pad",
}

// enNotation returns the lemma of a notation name at in[i] followed by an
// equals sign, or "" when it is not one.
func enNotation(in []enTok, i int) string {
	eq := enAt(in, i+1)
	if eq == nil || eq.raw != "=" {
		return ""
	}
	return enNotations[strings.ToLower(in[i].raw)]
}

// enHeightWidth merges d2l's "h=w=32" at in[i] (an input of 32x32) into
// the words "input size" and the size 32x32; n is the tokens after in[i] it
// spans, 0 when in[i] is not written so.
func enHeightWidth(in []enTok, i int) (out []enTok, n int) {
	t := in[i]
	if len(in) < i+5 || !strings.EqualFold(t.raw, "h") || in[i+1].raw != "=" || !strings.EqualFold(in[i+2].raw, "w") ||
		in[i+3].raw != "=" || in[i+4].kind != 'n' || in[i+4].isFrac {
		return nil, 0
	}
	v := in[i+4]
	word := enTok{kind: 'w', raw: "h=w", lem: "insize", off: t.off, end: in[i+3].end, glued: t.glued}
	size := enTok{kind: 's', raw: v.raw, dims: []int{int(v.num), int(v.num)}, off: v.off, end: v.end}
	return []enTok{word, size}, 4
}

// enPerFilterRE asks for one filter's parameters, not the layer's: "params
// in EACH filter", "weights per filter", "how many parameters does a
// single filter have", "each kernel has how many weights".
var enPerFilterRE = regexp.MustCompile(`(?i)\b(?:param\w*|weights?)\s+(?:(?:are|is|there)\s+)*(?:(?:in|of|for|does|do|has)\s+(?:(?:each|every|one|a\s+single|a)\s+)+|per\s+)(?:single\s+)?(?:\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?\s+)?(?:conv\w*\s+)?(?:filter|kernel)\b|\b(?:each|every|one|a\s+single|per)\s+(?:conv\w*\s+)?(?:filter|kernel)\s+(?:has|have|holds|contains?)\s+(?:how\s+many|what\s+number\s+of)\s+(?:param|weight)`)

// enWholeLayerRE asks for the whole layer's count too: "per kernel and
// in total", "and for the whole layer".
var enWholeLayerRE = regexp.MustCompile(`(?i)\b(?:total|overall|altogether|whole|entire|all\s+(?:the\s+|its\s+)?(?:filters|kernels))\b`)

// perFilter reports whether the question asks for one filter's parameters
// only: it names one filter and not the whole layer, and asks for nothing besides parameters,
// weights and biases (a filter has no output size of its own).
func (r *enReader) perFilter() bool {
	if r.oneOf == 0 {
		r.oneOf = 1
		if (enPerFilterRE.MatchString(r.src) || r.oneUnitSaid()) && !enWholeLayerRE.MatchString(r.src) { // english_one_unit.go
			r.oneOf = 2
		}
	}
	if r.oneOf == 1 {
		return false
	}
	for _, a := range r.g.asked {
		if a != "params" && a != "weights" && a != "biases" {
			return false
		}
	}
	return len(r.realAnchors()) == 1
}

// singleFilter makes the convolution of a per-filter question a single filter
// (its parameters do not depend on how many the layer has), and names the
// filter count written, if any, as not used.
func (r *enReader) singleFilter(a *enAnchor, out, in int) int {
	if out > 0 && out != in {
		for _, c := range a.counts {
			if int(c.v) != out || c.role == "in" || c.tok < 0 || c.tok >= len(r.toks) {
				continue
			}
			t := r.toks[c.tok]
			r.g.unused = append(r.g.unused, lang.Unused{Text: r.src[t.off:min(t.end, len(r.src))], Pos: enPos(r.src, t.off),
				Why: "the number of filters: one filter's parameters do not depend on how many the layer has"})
		}
	}
	r.notes = append(r.notes, "one filter's parameters asked: the layer is counted as a single filter")
	return 1
}

// chaptersUnused names the chapter numbers of "Goodfellow ch 9" as not
// used: the front door's index words do not hold "ch".
func (r *enReader) chaptersUnused() []lang.Unused {
	var out []lang.Unused
	for i, t := range r.toks {
		if t.kind == 'w' && t.lem == "idx" && strings.EqualFold(t.raw, "ch") && r.isNum(i+1) {
			n := r.toks[i+1]
			out = append(out, lang.Unused{Text: r.src[n.off:min(n.end, len(r.src))], Pos: enPos(r.src, n.off), Why: "a chapter of the book named"})
		}
	}
	return out
}

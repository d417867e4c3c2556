package grammar

import (
	"regexp"
	"strings"
)

// A question about a network with a global pool often asks what comes out
// of it: "what's the shape after the global average pooling?", "output
// after GAP?". The pool is named by what it does, not by kind and place as
// kindWords reads layers, so this reader finds it apart and asks for its
// output, as "after the maxpool" does. Only a sentence that asks a size
// names the place: "after the GAP there is a dense layer" says where the
// dense sits, "the output after the GAP and fc" asks of the fc, "params
// after the GAP" asks no size, and a global pool left out ("if I skip
// GAP") is no place at all.

// globalPoolWords matches a global pool named in words: "GAP", "the global
// average pooling", "global max pool", "the adaptive avg pool".
var globalPoolWords = regexp.MustCompile(`(?i)\b(?:gap|global\s+(?:average|avg|max|mean)[\s_-]*pool(?:ing)?(?:\s+layer)?|global[\s_-]*pool(?:ing)?(?:\s+layer)?|adaptive[\s_-]*(?:avg|average|max)[\s_-]*pool(?:ing)?(?:\s*layer)?)\b`)

// outOfWord matches the words just before a place whose output is asked:
// "after the", "out of the", "output of".
var outOfWord = regexp.MustCompile(`(?i)\b(?:after|out\s+of|outputs?\s+of|coming\s+out\s+of|comes\s+out\s+of)\s+(?:the\s+|my\s+|its\s+|that\s+)?$`)

// moreLayersAfter matches another layer joined to the place named: "and
// fc", "+ the linear", "-> dense".
var moreLayersAfter = regexp.MustCompile(`(?i)^\s*(?:and|\+|&|->|→|then|,\s*then|plus)\s+(?:the\s+|a\s+)?(?:fc|linear|dense|fully|classifier|head|flatten|conv|layer)`)

// sizeAskedWords matches a size asked: "shape", "size", "output", "dims".
var sizeAskedWords = regexp.MustCompile(`(?i)\b(?:shape|size|dim\w*|output|comes?\s+out)\b`)

// globalPoolRefs finds a global pool asked about by what comes out of it.
func globalPoolRefs(src string) []atRef {
	var refs []atRef
	for _, m := range globalPoolWords.FindAllStringIndex(src, -1) {
		if !outOfWord.MatchString(src[max(0, m[0]-30):m[0]]) || moreLayersAfter.MatchString(src[m[1]:]) {
			continue
		}
		if s := sentenceAt(src, m[0], m[1]); !strings.Contains(s, "?") && !askWord.MatchString(s) || !sizeAskedWords.MatchString(s) {
			continue // "after the GAP there is a dense layer": where a layer sits, no size asked
		}
		kind := "globalpool"
		if w := strings.ToLower(src[m[0]:m[1]]); strings.Contains(w, "max") {
			kind = "globalmaxpool"
		}
		refs = append(refs, atRef{start: m[0], name: src[m[0]:m[1]], kind: kind, after: true, within: -1})
	}
	return refs
}

// sentenceAt is the sentence of src holding src[start:end], with its
// closing mark.
func sentenceAt(src string, start, end int) string {
	from := strings.LastIndexAny(src[:start], ".?!\n") + 1
	to := len(src)
	if i := strings.IndexAny(src[end:], ".?!\n"); i >= 0 {
		to = end + i + 1
	}
	return src[from:to]
}

// globalPoolKind reports whether a layer's kind (calc's Kind) pools a
// whole map, of the kind a globalPoolRefs ref names.
func globalPoolKind(k, kind string) bool {
	if kind == "globalmaxpool" {
		return k == "adaptivemaxpool"
	}
	return k == "globalavgpool" || k == "adaptiveavgpool"
}

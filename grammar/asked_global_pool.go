package grammar

import (
	"regexp"
	"strings"
)

// A question about a network with a global pool often asks what comes out
// of it: "what's the shape after the global average pooling?", "output
// after GAP?". The pool is named by what it does, not by kind and place as
// kindWords reads layers, so this reader finds it apart and asks for its
// output, as "after the maxpool" does. A global pool left out ("if I skip
// GAP", "without global pooling") is no place asked.

// globalPoolWords matches a global pool named in words: "GAP", "the global
// average pooling", "global max pool", "the adaptive avg pool".
var globalPoolWords = regexp.MustCompile(`(?i)\b(?:gap|global\s+(?:average|avg|max|mean)[\s_-]*pool(?:ing)?(?:\s+layer)?|global[\s_-]*pool(?:ing)?(?:\s+layer)?|adaptive[\s_-]*(?:avg|average|max)[\s_-]*pool(?:ing)?(?:\s*layer)?)\b`)

// leftOutWord matches the words before a layer that leave it out.
var leftOutWord = regexp.MustCompile(`(?i)\b(?:skip(?:ped|ping)?|without|w/o|no|instead\s+of|remove[ds]?|removing|drop(?:ped)?|dropping)\s+(?:the\s+|any\s+|a\s+)?$`)

// globalPoolRefs finds a global pool asked about by what comes out of it.
func globalPoolRefs(src string) []atRef {
	var refs []atRef
	for _, m := range globalPoolWords.FindAllStringIndex(src, -1) {
		before := src[max(0, m[0]-30):m[0]]
		if leftOutWord.MatchString(before) || !afterWord.MatchString(before) {
			continue
		}
		kind := "globalpool"
		if w := strings.ToLower(src[m[0]:m[1]]); strings.Contains(w, "max") {
			kind = "globalmaxpool"
		}
		refs = append(refs, atRef{start: m[0], name: src[m[0]:m[1]], kind: kind, after: true, within: -1})
	}
	return refs
}

// globalPoolKind reports whether a layer's kind (calc's Kind) pools a
// whole map, of the kind a globalPoolRefs ref names.
func globalPoolKind(k, kind string) bool {
	if kind == "globalmaxpool" {
		return k == "adaptivemaxpool"
	}
	return k == "globalavgpool" || k == "adaptiveavgpool"
}

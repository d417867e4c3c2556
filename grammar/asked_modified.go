package grammar

import "regexp"

// A layer named as the thing the asker changed — "resnet18 where I set the
// fc to 512 -> 100, params?", "I replaced the classifier's last linear with
// Linear(4096, 5)", "the fc swapped for a 10-way one" — tells what the
// network is, not what is asked of it. The question is then about the
// network as changed, unless the layer is named again where it is asked
// ("... params of the fc?").

// modifiedBefore matches a verb of change just before a layer's name: "set
// the", "replaced my", "changed its".
var modifiedBefore = regexp.MustCompile(`(?i)\b(?:set|setting|replace[sd]?|replacing|swap(?:ped|s)?|swapping|change[sd]?|changing|modif(?:y|ied|ies)|modifying|redefine[sd]?|overr?(?:o|i)de|overwrote|overwrite)\s+(?:the\s+|my\s+|its\s+|their\s+|\w+'s\s+)?(?:last\s+|final\s+)?$`)

// modifiedAfter matches a change said after a layer's name: "the fc
// replaced by", "fc changed to", "fc set to 100 classes".
var modifiedAfter = regexp.MustCompile(`(?i)^(?:\s+layer)?\s+(?:is\s+|was\s+|got\s+|gets\s+)?(?:replaced|swapped|changed|set|switched|modified|redefined)\b`)

// arrowAfter matches a layer's features and outputs said right after its
// name, as a changed head is: "the final fc layer 512 -> 7".
var arrowAfter = regexp.MustCompile(`^(?:\s+layer)?\s*(?:is\s+|to\s+|=\s*)?\d+\s*(?:->|→)\s*\d+`)

// modifiedAt reports whether the layer named at src[start:end] is named as
// the thing changed, not as the place asked about.
func modifiedAt(src string, start, end int) bool {
	return modifiedBefore.MatchString(src[max(0, start-40):start]) || modifiedAfter.MatchString(src[end:]) || arrowAfter.MatchString(src[end:])
}

// modifiedRef reports whether r names a changed layer.
func modifiedRef(src string, r atRef) bool {
	end := r.start + len(r.name)
	return end <= len(src) && modifiedAt(src, r.start, end)
}

// frozenWords matches a network said frozen but for what was changed: "I
// freeze the backbone and set the fc to 512->2", "froze resnet50". What is
// trained, and asked, is then the changed layer itself.
var frozenWords = regexp.MustCompile(`(?i)\b(?:freez(?:e|es|ing)|froze|frozen)\b`)

// withoutModified drops the refs that name a changed layer, unless the
// rest of the network is said frozen.
func withoutModified(src string, refs []atRef) []atRef {
	if frozenWords.MatchString(src) {
		return refs
	}
	kept := refs[:0:0]
	for _, r := range refs {
		if !modifiedRef(src, r) {
			kept = append(kept, r)
		}
	}
	return kept
}

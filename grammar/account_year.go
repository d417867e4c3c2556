package grammar

import (
	"regexp"
	"strings"
)

// Students cite the paper a layer comes from by its year: "LeNet-5 from
// the original paper (LeCun 98)", "Krizhevsky et al. 2012", "the VGG paper
// (2014)", "ResNet ('15)". A year is no size or count: it is named as not
// used, with why, so it casts no doubt on the reading.

// yearWhy says why a year was not used.
const yearWhy = "a year (the paper cited): no size or count depends on it"

// yearAfter matches the words a cited year follows, at the end of the
// text before it: an author ("LeCun 98", "Krizhevsky et al., 2012"), an
// apostrophe ('98), a bracket after a paper or a name ("paper (1998)").
var yearAfter = regexp.MustCompile(`(?i)(?:\b(?:lecun|krizhevsky|simonyan|zisserman|szegedy|hinton|bengio|ronneberger|iandola|sandler|goodfellow|zeiler|fergus|lin|huang|howard|redmon|girshick|long|et\s+al\.?)\s*[,(]?\s*|['’‘]|\b(?:paper|published|from|in)\s*\(?\s*|\(\s*)$`)

// yearCited reports whether w, written after before, is a year a paper is
// cited by: 2 digits after an author or an apostrophe, or 1980 to 2029.
func yearCited(before string, w written) bool {
	v := int(w.val)
	if float64(v) != w.val || strings.ContainsAny(w.text, ",.") {
		return false
	}
	two := len(w.text) == 2 && (v >= 80 || v <= 29)
	four := len(w.text) == 4 && v >= 1980 && v <= 2029
	if !two && !four {
		return false
	}
	m := yearAfter.FindString(before)
	if m == "" {
		return false
	}
	generic := regexp.MustCompile(`(?i)^(?:paper|published|from|in|\()`).MatchString(strings.TrimSpace(m))
	return !generic || four
}

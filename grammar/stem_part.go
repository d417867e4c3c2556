package grammar

import (
	"regexp"
	"strings"
)

// A ResNet's stem is its conv1, batch norm, ReLU and max pool: "the
// spatial size after the stem", "after conv1 + maxpool". Read as places,
// "the stem" named no layer (the whole network was answered) and "conv1 +
// maxpool" split into two questions, the first after conv1 alone. Both
// mean the place after the stem's max pool, which the preset readers
// know as "after the maxpool".

// stemSpan matches conv1 and the max pool named together as one place:
// "after conv1 + maxpool", "output of conv1 and the max pool".
var stemSpan = regexp.MustCompile(`(?i)\b(?:after|through|past|output\s+of|out\s+of)\s+(?:the\s+)?(?:conv1|conv\s+1|first\s+conv\w*)\s*(?:\+|and|then|&|,|->|→)\s*(?:the\s+)?(?:first\s+)?(?:max\s*-?\s*pool\w*|pool\w*)(?:\s*\(\s*(?:the\s+|i\.?e\.?\s+)?stem\s*\))?`)

// stemNamed matches the stem named as a place: "after the stem", "output
// of the stem".
var stemNamed = regexp.MustCompile(`(?i)\b(?:after|through|past|output\s+of|out\s+of|end\s+of)\s+(?:the\s+)?stem\b(?:\s*\((?:[^)]{0,40}\b(?:conv|pool)\w*){1,2}[^)]{0,20}\))?`)

// resnetNamed matches a network whose stem is conv1 then a max pool.
var resnetNamed = regexp.MustCompile(`(?i)\b(?:wide_?)?res\s*-?\s*ne(?:t|xt)\s*-?\s*\d+|\bresnext\w*`)

// stemSaid returns src with the stem named as a place rewritten as the
// place after the max pool; src itself when it names none or no ResNet.
// The rewrite keeps the length where it can (spaces after it), so the
// positions of the numbers after it stay where the asker wrote them.
func stemSaid(src string) string {
	src = stemWithNet(src)
	if !resnetNamed.MatchString(src) {
		return src
	}
	const place = "after the maxpool"
	out := src
	for _, re := range []*regexp.Regexp{stemSpan, stemNamed} {
		out = re.ReplaceAllStringFunc(out, func(m string) string {
			if len(m) > len(place) {
				return place + strings.Repeat(" ", len(m)-len(place))
			}
			return place
		})
	}
	return out
}

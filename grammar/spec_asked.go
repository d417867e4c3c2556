package grammar

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/spec"
)

// A line of the spec language followed by what is asked — "conv 3x3
// 3->16 params?", "conv 3x3 64->128 stride 2 input 56x56: output and
// macs" — is the spec line, asking for those.

// askedTail matches the words asking for quantities at the end of a spec
// line.
var askedTail = regexp.MustCompile(`(?i)(?:[\s,:;=-]|->|=>)*((?:(?:and|&|\+|/|,|what(?:'s|\s+is|\s+are)?|the|how\s+many|total|number\s+of|#)\s*)*(?:params?|parameters|weights|biases|outputs?(?:\s+(?:shape|size))?|shape|size|macs|flops|rf|receptive\s+field|connections|memory)\s*)+\??\s*$`)

// askedTailWords maps the words of an asked tail to what they ask.
var askedTailWords = []struct {
	word  *regexp.Regexp
	asked string
}{
	{regexp.MustCompile(`(?i)\bparam|\bparameters\b`), "params"},
	{regexp.MustCompile(`(?i)\bweights\b`), "weights"},
	{regexp.MustCompile(`(?i)\bbiases\b`), "biases"},
	{regexp.MustCompile(`(?i)\boutput|\bshape\b|\bsize\b`), "output"},
	{regexp.MustCompile(`(?i)\bmacs\b`), "macs"},
	{regexp.MustCompile(`(?i)\bflops\b`), "flops"},
	{regexp.MustCompile(`(?i)\brf\b|\breceptive\b`), "receptive field"},
	{regexp.MustCompile(`(?i)\bconnections\b`), "connections"},
	{regexp.MustCompile(`(?i)\bmemory\b`), "memory"},
}

// parseSpecAsked reads src as a spec question with an asked tail.
func parseSpecAsked(src string) (*Question, error) {
	m := askedTail.FindStringIndex(src)
	if m == nil || strings.TrimSpace(src[:m[0]]) == "" {
		return nil, &Error{Msg: "no asked words after a spec line"}
	}
	q, err := spec.Parse(src[:m[0]])
	if err != nil {
		return nil, err
	}
	cp := *q
	cp.Asked = nil
	tail := src[m[0]:]
	for _, w := range askedTailWords {
		if w.word.MatchString(tail) {
			cp.Asked = append(cp.Asked, w.asked)
		}
	}
	return &cp, nil
}

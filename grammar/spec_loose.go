package grammar

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// Students type the spec language the way they say it in chat: "conv 3 to
// 64 3x3 params", "fc 4096 to 1000 params?", "linear layer 784 to 128",
// "depthwise separable 3x3 32->64", "transposed conv k4 s2 p1 16->8". A
// loose spec line is such a line rewritten into the spec language, then
// read as one. It never owns a refusal: when it fails, the spec
// language's own error (with its column) or English's is the one shown,
// and the router accounts for the asker's numbers in the text as written.

// looseRewrites turn the chat forms of a spec line into the spec
// language, in order.
var looseRewrites = []struct {
	from *regexp.Regexp
	to   string
}{
	// "784 to 128", "3 => 64": channels from one number to the next.
	{regexp.MustCompile(`\b(\d+)\s*(?:to|=>|→)\s*(\d+)\b`), "$1->$2"},
	// "16->32 channels": the arrow says they are channels.
	{regexp.MustCompile(`(?i)(\d+->\d+)\s+(?:channels?|ch|maps|feature\s+maps)\b`), "$1"},
	// "3x3 kernel", "5x5 filter": the size says it is the kernel.
	{regexp.MustCompile(`(?i)\b(\d+x\d+)\s+(?:kernels?|filters?|window)\b`), "$1"},
	// "no bias", "without bias", "w/o bias": the spec's nobias.
	{regexp.MustCompile(`(?i)\b(?:no|without|w/o)\s+bias(?:es)?\b`), "nobias"},
	// "pls", "thanks": politeness after what is asked.
	{regexp.MustCompile(`(?i)[\s,]+(?:pls|plz|please|thanks|thx|ty)\b[\s!.?]*$`), ""},
	// "-> ?", "= ?": what comes out is asked, as a bare spec line asks it.
	{regexp.MustCompile(`\s*(?:->|=>|→|=)\s*\?+\s*$`), ""},
	// "depthwise separable", "depthwise-separable conv": the spec's separable.
	{regexp.MustCompile(`(?i)^\s*depthwise[\s-]+separable(?:\s+conv(?:olution)?s?)?\b`), "separable"},
	// "transposed conv", "transpose convolution": the spec's deconv.
	{regexp.MustCompile(`(?i)^\s*transposed?\s+conv(?:olution)?s?\b`), "deconv"},
	// "fully connected": the spec's fc.
	{regexp.MustCompile(`(?i)^\s*fully[\s-]+connected\b`), "fc"},
	// "conv layer", "linear layer with", "maxpool layer of": the layer word
	// is the line's name already.
	{regexp.MustCompile(`(?i)^(\s*[a-z][a-z0-9_]*)[\s,]+layers?\b(?:[\s,]+(?:with|of))?`), "$1"},
}

// looseLead matches the chat words a loose line may start with before
// its layer's name is known: they are rewritten above.
var looseLead = regexp.MustCompile(`(?i)^\s*(?:depthwise[\s-]+separable|transposed?\s+conv|fully[\s-]+connected)`)

// looseSpec rewrites a one-line src that starts with a layer's name into
// the spec language; ok is false when src is not such a line or nothing
// in it needed rewriting.
func looseSpec(src string) (string, bool) {
	if strings.ContainsAny(strings.TrimSpace(src), "\n{}") || !(spec.LooksLike(src) || looseLead.MatchString(src)) {
		return "", false
	}
	out := withoutCountBias(src)
	for _, r := range looseRewrites {
		out = r.from.ReplaceAllString(out, r.to)
	}
	return out, out != src
}

// withoutCountBias is src without the words that leave the bias out of a
// MAC count only ("MACs (no bias)"): the layer keeps its bias.
func withoutCountBias(src string) string {
	spans := lang.CountBias(src)
	for i := len(spans) - 1; i >= 0; i-- {
		src = src[:spans[i][0]] + src[spans[i][1]:]
	}
	return src
}

// parseSpecLoose reads a loose spec line: the rewritten line with or
// without an asked tail.
func parseSpecLoose(src string) (*Question, error) {
	line, ok := looseSpec(src)
	if !ok {
		return nil, &Error{Msg: "not a loose spec line"}
	}
	if q, err := parseSpecAsked(line); err == nil {
		return q, nil
	}
	if q, err := spec.Parse(line); err == nil {
		return q, nil
	}
	// The asked words anywhere in the line, between commas: "conv 3->64
	// 3x3, params, with bias?" (a chat follow-up puts its change last).
	var asked []string
	rest := looseAsked.ReplaceAllStringFunc(line, func(w string) string {
		for _, a := range askedTailWords {
			if a.word.MatchString(w) && !slices.Contains(asked, a.asked) {
				asked = append(asked, a.asked)
			}
		}
		return " "
	})
	rest = strings.NewReplacer(",", " ", "?", " ", ";", " ").Replace(looseWithBias.ReplaceAllString(rest, "bias"))
	q, err := spec.Parse(rest)
	if err != nil || len(asked) == 0 {
		return nil, &Error{Msg: "not a loose spec line"}
	}
	cp := *q
	cp.Asked = asked
	return &cp, nil
}

// looseAsked matches the words of a loose line that ask, wherever they
// are. "size" alone is left: in the spec language it is the input.
var looseAsked = regexp.MustCompile(`(?i)\b(?:(?:how\s+many|what(?:'s|\s+is|\s+are)?|the|total|number\s+of)\s+)*(?:params?|parameters|weights|biases|outputs?(?:\s+(?:shape|size))?|shape|macs|flops|rf|receptive\s+field|connections|memory)\b`)

// looseWithBias matches a bias said in words: "with bias", "with biases".
var looseWithBias = regexp.MustCompile(`(?i)\bwith\s+(?:a\s+)?bias(?:es)?\b`)

// askedApart sets the words asked at the end of a spec-like line apart
// from the size before them, keeping every position: "conv 3x3 dilation 2
// on 32x32 output size" asks the output of a 32x32 input, and English read
// "32x32 output" as the output given (a confident 32 where PyTorch gives
// 28). A line whose head is not spec words ("what input gives 32x32
// output") is left as written.
func askedApart(src string) string {
	m := askedTail.FindStringIndex(src)
	if m == nil || m[0] == 0 || src[m[0]] != ' ' || !isDigit(src[m[0]-1]) || !spec.Mostly(src[:m[0]]) {
		return src
	}
	return src[:m[0]] + ":" + src[m[0]+1:]
}

package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// Layers written as pseudo-calls in prose, not code: "conv(16, 3x3,
// stride 2, pad 1), conv(32, 3x3, stride 2, pad 1)", "conv(64, k=3, s=1,
// p=1) -> pool(2)"; and a stack in short settings: "(conv 5x5 s1, maxpool
// 3x3 s3, conv 3x3 s1, maxpool 2x2 s2)". Each is written out in words.

var (
	// pseudoCall matches a conv written as a call of its filters and
	// kernel: "conv(16, 3x3, stride 2, pad 1)", "conv(32, k=5)".
	pseudoCall = regexp.MustCompile(`(?i)\bconv\s*\(\s*(\d+)\s*,\s*(?:k(?:ernel)?\s*=?\s*)?(\d+)(?:\s*[x×]\s*\d+)?\s*((?:,\s*(?:stride|pad(?:ding)?|s|p)\s*=?\s*\d+\s*)*)\)`)
	// stackPoolCall matches a pool written as a call: "pool(2)", "maxpool(2)".
	stackPoolCall = regexp.MustCompile(`(?i)\b(?:max\s*)?pool\s*\(\s*(\d+)\s*\)`)
	// shortStack matches two or more layers in short settings, one with
	// an "sN": "conv 5x5 s1, maxpool 3x3 s3".
	shortStack = regexp.MustCompile(`(?i)(?:\b(?:conv|max\s*pool|maxpool|avg\s*pool|avgpool|pool)\s+\d+\s*[x×]\s*\d+(?:\s+[sp]\d+)*\s*(?:,|->|then|;)\s*)+(?:conv|max\s*pool|maxpool|avg\s*pool|avgpool|pool)\s+\d+\s*[x×]\s*\d+(?:\s+[sp]\d+)*`)
	shortS     = regexp.MustCompile(`(?i)\d\s+[sp]\d+\b`)
)

// pseudoCalls writes out the convs (and pools) written as calls, when
// there are two or more in a row.
func pseudoCalls(src string) (string, []stackLayer) {
	type call struct {
		l          stackLayer
		start, end int
	}
	var calls []call
	for _, m := range pseudoCall.FindAllStringSubmatchIndex(src, -1) {
		out, _ := strconv.Atoi(src[m[2]:m[3]])
		k, _ := strconv.Atoi(src[m[4]:m[5]])
		l := stackLayer{kind: "conv", k: k, out: out, pad: -1}
		readArgs(&l, src[m[6]:m[7]])
		calls = append(calls, call{l, m[0], m[1]})
	}
	if len(calls) < 2 {
		return "", nil
	}
	for _, m := range stackPoolCall.FindAllStringSubmatchIndex(src, -1) {
		k, _ := strconv.Atoi(src[m[2]:m[3]])
		calls = append(calls, call{stackLayer{kind: "maxpool", k: k, pad: -1}, m[0], m[1]})
	}
	// in the order written
	for i := 1; i < len(calls); i++ {
		for j := i; j > 0 && calls[j].start < calls[j-1].start; j-- {
			calls[j], calls[j-1] = calls[j-1], calls[j]
		}
	}
	var layers []stackLayer
	for _, c := range calls {
		layers = append(layers, c.l)
	}
	chainChannels(layers, 0)
	out, at := "", 0
	for i, c := range calls {
		out += src[at:c.start] + layers[i].text()
		at = c.end
	}
	return out + src[at:], layers
}

// shortStackSettings writes out a stack of layers in short settings ("s1",
// "p1") in words.
func shortStackSettings(src string) (string, []stackLayer) {
	m := shortStack.FindStringIndex(src)
	if m == nil || !shortS.MatchString(src[m[0]:m[1]]) {
		return "", nil
	}
	layers, used := stackItems(src[m[0]:])
	if len(layers) < 2 || !wellFormed(layers) {
		return "", nil
	}
	start, end, sep := m[0], m[0]+used, ""
	if open := strings.TrimRight(src[:start], " "); strings.HasSuffix(open, "(") {
		if close := strings.TrimLeft(src[end:], " "); strings.HasPrefix(close, ")") {
			// "(conv 7x7 s2, ..., conv 3x3 s1)": the brackets go with the stack
			start, end, sep = len(open)-1, len(src)-len(close)+1, ". "
		}
	}
	rest := src[:start] + src[end:]
	if strings.Contains(src[:m[0]], "?") {
		// the question first, its stack after: the stack is written first,
		// so that a layer the question names ("after Pool2") is one of it
		return stackText(layers) + ". " + strings.Join(strings.Fields(rest), " "), layers
	}
	if sep != "" {
		return src[:start] + stackText(layers) + sep + strings.TrimLeft(src[end:], " "), layers
	}
	return src[:start] + stackText(layers) + src[end:], layers
}

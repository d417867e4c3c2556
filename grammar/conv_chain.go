package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// Architecture pieces are described as a chain of convs in shorthand:
// "1x1 to 16 ch then 5x5 to 32 ch, input is 192 ch 28x28", "first 24 1x1
// filters then 48 5x5 'same'", "a 3x3 conv to 64 followed by a 1x1 conv to
// 256". The layer readers take one of the convs, or a preset the words
// name as context ("in inception they do ..."), and leave the other's
// numbers unexplained. When the reading of a question is in doubt, this
// reader tries the chain: every conv with its kernel and output channels,
// the input said once, and takes it only when it explains every number.

// chainConv matches one conv of a chain: "1x1 to 16 ch", "5x5 conv with 32
// filters", "24 1x1 filters", "48 5x5", "32 filters of 3x3", "a 1x1 conv
// down to 64 channels".
var chainConv = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s*(?:conv\w*|kernels?|filters?|layer)?\s*(?:\s(?:down|up|back)\s*)?(?:to|->|→|with|into|giving|producing|outputting|of)\s+(\d+)\s*(?:ch\b|channels?\b|filters?\b|maps?\b|feature\s+maps\b|outputs?\b)?` +
	`|\b(\d+)\s+(?:filters?\s+(?:of\s+(?:size\s+)?)?)?(\d+)\s*[x×]\s*(\d+)\b(?:\s*(?:conv\w*|kernels?|filters?))?`)

// chainLink matches the words that join two convs of a chain.
var chainLink = regexp.MustCompile(`(?i)^[\s,;:.)('"]*(?:and\s+)?(?:then|followed\s+by|->|→|\+|into|before|feeding(?:\s+into)?)\b?[\s,;:('"]*(?:an?\s+|the\s+)?$|^[\s,;:]*(?:and\s+)?then\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$`)

// chainInput matches the input of a chain: "input is 192 ch 28x28",
// "28x28x192", "on a 28x28 map with 192 channels", "192 channels at 28x28".
var chainInput = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s*[x×]\s*(\d+)\b` +
	`|\b(\d+)\s*(?:ch|channels?|maps|feature\s+maps)\b[\s,]*(?:at|of|with|and|x|×|,)?\s*(?:size\s+|spatial\s+)?(\d+)\s*[x×]\s*(\d+)\b` +
	`|\b(\d+)\s*[x×]\s*(\d+)\b\s*(?:map|input|image|feature\s+map|spatial)?\s*(?:with|and|x|×|,|of)\s*(\d+)\s*(?:ch|channels?|maps|feature\s+maps)\b`)

// samePadded matches words saying the convs keep the size.
var samePadded = regexp.MustCompile(`(?i)\bsame\b|\bsize\s+(?:stays|is\s+kept|unchanged|preserved|the\s+same)|\bkeep(?:s|ing)?\s+(?:the\s+)?(?:spatial\s+)?(?:size|dims|dimensions|resolution)\b|\bpad(?:ded|ding)?\s+(?:so|to\s+keep|to\s+preserve)\b|\bno\s+(?:spatial\s+)?(?:shrink|downsampl)\w*`)

// chainNoBias matches biases left out of the count.
var chainNoBias = regexp.MustCompile(`(?i)\bno\s+bias(?:es)?\b|\b(?:ignore|ignoring|without|excluding|exclude|not\s+counting|skip)\s+(?:the\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:ignored|excluded|off|not\s+counted|left\s+out)\b|\bbias\s*=\s*False\b`)

// convChain reads src as a chain of convs on one input; nil when src holds
// fewer than two convs joined by chain words, no input, or a number the
// chain does not explain.
func convChain(src string) *Question {
	in := chainInputOf(src)
	if in == nil {
		return nil
	}
	convs := chainConvs(src, in)
	if len(convs) < 2 {
		return nil
	}
	same, noBias := samePadded.MatchString(src), chainNoBias.MatchString(src)
	layers := make([]calc.Layer, len(convs))
	channels := in[0]
	for i, c := range convs {
		c.In = channels
		c.NoBias = noBias
		if same && c.Kernel[0]%2 == 1 {
			c.Pad = []int{c.Kernel[0] / 2}
		}
		layers[i], channels = c, c.Out
	}
	q, err := specQuestion(in, layers)
	if err != nil || len(q.Layers) != len(layers) {
		return nil
	}
	q.Network = true
	q.Asked = askedOf(src)
	if noBias {
		// "no bias" says the convs have none, and asks nothing of them.
		q.Asked = slices.DeleteFunc(q.Asked, func(a string) bool { return a == "biases" })
	}
	q.Notes = append([]string{fmt.Sprintf("read as %d convs one after another on the %d×%d×%d input", len(layers), in[1], in[2], in[0])}, q.Notes...)
	if same {
		q.Notes = append(q.Notes, "each conv padded to keep the size (k/2 on each side)")
	}
	used := map[float64]bool{0: true, 1: true, float64(in[0]): true, float64(in[1]): true, float64(in[2]): true}
	for _, c := range convs {
		used[float64(c.Kernel[0])], used[float64(c.Out)] = true, true
		if len(c.Kernel) > 1 {
			used[float64(c.Kernel[1])] = true
		}
	}
	q.Unused = account(src, &Question{}, used)
	if unexplained(q.Unused) > 0 {
		return nil
	}
	return q
}

// chainInputOf reads the chain's input, channels first; nil when not said.
func chainInputOf(src string) calc.Shape {
	m := chainInput.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	switch {
	case m[1] != "":
		a, b, c := n(m[1]), n(m[2]), n(m[3])
		if a == b && c != a {
			return calc.Shape{c, a, b}
		}
		if b == c && a != b {
			return calc.Shape{a, b, c}
		}
	case m[4] != "":
		return calc.Shape{n(m[4]), n(m[5]), n(m[6])}
	case m[7] != "":
		return calc.Shape{n(m[9]), n(m[7]), n(m[8])}
	}
	return nil
}

// chainConvs reads the convs of src joined by chain words, skipping the
// input's sizes; nil when two convs are not joined so.
func chainConvs(src string, in calc.Shape) []calc.Conv {
	inAt := chainInput.FindStringIndex(src)
	var out []calc.Conv
	prevEnd := -1
	for _, m := range chainConv.FindAllStringSubmatchIndex(src, -1) {
		if inAt != nil && m[0] < inAt[1] && m[1] > inAt[0] {
			continue // the input's sizes
		}
		g := func(i int) int {
			if m[2*i] < 0 {
				return 0
			}
			v, _ := strconv.Atoi(src[m[2*i]:m[2*i+1]])
			return v
		}
		var c calc.Conv
		if m[2] >= 0 {
			c = calc.Conv{Kernel: []int{g(1), g(2)}, Out: g(3)}
		} else {
			c = calc.Conv{Kernel: []int{g(5), g(6)}, Out: g(4)}
		}
		if c.Kernel[0] != c.Kernel[1] || c.Kernel[0] < 1 || c.Kernel[0] > 15 || c.Out < 1 || c.Out > 1<<16 {
			return nil
		}
		if c.Kernel[0] == c.Kernel[1] {
			c.Kernel = c.Kernel[:1]
		}
		if prevEnd >= 0 && !chainLink.MatchString(src[prevEnd:m[0]]) && !linkedWords(src[prevEnd:m[0]]) {
			return nil
		}
		out = append(out, c)
		prevEnd = m[1]
	}
	return out
}

// linkedWords reports whether the text between two convs joins them in
// order in a few words: "then a", "and then the", "first ... then".
func linkedWords(between string) bool {
	w := strings.Fields(strings.ToLower(between))
	if len(w) > 5 {
		return false
	}
	for _, x := range w {
		x = strings.Trim(x, ",;:.()'\"")
		if x == "then" || x == "->" || x == "→" || x == "followed" || x == "+" {
			return true
		}
	}
	return false
}

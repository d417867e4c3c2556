package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/spec"
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
var chainConv = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s*(?:conv\w*|kernels?|filters?|layer)?\s*(?:\s(?:down|up|back))*\s*(?:to|->|→|with|into|giving|producing|outputting|of)\s+(\d+)\s*(?:ch\b|channels?\b|filters?\b|maps?\b|feature\s+maps\b|outputs?\b)?` +
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

// biasesCounted matches the biases asked for: "how many biases".
var biasesCounted = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:\w+\s+)?bias|\bbias(?:es)?\s*\?|\bbias\s+(?:count|params|parameters|terms)\b`)

// chainPad matches a padding said once for the chain: "padding 1".
var chainPad = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*[=:]?\s*(\d+)\b`)

// chainNoBias matches biases left out of the count.
var chainNoBias = regexp.MustCompile(`(?i)\bno\s+bias(?:es)?\b|\b(?:ignore|ignoring|without|excluding|exclude|not\s+counting|skip)\s+(?:the\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:ignored|excluded|off|not\s+counted|left\s+out)\b|\bbias\s*=\s*False\b`)

// otherLayerWords name a layer or setting the chain does not read: a
// chain read without it would be another network.
var otherLayerWords = regexp.MustCompile(`(?i)\bpool\w*|\bmaxpool|\bavgpool|\bbatch\s*-?norm\w*|\bbn\b|\bnorm\w*\s+layer|\bstrides?\b|\bstrided\b|\blinear\b|\bfc\d*\b|\bdense\b|\bflatten\w*|\bupsampl\w*|\bdeconv\w*|\btranspose\w*|\bdilat\w*|\bgroups?\b|\bgrouped\b|\bdepthwise\b|\bdw\b|\bresidual\b|\bskip\b|\bshortcut\b|\bvalid\b|\bsum(?:med)?\b`)

// convChain reads src as a chain of convs on one input; nil when src holds
// fewer than two convs joined by chain words, no input, or a number the
// chain does not explain.
func convChain(src string) *Question {
	in := chainInputOf(src)
	if in == nil || otherLayerWords.MatchString(src) {
		return nil
	}
	groups := chainConvs(src, in)
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	if n < 2 || convPhrases(src) > n {
		return nil // fewer convs read than the text names: another network
	}
	same, noBias := samePadded.MatchString(src), chainNoBias.MatchString(src)
	pad := 0
	if m := chainPad.FindStringSubmatch(src); m != nil {
		pad, _ = strconv.Atoi(m[1])
	}
	layers, convs := chainLayers(groups, in[0], noBias, same, pad)
	var shape calc.Shape
	if len(in) == 3 {
		shape = in
	}
	q, err := chainSpec(shape, layers)
	if err != nil || len(q.Layers) != len(layers) {
		return nil
	}
	q.Asked = askedOf(src)
	if shape == nil && slices.ContainsFunc(q.Asked, func(a string) bool { return a != "params" && a != "weights" && a != "biases" }) {
		return nil // sizes asked of an input whose size is not said
	}
	q.Network = shape != nil
	if noBias || !biasesCounted.MatchString(src) {
		// "no bias", "biases on" say what the convs have, and ask nothing of them.
		q.Asked = slices.DeleteFunc(q.Asked, func(a string) bool { return a == "biases" })
	}
	if shape != nil {
		q.Notes = append([]string{fmt.Sprintf("read as %d convs one after another on the %d×%d×%d input", len(layers), in[1], in[2], in[0])}, q.Notes...)
	} else {
		q.Notes = append([]string{fmt.Sprintf("read as convs one after another on %d input channels (no input size: parameters only)", in[0])}, q.Notes...)
	}
	if len(layers) < n {
		q.Notes = append(q.Notes, "convs joined by \"and\" read side by side on one input, their outputs concatenated")
	}
	if same {
		q.Notes = append(q.Notes, "each conv padded to keep the size (k/2 on each side)")
	}
	used := chainUsed(in, convs, pad)
	q.Unused = account(src, &Question{}, used)
	if unexplained(q.Unused) > 0 {
		return nil
	}
	return q
}

// chainLayers sizes the groups of convs read, one after another from the
// input's channels: a group of one is that conv, a group of several their
// branches side by side, concatenated. Each conv has no bias when the
// words leave it out, and is padded to keep its size when they say so;
// convs lists every conv sized.
func chainLayers(groups [][]calc.Conv, channels int, noBias, same bool, pad int) (layers []calc.Layer, convs []calc.Conv) {
	for _, g := range groups {
		var branches [][]calc.Layer
		out := 0
		for _, c := range g {
			c.In = channels
			c.NoBias = noBias
			if same && c.Kernel[0]%2 == 1 || pad > 0 && c.Kernel[0] == 2*pad+1 {
				c.Pad = []int{c.Kernel[0] / 2}
			}
			branches = append(branches, []calc.Layer{c})
			out += c.Out
			convs = append(convs, c)
		}
		if len(g) > 1 {
			layers = append(layers, calc.Concat{Branches: branches})
		} else {
			layers = append(layers, branches[0][0])
		}
		channels = out
	}
	return layers, convs
}

// chainUsed are the numbers of the question a chain reading explains: the
// input's sizes, the padding, and each conv's kernel and filters.
func chainUsed(in calc.Shape, convs []calc.Conv, pad int) map[float64]bool {
	used := map[float64]bool{0: true, 1: true, float64(pad): true}
	for _, d := range in {
		used[float64(d)] = true
	}
	for _, c := range convs {
		used[float64(c.Kernel[0])], used[float64(c.Out)] = true, true
		if len(c.Kernel) > 1 {
			used[float64(c.Kernel[1])] = true
		}
	}
	return used
}

// convChainChannels matches an input said by its channels alone: "input 128
// channels", "128 input channels", "a 128-channel input".
var convChainChannels = regexp.MustCompile(`(?i)\binput\s+(?:is\s+|has\s+|of\s+|with\s+)?(\d+)\s*(?:ch|channels)\b|\b(\d+)\s*(?:input\s+channels|-?\s*channel\s+input|channels?\s+in(?:put)?\b)`)

// chainSpec restates layers in the spec language, as a network on in
// when in is known, and reads them back.
func chainSpec(in calc.Shape, layers []calc.Layer) (*Question, error) {
	if in == nil {
		return specQuestion(nil, layers)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "input %dx%dx%d\n", in[1], in[2], in[0])
	for _, l := range layers {
		b.WriteString(FormatLayer(l) + "\n")
	}
	return spec.Parse(b.String())
}

// chainInputOf reads the chain's input, channels first: [C, H, W], or [C]
// when only the channels are said; nil when not said.
func chainInputOf(src string) calc.Shape {
	m := chainInput.FindStringSubmatch(src)
	if m == nil {
		if c := convChainChannels.FindStringSubmatch(src); c != nil {
			n, _ := strconv.Atoi(c[1] + c[2])
			return calc.Shape{n}
		}
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
func chainConvs(src string, in calc.Shape) [][]calc.Conv {
	inAt := chainInput.FindStringIndex(src)
	var out [][]calc.Conv
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
		switch between := src[max(prevEnd, 0):m[0]]; {
		case prevEnd < 0 || chainLink.MatchString(between) || linkedWords(between):
			out = append(out, []calc.Conv{c})
		case parallelLink.MatchString(between) && parallelWords.MatchString(src) && !comparedWords.MatchString(src):
			out[len(out)-1] = append(out[len(out)-1], c) // "96 1x1 filters and 96 3x3 filters in parallel"
		default:
			return nil
		}
		prevEnd = m[1]
	}
	return out
}

// parallelLink matches the words that join two convs side by side.
var parallelLink = regexp.MustCompile(`(?i)^[\s,;]*(?:and|&|plus|,)\s*(?:an?\s+|the\s+)?$`)

// parallelWords say convs joined by "and" run side by side on one input.
var parallelWords = regexp.MustCompile(`(?i)\bin\s+parallel\b|\bparallel\b|\bconcat\w*|\bstacked\s+along\s+(?:the\s+)?channels\b`)

// comparedWords set convs against each other: "which has more", "vs".
var comparedWords = regexp.MustCompile(`(?i)\bwhich\b|\bvs\.?\b|\bversus\b|\bcompar\w*|\bmore\s+than\b|\binstead\b`)

// linkedWords reports whether the text between two convs joins them in
// order in a few words: "then a", "and then the", "first ... then".
func linkedWords(between string) bool {
	w := strings.Fields(strings.ToLower(between))
	if len(w) > 5 {
		return false
	}
	for _, x := range w {
		x = strings.Trim(x, ",;:.()'\"")
		if x == "then" || x == "->" || x == "→" || x == "followed" || x == "+" || x == "next" || strings.HasPrefix(x, "expand") {
			return true
		}
	}
	return false
}

// convPhrase matches a conv named by its kernel: "1x1 conv", "3x3 filters".
var convPhrase = regexp.MustCompile(`(?i)\b\d+\s*[x×]\s*\d+\s*(?:conv\w*|kernels?|filters?)\b`)

// convPhrases counts the convs src names by their kernels, outside its input's sizes.
func convPhrases(src string) int {
	inAt := chainInput.FindStringIndex(src)
	n := 0
	for _, m := range convPhrase.FindAllStringIndex(src, -1) {
		if inAt == nil || m[1] <= inAt[0] || m[0] >= inAt[1] {
			n++
		}
	}
	return n
}

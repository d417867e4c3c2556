package english

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A block said as its convs, each with its channels and kernel, between
// commas: "resnet bottleneck: 256 -> 64 (1x1), 64 -> 64 (3x3), 64 -> 256
// (1x1), all convs without bias", "mbv2 inverted residual: 1x1 24->144 (no
// bias)+bn, dw 3x3 144 (no bias)+bn, 1x1 144->24 (no bias)+bn". Each
// segment is one conv (a batch norm after it when "+bn" is said); no input
// size is given, so what is asked is counted, not sized.

// enSegChannelsRE matches a segment's channels: "256 -> 64", "24->144".
var enSegChannelsRE = regexp.MustCompile(`(\d+)\s*(?:->|→|=>|to)\s*(\d+)`)

// enSegKernelRE matches a segment's kernel: "3x3", "(1x1)", "1×1".
var enSegKernelRE = regexp.MustCompile(`\b(\d+)\s*[x×]\s*(\d+)\b`)

// enSegDepthwiseRE matches a depthwise conv said short: "dw 3x3 144",
// "depthwise 3x3, 144 channels".
var enSegDepthwiseRE = regexp.MustCompile(`(?i)\b(?:dw|depthwise|depth-wise)\b`)

// enSegNoBiasRE matches a bias left out: "(no bias)", "bias=False",
// "without bias".
var enSegNoBiasRE = regexp.MustCompile(`(?i)\bno\s+bias(?:es)?\b|\bbias\s*=\s*false\b|\bwithout\s+(?:a\s+)?bias(?:es)?\b|\bbias[- ]free\b|\bnobias\b`)

// enSegBNRE matches a batch norm after the conv: "+bn", "+ BN", "then bn".
var enSegBNRE = regexp.MustCompile(`(?i)(?:\+|\bthen|\band|\bwith|\bfollowed\s+by)\s*(?:bn|batch\s*norm\w*)\b`)

// enSegPadRE matches a padding said in a segment: "pad 1", "same".
var enSegPadRE = regexp.MustCompile(`(?i)\b(?:pad\w*|same|valid)\b`)

// enSegStrideRE matches a stride in a segment: "s2", "stride 2".
var enSegStrideRE = regexp.MustCompile(`(?i)\b(?:s|stride\s*=?\s*)(\d)\b`)

// segmentStack reads src as a block of convs said between commas, or
// returns false: fewer than two segments, an input size said (the
// general reading sizes it), or a segment that is not one conv.
func (r *enReader) segmentStack() (*lang.Question, bool) {
	if enModuleInputRE.MatchString(r.src) || r.g.unknown != "" {
		return nil, false
	}
	body := r.src
	if i := strings.Index(body, ":"); i >= 0 {
		body = body[i+1:]
	}
	segs := strings.FieldsFunc(body, func(c rune) bool { return c == ',' || c == ';' || c == '\n' })
	var layers []lang.Layer
	allNoBias, allBN := enSegAllNoBiasRE.MatchString(r.src) || enSegBiasOffRE.MatchString(r.src), enSegAllBNRE.MatchString(r.src)
	convs, prevOut := 0, 0
	for _, s := range segs {
		ls, ok := segmentLayers(s, prevOut, allNoBias)
		if ok && allBN && !enSegBNRE.MatchString(s) {
			ls = append(ls, calc.BatchNorm{C: ls[0].(calc.Conv).Out})
		}
		if !ok && enSegOtherRE.MatchString(s) && !enSegAllNoBiasRE.MatchString(s) && !enSegBiasOffRE.MatchString(s) && !enSegAllBNRE.MatchString(s) {
			return nil, false // a setting said outside the convs, which this reading would drop
		}
		if !ok {
			if convs >= 2 {
				break // the words after the block: "all convs without bias. total weights?"
			}
			layers, convs, prevOut = nil, 0, 0
			continue
		}
		for _, l := range ls {
			if c, isConv := l.(calc.Conv); isConv {
				convs++
				prevOut = c.Out
			}
			layers = append(layers, lang.Layer{Layer: l})
		}
	}
	if convs < 2 {
		return nil, false
	}
	q := &lang.Question{Network: true, Layers: layers, Asked: r.g.asked}
	if _, err := (calc.Network{Layers: calcLayers(layers)}).Summarize(); err != nil {
		return nil, false
	}
	q.Notes = []string{fmt.Sprintf("%d convs said one after another, each with its channels and kernel; no input size given, so none is sized", convs)}
	q.Canonical = lang.Format(q)
	return q, true
}

// enSegAllNoBiasRE matches the bias left out of every conv: "all convs
// without bias", "no biases anywhere".
var enSegAllNoBiasRE = regexp.MustCompile(`(?i)\ball\s+(?:the\s+)?(?:convs?|conv\w*\s+layers|layers)\s+(?:are\s+)?(?:without|with\s+no|have\s+no)\s+bias|\bno\s+bias(?:es)?\s+(?:anywhere|at\s+all|in\s+any)|\bbias\s*=\s*false\s+everywhere`)

// enSegBiasOffRE matches the bias turned off for all, said on its own:
// "all bias=False", ", bias=False,".
var enSegBiasOffRE = regexp.MustCompile(`(?i)(?:^|[,;:]|\ball)\s*bias\s*=\s*false\s*(?:[,;.]|$|with|and)`)

// enSegAllBNRE matches a batch norm after every conv: "BN after each",
// "with a BatchNorm2d after each", "each followed by BatchNorm".
var enSegAllBNRE = regexp.MustCompile(`(?i)\b(?:bn|batch\s*norm\w*)\s+after\s+(?:each|every|all)\b|\b(?:each|every\s+one|all)\s+(?:\w+\s+)?followed\s+by\s+(?:a\s+)?(?:bn|batch\s*norm\w*)`)

// enSegOtherRE matches words of a layer or setting outside the convs.
var enSegOtherRE = regexp.MustCompile(`(?i)\b(?:bn|batch\s*norm\w*|bias\w*|relu\w*|pool\w*|stride\w*|pad\w*|same|valid|groups?|dilat\w*|input|residual|shortcut|skip)\b`)

// segmentLayers reads one segment as a conv (and its batch norm), given
// the channels the conv before gives; false when it is not one conv with
// every number placed.
func segmentLayers(s string, prevOut int, allNoBias bool) ([]calc.Layer, bool) {
	k := enSegKernelRE.FindStringSubmatchIndex(s)
	if enSegPadRE.MatchString(s) {
		return nil, false // a padding this reading would drop: the general reading sizes it
	}
	if k == nil || s[k[2]:k[3]] != s[k[4]:k[5]] {
		return nil, false
	}
	kernel, _ := strconv.Atoi(s[k[2]:k[3]])
	rest := s[:k[0]] + " " + s[k[1]:]
	c := calc.Conv{Kernel: []int{kernel, kernel}, NoBias: allNoBias || enSegNoBiasRE.MatchString(s)}
	used := 2
	if m := enSegChannelsRE.FindStringSubmatch(rest); m != nil {
		c.In, _ = strconv.Atoi(m[1])
		c.Out, _ = strconv.Atoi(m[2])
		used += 2
	} else if enSegDepthwiseRE.MatchString(s) {
		n := regexp.MustCompile(`\b\d+\b`).FindString(rest)
		if n == "" {
			return nil, false
		}
		c.In, _ = strconv.Atoi(n)
		c.Out, c.Groups, c.Depthwise = c.In, c.In, true
		used++
	} else {
		return nil, false
	}
	if prevOut != 0 && c.In != prevOut {
		return nil, false
	}
	if m := enSegStrideRE.FindStringSubmatch(rest); m != nil {
		st, _ := strconv.Atoi(m[1])
		c.Stride = []int{st, st}
		used++
	}
	if len(enDigits.FindAllString(s, -1)) != used {
		return nil, false // a number this reading would leave out
	}
	out := []calc.Layer{c}
	if enSegBNRE.MatchString(s) {
		out = append(out, calc.BatchNorm{C: c.Out})
	}
	return out, true
}

// calcLayers are the calc layers of ls.
func calcLayers(ls []lang.Layer) []calc.Layer {
	out := make([]calc.Layer, len(ls))
	for i, l := range ls {
		out[i] = l.Layer
	}
	return out
}

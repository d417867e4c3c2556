package grammar

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// A sub-pixel convolution (ESPCN, Shi et al. 2016) is asked by what it
// must give after nn.PixelShuffle(r), not by its output channels: "64
// feature channels, I want RGB output upscaled x4 with nn.PixelShuffle(4),
// the conv before it is 3x3: how many out_channels and params?". The
// pixel shuffle turns C·r² channels into C at r times the sides, so the
// conv has C·r² filters. The layer readers took "x4" for four layers.

// pixelShuffleWords name the pixel shuffle, group 1 its factor when
// written as a call: "nn.PixelShuffle(4)", "pixel shuffle", "sub-pixel".
var pixelShuffleWords = regexp.MustCompile(`(?i)\b(?:nn\.)?pixel[\s_-]?shuffle(?:\s*\(\s*(?:upscale_factor\s*=\s*)?(\d+)\s*\))?|\bsub[\s-]?pixel\b|\bdepth[\s_-]?to[\s_-]?space\b`)

// upscaleSaid matches the factor said in words: "upscaled x4", "x4
// upscaling", "upscale factor 3", "by a factor of 2".
var upscaleSaid = regexp.MustCompile(`(?i)\b(?:upscal\w*|upsampl\w*|scal(?:e|ing)\s+factor|factor)\s*(?:of\s+|by\s+(?:a\s+factor\s+of\s+)?|=\s*|:\s*)?[x×]?(\d)\b|\b[x×](\d)\s+(?:upscal\w*|upsampl\w*|super)|\b(\d)[x×]\s+(?:upscal\w*|upsampl\w*|super)|\bshuffle\s+(?:by\s+)?[x×](\d)\b`)

// subPixelTarget matches the channels wanted after the shuffle: "RGB
// output", "a grayscale image", "3-channel output", "output 3 channels".
var subPixelTarget = regexp.MustCompile(`(?i)\b(rgb)\b|\b(gr[ae]y(?:scale)?|mono(?:chrome)?)\b|\b(\d+)[\s-]?channels?\s+(?:output|out|image)\b|\boutput\s+(?:of\s+|with\s+)?(\d+)\s+channels?\b`)

// subPixelFeatures matches the channels the conv takes: "64 feature
// channels", "from 64 channels", "64 feature maps".
var subPixelFeatures = regexp.MustCompile(`(?i)\b(\d+)\s+(?:feature\s+(?:channels|maps)|features)\b|\bfrom\s+(\d+)\s+(?:feature\s+)?channels\b|\b(\d+)\s+channels\s+in\b`)

// convCalled matches a conv written as code: the paste readers size it.
var convCalled = regexp.MustCompile(`\bConv[123]?[dD]\w*\s*\(|\bconv\d?\s*\(`)

// subPixelKernel matches the conv's square kernel: "3x3".
var subPixelKernel = regexp.MustCompile(`\b(\d{1,2})\s*[x×]\s*(\d{1,2})\b`)

// subPixelAsked is a question that asks the conv's channels or params:
// "how many out_channels", "how many filters", "params".
var subPixelAsked = regexp.MustCompile(`(?i)\bout_?channels\b|\boutput\s+channels\b|\bhow\s+many\s+(?:channels|filters)\b|\bparam\w*\b|\bweights\b`)

// subPixelConvAsked answers the conv before a pixel shuffle: its filters
// worked out of the channels wanted and the factor, and its parameters.
// It returns nil when src is code, names no pixel shuffle, or leaves one
// of the sizes unsaid.
func subPixelConvAsked(src string) []*Question {
	m := pixelShuffleWords.FindStringSubmatch(src)
	if m == nil || convCalled.MatchString(src) || !subPixelAsked.MatchString(src) {
		return nil
	}
	r, c, in, k := atoiFirst(m[1:]), subPixelChannels(src), atoiFirst(subPixelFeatures.FindStringSubmatch(src)), subPixelSide(src)
	if r == 0 {
		r = atoiFirst(upscaleSaid.FindStringSubmatch(src))
	}
	if r < 2 || c < 1 || in < 1 || k < 1 {
		return nil
	}
	filters := calc.Step{Quantity: "output channels", Formula: "C·r²",
		Values: []calc.Binding{{Name: "C", Value: int64(c)}, {Name: "r", Value: int64(r)}}, Result: int64(c * r * r),
		Note: fmt.Sprintf("PixelShuffle(%d) turns C·r² channels into C at %d× the sides", r, r)}
	conv := calc.Conv{Kernel: []int{k, k}, In: in, Out: c * r * r}
	q, err := specQuestion(nil, []calc.Layer{conv})
	if err != nil || len(q.Layers) != 1 {
		return nil
	}
	q.Asked = []string{"params"}
	q.Solve = &calc.Solved{Unknown: "filters", Solutions: []int64{filters.Result}, Min: filters.Result, Max: filters.Result,
		Layer: conv, Steps: []calc.Step{filters},
		Question: fmt.Sprintf("the output channels of the conv before PixelShuffle(%d), for %d channels out", r, c)}
	q.Notes = append(q.Notes, fmt.Sprintf("read as a sub-pixel conv: %d·%d² = %d filters, which PixelShuffle(%d) turns into %d channels at %d× the sides", c, r, c*r*r, r, c, r))
	q.Unused = detectionUnused(src, []int{r, c, in, k}, filters.Result)
	return []*Question{q}
}

// subPixelChannels is the channels wanted after the shuffle: 3 for RGB, 1
// for grayscale, else the number said; 0 when none is.
func subPixelChannels(src string) int {
	m := subPixelTarget.FindStringSubmatch(src)
	switch {
	case m == nil:
		return 0
	case m[1] != "":
		return 3
	case m[2] != "":
		return 1
	}
	return atoiFirst(m[3:])
}

// subPixelSide is the side of the conv's square kernel; 0 when none is
// said or its sides differ.
func subPixelSide(src string) int {
	m := subPixelKernel.FindStringSubmatch(src)
	if m == nil || m[1] != m[2] {
		return 0
	}
	k, _ := strconv.Atoi(m[1])
	return k
}

// atoiFirst is the first of groups that holds a number; 0 for none.
func atoiFirst(groups []string) int {
	for _, g := range groups {
		if n, err := strconv.Atoi(g); err == nil {
			return n
		}
	}
	return 0
}

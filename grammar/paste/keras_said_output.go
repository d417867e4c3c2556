package paste

// A Keras layer's output said in words right after its call: "Conv2D(64,
// (3,3)) on a 12x12 input gives (None,10,10,64), then Flatten, then
// Dense(128)", "the first Conv2D(32, 5) outputs (None, 24, 24, 32)". The
// tuple is what the layer gives, never the model's input (read so, the
// conv ran a second time on its own output). When nothing else gives the
// input's channels, the layers after it are sized from it: their counts
// do not depend on what came before.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasSaidOutputRE is an output verb and a batched channels-last shape.
var kerasSaidOutputRE = regexp.MustCompile(`(?i)(?:\b(?:gives|giving|gave|outputs?|returns|produces|yields|becomes|comes\s+out\s+(?:as|at))|->|→|=>)\s*(?:me\s+)?(?:an?\s+)?(?:output\s+(?:of\s+)?)?(?:shape\s+)?\(\s*(?:None|\?|-1)\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*,\s*(\d{1,5})\s*\)`)

// kerasOtherLayerRE names another layer than the call as the one that
// gives the shape: the layer before it, the backbone, a block.
var kerasOtherLayerRE = regexp.MustCompile(`(?i)\b(?:previous|prior|preceding|before|after|last|backbone|base|block|encoder|stem|input)\b`)

// kerasSaidOutput is the output shape (height, width, channels) the words
// give the first layer call of src, when it follows that call before any
// other; ok is false for none.
func kerasSaidOutput(src string) (hwc []int, ok bool) {
	m := kerasSaidOutputRE.FindStringSubmatchIndex(src)
	if m == nil {
		return nil, false
	}
	calls := kerasLayerCallRE.FindAllStringIndex(src[:m[0]], -1)
	if len(calls) != 1 || kerasOtherLayerRE.MatchString(src[calls[0][0]:m[0]]) {
		return nil, false // "Conv2D(96, 5) and the previous layer outputs (None, 18, 18, 40)": its input
	}
	for g := 2; g < 8; g += 2 {
		n, err := strconv.Atoi(src[m[g]:m[g+1]])
		if err != nil || n < 1 || n > calc.MaxSize {
			return nil, false
		}
		hwc = append(hwc, n)
	}
	return hwc, true
}

// withoutSaidOutput drops the words' dims when they are the first layer's
// said output, not an input.
func withoutSaidOutput(src string, prose ptProse) ptProse {
	if hwc, ok := kerasSaidOutput(src); ok && slices.Equal(prose.dims, hwc) {
		prose.dims = nil
	}
	return prose
}

// fromSaidOutput sizes the layers after the first from the output the
// words give it, when no input was read: the first layer is left out and
// said so. It reports whether it did.
func (k *kerasReader) fromSaidOutput() bool {
	q := k.q
	hwc, ok := kerasSaidOutput(k.src)
	if !ok || q.Input != nil || len(q.Layers) < 2 || ptRank(q.Layers) != 3 {
		return false
	}
	conv, isConv := q.Layers[0].Layer.(calc.Conv)
	if !isConv || conv.Out != hwc[2] {
		return false // only a conv's filters are known without its input: its output must have them
	}
	m := kerasSaidOutputRE.FindStringIndex(k.src)
	tail := k.src[m[1]:]
	if kerasConvWordRE.MatchString(tail) || !kerasLaterWordRE.MatchString(tail) {
		return false // the words ask about the conv left out, or about the whole model
	}
	unused, ok := kerasSaidInputSides(k.src[:m[0]], conv, hwc)
	if !ok {
		return false
	}
	first := "the first layer"
	if len(k.read) > 0 {
		first = k.read[0]
	}
	q.Layers = q.Layers[1:]
	q.Input = calc.Shape{hwc[2], hwc[0], hwc[1]}
	q.Unused = append(q.Unused, unused...)
	q.Notes = append(q.Notes, fmt.Sprintf("%s is left out: its input's channels are not given; the layers after it are sized from the (None, %d, %d, %d) the words say it gives", first, hwc[0], hwc[1], hwc[2]))
	if kerasModelTotalRE.MatchString(k.src) {
		// "how many params in the model?": the conv left out is part of that total
		q.Doubts = append(q.Doubts, fmt.Sprintf("the question asks for the whole model's total, and %s is left out of it: its input's channels are not given, so the total shown counts only the layers after it; say the input's channels", first))
	}
	if w := kerasWordLayerRE.FindString(kerasLayerCallRE.ReplaceAllString(tail, "(")); w != "" {
		// "but after the pooling layer and dropout, Flatten": a layer said only in words
		q.Doubts = append(q.Doubts, fmt.Sprintf("the words name a layer (%q) between the conv's output and the layers read; it is not in this reading and may change their sizes", strings.TrimSpace(w)))
	}
	return true
}

// kerasConvWordRE names a conv; kerasLaterWordRE a layer after it, or
// what comes out of the model.
var (
	kerasConvWordRE   = regexp.MustCompile(`(?i)\bconv|\bfilters?\b|\bkernels?\b`)
	kerasLaterWordRE  = regexp.MustCompile(`(?i)\b(?:dense|flatten|linear|fc|fully|output|last|final|next|second|third|head|classifier)\b`)
	kerasModelTotalRE = regexp.MustCompile(`(?i)\b(?:total\s+(?:number\s+of\s+)?(?:params?|parameters?|weights)|(?:params?|parameters?|weights)\s+(?:in|of|does)\s+(?:the\s+|my\s+|this\s+)?(?:whole\s+|entire\s+|full\s+)?(?:model|network|net)|(?:params?|parameters?)\s+(?:in\s+)?(?:total|altogether|overall)|all\s+(?:the\s+)?(?:params?|parameters?))\b`)
	kerasWordLayerRE  = regexp.MustCompile(`(?i)\b(?:(?:max|avg|average|global)?\s*pool(?:ing)?\w*|batch\s*norm\w*|upsampl\w*)\b`)
	kerasSidesRE      = regexp.MustCompile(`\b(\d{1,5})\s*[x×]\s*(\d{1,5})\b`)
)

// kerasSaidInputSides checks an input's sides the words give before the
// said output ("on a 12x12 input"): the conv must take them to the output
// said. It returns them as numbers used for that check; ok is false when
// they do not fit.
func kerasSaidInputSides(before string, conv calc.Conv, hwc []int) ([]lang.Unused, bool) {
	m := kerasSidesRE.FindAllStringSubmatchIndex(before, -1)
	if len(m) == 0 {
		return nil, true
	}
	if len(m) > 1 {
		return nil, false
	}
	h, _ := strconv.Atoi(before[m[0][2]:m[0][3]])
	w, _ := strconv.Atoi(before[m[0][4]:m[0][5]])
	conv.In = 1
	r, err := conv.Apply(calc.Shape{1, h, w})
	if err != nil || len(r.Output) != 3 || r.Output[1] != hwc[0] || r.Output[2] != hwc[1] {
		return nil, false
	}
	why := fmt.Sprintf("the first layer's input sides: it takes %dx%d to the %dx%d the words give", h, w, hwc[0], hwc[1])
	var out []lang.Unused
	for g := 2; g < 6; g += 2 {
		line, col := lang.RunePosition(before, utf8.RuneCountInString(before[:m[0][g]]))
		out = append(out, lang.Unused{Text: before[m[0][g]:m[0][g+1]], Pos: lang.Position{Line: line, Col: col}, Why: why})
	}
	return out, true
}

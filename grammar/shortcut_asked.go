package grammar

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A residual block pasted with the shape error its sum raises, and the
// projection shortcut the asker means to add asked about:
//
//	self.conv1 = nn.Conv2d(64, 128, 3, stride=2, padding=1)
//	self.conv2 = nn.Conv2d(128, 128, 3, padding=1)
//	... out = out + x
//	i guess i need a 1x1 conv on the shortcut, how many params would that be w bias
//
// The shortcut is no layer of the paste: it is a 1×1 conv from the block's
// input channels to its output channels, with the block's stride, so that
// x matches out. The question asks about it alone.

// shortcutNamed matches a 1×1 conv named as the shortcut (skip,
// projection, downsample) in words, either order.
var shortcutNamed = regexp.MustCompile(`(?i)\b(?:1\s*[x×]\s*1|1x1|one[- ]by[- ]one|pointwise)\b[^.?!\n]{0,40}\b(?:shortcut|skip|residual|identity|downsampl\w*|projection|x\b)|\b(?:shortcut|skip|projection|downsample)\b[^.?!\n]{0,40}\b(?:1\s*[x×]\s*1|1x1|kernel_size\s*=\s*1)\b`)

// shortcutParamsAsked matches the parameters of the new conv asked.
var shortcutParamsAsked = regexp.MustCompile(`(?i)\b(?:params|parameters|param|weights)\b`)

// shortcutBias is the bias said on (group 1) or off (group 2).
var shortcutBias = regexp.MustCompile(`(?i)\b(w(?:ith)?/?\s*(?:a\s+)?bias(?:es)?|bias\s*=\s*true|including\s+(?:the\s+)?bias)\b|\b(no\s+bias|without\s+(?:a\s+|the\s+)?bias|bias\s*=\s*false|w/o\s+bias)\b`)

// withShortcutAsked returns the projection shortcut a pasted block's
// words ask about as the question, or q when they ask none.
func withShortcutAsked(src string, q *Question) *Question {
	if q.Framework != "pytorch" || !shortcutNamed.MatchString(src) || !shortcutParamsAsked.MatchString(src) {
		return q
	}
	var convs []calc.Conv
	for _, l := range leafLayers(q) {
		if c, ok := l.(calc.Conv); ok {
			convs = append(convs, c)
		}
	}
	if len(convs) == 0 || slices.ContainsFunc(convs, isPointwise) {
		return q // the shortcut is pasted already
	}
	first, last := convs[0], convs[len(convs)-1]
	if first.In == 0 || last.Out == 0 {
		return q
	}
	stride := 1
	for _, c := range convs {
		s, ok := squareStride(c)
		if !ok {
			return q
		}
		stride *= s
	}
	sc := calc.Conv{Kernel: []int{1, 1}, In: first.In, Out: last.Out, Stride: []int{stride, stride}}
	return shortcutQuestion(src, q, sc)
}

// isPointwise reports whether c is a 1×1 conv.
func isPointwise(c calc.Conv) bool {
	return !slices.ContainsFunc(c.Kernel, func(k int) bool { return k != 1 })
}

// squareStride is the stride of a 2-D conv the same along both sides;
// ok is false for another conv.
func squareStride(c calc.Conv) (int, bool) {
	if c.Transposed || c.Dims != 0 && c.Dims != 2 {
		return 0, false
	}
	switch {
	case len(c.Stride) == 0:
		return 1, true
	case len(c.Stride) == 1 || c.Stride[0] == c.Stride[1]:
		return max(c.Stride[0], 1), true
	}
	return 0, false
}

// shortcutQuestion is the question about the shortcut sc alone, its bias
// as the words say (PyTorch's default, on, when they say nothing).
func shortcutQuestion(src string, q *Question, sc calc.Conv) *Question {
	note := fmt.Sprintf("the shortcut asked is a 1x1 conv from the block's %d input channels to its %d output channels with the block's stride %d, so that x has out's shape (ResNet's projection shortcut)",
		sc.In, sc.Out, sc.Stride[0])
	m := shortcutBias.FindStringSubmatch(src)
	switch {
	case m != nil && m[2] != "":
		sc.NoBias = true
	case m == nil:
		note += fmt.Sprintf("; bias on, nn.Conv2d's default (torchvision's ResNet has bias=False there, as a batch norm follows: %d)", sc.In*sc.Out)
	}
	cp := &Question{Layers: []lang.Layer{{Layer: sc}}, Asked: []string{"params"}, Framework: q.Framework, Unused: q.Unused}
	cp.Notes = []string{note}
	cp.Canonical = lang.Format(cp)
	return cp
}

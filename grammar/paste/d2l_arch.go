package paste

// d2l's VGG written as its architecture tuple, as the book's readers
// quote it: "conv_arch = ((1, 64), (1, 128), (2, 256), (2, 512), (2,
// 512))", "VGG(arch=((2, 64), (2, 128)))", the older d2lzh triples
// "((1, 1, 64), (1, 64, 128))", and the book's thinned copy
// "small_conv_arch = [(pair[0], pair[1] // ratio) for pair in conv_arch]".
// Each pair is a vgg_block: that many 3x3 convs with padding 1, each with
// a ReLU, then a 2x2 max pool of stride 2. d2l's vgg() starts from 1
// channel (Fashion-MNIST resized to 224x224) unless the words say
// otherwise; its classifier is counted only when the paste holds it.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// d2lArchRE is the architecture tuple assigned or passed: "conv_arch =
// ((1, 64), ...)", "arch=((2, 64), ...)"; its group is the pairs.
var d2lArchRE = regexp.MustCompile(`\b(?:\w*conv_arch|arch)\s*=\s*[(\[]\s*((?:[(\[]\s*\d{1,4}\s*(?:,\s*\d{1,5}\s*){1,2}[)\]]\s*,?\s*){1,12})[)\]]`)

// d2lPairRE is one (num_convs, out_channels) pair, or a d2lzh triple
// (num_convs, in_channels, out_channels).
var d2lPairRE = regexp.MustCompile(`[(\[]\s*(\d{1,4})\s*,\s*(\d{1,5})\s*(?:,\s*(\d{1,5})\s*)?[)\]]`)

// d2lRatioRE is the book's thinned copy: "pair[1] // ratio" with "ratio = 4".
var d2lRatioRE = regexp.MustCompile(`\bpair\[1\]\s*//\s*(?:ratio\b|(\d{1,3}))`)

// d2lRatioValueRE is the ratio's value: "ratio = 4".
var d2lRatioValueRE = regexp.MustCompile(`\bratio\s*=\s*(\d{1,3})\b`)

// d2lChannelsRE are the input channels in the words or code: "1 input
// channel", "in_channels = 3", "3-channel input".
var d2lChannelsRE = regexp.MustCompile(`(?i)\b(\d{1,4})[\s-]+(?:input\s+|in\s+)?channels?\b|\bin_channels\s*=\s*(\d{1,4})\b|\bchannels?\s*(?:=|of)\s*(\d{1,4})\b`)

// d2lHeadRE is d2l's classifier pasted with the blocks.
var d2lHeadRE = regexp.MustCompile(`(?:nn\.)?(?:Lazy)?Linear\(|Dense\(`)

// d2lConvOnlyRE are words that ask about the blocks alone.
var d2lConvOnlyRE = regexp.MustCompile(`(?i)\bconv(?:olutional|olution)?\s+(?:part|layers|blocks|stack|body|portion|section)\b|\bwithout\s+(?:the\s+)?(?:classifier|head|fc|dense|linear|fully)|\bfeatures?\s+(?:part|extractor)\b|\bonly\s+(?:the\s+)?conv|\bblocks?\s+only\b|\bconv(?:olutional)?\s+(?:layer\s+)?param`)

// d2lNumClassesRE is the classifier's output: "num_classes=10",
// "Linear(4096, 10)".
var d2lNumClassesRE = regexp.MustCompile(`\bnum_classes\s*=\s*(\d{1,6})|Linear\(\s*4096\s*,\s*(\d{1,6})\s*\)`)

// d2lArchLooksLike reports whether src quotes d2l's architecture tuple.
func d2lArchLooksLike(src string) bool { return d2lArchRE.MatchString(src) }

// d2lBlock is one vgg_block: convs 3x3 with padding 1 and a 2x2 pool.
type d2lBlock struct{ convs, in, out int }

// d2lArchBlocks reads the tuple's blocks, thinned by the ratio when the
// paste thins them; ok false when src quotes none, or pastes a
// vgg_block of its own that is not the book's.
func d2lArchBlocks(src string) (blocks []d2lBlock, note string, ok bool) {
	m := d2lArchRE.FindStringSubmatch(src)
	if m == nil || strings.Contains(src, "def vgg_block") && !strings.Contains(strings.ReplaceAll(src, " ", ""), "kernel_size=3,padding=1") {
		return nil, "", false
	}
	ratio := 1
	if r := d2lRatioRE.FindStringSubmatch(src); r != nil {
		ratio = 0
		if r[1] != "" {
			ratio, _ = strconv.Atoi(r[1])
		} else if v := d2lRatioValueRE.FindStringSubmatch(src); v != nil {
			ratio, _ = strconv.Atoi(v[1])
		}
		if ratio < 1 {
			return nil, "", false // thinned by a ratio the paste does not give
		}
		note = fmt.Sprintf("the channels divided by the ratio, %d, as small_conv_arch does", ratio)
	}
	for _, p := range d2lPairRE.FindAllStringSubmatch(m[1], -1) {
		n, _ := strconv.Atoi(p[1])
		b := d2lBlock{convs: n, in: -1}
		b.out, _ = strconv.Atoi(p[2])
		if p[3] != "" {
			b.in = b.out
			b.out, _ = strconv.Atoi(p[3])
		}
		if n < 1 || n > 64 || b.out/ratio < 1 {
			return nil, "", false
		}
		if b.in > 0 {
			b.in /= ratio
		}
		b.out /= ratio
		blocks = append(blocks, b)
	}
	return blocks, note, len(blocks) > 0
}

// parseD2LArch reads d2l's architecture tuple as the network vgg() builds
// from it; ok is false when src quotes none.
func parseD2LArch(src string) (*lang.Question, error, bool) {
	blocks, ratioNote, ok := d2lArchBlocks(src)
	if !ok {
		return nil, nil, false
	}
	q := &lang.Question{}
	pos := ptOffsetPos(src, d2lArchRE.FindStringIndex(src)[0])
	in, chNote := d2lInChannels(src, blocks)
	first := in
	q.Notes = append(q.Notes, "read as d2l's vgg(): each (num_convs, out_channels) pair is a vgg_block of num_convs 3x3 convs with padding 1 and a ReLU each, then a 2x2 max pool of stride 2")
	if chNote != "" {
		q.Notes = append(q.Notes, chNote)
	}
	if ratioNote != "" {
		q.Notes = append(q.Notes, ratioNote)
	}
	for _, b := range blocks {
		if b.in > 0 {
			in = b.in
		}
		var ls []lang.Layer
		for range b.convs {
			ls = append(ls, lang.Layer{Layer: calc.Conv{Kernel: []int{3}, In: in, Out: b.out, Pad: []int{1}}, Pos: pos},
				lang.Layer{Layer: calc.Activation{}, Pos: pos})
			in = b.out
		}
		ls = append(ls, lang.Layer{Layer: calc.Pool{Op: calc.MaxPool, Kernel: []int{2}, Stride: []int{2}}, Pos: pos})
		q.Layers = append(q.Layers, ls...)
	}
	f, err := ptParseTree(d2lArchRE.ReplaceAllStringFunc(src, func(s string) string { return strings.Repeat(" ", len(s)) }))
	var prose ptProse
	if err == nil {
		prose = ptReadProse(f)
	}
	q.Asked = prose.asked
	q.Input = d2lInput(prose, first, len(blocks), q)
	d2lHead(src, q, pos)
	ptFinish(q, "pytorch", nil)
	return q, nil, true
}

// d2lInChannels is the first block's input channels: from the words or
// code, else 1 as d2l's vgg() starts; the note says which.
func d2lInChannels(src string, blocks []d2lBlock) (int, string) {
	if blocks[0].in > 0 {
		return blocks[0].in, ""
	}
	lower := strings.ToLower(src)
	for _, m := range d2lChannelsRE.FindAllStringSubmatch(src, -1) {
		for _, g := range m[1:] {
			if n, err := strconv.Atoi(g); err == nil && n > 0 && n <= 4 {
				return n, ""
			}
		}
	}
	switch {
	case strings.Contains(lower, "rgb") || strings.Contains(lower, "color") || strings.Contains(lower, "colour") || strings.Contains(lower, "imagenet") || strings.Contains(lower, "cifar"):
		return 3, ""
	case strings.Contains(lower, "grayscale") || strings.Contains(lower, "greyscale") || strings.Contains(lower, "mnist"):
		return 1, ""
	}
	return 1, "the first block takes 1 channel, as d2l's vgg() starts (in_channels = 1, Fashion-MNIST); say \"3 input channels\" for RGB"
}

// d2lInput is the input: the size the words give, else d2l's 224x224.
func d2lInput(prose ptProse, ch, blocks int, q *lang.Question) calc.Shape {
	for _, d := range prose.dims {
		if d < 1<<blocks {
			prose.dims = nil // "all 3x3 pad 1": the kernel, not an input each pool halves
		}
	}
	switch {
	case len(prose.dims) == 2:
		return calc.Shape{ch, prose.dims[0], prose.dims[1]}
	case len(prose.dims) == 3 && prose.dims[0] == ch:
		return calc.Shape(prose.dims)
	case len(prose.dims) == 3 && prose.dims[2] == ch:
		return calc.Shape{ch, prose.dims[0], prose.dims[1]}
	case len(prose.dims) == 1 && prose.single:
		return calc.Shape{ch, prose.dims[0], prose.dims[0]}
	}
	q.Notes = append(q.Notes, "input 224x224, as d2l feeds its VGG (the parameters of the blocks do not depend on it)")
	return calc.Shape{ch, 224, 224}
}

// d2lHead adds d2l's classifier when the paste holds it and the words do
// not ask about the blocks alone; otherwise says it is left out, and
// doubts a count of the whole network.
func d2lHead(src string, q *lang.Question, pos lang.Position) {
	convOnly := d2lConvOnlyRE.MatchString(src)
	if convOnly || !d2lHeadRE.MatchString(src) {
		if !convOnly && ptOnlyParams(q.Asked) {
			q.Doubts = append(q.Doubts, "d2l's vgg() puts a classifier after these blocks (Flatten, Linear(…, 4096), Linear(4096, 4096), Linear(4096, 10)); this reading counts the blocks only")
		}
		q.Notes = append(q.Notes, "the blocks only: the classifier after them is not counted")
		return
	}
	out := q.Input
	for _, l := range q.Layers {
		r, err := l.Apply(out)
		if err != nil {
			return
		}
		out = r.Output
	}
	n, err := out.Elements()
	if err != nil || n > ptLimit {
		return
	}
	classes := 10
	for _, m := range d2lNumClassesRE.FindAllStringSubmatch(src, -1) {
		if n, err := strconv.Atoi(m[1] + m[2]); err == nil && n != 4096 && n > 0 {
			classes = n
		}
	}
	relu, drop := lang.Layer{Layer: calc.Activation{}, Pos: pos}, lang.Layer{Layer: calc.Dropout{P: 0.5}, Pos: pos}
	q.Layers = append(q.Layers, lang.Layer{Layer: calc.Flatten{}, Pos: pos},
		lang.Layer{Layer: calc.Linear{In: int(n), Out: 4096}, Pos: pos}, relu, drop,
		lang.Layer{Layer: calc.Linear{In: 4096, Out: 4096}, Pos: pos}, relu, drop,
		lang.Layer{Layer: calc.Linear{In: 4096, Out: classes}, Pos: pos})
	q.Notes = append(q.Notes, fmt.Sprintf("with d2l's classifier: Flatten, Linear(%d, 4096), Linear(4096, 4096), Linear(4096, %d), with ReLU and Dropout(0.5) between", n, classes))
}

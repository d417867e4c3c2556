package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// "input is 48x48, every conv is 3x3 with padding='same' and each is
// followed by MaxPooling2D(2). how many of these conv+pool blocks can I
// stack before it breaks?": the block is read from the words (a conv's
// kernel and padding, a pool's window), the input from the size written,
// and calc.SolveBlocks counts the blocks.

// blocksAsk matches a question asking how many blocks fit.
var blocksAsk = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:(?:of\s+)?(?:these|those|the|such|my|this|that)\s+)?(?:[\w+/'()×-]+\s+){0,4}?(?:blocks?|stages?|levels?|times|layers?|pools?|poolings?|downsampl\w*|convs?|convolutions?)\b`)

// otherCount matches a count asked that is not of blocks: "how many
// parameters does a conv layer ...".
var otherCount = regexp.MustCompile(`(?i)\b(?:param\w*|weights?|neurons?|filters?|channels?|connections?|bias\w*|units?|features?|values?|multipl\w*|macs?|flops?|bytes?|pixels?|outputs?)\b`)

// blocksVerb matches the words that make "how many blocks" ask how many
// fit one after another: "stack", "before it breaks", "until it fails".
// Not "fit" or "apply" alone: "how many times does a 3x3 filter fit
// across 7x7" asks for an output size.
var blocksVerb = regexp.MustCompile(`(?i)\b(?:stack\w*|chain|before|until|till|breaks?|fails?|crash\w*|errors?|throws?|repeat|in\s+a\s+row|keep\s+(?:adding|applying|stacking|pooling|downsampling))\b`)

var (
	// poolCall is a pool written as a call: "MaxPooling2D(2)",
	// "nn.MaxPool2d(kernel_size=3)".
	poolCall = regexp.MustCompile(`(?i)\b(max|avg|average)[\s_-]*pool(?:ing)?(?:[123]d)?\s*\(\s*(?:pool_size\s*=\s*|kernel_size\s*=\s*)?[(\[]?\s*(\d+)`)
	// poolWords is a pool in words: "2x2 max pool", "maxpool 2",
	// "max pooling of size 3".
	poolWords = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*\d+\s*(max|avg|average)?[\s_-]*pool|\b(max|avg|average)?[\s_-]*pool(?:ing)?s?\s+(?:layers?\s+)?(?:of\s+|with\s+|size\s+)*(?:size\s+)?(\d+)\b`)
	// convKernel is a conv's kernel in words: "3x3 conv", "every conv is
	// 5x5", "kernel size 3".
	convKernel = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*\d+\s*(?:conv\w*|kernels?|filters?)|\bconv\w*\s*\(\s*\d+\s*,\s*[(\[]\s*(\d+)|\bconv\w*(?:\s+|\s*\(\s*)(?:layers?\s+)?(?:is\s+|are\s+|with\s+|of\s+|uses?\s+|has\s+)?(?:an?\s+)?(?:kernel\s+(?:size\s+)?(?:of\s+)?)?(\d+)\s*[x×]\s*\d+|\bkernel(?:_size|\s+size)?\s*(?:=|of|is)?\s*\(?(\d+)\b|\bconv\w*\s+k\s*=?\s*(\d+)\b`)
	// padSame, padValid and padNumber say a conv's padding.
	padSame   = regexp.MustCompile(`(?i)\bpadding\s*=\s*['"]?same\b|\bsame(?:[- ]padded|\s+padding|\s+conv\w*)\b|['"]same['"]`)
	padValid  = regexp.MustCompile(`(?i)\bvalid\b|\bno\s+pad(?:ding)?\b|\bwithout\s+padding\b|\bunpadded\b`)
	padNumber = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*(?:=|of|is)?\s*(\d+)\b`)
	// blockInput is the input's size in words: "input is 48x48", "on a
	// 100x100 image", "28x28 grayscale images".
	blockInput = regexp.MustCompile(`(?i)\b(?:input|image|images|img|picture)s?\s+(?:is\s+|are\s+|of\s+|size\s+|shape\s+|:\s*|=\s*)*(?:[(\[]\s*)?(\d+)\s*[x×,]\s*(\d+)(?:\s*[x×]\s*\d+)?\b|\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*\d+)?\s*(?:px\s+|pixels?\s+)?(?:inputs?|image|images|grayscale|gray|rgb|crops?|pictures?|feature\s+maps?|maps?)\b|\bon\s+(?:a|an|the|my)\s+(\d+)\s*[x×]\s*(\d+)\b`)
)

// blocksQuestion returns the question src asks about how many blocks fit,
// solved, or nil when it asks no such thing or its block or input cannot
// be read.
func blocksQuestion(src, words string) *Question {
	m := blocksAsk.FindStringIndex(words)
	if m == nil {
		m = callsAsk.FindStringIndex(words) // block_reach.go: "how many MaxPool2d(2,2) in a row"
	}
	if m == nil || !blocksVerb.MatchString(sentenceAround(words, m[0])) || otherCount.MatchString(words[m[0]:m[1]]) {
		return nil
	}
	if len(codeLine.FindAllStringIndex(src, 2)) > 1 {
		return nil // a pasted model: its blocks are not described in words
	}
	text := withoutErrorLines(src)
	in := stackInput(text)
	block, names, used := readBlock(text)
	if in == nil || len(block) == 0 {
		return nil
	}
	search := calc.BlockSearch{Block: block, Names: names, Input: in}
	sv, err := calc.SolveBlocks(search)
	if target := blockTarget(text, in); target != nil { // block_target.go
		sv, err = calc.SolveBlocksTo(search, target)
		used = append(used, target[0], target[1])
	}
	if err != nil {
		return nil
	}
	q := &Question{Solve: sv, Asked: []string{"blocks"}, Network: true,
		Notes: []string{fmt.Sprintf("read as blocks of %s, one after another on a %d×%d input; channels do not change sizes", strings.Join(names, " then "), in[1], in[2])}}
	q.Unused = blockUnused(src, sv, append(used, in[1], in[2]))
	return q
}

// withoutErrorLines is src with its error-message lines blanked, so their
// sizes are not read as the asker's.
func withoutErrorLines(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if errorLine.MatchString(l) {
			lines[i] = strings.Repeat(" ", len(l))
		}
	}
	return strings.Join(lines, "\n")
}

// readInputSize reads the input size written in text as [1, H, W].
func readInputSize(text string) calc.Shape {
	m := blockInput.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	var nums []int
	for _, g := range m[1:] {
		if g != "" {
			n, err := strconv.Atoi(g)
			if err != nil || n < 1 || n > calc.MaxInputSize {
				return nil
			}
			nums = append(nums, n)
		}
	}
	return calc.Shape{1, nums[0], nums[1]}
}

// readBlock reads the block the words describe: a conv (its kernel and
// padding) and then a pool (its window, stride the window), either alone.
// It returns the layers, their names, and the numbers it used.
func readBlock(text string) ([]calc.Layer, []string, []int) {
	var block []calc.Layer
	var names []string
	var used []int
	if differentLayersListed(text) { // block_list.go: a list of different layers is no block
		return nil, nil, nil
	}
	convStride, poolStride := readStrides(text)
	if k := firstNumber(convKernel, text); k > 0 {
		c := calc.Conv{Kernel: []int{k}, Out: 1}
		stride := ""
		if convStride > 0 {
			c.Stride, stride = []int{convStride}, fmt.Sprintf(" stride %d", convStride)
			used = append(used, convStride)
		}
		pad := "no padding"
		switch {
		case padValid.MatchString(text):
		case padSame.MatchString(text):
			c.PadMode, pad = calc.PadSame, "padding same"
		default:
			if p := firstNumber(padNumber, text); p > 0 {
				c.Pad, pad = []int{p}, fmt.Sprintf("padding %d", p)
				used = append(used, p)
			}
		}
		n, written := convCount(text)
		for range n {
			block = append(block, c)
			names = append(names, fmt.Sprintf("conv %dx%d%s %s", k, k, stride, pad))
		}
		used = append(used, k)
		if written {
			used = append(used, n)
		}
	}
	op, k := readPool(text)
	if k > 0 {
		p := calc.Pool{Op: op, Kernel: []int{k}}
		name := fmt.Sprintf("%s %dx%d", p.Kind(), k, k)
		if poolStride > 0 {
			p.Stride = []int{poolStride}
			name += fmt.Sprintf(" stride %d", poolStride)
			used = append(used, poolStride)
		}
		block = append(block, p)
		names = append(names, name)
		used = append(used, k)
	}
	return block, names, used
}

// strideWords matches a stride written: "stride 2", "strides=(2, 2)".
var strideWords = regexp.MustCompile(`(?i)\bstrides?\s*(?:=|of|:)?\s*[(\[]?\s*(\d+)`)

// poolName matches a pool's name.
var poolName = regexp.MustCompile(`(?i)pool`)

// readStrides reads the strides text gives a block's conv and its pool:
// a stride written after a pool's name (in its clause) is the pool's,
// any other the conv's; 0 where none is written.
func readStrides(text string) (conv, pool int) {
	for _, m := range strideWords.FindAllStringSubmatchIndex(text, -1) {
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		if inPoolCall(text, m[0]) { // block_reach.go: "MaxPool2d(3, stride=2)"
			pool = n
			continue
		}
		before := text[max(0, m[0]-40):m[0]]
		if i := strings.LastIndexAny(before, ",;.\n"); i >= 0 {
			before = before[i+1:]
		}
		if poolName.MatchString(before) {
			pool = n
		} else if conv == 0 {
			conv = n
		}
	}
	return conv, pool
}

// convTimes matches how many convs a block has: "two 3x3 convs", "a
// double conv", "2 conv layers".
var convTimes = regexp.MustCompile(`(?i)\b(two|three|four|double|triple|twin|pair\s+of|2|3|4)\s+(?:\d+\s*[x×]\s*\d+\s+)?(?:(?:same|valid|padded|unpadded|stacked)\s+)?conv`)

// convCount is how many convs one block has, and whether the count was
// written as digits (a number of the question).
func convCount(text string) (int, bool) {
	m := convTimes.FindStringSubmatch(text)
	if m == nil {
		return 1, false
	}
	switch w := strings.ToLower(strings.Join(strings.Fields(m[1]), " ")); w {
	case "two", "double", "twin", "pair of":
		return 2, false
	case "three", "triple":
		return 3, false
	case "four":
		return 4, false
	default:
		n, _ := strconv.Atoi(w)
		return n, true
	}
}

// readPool reads a pool's kind and window from text; 0 when none is
// written.
func readPool(text string) (calc.PoolOp, int) {
	op := calc.MaxPool
	if m := poolCall.FindStringSubmatch(text); m != nil {
		if !strings.EqualFold(m[1], "max") {
			op = calc.AvgPool
		}
		n, _ := strconv.Atoi(m[2])
		return op, n
	}
	if m := poolWords.FindStringSubmatch(text); m != nil {
		if w := strings.ToLower(m[2] + m[3]); w != "" && w != "max" {
			op = calc.AvgPool
		}
		n, _ := strconv.Atoi(m[1] + m[4])
		return op, n
	}
	return op, 0
}

// firstNumber is the first number re's groups capture in text, or 0.
func firstNumber(re *regexp.Regexp, text string) int {
	m := re.FindStringSubmatch(text)
	for _, g := range m[min(len(m), 1):] {
		if n, err := strconv.Atoi(g); err == nil {
			return n
		}
	}
	return 0
}

// blockUnused lists the numbers of src's words that the block question
// does not use: those of an error message are what the asker's run
// printed; any other is unexplained.
func blockUnused(src string, sv *calc.Solved, used []int) []Unused {
	vals := map[float64]bool{0: true, 1: true}
	for _, n := range used {
		vals[float64(n)] = true
	}
	for _, v := range sv.Solutions {
		if !blockSizeWritten(src, v) { // a "6x6" said is not explained by 6 blocks
			vals[float64(v)] = true
		}
	}
	out := account(src, &Question{}, vals)
	for i, u := range out {
		if onErrorLine(src, u.Pos) {
			out[i].Why = "from the error message: what your run printed"
		}
	}
	return out
}

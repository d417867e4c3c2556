package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// "Kernel size can't be greater than actual input size ... what's the
// smallest square input this model accepts?": a question about a
// network's input, asked backwards. The front-ends read the network (and
// answer it forwards, with a doubt); here the words that ask for the input
// are read, and the network is solved for it with calc.SolveInput: the
// smallest size that runs, every size whose flattened output is exactly
// the number asked, or (calc.SolveBlocks, block_solve.go) how many blocks
// an input goes through.

// smallestInput matches words asking for the smallest input a network
// takes: "smallest square input", "minimum image size", "how small can my
// images be".
var smallestInput = regexp.MustCompile(`(?i)\b(?:smallest|minimum|minimal|min|lowest|least|tiniest|shortest)\s+(?:possible\s+|allowed\s+|valid\s+|usable\s+|acceptable\s+)?(?:square\s+|spatial\s+)?(?:input[_ ]shape|input[_ ]size|input|image|img|picture|crop|patch|frame|(?:input\s+|sequence\s+|seq\s+|signal\s+|audio\s+|time[\s-]series\s+)?length)s?(?:\s+(?:size|resolution|dim\w*|shape|side|width|height|length))?\b|\b(?:smallest|minimum|minimal|min|lowest)\s+(?:square\s+)?(?:size|resolution|dimensions?|side(?:\s+length)?)\s+(?:of\s+(?:the\s+|an?\s+|my\s+)?(?:input|image|img|picture|crop|patch)|that|which|(?:for\s+)?(?:this|the|my|our)\s+(?:\w+\s+){0,2}?(?:model|net|network|cnn|extractor|encoder|backbone|architecture|classifier|stack)|(?:it\s+)?(?:will|can|could|would)\s+(?:take|accept|work|handle)|needed|required|i\s+(?:can|need|could))\b|\bhow\s+(?:small|little)\s+(?:can|could|may)\s+(?:the\s+|my\s+|an?\s+|our\s+)?(?:input|image|img|picture|crop|patch)(?:e?s)?\b`)

// notSizeAfter matches what follows "minimum input" when it is not the
// input's size: "channels", "features", "units".
var notSizeAfter = regexp.MustCompile(`(?i)^\s*(?:channels?|features?|units?|neurons?|values?|depth|dim\w*\s+of\s+(?:the\s+)?(?:linear|dense|fc))\b`)

// inputAsked matches words asking for an input size, for a target given
// elsewhere: "what square input size would make ...", "which image size
// gives ...".
var inputAsked = regexp.MustCompile(`(?i)\b(?:what|which|wat|whats|what's)\s+(?:\w+\s+){0,2}?(?:input|image|img)\s*(?:size|resolution|shape|dim\w*|side|width|height)\b|\b(?:input|image)\s+(?:size|resolution)\s+(?:would|should|do\s+i\s+need|is\s+needed|that|which|to\s+(?:get|make|give))\b`)

// flatWord matches words naming a flattened output or what takes it in.
var flatWord = regexp.MustCompile(`(?i)\bflatten\w*|\bin_features\b|\bin\s+features\b|\bfc\d?\b|\blinear\b|\bdense\b|\bfully[\s-]connected\b|\bview\(`)

// exactTarget matches the number a flattened output must be: "exactly
// 400", "equal to 2048", "= 576", "to be 400".
var exactTarget = regexp.MustCompile(`(?i)\b(?:exactly|equal\s+to|equals|to\s+be|match(?:es)?)\s+(\d[\d,]*)\b|(?:==?|≡)\s*(\d[\d,]*)\b`)

// exactWord matches words that make an input-size question ask for a
// target met exactly: "exactly 400", "matches fc1's in_features".
var exactWord = regexp.MustCompile(`(?i)\bexactly\b|\bequal(?:s|\s+to)?\b|\bmatch(?:es|ing)?\b|==?\s*\d|\bto\s+be\s+\d`)

// fromSize matches a lower bound on the input asked for: ">= 115", "at
// least 115", "bigger than 115" (then 116).
var fromSize = regexp.MustCompile(`(?i)(>=|≥|\bat\s+least|\bno\s+(?:smaller|less)\s+than|\bnot\s+(?:smaller|less)\s+than|\b(?:bigger|larger|greater|more)\s+than\s+or\s+equal\s+to|\b(?:bigger|larger|greater|more|above)(?:\s+than)?|>)\s*(\d+)\b`)

// proseSize matches a size written in prose: "36x36", "128 x 128",
// "3x300x200" (the last two taken).
var proseSize = regexp.MustCompile(`\b(?:\d+\s*[x×]\s*)?(\d+)\s*[x×]\s*(\d+)\b`)

// withInputSolved returns the question src asks about a network's input,
// solved, or nil when src does not ask for one or its network cannot be
// read: then the reading q (or the refusal err) stands.
func withInputSolved(src string, q *Question, err error) *Question {
	words := askText(src)
	iq := inputQuestion(src, q, err)
	if iq != nil {
		iq.Doubts = append(iq.Doubts, alsoAsked(words, askAt(words))...)
	}
	return iq
}

// askAt is where words ask for the input or the blocks.
func askAt(words string) []int {
	for _, re := range []*regexp.Regexp{blocksAsk, smallestInput, inputAsked} {
		if m := re.FindStringIndex(words); m != nil {
			return m
		}
	}
	return []int{0, 0}
}

// alsoAsked is a doubt for each quantity words ask for besides the
// input, asked at at: outside the sentence that asks, or after an "and"
// in it ("what's the smallest input, and how many params then?"). The
// reply answers the input alone. Within the ask, a quantity is its
// target ("so the flatten matches fc1's in_features").
func alsoAsked(words string, at []int) []string {
	start := strings.LastIndexAny(words[:at[0]], ".?!\n") + 1
	end := len(words)
	if i := strings.IndexAny(words[at[0]:], "?!\n"); i >= 0 {
		end = at[0] + i
	}
	var out []string
	for _, f := range askedFamilies {
		if f.name == "the input size" {
			continue
		}
		for _, m := range f.word.FindAllStringIndex(words, -1) {
			inside := m[0] >= start && m[0] < end
			if inside && (m[0] < at[1] || !alsoWord.MatchString(words[at[1]:m[0]])) || !askedAt(words, m[0], m[1]) {
				continue
			}
			out = append(out, fmt.Sprintf("the question also asks for %s, and this reply answers the input size only", f.name))
			break
		}
	}
	return out
}

// alsoWord joins a second ask to the first: "and how many params".
var alsoWord = regexp.MustCompile(`(?i)\b(?:and|also|plus)\b`)

// inputQuestion is withInputSolved's question, before what else was
// asked is checked.
func inputQuestion(src string, q *Question, err error) *Question {
	prose, words := proseAround(src), askText(src)
	if bq := blocksQuestion(src, words); bq != nil {
		return bq
	}
	small := smallestInput.FindStringIndex(words)
	if small != nil && notSizeAfter.MatchString(words[small[1]:]) {
		small = nil // "the minimum input channels": not a size
	}
	exact := exactAsk(words)
	if small == nil && exact == nil {
		return nil
	}
	if small != nil {
		if uq := unetQuestion(src, words, lowerBound(words, small)); uq != nil {
			return uq
		}
	}
	q = networkRead(src, q, err, small, exact)
	if q == nil {
		return nil
	}
	var goal calc.InputGoal
	layers := make([]calc.Layer, len(q.Layers))
	for i, l := range q.Layers {
		layers[i] = l.Layer
	}
	at := small
	if exact != nil {
		at = exact
		var ok bool
		if layers, goal.Flat, ok = flatGoal(words, exact, q.Layers); !ok {
			return nil
		}
	}
	goal.From = lowerBound(words, at)
	return solvedInput(src, prose, q, layers, goal)
}

// askText is src with its lines of code and of error messages blanked
// (positions kept): where the words that ask are read. Calls stay, as
// "input_shape (square)" reads like one.
func askText(src string) string {
	b := []byte(src)
	for _, re := range []*regexp.Regexp{codeLine, errorMessage} {
		for _, m := range re.FindAllStringIndex(src, -1) {
			for i := m[0]; i < m[1]; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
	}
	return string(b)
}

// placeholderAsk is appended to a description of layers that no
// front-end reads without an input ("conv 3x3 stride 2 -> ..." has no
// filter count, which sizes do not need): an input makes the English
// reader take one filter. Its size is never the asker's, and is dropped.
const placeholderAsk = "\non a 1024x1024 image, output size?"

// networkRead is the reading of src's network to solve: q as the router
// chose it, or src read again without the sentence that asks for the
// input (a front-end refused it: "no padding ... input size" read as
// asking for a padding), without its error message (a paste cut at the
// layer the message says fails, or fixed to fit it), or with a
// placeholder input (placeholderAsk; its numbers are then past the end
// of src); nil when none reads a network.
func networkRead(src string, q *Question, err error, small, exact []int) *Question {
	stopped := err == nil && slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, "the reading stops before it") })
	if err == nil && len(q.Layers) > 0 && (q.Fix == nil || exact != nil) && !stopped {
		return q
	}
	bare := withoutAsk(src, small, exact)
	for i, alt := range []string{bare, withoutErrorLines(bare), withoutErrorLines(bare) + placeholderAsk} {
		r, err := parse(alt)
		if err != nil || len(r.Layers) == 0 || r.Fix != nil && exact == nil || q != nil && len(r.Layers) < len(q.Layers) {
			continue
		}
		if slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "the reading stops before it") }) {
			continue
		}
		if i == 2 {
			r = withoutPlaceholder(src, r)
		}
		return r
	}
	return nil
}

// withoutPlaceholder drops what the placeholder input added to a reading
// of src: the input's size (its channels are kept), and the numbers past
// the end of src.
func withoutPlaceholder(src string, q *Question) *Question {
	cp := *q
	if len(q.Input) > 0 {
		cp.Input = calc.Shape{q.Input[0]}
	}
	end := offsetPosition(src, len(src))
	cp.Unused = slices.DeleteFunc(slices.Clone(q.Unused), func(u Unused) bool {
		return u.Pos.Line > end.Line || u.Pos.Line == end.Line && u.Pos.Col > end.Col
	})
	cp.Doubts = slices.DeleteFunc(slices.Clone(q.Doubts), func(d string) bool { return strings.Contains(d, "1024") })
	return &cp
}

// exactAsk returns where prose asks for the input size that makes a
// flattened output a given size, or nil.
func exactAsk(prose string) []int {
	for _, m := range inputAsked.FindAllStringIndex(prose, -1) {
		s := sentenceAround(prose, m[0])
		if flatWord.MatchString(s) && exactWord.MatchString(s) {
			return m
		}
	}
	return nil
}

// sentenceAround is the sentence of text around offset at.
func sentenceAround(text string, at int) string {
	start := strings.LastIndexAny(text[:at], ".?!\n") + 1
	end := strings.IndexAny(text[at:], "?!\n")
	if end < 0 {
		return text[start:]
	}
	return text[start : at+end]
}

// flatGoal returns the layers before the flattened output asked about
// (with a flatten at their end) and the number of values wanted: the one
// the sentence writes, or the in_features of the first Linear when it
// names it instead.
func flatGoal(prose string, ask []int, ls []Layer) ([]calc.Layer, int64, bool) {
	var layers []calc.Layer
	var in int64
	for _, l := range ls {
		li, ok := l.Layer.(calc.Linear)
		if ok && len(layers) == 0 {
			continue // a Linear before the convs ("fc1 = Linear(400, 3)" in the words) is not fed by them
		}
		if ok {
			in = int64(li.In)
			break
		}
		layers = append(layers, l.Layer)
	}
	if len(layers) == 0 {
		return nil, 0, false
	}
	if _, ok := layers[len(layers)-1].(calc.Flatten); !ok {
		layers = append(layers, calc.Flatten{})
	}
	s := sentenceAround(prose, ask[0])
	if m := exactTarget.FindStringSubmatch(s); m != nil {
		n, err := strconv.ParseInt(strings.ReplaceAll(m[1]+m[2], ",", ""), 10, 64)
		if err == nil && n > 0 {
			return layers, n, true
		}
	}
	return layers, in, in > 0
}

// lowerBound is the smallest size the sentence around at allows: ">=
// 115" gives 115, "bigger than 115" 116; 0 when it sets none.
func lowerBound(prose string, at []int) int {
	sentence := sentenceAround(prose, at[0])
	loc := fromSize.FindStringSubmatchIndex(sentence)
	if loc == nil || notASize.MatchString(sentence[loc[1]:]) {
		return 0 // "when the batch is more than 32 images": a count, not a size
	}
	m := []string{sentence[loc[0]:loc[1]], sentence[loc[2]:loc[3]], sentence[loc[4]:loc[5]]}
	n, err := strconv.Atoi(m[2])
	if err != nil || n > calc.MaxInputSize {
		return 0
	}
	w := strings.ToLower(m[1])
	if w == ">" || strings.HasPrefix(w, "above") || (strings.Contains(w, "than") && !strings.Contains(w, "equal") && !strings.HasPrefix(w, "no") && !strings.HasPrefix(w, "not")) {
		n++
	}
	return n
}

// notASize matches what follows a bound that counts something else: "more
// than 32 images", "at least 10 epochs".
var notASize = regexp.MustCompile(`(?i)^\s*(?:images?|imgs?|samples?|examples?|epochs?|batch(?:es)?|items?|classes|channels?|filters?|layers?|blocks?|params?|parameters?|units?|neurons?|steps?|iterations?|[kmg]b\b|%)`)

// withoutAsk is src with the sentence asking for the input blanked, so
// that a front-end that refused the question ("no padding ... input
// size" read as asking for a padding) reads the network alone.
func withoutAsk(src string, small, exact []int) string {
	at := small
	if at == nil {
		at = exact
	}
	start := strings.LastIndexAny(src[:at[0]], ".?!\n") + 1
	end := len(src)
	if i := strings.IndexAny(src[at[0]:], "?!\n"); i >= 0 {
		end = at[0] + i
		if src[end] != '\n' {
			end++
		}
	}
	return src[:start] + strings.Repeat(" ", end-start) + src[end:]
}

// solvedInput solves q's layers for the input goal and returns the
// question answered with it; nil when calc cannot (the layers fail for a
// reason that is not a size).
func solvedInput(src, prose string, q *Question, layers []calc.Layer, goal calc.InputGoal) *Question {
	s := calc.InputSearch{Layers: layers, Names: chainNames(layers), Goal: goal, Tried: triedSizes(prose, q)}
	if len(q.Input) > 0 {
		s.Channels = q.Input[0]
	}
	if len(q.Input) > 1 {
		s.Dims = len(q.Input) - 1
	}
	sv, err := calc.SolveInput(s)
	if err != nil {
		return nil
	}
	out := *q
	out.Solve = sv
	out.Asked = []string{"input"}
	out.Input = nil // the unknown: the sizes tried are in the steps
	out.At = nil
	out.Fix = nil
	out.Notes = slices.Clip(slices.DeleteFunc(slices.Clone(q.Notes), func(n string) bool {
		return strings.HasPrefix(n, "no input size") || strings.HasPrefix(n, "fix: ")
	}))
	shown := *q
	if goal.Flat > 0 {
		// The layers searched: those that feed the flattened output.
		shown.Layers = make([]Layer, len(layers))
		for i, l := range layers {
			shown.Layers[i] = Layer{Layer: l}
		}
	}
	if len(sv.Solutions) > 0 {
		n := int(sv.Solutions[0])
		dims := len(q.Input)
		if dims < 2 {
			dims = firstConvDims(q) + 1
		}
		shown.Input = squareInput(firstInput(s, q), dims, n)
		shown.Network = true
		out.Notes = append(out.Notes, "the network is shown on the answer's input: ask it as written for every layer's numbers")
	}
	out.Canonical = lang.Format(&shown)
	out.Layers = nil
	out.Unused = accountedInput(src, q, sv, &shown)
	out.Doubts = inputDoubts(q.Doubts)
	if slices.ContainsFunc(q.Notes, func(n string) bool { return strings.Contains(n, "is not sized") }) {
		out.Doubts = append(out.Doubts, "a layer of the paste is not sized (see the notes): the input found takes it as keeping the size")
	}
	return &out
}

// firstInput is the channel count the search used.
func firstInput(s calc.InputSearch, q *Question) int {
	if s.Channels > 0 {
		return s.Channels
	}
	if len(q.Input) > 0 {
		return q.Input[0]
	}
	for _, l := range q.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && c.In > 0 {
			return c.In
		}
	}
	return 1
}

// squareInput is a [C, n, n] input (with dims spatial dimensions; 2 when
// dims says none).
func squareInput(c, dims, n int) calc.Shape {
	if dims < 2 {
		dims = 3
	}
	in := make(calc.Shape, dims)
	in[0] = c
	for i := 1; i < dims; i++ {
		in[i] = n
	}
	return in
}

// chainNames names each layer for the size chains, "" for a layer that
// keeps its input's size (an activation, a batch norm, a dropout).
func chainNames(layers []calc.Layer) []string {
	names := make([]string, len(layers))
	for i, l := range layers {
		switch l.(type) {
		case calc.Activation, calc.Dropout, calc.BatchNorm:
			continue
		}
		names[i] = strings.TrimSuffix(lang.FormatHead(l), " bias")
	}
	return names
}

// triedSizes are the spatial sizes the asker says they used: the
// reading's input, and sizes written in the prose ("my 36x36 crops", "my
// input is 3x300x200").
func triedSizes(prose string, q *Question) [][]int {
	var out [][]int
	if len(q.Input) > 1 {
		out = append(out, slices.Clone(q.Input[1:]))
	}
	dims := max(len(q.Input)-1, 2)
	if firstConvDims(q) == 1 {
		for _, m := range proseLength.FindAllStringSubmatch(prose, -1) {
			if n, _ := strconv.Atoi(m[1] + m[2]); n > 0 && len(out) < 3 {
				out = append(out, []int{n})
			}
		}
		return out
	}
	for _, at := range proseSize.FindAllStringSubmatchIndex(prose, -1) {
		if kernelBefore.MatchString(prose[max(0, at[0]-24):at[0]]) || kernelAfter.MatchString(prose[at[1]:]) {
			continue // "conv 3x3", "3x3 kernel": a window, not an input
		}
		a, _ := strconv.Atoi(prose[at[2]:at[3]])
		b, _ := strconv.Atoi(prose[at[4]:at[5]])
		sp := []int{a, b}
		if dims == 2 && a > 0 && b > 0 && len(out) < 3 && !slices.ContainsFunc(out, func(t []int) bool { return slices.Equal(t, sp) }) {
			out = append(out, sp)
		}
	}
	return out
}

// kernelBefore and kernelAfter match the words around a size that make
// it a layer's window: "conv 3x3", "kernel size 5x5", "3x3 filters".
var (
	kernelBefore = regexp.MustCompile(`(?i)(?:conv\w*|kernels?(?:[\s_]+size)?|filters?(?:\s+size)?|pool\w*|window|patch(?:es)?\s+of)\s*(?:of\s+|is\s+|=\s*|:\s*)?$`)
	kernelAfter  = regexp.MustCompile(`(?i)^\s*(?:conv\w*|kernels?|filters?|max|avg|average|pool\w*|windows?|depthwise|dw|stride)`)
)

// proseLength matches a 1-D input's length in words: "55 samples",
// "length of 300".
var proseLength = regexp.MustCompile(`(?i)\b(\d+)\s*(?:samples|timesteps|time\s+steps|steps|points|values|long)\b|\blength\s+(?:of\s+|is\s+|=\s*)?(\d+)\b`)

// firstConvDims is the spatial dimensions of q's first conv or pool, 0
// when it has none.
func firstConvDims(q *Question) int {
	for _, l := range q.Layers {
		dims := -1
		switch l := l.Layer.(type) {
		case calc.Conv:
			dims = l.Dims
		case calc.Pool:
			dims = l.Dims
		}
		switch dims {
		case -1:
			continue
		case 0:
			return 2 // zero Dims means 2
		}
		return dims
	}
	return 0
}

// inputDoubts are the reading's doubts that still hold once the input is
// solved for: not those about what was asked.
func inputDoubts(ds []string) []string {
	var out []string
	for _, d := range ds {
		if strings.Contains(d, "asks for the input size") || strings.Contains(d, "no input size to work it out") {
			continue
		}
		out = append(out, d)
	}
	return out
}

// accountedInput is the reading's unused numbers that the solved question
// still leaves unused: a number of the steps (a size tried, the sizes
// layer by layer) or of the network at the answer is used; a number of an
// error message is what the asker's run printed.
func accountedInput(src string, q *Question, sv *calc.Solved, shown *Question) []Unused {
	reports, _ := computed(shown)
	used := readingValues(shown, reports)
	var text strings.Builder
	text.WriteString(sv.Question)
	for _, st := range sv.Steps {
		text.WriteString(" " + st.Quantity + " " + st.Formula + " " + st.Note + " " + strconv.FormatInt(st.Result, 10))
	}
	nums, _ := writtenNumbers(text.String())
	for _, w := range nums {
		used[w.val] = true
	}
	for _, v := range sv.Solutions {
		used[float64(v)] = true
	}
	used[float64(sv.Min)] = true
	var out []Unused
	for _, u := range q.Unused {
		switch {
		case allUsed(u.Text, used):
			continue
		case u.Why != "":
		case onErrorLine(src, u.Pos):
			u.Why = "from the error message: what your run printed"
		}
		out = append(out, u)
	}
	return out
}

// allUsed reports whether every number of text is among used.
func allUsed(text string, used map[float64]bool) bool {
	nums, _ := writtenNumbers(text)
	for _, w := range nums {
		if !used[w.val] {
			return false
		}
	}
	return len(nums) > 0
}

// errorLine matches a line of an error message or traceback.
var errorLine = regexp.MustCompile(`^\s*(?:[A-Za-z.]*(?:Error|Exception)\b|Traceback|File\s)`)

// onErrorLine reports whether position p of src is on a line of an error
// message.
func onErrorLine(src string, p Position) bool {
	lines := strings.Split(src, "\n")
	return p.Line >= 1 && p.Line <= len(lines) && errorLine.MatchString(lines[p.Line-1])
}

// inputSolved reports whether q is a question about a network's input,
// solved here: it is answered whole, never split into parts.
func inputSolved(q *Question) bool {
	return q != nil && q.Solve != nil && q.Layers == nil && (q.Solve.Unknown == "blocks" || q.Solve.Unknown == "input" && q.Solve.Max == calc.MaxInputSize)
}

package grammar

import (
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

// proseSize matches a size written in prose: "36x36", "128 x 128",
// "3x300x200" (the last two taken).
var proseSize = regexp.MustCompile(`\b(?:\d+\s*[x×]\s*)?(\d+)\s*[x×]\s*(\d+)\b`)

// withInputSolved returns the question src asks about a network's input,
// solved, or nil when src does not ask for one or its network cannot be
// read: then the reading q (or the refusal err) stands.
func withInputSolved(src string, q *Question, err error) *Question {
	words := askText(src)
	if rq := reachQuestion(src, words); rq != nil {
		return rq // block_reach.go: the size at a place of a stacked block
	}
	iq := inputQuestion(src, q, err)
	if iq == nil && err == nil {
		return withFieldArea(src, q) // input_pixels.go: the field asked as input pixels
	}
	if iq != nil {
		iq.Doubts = append(iq.Doubts, alsoAsked(words, askAt(words))...)
	}
	return iq
}

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

// inputSolved reports whether q is a question about a network's input,
// solved here: it is answered whole, never split into parts.
func inputSolved(q *Question) bool {
	return q != nil && q.Solve != nil && q.Layers == nil && (q.Solve.Unknown == "blocks" || q.Solve.Unknown == "input" && q.Solve.Max == calc.MaxInputSize)
}

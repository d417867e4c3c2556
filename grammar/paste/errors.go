package paste

// PyTorch's error messages as the question: the shapes in them say which
// layer is wrong and what it must be. A message is read, then blanked out
// of the paste (spaces, so positions hold) before the code is read.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

var (
	// mat1 and mat2 shapes cannot be multiplied (64x2304 and 1024x10)
	errMatmulRE = regexp.MustCompile(`mat1 and mat2 shapes cannot be multiplied \((\d+)\s*[x×]\s*(\d+) and (\d+)\s*[x×]\s*(\d+)\)`)
	// size mismatch, m1: [64 x 4608], m2: [2048 x 512]  (PyTorch before 1.8)
	errOldMatmulRE = regexp.MustCompile(`size mismatch, m1: \[(\d+) x (\d+)\], m2: \[(\d+) x (\d+)\]`)
	// Given groups=1, weight of size [64, 32, 3, 3], expected input[1, 64, 16, 16] to have 32 channels, but got 64 channels instead
	errChannelsRE = regexp.MustCompile(`Given groups=(\d+), weight of size \[([\d, ]+)\], expected input\[([\d, ]+)\] to have (\d+) channels, but got (\d+) channels`)
	// size mismatch for fc.weight: copying a param with shape torch.Size([10, 512]) from checkpoint, the shape in current model is torch.Size([100, 512]).
	errStateRE = regexp.MustCompile(`size mismatch for ([\w.]+)\.weight: copying a param with shape torch\.Size\(\[([\d, ]+)\]\) from checkpoint, the shape in current model is torch\.Size\(\[([\d, ]+)\]\)`)
	// Expected 4-dimensional input for 4-dimensional weight [32, 1, 5, 5], but got 3-dimensional input of size [64, 28, 28] instead
	errRankRE = regexp.MustCompile(`Expected (\d)-dimensional input for \d-dimensional weight \[([\d, ]+)\], but got (\d)-dimensional input of size \[([\d, ]+)\]`)
	// the lines of a traceback around a message
	errLineRE = regexp.MustCompile(`(?m)^.*(?:Traceback \(most recent call last\)|File ".*", line \d+|RuntimeError:|ValueError:|Error\(s\) in loading state_dict|size mismatch for |mat1 and mat2 shapes|size mismatch, m1:|Given groups=|expected input\[|-dimensional input for).*$`)
)

// ptMessage is what an error message says.
type ptMessage struct {
	kind   string // "linear", "conv", "checkpoint"
	nums   []int  // linear: rows, features, in, out; checkpoint: the checkpoint's weight shape
	weight []int  // conv: [out, in/groups, k...]
	input  []int  // conv: the input it got, batch first
	groups int
	name   string // checkpoint: the layer's name
	pos    lang.Position
	// resized: the words change the input the message was given for
	// ("if i switch my images to 128x128"), so its sizes are the old ones.
	resized bool
	// noBias: the words say the layer has no bias ("bias=False there")
	noBias bool
	// swapped: the words say the conv's channels are the wrong way round
	// ("I think I swapped the args", "64 in -> 128 out")
	swapped bool
	// fixedAsked: the words ask about the layer once fixed ("what
	// in_channels should it have, and how many params then?")
	fixedAsked bool
	// nhwc: the words say the input is channels-last ("NHWC", a
	// permute(0, 3, 1, 2))
	nhwc bool
	// expected: the channels the conv message says the layer expected
	// ("to have 3 channels"), and where
	expected lang.Unused
	// words: the text with the message's lines blanked
	words string
}

// errFixedAskedRE are words that ask about a layer once its error is
// fixed.
var errFixedAskedRE = regexp.MustCompile(`(?i)\b(?:then|once|should|fixed|corrected|after\s+(?:the|that|this|i|fixing|changing)|if\s+i\s+(?:change|fix|make|set|switch)|i\s+(?:changed|switched|set|made|updated|edited|fixed)|(?:have|has|give|is|be)\s+now|now\s*\?)\b`)

// appendLinear adds the Linear the message names (in, out) after layers
// that end in a feature map and hold no such Linear (a forward told in
// words: "-> flatten -> fc"), sized for what reaches it: the message's
// features, or what the layers give when the words change the input.
func (m *ptMessage) appendLinear(q *lang.Question, feat, out int, why string) {
	if _, ok := ptFirstLinear(q.Layers); ok {
		return
	}
	in := feat
	if m.resized && q.Input != nil {
		n, ok := ptElementsBefore(q.Layers, len(q.Layers), q.Input)
		if !ok {
			return
		}
		in = int(n)
		why = fmt.Sprintf("with the new input, %d values reach the Linear of PyTorch's message (which had %d features for the old input)", n, feat)
	}
	line := fmt.Sprintf("nn.Linear(%d, %d)", in, out)
	q.Layers = append(q.Layers, lang.Layer{Layer: calc.Linear{In: in, Out: out}, Pos: m.pos})
	q.Fix = &lang.Fix{Layer: len(q.Layers) - 1, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(m.nums[0]), Pos: m.pos, Why: "the batch size does not change the layer"})
}

// LooksLikeError reports whether src holds one of the PyTorch error
// messages the paste front-end reads as a question (a shape mismatch in a
// Linear or a conv, a checkpoint that does not fit).
func LooksLikeError(src string) bool {
	return errMatmulRE.MatchString(src) || errOldMatmulRE.MatchString(src) || errChannelsRE.MatchString(src) || errStateRE.MatchString(src) ||
		errRankRE.MatchString(src) || errWeightOnlyRE.MatchString(src) || errChannelsCutRE.MatchString(src) || errViewRE.MatchString(src) && vsViewRowsRE.MatchString(src) || errBatchRE.MatchString(src) && ptViewFigureRE.MatchString(src)
}

// ptReadMessage finds the first message in src, and returns src with the
// traceback's lines blanked.
func ptReadMessage(src string) (*ptMessage, string) {
	m := ptMatchMessage(src)
	if m == nil {
		return nil, src
	}
	blank := errLineRE.ReplaceAllStringFunc(src, func(s string) string { return strings.Repeat(" ", errMessageEnd(s)) + s[errMessageEnd(s):] })
	m.fixedAsked = errFixedAskedRE.MatchString(blank)
	m.words = blank
	return m, blank
}

// errMessageEnd is where the message on line s ends: after its shapes
// ("(1x12544 and 9216x128)", "... channels instead") when the words go on
// ("input 56x56. so what h and w"), else the end of the line.
func errMessageEnd(s string) int {
	end := len(s)
	for _, re := range []*regexp.Regexp{errMatmulRE, errOldMatmulRE, errChannelsRE, errChannelsCutRE, errStateRE, errRankRE, errNegativeRE} {
		if m := re.FindStringIndex(s); m != nil {
			end = m[1]
			if rest := s[end:]; strings.HasPrefix(rest, " instead") {
				end += len(" instead")
			}
			break
		}
	}
	if end < len(s) && !errWordsAfterRE.MatchString(s[end:]) {
		return len(s) // the message goes on: "(4x9216 and 400x120)" then nothing of the asker's
	}
	return end
}

// errNegativeRE is Keras's message of a map too small, to its layer's
// name and the shapes: "Negative dimension size caused by subtracting 3
// from 2 for 'conv2d_3' with input shapes: [?,2,2,64], [3,3,64,128]".
var errNegativeRE = regexp.MustCompile(`Negative dimension size caused by subtracting \d+ from \d+ for '[^'\n]*'(?: with input shapes: [^\n]*?\](?:, \[[^\]\n]*\])?)?\.?`)

// errWordsAfterRE are the asker's words after a message on its line:
// a sentence with a word of three letters or more.
var errWordsAfterRE = regexp.MustCompile(`^[\s.,;:—–-]*\b[A-Za-z]{2,}\b[^\n]*[A-Za-z]{3,}`)

func ptMatchMessage(src string) *ptMessage {
	at := func(i int) lang.Position {
		line, col := lang.RunePosition(src, len([]rune(src[:i])))
		return lang.Position{Line: line, Col: col}
	}
	for _, re := range []*regexp.Regexp{errMatmulRE, errOldMatmulRE} {
		if g := re.FindStringSubmatchIndex(src); g != nil {
			return &ptMessage{kind: "linear", nums: ptSubInts(src, g, 1, 4), pos: at(g[0])}
		}
	}
	if g := errChannelsRE.FindStringSubmatchIndex(src); g != nil {
		groups, _ := strconv.Atoi(src[g[2]:g[3]])
		return &ptMessage{kind: "conv", groups: groups, weight: ptIntList(src[g[4]:g[5]]), input: ptIntList(src[g[6]:g[7]]), pos: at(g[0]), nhwc: errChannelsLastRE.MatchString(src),
			expected: lang.Unused{Text: src[g[8]:g[9]], Pos: at(g[8])}}
	}
	if m := ptWeightMessage(src, at); m != nil {
		return m
	}
	if m := ptCutConvMessage(src, at); m != nil {
		return m
	}
	if g := errRankRE.FindStringSubmatchIndex(src); g != nil {
		return &ptMessage{kind: "rank", weight: ptIntList(src[g[4]:g[5]]), input: ptIntList(src[g[8]:g[9]]), pos: at(g[0])}
	}
	if g := errStateRE.FindStringSubmatchIndex(src); g != nil {
		return &ptMessage{kind: "checkpoint", name: src[g[2]:g[3]], nums: ptIntList(src[g[4]:g[5]]), weight: ptIntList(src[g[6]:g[7]]), pos: at(g[0])}
	}
	return nil
}

// ptSubInts reads submatches from..to of g as numbers.
func ptSubInts(src string, g []int, from, to int) []int {
	var out []int
	for k := from; k <= to; k++ {
		v, _ := strconv.Atoi(src[g[2*k]:g[2*k+1]])
		out = append(out, v)
	}
	return out
}

// ptIntList reads "64, 3, 3, 3".
func ptIntList(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || v < 0 || v > calc.MaxSize {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// apply makes the message's correction: the layer it names is found in q
// (or made, when no code was pasted) and fixed.
func (m *ptMessage) apply(q *lang.Question, fx *ptFixer) {
	switch m.kind {
	case "linear":
		m.applyLinear(q, fx)
	case "conv":
		if m.nhwc && m.applyChannelsLast(q) {
			return
		}
		m.applyConv(q, fx)
	case "weight":
		m.applyWeight(q)
	case "convcut":
		m.applyCutConv(q, fx)
	case "checkpoint":
		if m.ownSideAsked() && m.applyOwnSide(q) { // errors_checkpoint_own.go
			return
		}
		m.applyCheckpoint(q, fx)
	case "rank":
		m.applyRank(q)
	}
}

// applyRank: a conv got an input without its batch (or channel) axis. The
// conv is the message's; the fix adds the missing axis.
func (m *ptMessage) applyRank(q *lang.Question) {
	if len(m.weight) < 3 || len(q.Layers) > 0 {
		return
	}
	out, in, k := m.weight[0], m.weight[1], m.weight[2:]
	q.Layers = []lang.Layer{{Layer: calc.Conv{Dims: len(k), In: in, Out: out, Kernel: k, NoBias: m.noBias}, Pos: m.pos}}
	line, why := "x = x.unsqueeze(0)", fmt.Sprintf("the conv takes a batch of %d-D maps, and %v has no batch axis", len(k), m.input)
	if len(m.input) == len(k)+1 && m.input[0] != in {
		// [64, 28, 28] for a 1-channel conv: 64 images without their channel axis
		line, why = "x = x.unsqueeze(1)", fmt.Sprintf("%v is %d images of %s without their channel axis; the conv takes %d channel(s)", m.input, m.input[0], ptJoin(m.input[1:]), in)
		q.Input = append(calc.Shape{in}, m.input[1:]...)
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(m.input[0]), Pos: m.pos, Why: "the batch size does not change the layer"})
	} else if len(m.input) == len(k)+1 {
		q.Input = calc.Shape(m.input)
	}
	q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
}

// applyLinear: features per sample (nums[1]) reach a Linear(in, out).
func (m *ptMessage) applyLinear(q *lang.Question, fx *ptFixer) {
	feat, in, out := m.nums[1], m.nums[2], m.nums[3]
	why := fmt.Sprintf("PyTorch's message says %d samples of %d features reach a Linear with in_features %d", m.nums[0], feat, in)
	for i, l := range q.Layers {
		if lin, ok := l.Layer.(calc.Linear); ok && lin.Out == out && (lin.In == in || lin.In == 0) {
			if n, ok := ptElementsBefore(q.Layers, i, q.Input); m.resized && q.Input != nil && ok && n > 0 {
				// "if I resize my images to 128x128 instead": the message's
				// features are the old input's
				why = fmt.Sprintf("with the new input, %d values reach the Linear (PyTorch's message, %d features, was for the old input)", n, feat)
				feat = int(n)
			}
			if c := fx.calls[l.Pos]; c != nil && lin.In != feat {
				was := lin.In
				lin.In = feat
				fx.apply(q, i, lin, c, 0, "in_features", fmt.Sprint(feat), was, why)
			}
			return
		}
	}
	if len(q.Layers) > 0 {
		m.appendLinear(q, feat, out, why)
		return
	}
	if len(q.Layers) == 0 {
		q.Layers = []lang.Layer{{Layer: calc.Linear{In: feat, Out: out}, Pos: m.pos}}
		q.Fix = &lang.Fix{Layer: 0, Line: fmt.Sprintf("nn.Linear(%d, %d)", feat, out), Why: why}
		q.Notes = append(q.Notes, fmt.Sprintf("fix: nn.Linear(%d, %d) (%s)", feat, out, why))
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(m.nums[0]), Pos: m.pos, Why: "the batch size does not change the layer"})
	}
}

// applyConv: a conv with weight [out, in/groups, k...] got an input whose
// channels differ.
func (m *ptMessage) applyConv(q *lang.Question, fx *ptFixer) {
	if len(m.weight) < 3 || len(m.input) != len(m.weight) {
		return
	}
	out, k := m.weight[0], m.weight[2:]
	got := m.input[1]
	fx.convs = true
	for i, l := range q.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && !c.Transposed && c.Out == out && c.In == m.weight[1]*max(m.groups, 1) {
			if i == 0 && q.Input == nil {
				q.Input = calc.Shape(m.input[1:])
			}
			if call := fx.calls[l.Pos]; call != nil && m.groups <= 1 && m.swapped && got == c.Out && c.In != c.Out && ptSwapArgs(fx, q, i, c, call, m.input) {
				return
			}
			if call := fx.calls[l.Pos]; call != nil && m.groups <= 1 {
				was := c.In
				c.In = got
				fx.apply(q, i, c, call, 0, "in_channels", fmt.Sprint(got), was,
					fmt.Sprintf("PyTorch's message says the input it gets, %s, has %d channels", ptShapeText(m.input), got))
			}
			return
		}
	}
	if len(q.Layers) == 0 && m.groups <= 1 {
		q.Input = calc.Shape(m.input[1:])
		in := got
		if slices.Contains(q.Asked, "params") && !m.fixedAsked {
			// "how many weights are in that conv?": the layer of the message,
			// as it is; the fix is said first
			in, q.Input = m.weight[1], nil
		}
		c := m.settingsSaid(calc.Conv{Dims: len(k), In: in, Out: out, Kernel: k, NoBias: m.noBias})
		q.Layers = []lang.Layer{{Layer: c, Pos: m.pos}}
		line := fmt.Sprintf("nn.Conv%dd(%d, %d, %s%s)", len(k), got, out, ptKernelText(k), ptSettingsArgs(c))
		why := fmt.Sprintf("the input %s has %d channels", ptShapeText(m.input), got)
		if in != got {
			why += fmt.Sprintf("; the numbers below are the layer of the message, nn.Conv%dd(%d, %d, %s), as it is", len(k), in, out, ptKernelText(k))
		}
		q.Fix = &lang.Fix{Line: line, Why: why}
		q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
		if in == got && m.expected.Text != "" {
			u := m.expected
			u.Why = "the channels the layer of the message expected: the fix replaces them"
			q.Unused = append(q.Unused, u)
		}
	}
}

// applyCheckpoint: the checkpoint's layer has another shape than the
// model's; the checkpoint's is the layer answered.
func (m *ptMessage) applyCheckpoint(q *lang.Question, fx *ptFixer) {
	var l calc.Layer
	var line string
	switch w := m.nums; len(w) {
	case 2:
		l, line = calc.Linear{In: w[1], Out: w[0]}, fmt.Sprintf("nn.Linear(%d, %d)", w[1], w[0])
	case 3, 4, 5:
		k := w[2:]
		l, line = calc.Conv{Dims: len(k), In: w[1], Out: w[0], Kernel: k}, fmt.Sprintf("nn.Conv%dd(%d, %d, %s)", len(k), w[1], w[0], ptKernelText(k))
	default:
		return
	}
	why := fmt.Sprintf("the checkpoint's %s.weight is %v but the model's is %v: to load it, %s must be %s", m.name, m.nums, m.weight, m.name, line)
	q.Layers = []lang.Layer{{Layer: l, Pos: m.pos}}
	q.Input = nil
	q.Fix = &lang.Fix{Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
	if n, ok := ptWeightParams(m.weight); ok {
		q.Notes = append(q.Notes, fmt.Sprintf("the model's %s as it is has %s parameters with its bias (weight %v)", m.name, lang.Group(int(n)), m.weight))
	}
}

// ptWeightParams counts a layer's parameters from its weight's shape, a
// bias of one per output included.
func ptWeightParams(w []int) (int64, bool) {
	if len(w) < 2 {
		return 0, false
	}
	n := int64(1)
	for _, d := range w {
		n *= int64(d)
	}
	return n + int64(w[0]), true
}

// ptKernelText writes a kernel as PyTorch takes it: 3, or (3, 5).
func ptKernelText(k []int) string {
	same := true
	for _, x := range k {
		same = same && x == k[0]
	}
	if same {
		return fmt.Sprint(k[0])
	}
	parts := make([]string, len(k))
	for i, x := range k {
		parts[i] = fmt.Sprint(x)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

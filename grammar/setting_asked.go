package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// What a setting question asks, and of which sizes (setting_solve.go):
// the setting asked ("how much zero padding do I need", "p = ?", "which
// output_padding", "padding for k5 ... ?"), the output wanted ("so the
// output is still 37x37", "into exactly 32x32", "to get 64", "the skip is
// 48x48") or the size kept ("so it doesn't shrink", "output == input", "so
// the residual add works"), and the input ("input is 37x37", "on 28x28",
// "x is [B, 3, 125, 125]").

// settingAsk is the setting a question asks for, and where.
type settingAsk struct {
	unknown string // "pad", "outpad", "stride", "kernel", "dilation"
	at      int    // offset of the setting's word in the text
}

// settingNames are the words of each setting that may be asked, the
// longer first: "output_padding" before "padding".
var settingNames = []struct{ unknown, words string }{
	{"outpad", `output[_ ]padding|out[_ ]?pad(?:ding)?`},
	{"pad", `(?:zero[- ]?)?padding|padded|pad|p|` + zeroWords}, // setting_keep_words.go
	{"stride", `strides?|s`},
	{"kernel", `kernel[_ ]size|kernel|filter[_ ]size|window[_ ]size|k`},
	{"dilation", `dilation[_ ]rate|dilation|d`},
}

// settingAskForms are the ways a setting is asked, U standing for its
// word: after a question word ("what padding", "how many pixels of
// padding"), before "= ?", before "do I need", before "needed", after
// "solve for".
var settingAskForms = []string{
	`\b(?:what|which|how\s+much|how\s+many|how\s+big|how\s+large|how\s+wide|whats|what's|wat)\s+(?:[a-z'_]+\s+){0,4}?(?:U)\b`,
	`\b(?:U)\s*(?:=|:|is|==)?\s*\?`,
	`\b(?:U)\s+(?:\([^)]*\)\s*)?(?:do|should|would|must|will|can|shall)\s+(?:i|we|you|it|they)\b`,
	`\b(?:U)\s+(?:is\s+|are\s+)?(?:needed|required|necessary|to\s+use|to\s+set|to\s+choose|works?|would\s+work)\b`,
	`(?:^|[.?!:\n]\s*|(?:->|=>|→)\s*)(?:U)\s+(?:for|so|to|that)\b`, // "k=7, s=1 -> padding for same size?"
	`\b(?:need|find|solve\s+for|value\s+of|determine|calculate|compute|pick|choose)\s+(?:the\s+|a\s+|an\s+|my\s+)?(?:right\s+|correct\s+|proper\s+|minimum\s+|smallest\s+)?(?:U)\b`,
}

// settingAskRE is one expression per setting, every form with its words.
var settingAskRE = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, n := range settingNames {
		var forms []string
		for _, f := range settingAskForms {
			forms = append(forms, strings.ReplaceAll(f, "U", n.words))
		}
		out = append(out, regexp.MustCompile(`(?i)`+strings.Join(forms, "|")))
	}
	return out
}()

// valueAfter matches a value written after a setting's word: it is said,
// not asked ("padding = 1", "padding='same'").
var valueAfter = regexp.MustCompile(`^\s*(?:[=:]\s*)?(?:\d|['"])`)

// modeBefore matches a padding's mode said before its word: "same pad",
// "valid padding", "zero padding" is no setting asked.
var modeBefore = regexp.MustCompile(`(?i)(?:\bsame|\bvalid|['"]same['"]|\bno|\bwithout|\bw/o|\bfull|\breflect\w*|\bcircular|\breplicate)\s*$`)

// valueBefore matches a size written before a setting's word: "a 2x2
// kernel?" gives it (as "a 3 kernel" does, a kernel's number alone).
var valueBefore = regexp.MustCompile(`\d\s*[x×]\s*\d+\s*$`)

// sameOpens matches a message that opens by naming the padding it wants:
// "same-size padding for k=5 dilation=3?", "'same' padding with a 7x7
// kernel?". The mode is the output wanted; the padding is asked.
var sameOpens = regexp.MustCompile(`(?i)^\s*(?:['"]?same['"]?(?:[\s-](?:size|shape|output|spatial\s+size))?|size[- ]preserving)\s+((?:zero[- ]?)?padding|pad)\s+(?:for|with|of|w/?|when|if|on)\b`)

// askedSetting is the setting prose asks for, or nil, also when two are
// asked ("what stride and padding": calc.SolveStrideAndPad's question, for
// the front-ends). An output padding asked is never a padding asked.
func askedSetting(prose string) *settingAsk {
	if m := sameOpens.FindStringSubmatchIndex(prose); m != nil {
		return &settingAsk{unknown: "pad", at: m[2]} // "same-size padding for k=5 dilation=3?"
	}
	var best *settingAsk
	for i, re := range settingAskRE {
		for _, m := range re.FindAllStringIndex(prose, -1) {
			at, end := settingWordIn(prose, m, settingNames[i].words)
			if at < 0 || valueAfter.MatchString(prose[end:]) || modeBefore.MatchString(prose[:at]) || valueBefore.MatchString(prose[:at]) || settingNames[i].unknown == "kernel" && regexp.MustCompile(`\d\s*$`).MatchString(prose[:at]) {
				continue
			}
			if settingNames[i].unknown == "pad" && regexp.MustCompile(`(?i)output[_ ]$|out[_ ]?$`).MatchString(prose[:at]) {
				continue
			}
			if best != nil && best.unknown != "outpad" && settingNames[i].unknown != "pad" {
				return nil // two settings asked: "what stride and padding"
			}
			if best == nil || at < best.at {
				best = &settingAsk{unknown: settingNames[i].unknown, at: at}
			}
			break
		}
	}
	return best
}

// settingWordIn finds the setting's word inside a match: its offset and
// end, or -1.
func settingWordIn(prose string, m []int, words string) (int, int) {
	re := regexp.MustCompile(`(?i)\b(?:` + words + `)\b`)
	loc := re.FindStringIndex(prose[m[0]:m[1]])
	if loc == nil {
		return -1, -1
	}
	return m[0] + loc[0], m[0] + loc[1]
}

// keepSaid matches words that keep the size: "same size", "keeps the
// spatial size", "doesn't shrink", "output == input", "unchanged".
var keepSaid = regexp.MustCompile(`(?i)\bsame[\s-]+(?:spatial\s+)?(?:size|shape|dims?|dimensions?|resolution|height|width|h\s*/\s*w|hw)\b|\bsame\s+(?:size\s+)?as\s+(?:the\s+|its\s+|my\s+)?input|\b(?:keep|keeps|keeping|preserv\w*|maintain\w*|retain\w*)\s+(?:[a-z]+\s+){0,3}?(?:size|shape|dims?|dimensions?|resolution|spatial|it|them|\d+\s*[x×]\s*\d+|\d+)\b|\bunchanged\b|\b(?:does\s*n[o']?t|doesnt|don'?t|won'?t|not|without|never|no)\s+(?:change|shrink|reduc|downsampl|lose|alter)\w*|\boutput\s*(?:size\s*|shape\s*)?(?:==?|equals?|is\s+equal\s+to|matches)\s*(?:the\s+)?input|\binput\s*(?:size\s*|shape\s*)?(?:==?|equals?)\s*(?:the\s+)?output|size[- ]preserving|\b(?:stays?|remains?)\s+the\s+same`)

// addSaid matches a residual add, which needs the size kept: "x +
// conv(x)", "out + x", "so the add works".
var addSaid = regexp.MustCompile(`(?i)\bx\s*\+|\+\s*x\b|\b(?:residual|skip|shortcut|identity)\s+(?:add|addition|sum|connection|block|branch)|\b(?:add|addition|sum)\s+(?:\w+\s+)?works?\b|\bso\s+(?:that\s+)?(?:the\s+)?(?:add|addition|sum)\b`)

// sizeRE matches a size: 37x37, 64, 3x32x32; shapeRE a tensor's shape
// written as a list, [B, 3, 125, 125] or (1, 3, 64, 64).
var (
	sizeRE  = regexp.MustCompile(`\b\d+(?:\s*[x×]\s*\d+){0,2}\b`)
	shapeRE = regexp.MustCompile(`[\[(]\s*(?:[A-Za-z_]\w*|\d+)\s*,\s*\d+\s*,\s*(\d+)\s*,\s*(\d+)\s*[\])]`)
)

// countAfter: a number followed by these counts things, not positions.
var countAfter = regexp.MustCompile(`(?i)^\s*(?:filters?|channels?|feature\s+maps|maps|kernels|units|neurons|classes|images|samples|epochs|layers?|params|parameters|pixels?\s+of\s+pad|px|groups|%)`)

// sizeFact is one size of a setting question and the role its words give.
type sizeFact struct {
	dims []int
	at   int
	role string // "in", "out", "out?" (a weak "gives"), or ""
}

// targetBefore and inputBefore are the words just before a size that say
// it is wanted, or where the data starts; outputAfter and inputAfter the
// words after it.
var (
	targetBefore = regexp.MustCompile(`(?i)(?:\b(?:(?:to|should|would|will|must|can|could)\s+(?:get|have|be)|instead\s+of|into|to|want|wanted|need|needed|becomes?|exactly|still|again|match(?:es)?|reach|desired|target|remains?|stays?)|output(?:\s+(?:size|shape|dims?))?\s*(?:is|of|=|==|:|should\s+be|to\s+be|must\s+be|be)?|(?:skip|skip\s+connection|encoder\s+feature|shortcut|other\s+tensor|tensor\s+b)\s+(?:is|of|at|has)|->|→|=>)\s*(?:a|an|the|exactly|still|again|be|of|size|back)?\s*(?:a|an|the|exactly|size|of)?\s*$`)
	weakBefore   = regexp.MustCompile(`(?i)\b(?:gives?|giving|get|gets|getting|got|produces?|outputs?|returns?|comes?\s+out\s+(?:at|as))\s*(?:me|us)?\s*(?:a|an)?\s*$`)
	inputBefore  = regexp.MustCompile(`(?i)(?:\b(?:on|from|input|image|map|takes?|turns?|in\s+at|x\s+is|feeding|fed)\s*(?:is|of|=|:|size|shape)?\s*(?:a|an|the|my|size|of)?\s*(?:is|of)?\s*$)`)
	outputAfter  = regexp.MustCompile(`(?i)^\s*(?:out\b|output|outputs\b|back\s*(?:$|[.,?!:;]))`)
	libraryAfter = regexp.MustCompile(`(?i)^\s*in\s+(?:py)?torch|^\s*in\s+(?:tf\.)?keras|^\s*in\s+(?:tensorflow|tf|caffe|jax|flax|mxnet)\b`) // "112 in pytorch": the library, not an input
	inputAfter   = regexp.MustCompile(`(?i)^\s*(?:input|image|feature\s+map|map|in\b|tensor|picture|patch)`)
)

// settingSizes are the sizes of prose outside the spans the layer's
// settings took, each with its role.
func settingSizes(prose string, spans [][2]int) []sizeFact {
	taken := func(at int) bool {
		for _, s := range spans {
			if at >= s[0] && at < s[1] {
				return true
			}
		}
		return false
	}
	var out []sizeFact
	for _, m := range shapeRE.FindAllStringSubmatchIndex(prose, -1) {
		h, _ := strconv.Atoi(prose[m[2]:m[3]])
		w, _ := strconv.Atoi(prose[m[4]:m[5]])
		out = append(out, sizeFact{dims: []int{h, w}, at: m[0], role: sizeRole(prose, m[0], m[1])})
		spans = append(spans, [2]int{m[0], m[1]})
	}
	for _, m := range sizeRE.FindAllStringIndex(prose, -1) {
		if taken(m[0]) || countAfter.MatchString(prose[m[1]:]) || m[0] > 0 && strings.ContainsAny(prose[m[0]-1:m[0]], ".-_") {
			continue
		}
		var dims []int
		for _, f := range regexp.MustCompile(`\d+`).FindAllString(prose[m[0]:m[1]], -1) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > 1<<20 {
				dims = nil
				break
			}
			dims = append(dims, n)
		}
		if len(dims) == 0 {
			continue
		}
		if len(dims) == 3 {
			dims = channelsOff(dims)
		}
		out = append(out, sizeFact{dims: dims, at: m[0], role: sizeRole(prose, m[0], m[1])})
	}
	return out
}

// channelsOff drops the channels of a 3-number size: 3x32x32 and
// 32x32x3 are 32x32.
func channelsOff(d []int) []int {
	if d[0] < d[1] && d[1] == d[2] {
		return d[1:]
	}
	return d[:2]
}

// sizeRole reads the role the words around prose[at:end] give a size.
func sizeRole(prose string, at, end int) string {
	start := max(0, at-48)
	if i := strings.LastIndexAny(prose[start:at], ".?!;\n"); i >= 0 {
		start += i + 1
	}
	before, after := prose[start:at], prose[end:min(len(prose), end+24)]
	switch {
	case outputAfter.MatchString(after):
		return "out"
	case inputAfter.MatchString(after) && !libraryAfter.MatchString(after):
		return "in"
	case targetBefore.MatchString(before):
		return "out"
	case inputBefore.MatchString(before):
		return "in"
	case weakBefore.MatchString(before):
		return "out?"
	}
	return ""
}

// pickSizes chooses the input and the output wanted among the sizes: the
// output a strong cue gives (the one in the sentence that asks, else the
// last), or a weak one; the input a cue gives, else the first size left.
func pickSizes(prose string, sizes []sizeFact, ask int) (in, out []int) {
	outAt := -1
	for _, pass := range []string{"out", "out?"} {
		for i, s := range sizes {
			if s.role != pass {
				continue
			}
			if outAt < 0 || sameSentence(prose, s.at, ask) || !sameSentence(prose, sizes[outAt].at, ask) {
				outAt = i
			}
		}
		if outAt >= 0 {
			break
		}
	}
	inAt := -1
	for i, s := range sizes {
		if s.role == "in" && i != outAt {
			inAt = i
			break
		}
	}
	for i, s := range sizes {
		if inAt < 0 && i != outAt && s.role == "" {
			inAt = i
		}
	}
	if inAt >= 0 {
		in = sizes[inAt].dims
	}
	if outAt >= 0 {
		out = sizes[outAt].dims
	}
	return in, out
}

// sameSentence reports whether offsets a and b of prose are in one
// sentence.
func sameSentence(prose string, a, b int) bool {
	lo, hi := min(a, b), max(a, b)
	return !strings.ContainsAny(prose[lo:hi], ".?!\n")
}

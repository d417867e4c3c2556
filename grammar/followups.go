package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/english"
)

// A chat message often asks a question and then the same question again
// with one thing changed: "how many params? ok and if bias=False", "-> ?
// and with stride 1 and no pad", "in fp32? and in fp16", "'same' pad for
// k5 s1? and k7 with dilation 2?". The follow-up inherits everything of
// the first question it does not change, what is asked included, so it is
// read as the first question with the settings the follow-up names taken
// out and the follow-up's words put in their place.

// followStart matches where a follow-up starts: after a question mark or a
// full stop, "ok and if", "and in", "what about", "and with", "now".
var followStart = regexp.MustCompile(`(?i)[?.!]\s+((?:ok(?:ay)?|so|hm+|right|and)?[,\s]*(?:and|also|now|but)\s+(?:what\s+(?:if|about)|how\s+about|if|in|with|w/o?|for|at)?\b|(?:(?:ok(?:ay)?|then|so)[,\s]+)?(?:what\s+(?:if|about)|how\s+about)\b)|[,;]\s+((?:and\s+)?(?:what\s+(?:if|about)|how\s+about)\s)|,\s+(and\s+(?:how\s+(?:many|much)\s+)?(?:with|w/o?|if)\s[^,?.]{0,40}\?\s*$)`)

// followAt is where the follow-up of src starts (see followStart), or -1:
// after a question, or after a comma when it asks "what if".
func followAt(src string) int {
	m := followStart.FindStringSubmatchIndex(src)
	at := -1
	switch {
	case m == nil:
	case m[2] >= 0:
		at = m[2]
	case m[4] >= 0:
		at = m[4]
	case askWord.MatchString(src[:m[6]]) || namesQuantity(src[:m[6]]):
		at = m[6] // "whats out size, and with ceil_mode=True?": a second part, after a first asked
	}
	if same := sameAt(src); same >= 0 && (at < 0 || same < at) {
		return same // "... vs the same without ceil_mode" (followups_same.go)
	}
	return at
}

// followLead matches the words a follow-up starts with that are not part
// of its change: "ok and if u ", "and what about ".
var followLead = regexp.MustCompile(`(?i)^(?:` + sameLead + `)?(?:(?:ok(?:ay)?|so|hm+|right|then)[,\s]+)?(?:(?:and|also|now|but)\s+)?(?:how\s+(?:many|much)\s+)?(?:(?:what\s+(?:if|about)|how\s+about|if)\s+)?(?:(?:u|you|i|we)\s+)?`)

// aspects are the things a follow-up may change, each matched where the
// first question and the follow-up say it: a follow-up that names one
// replaces what the first question says of it.
var aspects = []*regexp.Regexp{
	// stride: "stride 2", "s2", "strides=(2,2)"
	regexp.MustCompile(`(?i)\bstrides?\s*(?:=|of|is|:)?\s*(?:\(\s*\d+\s*,\s*\d+\s*\)|\d+(?:\s*x\s*\d+)?)|\bs\s*=?\s*\d+\b`),
	// padding: "pad 1", "p1", "no pad", "without padding", "padding='same'", "valid"
	regexp.MustCompile(`(?i)\b(?:pad(?:ding)?|p)\s*(?:=|of|is|:)?\s*(?:\d+\b|['"]?(?:same|valid)\b['"]?)|\b(?:no|without|w/o|zero|0)\s+(?:zero[- ])?pad(?:ding)?\b|\bvalid\b`),
	// bias: "bias=False", "no bias", "without bias", "with bias"
	regexp.MustCompile(`(?i)\b(?:use_)?bias\s*=\s*(?:false|true)\b|\b(?:no|without|w/o|with|w/|plus|including|excluding)\s+(?:the\s+|a\s+)?bias(?:es)?\b|\bnobias\b`),
	// dilation: "dilation 2", "d=2", "dilated by 2"
	regexp.MustCompile(`(?i)\b(?:dilation(?:[_ ]rate)?|dilated(?:\s+by)?)\s*(?:=|of|is|:)?\s*\d+\b|\bd\s*=?\s*\d+\b`),
	// kernel: "k5", "kernel 7", "kernel_size=3", "a 9x9 kernel"
	regexp.MustCompile(`(?i)\b(?:k|kernel(?:[_ ]size)?)\s*(?:=|of|is|:)?\s*\d+(?:\s*x\s*\d+)?\b|\b(?:an?\s+)?\d+\s*x\s*\d+\s+(?:kernels?|filters?|windows?|conv(?:olution)?s?)\b`),
	// storage: "in fp16", "int8"
	regexp.MustCompile(`(?i)\b(?:in\s+)?(?:fp|float|bf|b?float|int|uint)\s*(?:8|16|32|64)\b|\b(?:half|single|double)[- ]precision\b`),
	// rounding: "ceil_mode=True", "with ceil mode", "the default floor mode"
	regexp.MustCompile(`(?i)\bceil_mode\s*=\s*(?:true|false)\b|\b(?:ceil|floor)(?:ing)?[_ ]mode\b`),
	// groups: "groups=2", "2 groups"
	regexp.MustCompile(`(?i)\bgroups\s*(?:=|of|is|:)?\s*\d+\b|\b\d+\s+groups\b`),
	// output padding: "output_padding=1"
	regexp.MustCompile(`(?i)\boutput_padding\s*=\s*(?:\(\s*\d+\s*,\s*\d+\s*\)|\d+)|\boutput\s+padding\s*(?:of|is)?\s*\d+`),
	// filters: "64 filters", "128 output channels"
	regexp.MustCompile(`(?i)\b\d+\s+(?:filters|kernels|output\s+channels|out\s+channels|feature\s+maps)\b`),
}

// inputAspect matches an input size in a follow-up ("feed 224", "input is
// 40x40", "on a 64x64 image") and in the first question ("on 227 input",
// "32x32 input").
var (
	inputFollow = regexp.MustCompile(`(?i)\b(?:feed|input\s*(?:is|=|of|:)?|on\s+(?:an?\s+)?|with\s+(?:an?\s+)?)\s*(\d+(?:\s*x\s*\d+){0,2})\b(?:\s+(?:inputs?|images?|imgs?|pixels?|px))?|\b\d+(?:\s*x\s*\d+){0,2}\s+(?:inputs?|images?|imgs?)\b`)
	inputFirst  = regexp.MustCompile(`(?i)(?:\bon\s+(?:an?\s+)?)?\b\d+(?:\s*x\s*\d+){0,2}\s+(?:inputs?|images?|imgs?)\b|\b(?:on|at)\s+(?:an?\s+)?\d+(?:\s*x\s*\d+){1,2}\b|\binput\s*(?:is|=|of|:)?\s*\d+(?:\s*x\s*\d+){0,2}\b|^\s*\d+(?:\s*x\s*\d+){1,2}\s*(?:->|→|=>)|\b(?:for|at)\s+\d{2,4}(?:\s*x\s*\d+){0,2}\s*(?:in|input|px)\b`)
)

// specInput matches the spec language's input: "input 56x56".
var specInput = regexp.MustCompile(`(?i)\binput\s+\d+(?:\s*x\s*\d+){0,2}\b`)

// inputIn finds where the first question gives its input, or nil. The
// spec language's "input 56x56" comes first: in "pad 1 input 56x56" the
// words "1 input" are not an input of 1.
func inputIn(base string) []int {
	if at := specInput.FindStringIndex(base); at != nil {
		return at
	}
	return inputFirst.FindStringIndex(base)
}

// feeding matches an input given as what is fed: "feed 224", "feed it a
// 64x64".
var feeding = regexp.MustCompile(`(?i)\b(?:feed|give|pass|use)\s+(?:it\s+)?(?:an?\s+)?(?:input\s+(?:of\s+)?)?(\d)`)

// layerSetting matches the words after a size that make it a setting of
// the layer, not an input: "use 3x3 filters", "use 7 kernels".
var layerSetting = regexp.MustCompile(`(?i)^[\dx× ]*\s(?:filters?|kernels?|convs?|convolutions?|windows?|channels?|maps?|feature\s+maps?|units|neurons|stride|padding)\b`)

// fedInput writes what a follow-up feeds as an input ("feed 224", "use
// 64x64"), unless the size is the layer's own ("use 3x3 filters").
func fedInput(change string) string {
	m := feeding.FindStringSubmatchIndex(change)
	if m == nil || layerSetting.MatchString(change[m[2]:]) {
		return change
	}
	return change[:m[0]] + "input " + change[m[2]:]
}

// claimed matches the asker's own result for the first question: "thats
// 55 right", "i get 30". It is said of the first setting only.
var claimed = regexp.MustCompile(`(?i)\b(?:that'?s|thats|it'?s|is\s+it|i\s+get|i\s+got|gives?|so)\s+\d+(?:\s*[x×*]\s*\d+)*\s*,?\s*(?:right|correct|yes|no)?\b`)

// outputClaimed matches the asker's own output size for the first
// question: "-> flatten gives 7*7*64", "output is 7x7x64". The follow-up
// then asks for that size again.
var outputClaimed = regexp.MustCompile(`(?i)\b(?:flatten\w*|output|out|it)\s+(?:gives|is|=|comes\s+out\s+(?:as|at)|will\s+be|becomes)\s+\d+(?:\s*[x×*]\s*\d+)+`)

// followUps reads a message that asks a question and then asks it again
// with something changed: the first question, then the follow-up read as
// the first with the change. It returns nil when the message holds no such
// follow-up, or the follow-up changes nothing the first question says.
func followUps(src string) []*Question {
	at := followAt(src)
	if at < 0 {
		return nil
	}
	first := strings.TrimRight(strings.TrimSpace(src[:at]), ",; ")
	again, q1, q2, ok := askedAgain(first, src[at:])
	if !ok {
		return nil
	}
	return []*Question{q1, movedPositions(q2, fromFirst(src, again))}
}

// askedAgain reads follow, said after the question first, as first asked
// again: the text of first with follow's change written in, and the
// readings of first and of that text. ok is false when follow changes
// nothing first says, names a layer of its own, or either does not read.
func askedAgain(first, follow string) (again string, q1, q2 *Question, ok bool) {
	change := strings.TrimSpace(followLead.ReplaceAllString(strings.TrimSpace(follow), ""))
	change = fedInput(change)
	if change == "" || !hasNumber(change) && !aspectsIn(change) || ownLayer.MatchString(change) {
		return "", nil, nil, false
	}
	if placeWord.MatchString(change) {
		// "the middle one is stride 2": one layer changed, or none when
		// that layer is not there ("the second pool" of one); written in,
		// the change would reach every layer.
		again, q1, q2, ok = atPlace(first, change)
		return again, q1, q2, ok
	}
	if q1, q2, ok = changedLayers(first, change); ok {
		return first, q1, q2, true // "what if the pool is kernel 3 stride 3 instead": the network changed
	}
	if again, ok = withChange(first, change); !ok {
		return "", nil, nil, false
	}
	q1, err := Parse(first)
	if err != nil {
		return "", nil, nil, false
	}
	q2, err = Parse(again)
	if err != nil {
		return "", nil, nil, false
	}
	if grown(q1, q2) && !addWords.MatchString(change) {
		return "", nil, nil, false // "and with a 2x2 maxpool?" changes the pool there; written in, it is one more
	}
	if len(q2.Asked) == 0 {
		q2.Asked = q1.Asked // "-> ? and with no pad": what is asked is the first question's
	}
	if outputClaimed.MatchString(first) {
		q1.Asked, q2.Asked = withOutput(q1.Asked), withOutput(q2.Asked) // "flatten gives 7*7*64. what if input is 40x40?"
	}
	said := strings.TrimRight(withWord.ReplaceAllString(change, ""), "?. ")
	q2.Notes = append([]string{"follow-up: the first question with " + said}, q2.Notes...)
	sameLayer(change, q1, q2)
	return again, q1, q2, true
}

// changedLayers reads a follow-up that changes a pool, or a network's
// layers, in calc values: the first question read, the change made on
// its layers. ok is false when the change is said of one conv alone
// (written into the first question's words by withChange), does not
// read, or names no layer of the first question.
func changedLayers(first, change string) (q1, q2 *Question, ok bool) {
	c, ok := english.ReadChange(change)
	if !ok || c.Setting == "input" || c.Setting == "channels" {
		return nil, nil, false
	}
	q1, err := Parse(first)
	if err != nil || q1.Preset != "" || q1.Solve != nil || !c.Pool && len(leafLayers(q1)) < 2 {
		return nil, nil, false
	}
	q2, err = c.Apply(q1)
	if err != nil {
		return nil, nil, false
	}
	if _, ok := computed(q2); !ok {
		return nil, nil, false
	}
	q2.Notes[0] = "follow-up: the first question with " + strings.TrimRight(c.Said, "?. ")
	return q1, q2, true
}

// withOutput is asked with the output size added.
func withOutput(asked []string) []string {
	if slices.Contains(asked, "output") {
		return asked
	}
	return append(slices.Clip(asked), "output")
}

// withWord is a follow-up's own "with" ("and with k3"), left out where
// the note says "the first question with ...".
var withWord = regexp.MustCompile(`(?i)^with\s+`)

// FollowUp reads line, sent on its own after the question prev, as prev
// asked again with what line changes: "and if bias=False?", "what about
// stride 2", "in fp16?", "with a 64x64 input". It returns the question it
// reads, prev with the change written in (so a next follow-up changes it
// again), and its reading; ok is false when line changes nothing prev
// says, names a layer of its own, or prev cannot be read.
func FollowUp(prev, line string) (text string, q *Question, ok bool) {
	prev = strings.TrimSpace(prev)
	if prev == "" || utf8.RuneCountInString(prev)+utf8.RuneCountInString(line) > MaxChars {
		return "", nil, false
	}
	// Ended as a question, the text is read as one: "conv 3x3 32->64 pad
	// 1 input 56x56, params, stride 1" would be taken for the spec
	// language, where "params" is no option.
	text, _, q, ok = askedAgain(prev, strings.TrimRight(strings.TrimSpace(line), "?.! ")+"?")
	return text, q, ok
}

// UnmadeChange is the doubt of a follow-up read on its own: it starts as
// a change to the question before it ("what if the first pool is 3x3 with
// stride 2?") but the change could not be made, so its reading may answer
// a question that was not asked.
const UnmadeChange = "this reads as a change to the question before it, and I could not make that change, so it is answered on its own; ask the whole question again with the change"

// withUnmadeChange marks the last of qs, read from src in parts, with
// UnmadeChange when src ends in a follow-up that changes one layer of the
// question before it, named by its place ("what if the middle one is a
// 2x2 maxpool?"), rather than describing a layer of its own ("what about
// conv 5x5 32->64?").
func withUnmadeChange(src string, qs []*Question) []*Question {
	at := followAt(src)
	if at < 0 {
		return qs
	}
	change := strings.TrimSpace(followLead.ReplaceAllString(strings.TrimSpace(src[at:]), ""))
	if ownLayer.MatchString(change) || !placeWord.MatchString(change) {
		return qs // "also what if stride 2": the parts carry the question's layer
	}
	last := qs[len(qs)-1]
	last.Doubts = append(last.Doubts, UnmadeChange)
	return qs
}

// SaysAgain reports whether line starts as a follow-up does: "and if",
// "what about", "ok and with", "now with". Such a line means the question
// before it even when it could be read on its own.
func SaysAgain(line string) bool {
	return followAt("? "+strings.TrimSpace(line)) == 2
}

// ownLayer matches a follow-up that describes a layer of its own, its
// kernel and its channels: "and a 1x1 conv 128->64?" is another question.
var ownLayer = regexp.MustCompile(`(?i)\d+\s*[x×]\s*\d+\b.*\d+\s*->\s*\d+|\d+\s*->\s*\d+.*\b\d+\s*[x×]\s*\d+`)

// aspectsIn reports whether a follow-up names an aspect without a number:
// "no pad", "bias=False".
func aspectsIn(change string) bool {
	for _, a := range aspects {
		if a.MatchString(change) {
			return true
		}
	}
	return false
}

// addWords say a follow-up adds a layer to the first question: "what if
// I add another maxpool", "with an extra conv".
var addWords = regexp.MustCompile(`(?i)\b(?:add(?:ed|ing|s)?|another|extra|one\s+more|append(?:ed)?|insert(?:ed)?|stack(?:ed)?)\b`)

// grown reports whether the second reading has more layers than the
// first: the follow-up's words were read as a layer of their own.
func grown(q1, q2 *Question) bool {
	return len(leafLayers(q2)) > len(leafLayers(q1))
}

// floorWords say a pool rounds down, PyTorch's default: "with the
// default ceil_mode=False", "without ceil mode". Taking ceil mode out of
// the first question says it; the words are dropped, as a reader may take
// "ceil_mode" for ceil mode whatever its value.
var floorWords = regexp.MustCompile(`(?i)\bceil_mode\s*=\s*false\b|\b(?:no|without|w/o|not)\s+(?:the\s+)?ceil(?:ing)?[_ ]mode\b|\bfloor(?:ing)?[_ ]mode\b`)

// withChange writes the first question with what the follow-up changes:
// every aspect the follow-up names is taken out of the first question,
// and the follow-up's words are added at its end. It reports false when
// the follow-up names no aspect of its own.
func withChange(first, change string) (string, bool) {
	base := claimed.ReplaceAllString(first, "")
	named := false
	for _, a := range aspects {
		if a.MatchString(change) {
			named = true
			base = a.ReplaceAllString(base, "")
		}
	}
	if inputFollow.MatchString(change) {
		named = true
		at := inputIn(base)
		if at != nil {
			change = withChannels(change, base[at[0]:at[1]])
			base = base[:at[0]] + base[at[1]:]
		}
	}
	if !named {
		return "", false
	}
	base = strings.TrimRight(strings.TrimSpace(base), "?.,;:-> ")
	change = floorWords.ReplaceAllString(change, "")
	if in, ok := intoCall(base, change); ok {
		return in, true
	}
	return base + ", " + change, true
}

// kwargsOnly matches a follow-up that only sets keyword arguments:
// "with output_padding=1?", "and groups=4".
var kwargsOnly = regexp.MustCompile(`(?i)^(?:(?:with\s+|w/\s*))?(?:the\s+)?(\w+\s*=\s*['"]?\w+['"]?(?:\s*,\s*\w+\s*=\s*['"]?\w+['"]?)*)\s*\??$`)

// oneCall matches a layer's call in pasted code: "nn.ConvTranspose2d(".
var oneCall = regexp.MustCompile(`\b(?:nn\.|layers\.)?[A-Z]\w*\(`)

// intoCall writes a follow-up that sets keyword arguments into the one
// layer call of the first question, where code sets them: "..., stride=2,
// padding=1)" with "output_padding=1" is "..., stride=2, padding=1,
// output_padding=1)". It reports false when the follow-up is not such or
// the question holds no call, or several.
func intoCall(base, change string) (string, bool) {
	m := kwargsOnly.FindStringSubmatch(strings.TrimSpace(change))
	calls := oneCall.FindAllStringIndex(base, -1)
	if m == nil || len(calls) != 1 {
		return "", false
	}
	end := callEnd(base, calls[0][0])
	if end < 0 {
		return "", false
	}
	args := strings.TrimRight(strings.TrimSpace(base[calls[0][1]:end-1]), ",")
	sep := ", "
	if strings.TrimSpace(args) == "" {
		sep = ""
	}
	return base[:calls[0][1]] + args + sep + m[1] + base[end-1:], true
}

// sizes matches the sizes of an input: "224", "64x64", "32x32x3".
var sizes = regexp.MustCompile(`\d+(?:\s*x\s*\d+){0,2}`)

// withChannels gives a follow-up's input ("input 128x128") the channels
// of the first question's ("input 100x100x3"): a new size changes the
// height and width, not the image's channels.
func withChannels(change, first string) string {
	was := strings.Split(strings.ReplaceAll(sizes.FindString(first), " ", ""), "x")
	if len(was) != 3 {
		return change
	}
	m := inputFollow.FindStringIndex(change)
	at := sizes.FindStringIndex(change[m[0]:m[1]])
	if at == nil {
		return change
	}
	now := strings.Split(strings.ReplaceAll(change[m[0]+at[0]:m[0]+at[1]], " ", ""), "x")
	switch len(now) {
	case 1:
		now = []string{now[0], now[0], was[2]}
	case 2:
		now = append(now, was[2])
	default:
		return change
	}
	return change[:m[0]+at[0]] + strings.Join(now, "x") + change[m[0]+at[1]:]
}

// fromFirst maps a follow-up's positions to the start of the message: its
// text is rewritten, so no column of it is the asker's.
func fromFirst(src, text string) func(Position) Position {
	return spliced{text: text, src: src, from: fromStart(text, 0)}.position
}

// twoSides matches words that set two designs side by side, with numbers
// on both sides: "5x5 vs two 3x3", "which has more ... or 7x7", "more
// params than one Conv2d(64,64,5)" ("cats vs dogs" sets no designs).
var twoSides = regexp.MustCompile(`(?i)\d[^.?!\n]{0,60}\s(?:vs\.?|versus|compared\s+(?:to|with))\s[^.?!\n]{0,60}\d|\bwhich\b[^?]{0,60}\b(?:more|fewer|less|bigger|smaller|larger|cheaper|faster)\b[^?]*\sor\s[^.?!\n]{0,60}\d|\b(?:more|fewer|less)\s+\w+\s+than\s[^.?!\n]{0,60}\d`)

// insteadWord says a follow-up swaps something the reading cannot place:
// "what if I use 3x3 instead".
var insteadWord = regexp.MustCompile(`(?i)\binstead\b`)

// askedTwice says first when a message asks two things — a follow-up that
// changes the question, two designs side by side — and the reading q
// answers one question: it answers one of them, or neither, and cannot be
// confident. It returns q, with that doubt when there is one.
func askedTwice(src string, q *Question) *Question {
	var d string
	if at := followAt(src); at >= 0 {
		change := strings.TrimSpace(followLead.ReplaceAllString(strings.TrimSpace(src[at:]), ""))
		if _, ok := withChange(src[:at], change); ok || hasNumber(change) && insteadWord.MatchString(change) {
			d = fmt.Sprintf("the message asks again (%q), and this reading answers one question", strings.TrimRight(change, "?. "))
		}
	}
	if m := twoSides.FindStringIndex(src); d == "" && m != nil && q.Fix == nil && q.Solve == nil {
		d = "the message sets two designs side by side, and this reading answers one"
	}
	if d == "" {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), d)
	return &cp
}

// sameLayer says, on both readings, when a follow-up that names no
// channels or filters reads the layer with other channels than the first
// question: one of the two is misread.
func sameLayer(change string, q1, q2 *Question) {
	if len(q1.Layers) != 1 || len(q2.Layers) != 1 || channelWords.MatchString(change) {
		return
	}
	a, ok1 := q1.Layers[0].Layer.(calc.Conv)
	b, ok2 := q2.Layers[0].Layer.(calc.Conv)
	if !ok1 || !ok2 || a.In == b.In && a.Out == b.Out {
		return
	}
	d := fmt.Sprintf("the question and its follow-up read the layer differently (%d->%d and %d->%d), so one of them is likely misread", a.In, a.Out, b.In, b.Out)
	q1.Doubts = append(slices.Clip(q1.Doubts), d)
	q2.Doubts = append(slices.Clip(q2.Doubts), d)
}

// channelWords matches a follow-up that changes channels or filters.
var channelWords = regexp.MustCompile(`(?i)\b(?:channels?|ch|filters?|kernels|feature\s+maps?|in_channels|out_channels|->)\b|->`)

// namesQuantity reports whether s names a quantity a question may ask for:
// "params of conv 3x3 64->64, and with bias=False?".
func namesQuantity(s string) bool {
	return slices.ContainsFunc(askedFamilies, func(f askedFamily) bool { return f.word.MatchString(s) }) ||
		slices.ContainsFunc(askedQuantities[:2], func(a askedQuantity) bool { return a.word.MatchString(s) })
}

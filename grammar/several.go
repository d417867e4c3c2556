package grammar

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/paste"
)

// A message may hold several questions: "1) params of conv 3x3 3->16?
// 2) ...", "a 5x5 conv vs two 3x3 convs", one question a line. ParseAll
// splits it where a question visibly ends and answers each part, when every
// part reads on its own.

// part is one question of a message: its text and where it starts.
type part struct {
	text   string
	off    int
	marked bool // it starts with a list marker: "(a)", "2.", "Option B:"
}

// itemMarker matches the start of a list item: "1)", "2.", "(a)", "b)",
// "(ii)", "Q1:", "Q2.", "Option A:", at the start of a line or after a
// question mark; inlineMarker one in the middle of a sentence: "weights of
// (i) a 5x5 conv and (ii) two 3x3 convs".
var (
	itemMarker   = regexp.MustCompile(`(?im)(?:^|[?:.]\s+)(\(?(?:[1-9a-e]|i{1,3}|iv)\)|[1-9]\.\s|q[1-9][:.)]|option\s+[a-d1-4][:.)])`)
	inlineMarker = regexp.MustCompile(`(?i)\s(\((?:[a-e]|i{1,3}|iv)\)\s|option\s+[a-d1-4][:.)])`)
)

// numberedInline matches a message that numbers its questions inline,
// "(1) ... (2) ..."; inlineNumber one such number after a space.
var (
	numberedInline = regexp.MustCompile(`(?:^|\s)\(1\)\s[\s\S]*\s\(2\)\s`)
	inlineNumber   = regexp.MustCompile(`\s(\([1-5]\)\s)`)
)

// versus matches the words that set two questions side by side.
var versus = regexp.MustCompile(`(?i)\s(?:vs\.?|versus|compared (?:to|with)|or rather|than)\s`)

// questionEnd matches a question mark that ends one question and is
// followed by more text.
var questionEnd = regexp.MustCompile(`\?\s+`)

// splitQuestions cuts src into its questions.
func splitQuestions(src string) (parts []part) {
	cuts := map[int]int{} // where a part ends -> where the next starts
	marked := map[int]bool{}
	markers := append(itemMarker.FindAllStringSubmatchIndex(src, -1), inlineMarker.FindAllStringSubmatchIndex(src, -1)...)
	if numberedInline.MatchString(src) {
		// "(1) output size of ... (2) and its params": numbered inline
		// when the message numbers both.
		markers = append(markers, inlineNumber.FindAllStringSubmatchIndex(src, -1)...)
	}
	for _, m := range markers {
		// The item starts after its marker: the 1 of "Option 1:" is no
		// number of the question.
		cuts[m[2]] = m[3]
		marked[m[3]] = true
	}
	for _, m := range versus.FindAllStringIndex(src, -1) {
		cuts[m[0]] = m[1] // the words themselves are dropped
	}
	ends := questionEnd.FindAllStringIndex(src, -1)
	for _, m := range ends {
		if paste.InCode(src, m[0]) && !wordsFollow(src, m[0]+1) {
			continue // "x.view(-1, 64 * ? * ?)", a summary row's "???": no question ends there
		}
		if len(ends) == 1 && strings.Contains(src[m[0]:m[1]], "\n") && pasteAfter(src[m[1]:]) {
			continue // "what should replace the 400?" and the model pasted below it: one question
		}
		if _, ok := cuts[m[1]]; !ok && m[1] < len(src) {
			cuts[m[1]] = m[1]
		}
	}
	at := make([]int, 0, len(cuts))
	for k := range cuts {
		at = append(at, k)
	}
	slices.Sort(at)
	start := 0
	for _, k := range at {
		if k >= start {
			parts = appendPart(parts, src, start, k, marked[start])
			start = cuts[k]
		}
	}
	return appendPart(parts, src, start, len(src), marked[start])
}

// pasteAfter reports whether rest, on the lines after a message's one
// question mark, is code: the code the question is about (code set
// against other code, "... vs just nn.Conv2d(...)", is split as before).
func pasteAfter(rest string) bool {
	return !versus.MatchString(rest) && (paste.LooksLikePyTorch(rest) || paste.LooksLikeKeras(rest))
}

// wordsFollow reports whether the line goes on with words after off:
// "nn.Linear(512, 10) params? also ..." ends a question, a summary row's
// "??? 0" does not.
func wordsFollow(src string, off int) bool {
	rest, _, _ := strings.Cut(src[off:], "\n")
	rest = strings.TrimSpace(rest)
	return rest != "" && unicode.IsLetter(rune(rest[0]))
}

// appendPart adds src[start:end] as a part when it holds more than
// punctuation.
func appendPart(parts []part, src string, start, end int, marked bool) []part {
	t := strings.TrimSpace(src[start:end])
	if strings.Trim(t, " ,;:.-?!") == "" {
		return parts
	}
	lead := len(src[start:end]) - len(strings.TrimLeft(src[start:end], " \t\n"))
	return append(parts, part{text: t, off: start + lead, marked: marked})
}

// hasNumber reports whether s holds a number in digits; a part with
// number words only ("two questions:") is context shared by the others.
func hasNumber(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// parseParts reads each part of a message; parts without a number (the
// shared "params each, no bias?") are added to every other part, and a
// first part that does not read on its own ("input 14x14x256. Option A:
// ... Option B: ...") is the context of the others. A later part that does
// not read is read again after the first part's opening sentences ("last
// block outputs 7x7x512. ... GAP then Dense(10), versus Flatten then
// Dense(10)?"). It returns nil when a part does not read.
func parseParts(src string, parts []part) []*Question {
	var shared []span
	var numbered []part
	items := 0
	for _, p := range parts {
		if p.marked {
			items++
		}
	}
	for _, p := range parts {
		if n := len(numbered); n > 0 && !p.marked && sameAgainPart.MatchString(p.text) {
			numbered[n-1] = withPartAfter(src, numbered[n-1], p)
			continue // "-> ? then another one the same -> ?": the part before, again
		}
		// A list item is a question even without a number of its own:
		// "(a) how many parameters does C1 have (b) how many connections?"
		// asks two things of the text before the list.
		if (hasNumber(p.text) || dropped.MatchString(p.text) || items >= 2 && p.marked && asksSomething.MatchString(p.text)) && !isRemark(p.text) && !isStatement(p, parts) {
			numbered = append(numbered, p)
		} else {
			shared = append(shared, p.span())
		}
	}
	var context []span
	if (len(numbered) > 2 || len(numbered) == 2 && !hasNumber(numbered[1].text)) && isContext(numbered[0], numbered[1]) {
		context, numbered = []span{numbered[0].span()}, numbered[1:]
	}
	if n := len(numbered); n > 1 && numbered[n-1].marked {
		// "Option B: 3x3 depthwise + 1x1 pointwise. I want multiply-adds
		// for each, ignoring the bias.": what follows the last item is
		// said of all of them.
		var tail span
		numbered[n-1], tail = splitTail(numbered[n-1])
		if tail.to > tail.from {
			shared = append(shared, tail)
		}
	}
	if len(numbered) < 2 {
		return nil
	}
	qs := make([]*Question, 0, len(numbered))
	texts := make([]string, 0, len(numbered))
	for k, p := range numbered {
		text := stackedTimes(joined(src, slices.Concat(context, []span{p.span()}, shared)))
		q, err := Parse(text.text)
		if err != nil {
			if again, ok := readWithoutPlaces(text.text); ok {
				q, err = again, nil // "(b) MACs of the 5x5 conv?": the place is no layer
			}
		}
		if err == nil {
			q = withThen(text.text, describedOverPreset(q, text.text))
		} else if bare := withoutPresetNames(text.text); bare != text.text && describedLayer.MatchString(bare) {
			if again, err2 := Parse(bare); err2 == nil {
				q, err = again, nil // "resnet idea: 3x3 conv 64->64": the name is context
			}
		}
		if err != nil {
			text, q, err = readPartAgain(src, k, numbered, slices.Concat(context, []span{p.span()}), shared, text, err, qs)
		}
		if err != nil {
			return nil
		}
		q = withBiasesAsked(p.text, withoutBiasesSaid(text.text, q))
		qs, texts = append(qs, movedPositions(q, text.position)), append(texts, text.text)
	}
	for k := range qs {
		qs[k] = withInputOf(qs[k], texts[k], qs)
	}
	qs = withThenParts(numbered, qs) // then_parts.go
	if len(qs) == 2 {
		qs[0] = withTailOf(qs[0], texts[0], numbered[1].text)
		askedOfBoth(qs)
	}
	return qs
}

// withBiasesAsked says first, on a part that asks for the biases ("(b)
// total bias terms") read as asking something else, that it answers
// another question; q otherwise.
func withBiasesAsked(part string, q *Question) *Question {
	if !biasesAsked.MatchString(part) || noBiasWords.MatchString(part) || slices.Contains(q.Asked, "biases") {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), "this part asks for the biases, and this reading answers another quantity")
	return &cp
}

// biasesAsked matches a part that asks for the biases: "total bias
// terms", "how many biases", "(b) biases?".
var biasesAsked = regexp.MustCompile(`(?i)\b(?:how\s+many|number\s+of|total|count\s+of)\s+(?:the\s+)?(?:bias(?:es)?|bias\s+terms)\b(?:\s*$|\s+(?:are|is|in|of|does|do|there)\b|\s*[?,.;])|^\s*(?:the\s+|its\s+)?bias(?:es|\s+terms)?\s*\??\s*$`)

// askedOfBefore reads a list item that only asks a quantity ("(2) and its
// params", "(b) the MACs") as the question before it asking that; ok is
// false when the item holds a number, asks nothing known, or the question
// before is a network asked for its biases (no total of a network's
// biases is answered).
func askedOfBefore(item string, before []*Question) (*Question, bool) {
	if hasNumber(item) || len(before) == 0 {
		return nil, false
	}
	asked := askedOf(item)
	prev := before[len(before)-1]
	if len(asked) == 0 || prev.Network && slices.Contains(asked, "biases") {
		return nil, false
	}
	cp := *prev
	cp.Asked = asked
	cp.Notes = append([]string{"the question before, asking " + strings.Join(asked, " and ")}, slices.Clip(prev.Notes)...)
	return &cp, true
}

// readPartAgain reads the kth part of a message, which did not read as
// text (err), in the other ways a part may be meant: a quantity asked of
// the question before ("(2) and its params"), a side of a comparison on
// another side's input ("vs one Conv2D(192, (7, 7)) directly on x"), the
// question before continued or changed (readAgain), or without the
// remarks said of every part. own is the part with its context; before
// are the parts read so far.
func readPartAgain(src string, k int, numbered []part, own, shared []span, text spliced, err error, before []*Question) (spliced, *Question, error) {
	p := numbered[k]
	if k > 0 {
		if again, ok := askedOfBefore(p.text, before); ok {
			return text, again, nil // "(2) and its params": the question before, asked again
		}
	}
	apart := sidesApart(src, p.text)
	if apart {
		// Before readAgain, which would put the part after the code of
		// the part before: a side is not a layer after the other.
		if q, err := onInputOf(text.text, before); err == nil {
			return spliced{text: text.text, src: src, from: fromStart(text.text, p.off)}, q, nil
		}
	}
	if k > 0 {
		if t, q, err2 := readAgain(src, numbered[k-1], p, shared, text, err); err2 == nil {
			return t, q, nil
		}
	}
	if len(shared) > 0 {
		// "... vs a conv w/ 100 filters. prof said conv is way
		// smaller": a remark said of both may not fit each.
		alone := stackedTimes(joined(src, own))
		if q, err2 := Parse(alone.text); err2 == nil {
			return alone, q, nil
		}
		if apart {
			if q, err2 := onInputOf(alone.text, before); err2 == nil {
				return spliced{text: alone.text, src: src, from: fromStart(alone.text, p.off)}, q, nil
			}
		}
	}
	return text, nil, err
}

// asksSomething matches a list item that asks a question of its own.
var asksSomething = regexp.MustCompile(`(?i)\b(?:how|what|which|find|compute|calculate|give)\b|\?\s*$|^(?:and\s+|the\s+|its\s+|total\s+|number\s+of\s+)*(?:params|parameters|weights|bias(?:es)?|bias\s+terms|macs|flops|mult-adds|output(?:\s+(?:size|shape|volume))?|receptive\s+field|rf|memory)\b`)

// itemEnd matches the end of a list item's first sentence.
var itemEnd = regexp.MustCompile(`[.?!]\s+`)

// splitTail cuts a list item after its first sentence: the item, and the
// words after it (an empty span when there are none).
func splitTail(p part) (part, span) {
	m := itemEnd.FindStringIndex(p.text)
	if m == nil || m[1] >= len(p.text) {
		return p, span{}
	}
	item := p
	item.text = strings.TrimSpace(p.text[:m[0]+1])
	return item, span{p.off + m[1], p.off + len(p.text)}
}

// isRemark reports whether a part is a remark in brackets after a
// question ("... counting the bias? (5x5 kernels)"): it is said of the
// questions, not asked on its own.
func isRemark(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && strings.Count(t, "(") == 1
}

// statement matches a sentence that tells, not asks: "my fc is 2048->10",
// "the input is 64x64", "I use bias=False".
var statement = regexp.MustCompile(`(?i)^(?:my|our|i|i'm|im|we|we're|the|its|it's|this|that|note|btw|fyi|ps|assume|assuming)\b`)

// isStatement reports whether p, after a question of the same message,
// only tells something of it ("how many params in layer4 of resnet50? my
// fc is 2048->10"): it is said of the questions, not asked on its own.
func isStatement(p part, parts []part) bool {
	if p.marked || p.off == parts[0].off || strings.HasSuffix(p.text, "?") || asksSomething.MatchString(p.text) {
		return false
	}
	return statement.MatchString(p.text) || tells(p.text)
}

// tells reports whether text is a short clause that tells a value and
// asks nothing: "expansion factor is 6 here", not "what is 6".
func tells(text string) bool {
	t := strings.TrimSpace(text)
	return shortTelling.MatchString(t) && !questionWord.MatchString(t)
}

// questionWord opens a question.
var questionWord = regexp.MustCompile(`(?i)^(?:what|whats|what's|how|which|why|where|when|who|is|are|does|do|can|should)\b`)

// shortTelling is a short clause that tells a value, asking nothing:
// "expansion factor is 6 here", "batch size = 32".
var shortTelling = regexp.MustCompile(`(?i)^[a-z][a-z_-]*(?:\s+[a-z][a-z_-]*){0,2}\s+(?:is|are|was|=)\s+\d+(?:\s+(?:here|btw|too|also))?\s*[.!]?$`)

// isContext reports whether the first part of a message is the context of
// the list items after it ("input 14x14x256. Option A: ..."): it asks
// nothing of its own, or does not read on its own.
func isContext(first, next part) bool {
	if first.marked || !next.marked {
		return false
	}
	if !strings.HasSuffix(first.text, "?") {
		return true
	}
	_, err := Parse(first.text)
	return err != nil
}

// readAgain reads a part that did not read on its own (err) with the part
// before it: as a follow-up that changes one setting ("what if stride is
// 1?"), as the question before continued ("... and what about groups=3?"),
// or after the opening sentences of the part before.
func readAgain(src string, before, p part, shared []span, text spliced, err error) (spliced, *Question, error) {
	if t, ok := changed(before.text, p.text); ok {
		// The question before, with the setting changed; positions are
		// the question before's.
		if q, err := Parse(t); err == nil {
			return spliced{text: t, src: src, from: fromStart(t, before.off)}, q, nil
		}
	}
	if followWords.MatchString(p.text) {
		both := joined(src, []span{{before.off, p.off + len(p.text)}})
		if q, err := Parse(both.text); err == nil {
			return both, q, nil
		}
	}
	if lead := openingSentences(before.text); lead > 0 {
		again := joined(src, slices.Concat([]span{{before.off, before.off + lead}, p.span()}, shared))
		if q, err := Parse(again.text); err == nil {
			return again, q, nil
		}
	}
	return text, nil, err
}

// sentenceEnd matches the end of a sentence that is not a question.
var sentenceEnd = regexp.MustCompile(`[.:;]\s+|\n`)

// openingSentences is the length of the sentences of a part before its
// last one ("last block outputs 7x7x512. how many params if ..." -> the
// first), or 0 when it has one sentence.
func openingSentences(text string) int {
	ends := sentenceEnd.FindAllStringIndex(text, -1)
	if len(ends) == 0 {
		return 0
	}
	return ends[len(ends)-1][1]
}

// span returns where the part is in its message.
func (p part) span() span { return span{p.off, p.off + len(p.text)} }

// joined is the spans of src, in order, with a space between.
func joined(src string, spans []span) spliced {
	var b strings.Builder
	var from []int
	for i, sp := range spans {
		if i > 0 {
			b.WriteByte(' ')
			from = append(from, sp.from)
		}
		b.WriteString(src[sp.from:sp.to])
		for k := sp.from; k < sp.to; k++ {
			from = append(from, k)
		}
	}
	end := len(src)
	if len(spans) > 0 {
		end = spans[len(spans)-1].to
	}
	return spliced{text: b.String(), src: src, from: append(from, end)}
}

// fromStart maps every byte of a rewritten text to at: its positions are
// those of where it came from.
func fromStart(text string, at int) []int {
	from := make([]int, len(text)+1)
	for i := range from {
		from[i] = at
	}
	return from
}

// withTailOf reads again the first question of "three 3x3 convs vs one 7x7
// conv, 64 channels in and out, no bias" with what the second says after
// its first comma, said of both, when the first alone had to assume a
// count and reads without assuming it then; otherwise it returns q.
func withTailOf(q *Question, text, second string) *Question {
	k := strings.Index(second, ",")
	if k < 0 || !assumes(q) && len(q.Asked) > 0 {
		return q
	}
	again, err := Parse(strings.TrimRight(text, "?. ") + ", " + strings.TrimSpace(second[k+1:]))
	if err != nil || assumes(again) || len(again.Layers) != len(q.Layers) {
		return q
	}
	return again
}

// askedOfBoth gives a side of a comparison that asks nothing what the
// other asks: "is 2x Conv2d(64,64,3) more params than one
// Conv2d(64,64,5)?" asks the parameters of both.
func askedOfBoth(qs []*Question) {
	if qs[0].Canonical == qs[1].Canonical {
		return // one layer read twice: not two sides
	}
	switch {
	case len(qs[0].Asked) == 0 && len(qs[1].Asked) > 0:
		qs[0].Asked = slices.Clone(qs[1].Asked)
	case len(qs[1].Asked) == 0 && len(qs[0].Asked) > 0:
		qs[1].Asked = slices.Clone(qs[0].Asked)
	}
}

// assumes reports whether q's reading had to assume a count it was not
// given.
func assumes(q *Question) bool {
	for _, n := range q.Notes {
		if strings.Contains(n, "assumed") {
			return true
		}
	}
	return false
}

// onInputOf reads a side of a comparison that does not read on its own
// ("a conv w/ 100 filters 5x5 on same input", after "fully connected from
// 32x32x3 to 100 neurons") on the input an earlier side has; the error is
// errNoInput when none has one or the side still does not read.
func onInputOf(text string, before []*Question) (*Question, error) {
	for _, o := range before {
		if len(o.Input) != 3 || o.Preset != "" {
			continue
		}
		base := strings.TrimRight(text, "?. ")
		again, err := Parse(fmt.Sprintf("%s, on a %dx%dx%d input", base, o.Input[1], o.Input[2], o.Input[0]))
		if err == nil && again.Input != nil && len(again.Layers) > 0 {
			again.Notes = append([]string{fmt.Sprintf("on the input of the side before: %dx%dx%d", o.Input[1], o.Input[2], o.Input[0])}, again.Notes...)
			return again, nil
		}
		return nil, errNoInput
	}
	return nil, errNoInput
}

// sidesApart reports whether a part of src is one side of two designs
// set apart ("... vs a conv w/ 100 filters 5x5 on same input"), not a
// layer after the one before ("then maxpool 2 and Conv2D(48, (5, 5))"):
// only such a side reads on another side's input.
func sidesApart(src, part string) bool {
	if thenStart.MatchString(part) || !sideLayer.MatchString(part) {
		return false
	}
	return sidesSameInput.MatchString(part) || versus.MatchString(src) && !followWords.MatchString(part)
}

// sidesSameInput matches words that put two sides on one input: "on the same
// input", "both on".
var sidesSameInput = regexp.MustCompile(`(?i)\bsame\s+(?:input|image|feature\s+map|map|tensor|x)\b|\bboth\s+on\b|\bdirectly\s+on\b`)

// thenStart matches a part that goes on from the one before: "then ...",
// "after that ...".
var thenStart = regexp.MustCompile(`(?i)^(?:then|after\s+that|next|followed\s+by|and\s+then)\b`)

// sideLayer matches a part that describes a layer: "a conv w/ 100
// filters", "dense layer to 10".
var sideLayer = regexp.MustCompile(`(?i)\bconv\w*|\bfilters?\b|\bkernels?\b|\bfully[\s-]*connected\b|\bdense\b|\blinear\b|\bfc\b|\bpool\w*`)

// errNoInput says a side of a comparison did not read on another side's
// input.
var errNoInput = errors.New("no side's input reads it")

// withInputOf reads again a question of a comparison that names no input
// ("maxpool 2x2 vs conv 3x3 stride 2 on 56x56x64") on the input another
// question of the message has, when that reads; otherwise it returns q.
// (Its positions are then those of the part alone.)
func withInputOf(q *Question, text string, all []*Question) *Question {
	if q.Input != nil || len(q.Layers) == 0 {
		return q
	}
	var in []int
	for _, o := range all {
		if len(o.Input) == 3 && in == nil {
			in = o.Input
		}
	}
	if in == nil {
		return q
	}
	base := strings.TrimRight(text, "?. ")
	for _, form := range []string{"%s input %dx%dx%d", "%s, on a %dx%dx%d input"} {
		if again, err := Parse(fmt.Sprintf(form, base, in[1], in[2], in[0])); err == nil && again.Input != nil {
			return again
		}
	}
	return q
}

// movedPositions returns a copy of q with every position moved by move.
func movedPositions(q *Question, move func(Position) Position) *Question {
	cp := *q
	cp.Layers = append([]Layer(nil), q.Layers...)
	for i, l := range cp.Layers {
		cp.Layers[i].Pos = move(l.Pos)
		if l.Fields != nil {
			fields := make(map[string]Position, len(l.Fields))
			for k, p := range l.Fields {
				fields[k] = move(p)
			}
			cp.Layers[i].Fields = fields
		}
	}
	cp.Unused = append([]Unused(nil), q.Unused...)
	for i := range cp.Unused {
		cp.Unused[i].Pos = move(cp.Unused[i].Pos)
	}
	return &cp
}

// insteadOf matches a what-if: "stride 2 instead of stride 1", "128
// filters instead of 64", "5x5 instead of 3x3".
var insteadOf = regexp.MustCompile(`(?i)(\d+(?:x\d+)*)((?:\s+[a-z]+)?)\s+instead\s+of\s+(?:an?\s+|the\s+)?((?:[a-z]+\s+)?)(\d+(?:x\d+)*)`)

// whatIf answers "what if I use stride 2 instead of stride 1 ...?" both
// ways: the question with the new value, then with the old one. It
// returns nil when src holds no what-if or a way does not read.
func whatIf(src string) []*Question {
	m := insteadOf.FindStringSubmatchIndex(src)
	if m == nil {
		return nil
	}
	if stackComparison(src, m) {
		return nil
	}
	newVal, oldVal := src[m[2]:m[3]], src[m[8]:m[9]]
	withNew := src[:m[5]] + src[m[1]:]                           // "stride 2 for a 3x3 conv"
	withOld := src[:m[2]] + oldVal + src[m[4]:m[5]] + src[m[1]:] // "stride 1 for a 3x3 conv"
	var qs []*Question
	for _, text := range []string{withNew, withOld} {
		q, err := Parse(text)
		if err != nil {
			return nil
		}
		qs = append(qs, q)
	}
	qs[0].Notes = append([]string{"what if: with " + newVal}, qs[0].Notes...)
	qs[1].Notes = append([]string{"as it was: with " + oldVal}, qs[1].Notes...)
	return qs
}

// counted matches a layer count just before a size: "two 3x3", "2 3x3".
var counted = regexp.MustCompile(`(?i)(?:^|\s)(?:two|three|four|five|[2-9])\s+$`)

// stackComparison reports whether an insteadOf match m sets a stack of
// layers against another ("two 3x3 convs instead of a 5x5"): swapping the
// sizes would keep the count and size two 5x5 convs, a different question.
func stackComparison(src string, m []int) bool {
	between := strings.ToLower(src[m[5]:m[8]])
	return counted.MatchString(src[:m[2]]) && (strings.Contains(between, " a ") || strings.Contains(between, " an ") || strings.Contains(between, " one "))
}

// versusVariant matches a comparison whose second side names only a kind
// of the first side's layer: "conv 3x3 128->256 vs depthwise separable:
// params of each?".
var versusVariant = regexp.MustCompile(`(?is)^(.*\d.*?)\s+(?:vs\.?|versus|compared (?:to|with)|or)\s+(?:an?\s+|the\s+)?(depthwise[ -]separable|(?:dw|depthwise)\s+sep(?:arable)?|separable|depthwise|dilated|transposed)(?:\s+(?:one|version|variant|conv(?:olution)?s?|layer))?\b\s*(?:\([^)]*\)|=[^?.]*)?([^\d]*)$`)

// variantNames spell a variant's short names out.
var variantNames = strings.NewReplacer("dw sep ", "depthwise separable ", "dw separable", "depthwise separable", "depthwise sep ", "depthwise separable ")

// convWord is the first word naming the conv; plainWord what says it is a
// plain one.
var (
	convWord  = regexp.MustCompile(`(?i)\bconv`)
	plainWord = regexp.MustCompile(`(?i)\b(?:standard|normal|regular|plain|ordinary|usual)\s+`)
)

// variantFirst matches a comparison whose first side is the variant and
// whose second is the plain layer: "dw separable 3x3 128->256 vs normal
// 3x3 128->256 params".
var variantFirst = regexp.MustCompile(`(?is)^\s*(?:an?\s+)?(depthwise[ -]separable|(?:dw|depthwise)\s+sep(?:arable)?|separable)\s+(?:conv(?:olution)?\s+)?(.*?\d.*?)\s+(?:vs\.?|versus|compared (?:to|with)|or)\s+(?:an?\s+|the\s+)?(?:standard|normal|regular|plain|ordinary|usual)?\s*(?:conv(?:olution)?\s*)?(.*)$`)

// variantFirstSides answers "dw separable 3x3 128->256 vs normal 3x3
// 128->256" both ways, the variant first as asked; nil when src is no
// such comparison or a side does not read.
func variantFirstSides(src string) []*Question {
	m := variantFirst.FindStringSubmatch(src)
	if m == nil {
		return variantAfterSides(src)
	}
	layer, rest := strings.TrimSpace(m[2]), m[3]
	rest = strings.TrimPrefix(strings.TrimSpace(rest), layer) // "... vs normal 3x3 128->256 params"
	as := variantNames.Replace(strings.ReplaceAll(strings.ToLower(m[1]), "-", " "))
	var qs []*Question
	for _, text := range []string{as + " conv " + layer + " " + rest, "conv " + layer + " " + rest} {
		q, err := Parse(text)
		if err != nil {
			return nil
		}
		qs = append(qs, q)
	}
	qs[1].Notes = append([]string{"compared: the same layer as a plain conv"}, qs[1].Notes...)
	return qs
}

// variantAfter matches a layer described first and its two kinds named
// after it, the variant first: "3x3, 32 in, 64 out: a depthwise separable
// conv vs a standard one, no biases?".
var variantAfter = regexp.MustCompile(`(?is)^(.*\d[^:;]*?)\s*[:;,-]\s*(?:what(?:'s|\s+is|\s+are|\s+about)\s+|compare\s+)?(?:an?\s+|the\s+)?(depthwise[ -]separable|(?:dw|depthwise)\s+sep(?:arable)?|separable)(?:\s+(?:conv(?:olution)?s?|one|layer|version))?\s+(?:vs\.?|versus|compared (?:to|with)|or)\s+(?:an?\s+|the\s+)?(?:standard|normal|regular|plain|ordinary|usual)(?:\s+(?:conv(?:olution)?s?|one|layer|version))?\b(.*)$`)

// variantAfterSides answers "3x3, 32 in, 64 out: a depthwise separable
// conv vs a standard one" both ways, the variant first as asked, the
// layer read from the last sentence before the kinds; nil when src is no
// such comparison or a side does not read.
func variantAfterSides(src string) []*Question {
	m := variantAfter.FindStringSubmatchIndex(src)
	if m == nil {
		return nil
	}
	from := 0
	if ends := sentenceEnd.FindAllStringIndex(src[:m[3]], -1); len(ends) > 0 {
		from = ends[len(ends)-1][1] // "my notes had ... . for 3x3, 32 in, 32 out"
	}
	layer, rest := strings.TrimSpace(src[from:m[3]]), strings.TrimLeft(src[m[6]:], " ,:;-")
	as := variantNames.Replace(strings.ReplaceAll(strings.ToLower(src[m[4]:m[5]]), "-", " "))
	var qs []*Question
	for _, text := range []string{as + " conv " + layer + ", " + rest, "conv " + layer + ", " + rest} {
		q, err := Parse(text)
		if err != nil || len(q.Layers) == 0 {
			return nil
		}
		qs = append(qs, movedPositions(q, fromFirst(src, text)))
	}
	qs[1].Notes = append([]string{"compared: the same layer as a plain conv"}, qs[1].Notes...)
	accountSides(src, qs)
	return qs
}

// variantSides answers "a 3x3 conv from 128 to 256 vs depthwise separable"
// both ways: the layer as described, then the same layer as the variant.
// It returns nil when src is no such comparison or a side does not read.
func variantSides(src string) []*Question {
	m := versusVariant.FindStringSubmatch(src)
	if m == nil {
		return variantFirstSides(src)
	}
	rest := strings.TrimLeft(m[3], " :,-")
	as := variantNames.Replace(strings.ReplaceAll(strings.ToLower(m[2]), "-", " "))
	var qs []*Question
	variant := as + " " + m[1]
	if k := convWord.FindStringIndex(m[1]); k != nil {
		variant = m[1][:k[0]] + as + " " + m[1][k[0]:] // "a 3x3 depthwise separable conv"
	}
	variant = plainWord.ReplaceAllString(variant, "")
	for _, text := range []string{m[1] + ": " + rest, variant + ": " + rest} {
		q, err := Parse(text)
		if err != nil {
			return nil
		}
		qs = append(qs, q)
	}
	qs[1].Notes = append([]string{"compared: the same layer as a " + as + " conv"}, qs[1].Notes...)
	return qs
}

// followWords start a follow-up question: "and what about ...", "also
// with ...", "how about ...".
var followWords = regexp.MustCompile(`(?i)^(?:and|also|what about|how about|what if|with|same but|now)\b`)

// followUp matches a follow-up that changes one setting: "what if stride
// is 1?", "and with padding 2?", "what about 128 filters?".
var followUp = regexp.MustCompile(`(?i)^(?:(?:and|also|ok|now)\s+)?(?:what\s+(?:if|about)\s+)?(?:with\s+|the\s+|a\s+)?(stride|padding|pad|dilation|groups)\s*(?:is|=|of|was|were)?\s*(\d+)\s*\??$`)

// setting matches a setting and its value in a question.
var setting = regexp.MustCompile(`(?i)\b(stride|padding|pad|dilation|groups)(\s*(?:=|of|is)?\s*)(\d+)|\b([spdg])(\s*=\s*)(\d+)`)

// shortSettings are the one-letter names of settings: "s=1 p=1".
var shortSettings = map[string]string{"s": "stride", "p": "pad", "d": "dilation", "g": "groups"}

// settingName is the name of a setting as written, spelled out: "s" is
// "stride", "padding" is "pad".
func settingName(w string) string {
	w = strings.ToLower(w)
	if long, ok := shortSettings[w]; ok {
		return long
	}
	if strings.HasPrefix(w, "pad") {
		return "pad"
	}
	return w
}

// dropped matches a follow-up that takes a setting away: "and if i drop
// output_padding?", "without the padding?".
var dropped = regexp.MustCompile(`(?i)^(?:and\s+)?(?:what\s+)?(?:if\s+(?:i|we|you)\s+)?(?:drop|remove|take\s+out|leave\s+out|without)\s+(?:the\s+)?(output_padding|outpad|padding|pad|dilation|stride|groups|bias)\b[^\d]*$`)

// settingWritten matches a setting as code or words write it, with its
// value: "output_padding=1, ", "padding 2".
func settingWritten(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?i),?\s*\b` + regexp.QuoteMeta(name) + `\s*(?:=\s*(?:\([^)]*\)|[\w.]+)|\s+\d+(?:x\d+)?)`)
}

// changed rewrites question with the setting a follow-up changes, and
// reports whether the follow-up was one.
func changed(question, follow string) (string, bool) {
	if m := dropped.FindStringSubmatch(strings.TrimSpace(follow)); m != nil {
		out := settingWritten(m[1]).ReplaceAllString(question, "")
		return out, out != question
	}
	m := followUp.FindStringSubmatch(strings.TrimSpace(follow))
	if m == nil {
		return "", false
	}
	word := strings.ToLower(m[1])
	done := false
	out := setting.ReplaceAllStringFunc(question, func(s string) string {
		sm := setting.FindStringSubmatch(s)
		if sm[1] == "" {
			sm = []string{sm[0], sm[4], sm[5], sm[6]} // "s=1"
		}
		if settingName(sm[1]) != settingName(word) || done {
			return s
		}
		done = true
		return sm[1] + sm[2] + m[2]
	})
	if !done {
		out = strings.TrimRight(strings.TrimSpace(question), "?.") + ", " + word + " " + m[2] + "?"
	}
	return out, true
}

// timesLayer matches a layer count written as a factor before the layer:
// "2x Conv2d(64,64,3)", "3x 3x3 conv", "2 x conv 3x3".
var timesLayer = regexp.MustCompile(`(?i)(?:^|[\s(:,])([2-9])(\s*[x×*]\s+)(?:(?:nn\.|layers\.)?conv|\d+\s*[x×]\s*\d+\s+conv)`)

// stackedTimes rewrites "2x Conv2d(...)" in a side of a comparison as "2
// stacked Conv2d(...)", which every front-end reads as two layers; the
// factor is otherwise a number left unused, or a kernel's first size
// ("2x 3x3 conv" as a 2x3 kernel). Positions still map to the message.
func stackedTimes(t spliced) spliced {
	var edits []edit
	for _, m := range timesLayer.FindAllStringSubmatchIndex(t.text, -1) {
		n := int(t.text[m[2]] - '0')
		if end := callEnd(t.text, m[5]); end > 0 {
			// Code: the call written n times, as a paste of n layers.
			call := t.text[m[5]:end]
			edits = append(edits, edit{span{m[2], end}, strings.TrimSpace(strings.Repeat(call+" ", n))})
			continue
		}
		edits = append(edits, edit{span{m[2], m[5]}, t.text[m[2]:m[3]] + " stacked "})
	}
	if edits == nil {
		return t
	}
	s := splice(t.text, edits)
	from := make([]int, len(s.from))
	for i, k := range s.from {
		from[i] = t.from[k]
	}
	return spliced{text: s.text, src: t.src, from: from}
}

// callEnd is the end of a call written at text[at:] ("Conv2d(64, 64, 3)"),
// its brackets balanced, or -1 when no call starts there.
func callEnd(text string, at int) int {
	open := strings.IndexByte(text[at:], '(')
	if open < 0 || strings.ContainsAny(text[at:at+open], " \t\n") {
		return -1
	}
	depth := 0
	for i := at + open; i < len(text); i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// describedLayer matches a layer described in numbers: a kernel size and
// the word conv, or channels "128->128".
var describedLayer = regexp.MustCompile(`(?i)\d+\s*[x×]\s*\d+\s+conv|\bconv\w*\s+\d+\s*[x×]\s*\d+|\d+\s*->\s*\d+`)

// describedOverPreset reads a side that names a network as context
// ("inception trick: 5x5 conv 128->128") and describes a layer in numbers
// as that layer: a network named never replaces a layer described. It
// returns q when the side describes none or does not read without the
// name.
func describedOverPreset(q *Question, text string) *Question {
	if q.Preset == "" || !describedLayer.MatchString(text) {
		return q
	}
	again, err := Parse(withoutPresetNames(text))
	if err != nil || again.Preset != "" || len(again.Layers) == 0 {
		return q
	}
	again.Notes = append([]string{"the network named is context: the layer described in numbers is what is read"}, again.Notes...)
	return again
}

// withoutBiasesSaid reads a part again without any bias when the words
// said of every part leave biases out in words its reader missed ("No
// padding anywhere, and we do not add bias terms. (b) how many
// parameters ..."): the said check found them (biasIgnored), and every
// conv and fully connected layer of the reading had one. Layers in blocks
// are left alone, and q is returned when there are any.
func withoutBiasesSaid(text string, q *Question) *Question {
	d := biasIgnored(text, q)
	if d == "" || !slices.Contains(q.Doubts, d) {
		return q
	}
	cp := *q
	cp.Layers = slices.Clone(q.Layers)
	for i, l := range cp.Layers {
		nb, ok := unbiased(l.Layer)
		if !ok && calc.Leaves(l.Layer, 2) != 1 {
			return q
		}
		cp.Layers[i].Layer = nb
	}
	cp.Canonical = lang.Format(&cp)
	cp.Doubts = slices.DeleteFunc(slices.Clone(q.Doubts), func(s string) bool { return s == d })
	cp.Notes = append(slices.Clip(q.Notes), "no layer has a bias, as the question says")
	return &cp
}

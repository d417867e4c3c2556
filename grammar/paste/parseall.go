package paste

// Several models in one message: "model A: ... model B: ...", "pytorch:
// ... keras: ...", "nn.Conv2d(3, 64, 3) vs keras Conv2D(64, 3, ...)", "what
// if I make it a SeparableConv2D(64, 3) instead?". Each part is read on its
// own, with the words that belong to none of them (the input size, what is
// asked) given to every part.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// allLabelRE starts a part: "model A:", "pytorch:", "net 2:", "keras -".
var allLabelRE = regexp.MustCompile(`(?im)^\s*(?:(?:model|net|network|version|option)\s*[A-Za-z0-9]{0,2}|pytorch|torch|keras|tensorflow|tf|mine|theirs)\s*[:\-–]`)

// allSplitRE separates two models on one line.
var allSplitRE = regexp.MustCompile(`(?i)\s(?:vs\.?|versus|compared (?:to|with)|is it the same as|same as|(?:and )?the same (?:thing )?with (?:a )?(?:plain|normal|regular)?|and|what if I (?:make|change|replace) it (?:to|with|into)?\s*(?:a|an)?)\s`)

// ParseAll reads a message that may paste several models and returns one
// question each, in the order written; a message with one model gives one
// question, as ParsePyTorch or ParseKeras would. Each part is read from
// src with the other parts blanked, so positions stay those of src. Errors
// are [*lang.Error] positioned in src.
func ParseAll(src string) ([]*lang.Question, error) {
	if qs := allSweep(src); qs != nil {
		return qs, nil
	}
	if qs := allDropped(src); qs != nil {
		return qs, nil
	}
	if qs := allBothValues(src); qs != nil {
		return qs, nil
	}
	if qs := allOtherValue(src); qs != nil {
		return qs, nil
	}
	if qs := allPoolVsFlatten(src); qs != nil {
		return qs, nil
	}
	if qs := allExpectedFound(src); qs != nil {
		return qs, nil
	}
	if qs := allNamedModels(src); qs != nil {
		return qs, nil // named_models.go: "sep = nn.Sequential(...)", "normal = nn.Conv2d(...)"
	}
	if qs := allSideBySide(src); qs != nil {
		return qs, nil // side_by_side.go: "a = nn.Conv2d(...)", "b = nn.Conv2d(...)" on one x
	}
	parts := allParts(src)
	var out []*lang.Question
	for i, text := range parts {
		if i > 0 && allSameInput(src) && !strings.Contains(text, "shape") {
			// "what if I make it a SeparableConv2D(64, 3) instead?", "and the
			// same thing with plain Conv2D(128, 3)?": the same input
			if out[0].Input != nil {
				text += "\ninput " + allInputText(out[0])
			} else if ch := lang.LayerChannels(out[0].Layers[0].Layer); ch > 0 && len(out[0].Layers) > 0 {
				text += fmt.Sprintf("\nthe input has %d channels", ch)
			}
		}
		q, err := parseOne(text)
		if err != nil {
			if len(parts) > 1 {
				break // read as one model instead, with its error
			}
			return nil, err
		}
		out = append(out, q)
	}
	if len(out) == len(parts) && len(out) > 0 {
		return out, nil
	}
	q, err := parseOne(src)
	if err != nil {
		return nil, err
	}
	return []*lang.Question{q}, nil
}

// Several reports whether src pastes more than one model, so that a caller
// reading one model anyway need not read it twice.
func Several(src string) bool {
	_, _, _, _, sweep := allSweepAt(src)
	return sweep || len(allParts(src)) > 1 || allExpectedFoundAsked(src) != nil || allDropRE.MatchString(src) || allAsksBoth(src) || allGapVsFlatRE.MatchString(src) || allAsksOther(src) ||
		allSideBySide(src) != nil || allNamedModels(src) != nil
}

// allAsksOther reports whether src asks its one call again with a
// keyword's other value ("and with ceil_mode=False?").
func allAsksOther(src string) bool {
	_, _, at, _ := allOtherAt(src)
	return at >= 0
}

// allDropRE asks the question again without an argument of the code: "and
// if i drop output_padding?", "what if I remove bias=False".
var allDropRE = regexp.MustCompile(`(?i)\bif i (?:drop|remove|delete|take out|get rid of|leave out)\s+(?:the\s+)?(\w+)`)

// allDropped reads a message with one model and "and if i drop
// output_padding?" as two questions: the model as written, and without
// that argument; nil when src asks no such thing.
func allDropped(src string) []*lang.Question {
	m := allDropRE.FindStringSubmatchIndex(src)
	if m == nil {
		return nil
	}
	key := src[m[2]:m[3]]
	re := regexp.MustCompile(`,\s*` + regexp.QuoteMeta(key) + `\s*=\s*[^,()]+`)
	loc := re.FindStringIndex(src[:m[0]])
	if loc == nil {
		return nil
	}
	first, err := parseOne(src)
	if err != nil {
		return nil
	}
	// the argument blanked, so positions hold
	without := src[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + src[loc[1]:]
	second, err := parseOne(without)
	if err != nil {
		return nil
	}
	second.Notes = append(second.Notes, fmt.Sprintf("the same without %s, as asked", strings.TrimSpace(strings.TrimPrefix(src[loc[0]:loc[1]], ","))))
	return []*lang.Question{first, second}
}

// parseOne reads one model with the front-end its code belongs to.
func parseOne(src string) (*lang.Question, error) {
	if LooksLikeKeras(src) {
		return ParseKeras(src)
	}
	return ParsePyTorch(src)
}

// allSpan is a byte range of the message.
type allSpan struct{ from, to int }

// allParts returns the text of each model in src, the rest of src blanked
// but the words outside every model (the input size, what is asked); one
// text, src itself, when src holds one model.
func allParts(src string) []string {
	var spans [][]allSpan
	var lineStarts []int
	off := 0
	lines := strings.SplitAfter(src, "\n")
	for _, l := range lines {
		lineStarts = append(lineStarts, off)
		off += len(l)
	}
	if inline := allInlineParts(src); inline != nil {
		spans = inline
	} else if len(allLabelRE.FindAllStringIndex(src, 3)) >= 2 {
		cur := -1
		for i, l := range lines {
			line := allSpan{lineStarts[i], lineStarts[i] + len(l)}
			switch {
			case allLabelRE.MatchString(l):
				spans = append(spans, []allSpan{line})
				cur = len(spans) - 1
			case cur >= 0 && (allHasLayer(l) || allOpen(src[spans[cur][0].from:line.from])):
				spans[cur] = append(spans[cur], line) // the model goes on
			}
		}
	} else {
		for i, l := range lines {
			if m := allSplitLine(l); m != nil {
				at := lineStarts[i]
				// "last block outputs (7, 7, 512). GAP + Dense(10) vs ...": the
				// sentence before the first model is for both
				from := allSentenceStart(l[:m[0]])
				spans = append(spans, []allSpan{{at + from, at + m[0]}}, []allSpan{{at + m[1], at + len(l)}})
			}
		}
		if len(spans) == 0 {
			spans = allAskedCall(src, lines, lineStarts)
		}
	}
	if len(spans) < 2 {
		return []string{src}
	}
	texts := make([]string, len(spans))
	for i := range spans {
		b := []byte(src)
		for j, other := range spans {
			for _, sp := range other {
				if j != i {
					allBlank(b, sp)
				}
			}
		}
		texts[i] = string(b)
		if !allHasLayer(texts[i]) {
			return []string{src}
		}
	}
	return texts
}

// allWhatIf reports whether the words between two models make the second
// the first changed: "what if I make it a ...", "the same thing with ...".
func allWhatIf(between string) bool {
	b := strings.ToLower(between)
	return strings.Contains(b, "what if") || strings.Contains(b, "same thing with") || strings.Contains(b, "same with")
}

// allVersus reports whether the words between two models set them side by
// side: "nn.Conv2d(64, 64, 5) vs two nn.Conv2d(64, 64, 3)".
func allVersus(between string) bool {
	b := strings.ToLower(strings.TrimSpace(between))
	return b == "vs" || b == "vs." || b == "versus" || strings.HasPrefix(b, "compared")
}

// allSameInput reports whether the message asks the second model on the
// first one's input.
func allSameInput(src string) bool {
	return allSameInputRE.MatchString(src)
}

// allSameInputRE says the second model takes the first one's input:
// "instead", "the same thing with", "on the same input", "directly on x".
var allSameInputRE = regexp.MustCompile(`(?i)\binstead\b|\bsame\s+(?:thing\s+)?with\b|\b(?:on|to|for|with)\s+the\s+same\s+(?:input|tensor|x|feature\s+maps?|map|data|shape)\b|\bdirectly\s+on\s+(?:x|the\s+input|it)\b|\bon\s+x\s+directly\b`)

// allInlineLabelRE starts a part inside a line: "option A: Flatten ->
// Dense(10). option B: GlobalAveragePooling2D -> Dense(10)".
var allInlineLabelRE = regexp.MustCompile(`(?i)\b(?:option|model|version|variant|design|net)\s+[A-Za-z0-9]{1,2}\s*[:)]\s`)

// allInlineParts finds two or more labelled parts written on one line, each
// running from its label to the end of its sentence (or the next label);
// nil when there are none.
func allInlineParts(src string) [][]allSpan {
	ms := allInlineLabelRE.FindAllStringIndex(src, 6)
	if len(ms) < 2 || strings.Count(src[ms[0][0]:ms[len(ms)-1][0]], "\n") > 0 {
		return nil
	}
	var spans [][]allSpan
	for i, m := range ms {
		end := len(src)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		if j := allSentenceEnd(src[m[1]:end]); j >= 0 {
			end = m[1] + j
		}
		spans = append(spans, []allSpan{{m[0], end}})
	}
	return spans
}

// allSentenceStart is where the last sentence of a begins when a layer
// call follows it, else 0.
func allSentenceStart(a string) int {
	best := -1
	for _, sep := range []string{". ", ": ", "? ", "; "} {
		if j := strings.LastIndex(a, sep); j > best {
			best = j
		}
	}
	if best < 0 || !strings.Contains(a[best:], "(") {
		return 0
	}
	return best + 2
}

// allSentenceEnd is the index in s of the first ". ", "? ", ";" or line
// break, or -1.
func allSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", ";", "\n"} {
		if j := strings.Index(s, sep); j >= 0 && (best < 0 || j < best) {
			best = j
		}
	}
	if best < 0 && (strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?")) {
		best = len(s) - 1
	}
	return best
}

// allBlank replaces a span's bytes by spaces, keeping its line breaks.
func allBlank(b []byte, sp allSpan) {
	for k := sp.from; k < sp.to && k < len(b); k++ {
		if b[k] != '\n' {
			b[k] = ' '
		}
	}
}

// allOpen reports whether s leaves a bracket open.
func allOpen(s string) bool {
	return strings.Count(s, "(")+strings.Count(s, "[") > strings.Count(s, ")")+strings.Count(s, "]")
}

// allSplitLine finds the words between two models on one line ("vs", "and
// keras", "is it the same as") and returns their byte range; nil when the
// line holds fewer than two models.
func allSplitLine(l string) []int {
	if len(allLayerRE.FindAllStringIndex(l, 2)) < 2 {
		return nil // most lines hold one layer at most: no regexp over their words
	}
	for _, m := range allSplitRE.FindAllStringIndex(l, -1) {
		a, b := l[:m[0]], l[m[1]:]
		if allHasLayer(a) && allHasLayer(b) && allFramework(a) != "" && allFramework(b) != "" &&
			(allFramework(a) != allFramework(b) || allWhatIf(l[m[0]:m[1]]) || allVersus(l[m[0]:m[1]])) {
			return m
		}
	}
	return nil
}

// allLayerRE finds a layer call of either framework.
var allLayerRE = regexp.MustCompile(`\b(?:nn\.)?(?:Conv[123][dD]\w*|ConvTranspose[123]d|Linear|Dense|LSTM|GRU|RNN|SimpleRNN|SeparableConv[12]D|DepthwiseConv2D|MaxPool\w*|AvgPool\w*|AveragePooling\w*|BatchNorm\w*|Sequential)\(`)

func allHasLayer(s string) bool { return allLayerRE.MatchString(s) }

// allFramework is "pytorch" or "keras" for a part's code.
func allFramework(s string) string {
	switch {
	case LooksLikeKeras(s):
		return "keras"
	case LooksLikePyTorch(s) || strings.Contains(s, "LSTM("):
		return "pytorch"
	}
	return ""
}

// allInputText writes a question's input as the words would: 32x32x32
// (channels last, as both readers take words).
func allInputText(q *lang.Question) string {
	s := q.Input
	if len(s) < 2 {
		return ptShapeText(s)
	}
	return strings.ReplaceAll(ptShapeText(append(append([]int{}, s[1:]...), s[0])), "×", "x")
}

// ptFirstOfMany reads the first model of a message that pastes several,
// for the callers that take one question (ParsePyTorch, ParseKeras), and
// says the others were left; ok is false for a message with one model.
func ptFirstOfMany(src string) (q *lang.Question, err error, ok bool) {
	parts := allParts(src)
	if len(parts) < 2 {
		return nil, nil, false
	}
	q, err = parseOne(parts[0])
	if err == nil {
		q.Notes = append(q.Notes, fmt.Sprintf("this message pastes %d models: only the first is answered here; ask about each on its own for the others", len(parts)))
	}
	return q, err, true
}

// allAskedCueRE are the words of a question line that set a layer call
// written in it against the code above: "what would a normal Conv2D(128,
// (3,3)) have on the same input", "vs one Conv2D(192, (7, 7)) directly on
// x?", "compared to a plain nn.Conv2d(64, 64, 3)".
var allAskedCueRE = regexp.MustCompile(`(?i)\b(?:vs\.?|versus|compared\s+(?:to|with)|instead\s+of|what\s+(?:would|about|if)|how\s+about|normal|plain|regular|standard|ordinary|usual|single)\b`)

// allCodeLineRE starts a line of code (an assignment, model.add, a bare
// call) rather than words.
var allCodeLineRE = regexp.MustCompile(`^\s*(?:[\w.\[\]]+\s*=[^=]|model\.add\(|(?:nn\.|layers\.|tf\.keras\.layers\.)?[A-Z]\w*\(|\)|#)`)

// allAskedCall finds a line of words after the code that names another
// layer call to set against it (allAskedCueRE before the call): the code
// above is the first model, the call the second. Nil when there is none.
func allAskedCall(src string, lines []string, lineStarts []int) [][]allSpan {
	var code []allSpan
	for i, l := range lines {
		at := lineStarts[i]
		if allCodeLineRE.MatchString(l) && allHasLayer(l) {
			code = append(code, allSpan{at, at + len(l)})
			continue
		}
		loc := allLayerRE.FindStringIndex(l)
		if loc == nil || len(code) == 0 || !allAskedCueRE.MatchString(l[:loc[0]]) {
			continue
		}
		from := loc[0]
		if j := strings.LastIndex(l[:from], "nn."); j >= 0 && j+3 == from {
			from = j
		}
		end := ptMatchClose(l, loc[1]-1)
		if end <= loc[1] || end > len(l) || allHasLayer(l[end:]) {
			return nil // one call asked about, closed on its line
		}
		return [][]allSpan{code, {{at + from, at + end}}}
	}
	return nil
}

package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A stack set against one layer — "two 3x3 convs instead of a 5x5", "one
// 7x7 conv vs three 3x3 convs", "a stack of 3 3x3 layers compared to a
// single 7x7" — is one question about two designs. Everything around the
// two sides (the channels, the input, what is asked) is said of both, so
// each side is read as the whole message with the comparison replaced by
// that side alone.

// stackSide is one side of a stack comparison: an optional count ("two",
// "3", "a pair of"), a kernel size ("3x3", "3x3s"), and optionally what it
// is ("convs", "conv layers", "filters").
const stackSide = `(?:(?:the|a\s+stack\s+of|an?\s+pair\s+of|pair\s+of)\s+)?` +
	`(?:(?:an?\s+single|an?|one|single|two|three|four|five|[1-5])\s+(?:(?:stacked|consecutive|successive|sequential)\s+)?)?` +
	`(?:\d+\s*[x×]\s*\d+|\d+\s+by\s+\d+)(?:'?s\b)?` +
	`(?:\s+(?:conv(?:olution(?:al)?)?s?|filters?|kernels?)(?:\s+layers?)?|\s+layers?)?`

// stackVersus matches the words that set one design against another.
var stackVersus = regexp.MustCompile(`(?i)(?:\s(?:(?:used\s+)?instead\s+of|vs\.?|versus|compared\s+(?:to|with)|rather\s+than|than|or|by|with|for|=|equals?|(?:is\s+|are\s+)?equivalent\s+to|and|beats?|outperforms?)|,?\s*(?:\((?:b|ii|2)\)|\b(?:option|design)\s+(?:b|2)\s*[:.)]))\s+(?:(?:just\s+)?(?:using|use|with|having|have)\s+)?`)

// replacing matches the words that make "by", "with" and "for" set two
// designs side by side: "replacing a 5x5 conv by two 3x3 convs", "swap one
// 5x5 conv for two 3x3".
var replacing = regexp.MustCompile(`(?i)\b(?:replac\w*|swap\w*|substitut\w*|switch\w*)\b`)

// sideBefore matches the last side before the comparison words, with up
// to three words after it ("three 3x3 conv layers have fewer parameters
// than");
// sideAfter the side just after them.
var (
	sideBefore = regexp.MustCompile(`(?i)\b(` + stackSide + `)(?:\s+[a-z]+){0,3}?\s*$`)
	sideAfter  = regexp.MustCompile(`(?i)^(` + stackSide + `)`)
	sideAny    = regexp.MustCompile(`(?i)\b(` + stackSide + `)`)
)

// sideCount matches a side's count of layers; sideKernel its kernel size.
var (
	sideCount  = regexp.MustCompile(`(?i)^(?:the\s+|a\s+stack\s+of\s+)?(?:(an?\s+pair\s+of|pair\s+of)|(an?\s+single|an?|one|single|two|three|four|five|[1-5]))\s`)
	sideKernel = regexp.MustCompile(`(\d+)\s*(?:[x×]|\s+by\s+)\s*(\d+)`)
)

// stackCounts are the counts of layers a side may give, and how each is
// written back.
var stackCounts = map[string]int{"a": 1, "an": 1, "one": 1, "single": 1, "a single": 1, "an single": 1,
	"two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}

// countNames writes a count of layers back in words.
var countNames = []string{"", "one", "two", "three", "four", "five"}

// design is one side of a stack comparison: how many layers of which
// kernel ("3x3").
type design struct {
	count  int
	kernel string
}

// designOf reads a side's count and kernel; ok is false when it gives no
// kernel.
func designOf(side string) (design, bool) {
	k := sideKernel.FindStringSubmatch(side)
	if k == nil {
		return design{}, false
	}
	d := design{count: 1, kernel: k[1] + "x" + k[2]}
	if m := sideCount.FindStringSubmatch(side); m != nil {
		if m[1] != "" {
			d.count = 2 // "a pair of 3x3 convs"
		} else {
			d.count = stackCounts[strings.ToLower(strings.Join(strings.Fields(m[2]), " "))]
		}
	}
	return d, d.count > 0
}

// text writes a design as the side of a message the readers know: "two
// 3x3 convs".
func (d design) text() string {
	if d.count == 1 {
		return "one " + d.kernel + " conv"
	}
	return countNames[d.count] + " " + d.kernel + " convs"
}

// poolAfter matches a side that is a pool, not a conv: "2x2 max pool".
var poolAfter = regexp.MustCompile(`(?i)^\s*(?:max|avg|average|mean)?[\s-]*pool`)

// stackSides answers a stack comparison both ways: the first side, then
// the second, each read with everything else the message says ("two 3x3
// convs instead of a 5x5, 64 channels in and out"; "5x5 with 64->64 vs two
// 3x3"). Settings said of every side ("every conv has 32 channels",
// "everywhere") are said of each, and the sides named again ("the 3x3
// pair", "the 7x7 vs the three 3x3s") are left out of each. It returns nil
// when src holds no stack comparison or a side does not read.
//
// A bottleneck set against the layer it slims without words of comparison
// ("directly, and if we first use a 1x1 conv down to 16") is read here too
// (compare_bottleneck.go).
func stackSides(src string) []*Question {
	text, said := withSymbolsBlanked(src)
	text, quoted := withFiguresBlanked(text)
	var qs []*Question
	if quoted != nil {
		qs = kindSides(text) // "the example had 542 params vs 3584 for the normal conv. I'm trying with ..."
	}
	if qs == nil {
		qs = stackSidesOf(text)
	}
	for _, q := range qs {
		q.Notes = append(q.Notes, said...)
		for _, u := range quoted {
			q.Unused = append(q.Unused, Unused{Text: u.text, Pos: offsetPosition(src, u.at), Why: quotedWhy})
		}
	}
	return qs
}

// quotedFigures matches two counts the asker quotes set against each
// other, "542 params vs 3584", "had 542 params compared to 3,584": figures
// of an example, no layer's settings.
var quotedFigures = regexp.MustCompile(`(?i)\b(\d[\d,]*)\s+(?:params|parameters|weights|MACs|FLOPs)\s+(?:vs\.?|versus|compared\s+(?:to|with)|against)\s+(\d[\d,]*)\b`)

// accountSides names, on each side of a comparison read from words
// rewritten, the numbers of src no side uses; a figure the asker quotes
// of another example (quotedFigures) is said to be one.
func accountSides(src string, qs []*Question) {
	used := usedBySides(qs)
	_, quoted := withFiguresBlanked(src)
	for _, q := range qs {
		q.Unused = account(src, &Question{Unused: q.Unused}, used)
		for i, u := range q.Unused {
			for _, f := range quoted {
				if u.Pos == offsetPosition(src, f.at) {
					q.Unused[i].Why = quotedWhy
				}
			}
		}
	}
}

// usedBySides is every number the readings of a comparison's sides use:
// a number one side explains is explained for both.
func usedBySides(qs []*Question) map[float64]bool {
	used := map[float64]bool{}
	for _, q := range qs {
		reports, _ := computed(q)
		for v := range readingValues(q, reports) {
			used[v] = true
		}
	}
	return used
}

// askedSides is what src asks of each side; the biases are not asked of
// sides the words leave without any ("no bias anywhere").
func askedSides(src string, noBias bool) []string {
	asked := askedOf(src)
	if noBias {
		asked = slices.DeleteFunc(asked, func(a string) bool { return a == "biases" })
	}
	return asked
}

// quotedWhy says why a figure the asker quotes is not used.
const quotedWhy = "a figure you quote from another example, set against another: not this question's"

// versusWord matches the comparison word between two quoted figures,
// kept so that the message still sets things apart.
var versusWord = regexp.MustCompile(`(?i)\s(?:vs\.?|versus)\s`)

// figure is a number of the message and where it was written.
type figure struct {
	text string
	at   int
}

// withFiguresBlanked blanks the figures the asker quotes set against each
// other (see quotedFigures), so the comparison read is the one asked; it
// returns the text (of the same length) and the figures blanked.
func withFiguresBlanked(src string) (string, []figure) {
	ms := quotedFigures.FindAllStringSubmatchIndex(src, -1)
	if ms == nil {
		return src, nil
	}
	b := []byte(src)
	var out []figure
	for _, m := range ms {
		for _, g := range [][2]int{{m[2], m[3]}, {m[4], m[5]}} {
			out = append(out, figure{src[g[0]:g[1]], g[0]})
		}
		for i := m[0]; i < m[1]; i++ {
			if i < m[3] || i >= m[4] || !versusWord.MatchString(src[m[3]:m[4]]) {
				b[i] = ' '
			}
		}
	}
	return string(b), out
}

// symbolTerm matches a count the asker wrote with a symbol for the
// channels, "49C^2", "27 C²", "9*C**2"; symbolValue the symbol's value,
// "C=256".
var (
	symbolTerm  = regexp.MustCompile(`\b(\d+)\s*\*?\s*([A-Za-z])\s*(?:\^\s*2|²|\*\*\s*2)`)
	symbolValue = regexp.MustCompile(`\b([A-Za-z])\s*=\s*(\d{1,5})\b`)
)

// withSymbolsBlanked blanks the asker's formulas in src ("what's 49C^2 vs
// 27C^2 with C=256"), whose numbers are no layer's, and the symbol of
// "C=256", so the sides read the channels; it returns the text (of the
// same length, so positions stay) and notes working each formula out.
func withSymbolsBlanked(src string) (string, []string) {
	v := symbolValue.FindStringSubmatchIndex(src)
	terms := symbolTerm.FindAllStringSubmatchIndex(src, -1)
	if v == nil || terms == nil {
		return src, nil
	}
	letter, val := src[v[2]:v[3]], 0
	fmt.Sscan(src[v[4]:v[5]], &val)
	b := []byte(src)
	blank := func(from, to int) {
		for i := from; i < to; i++ {
			b[i] = ' '
		}
	}
	var said []string
	for _, t := range terms {
		if !strings.EqualFold(src[t[4]:t[5]], letter) {
			continue
		}
		var n int
		fmt.Sscan(src[t[2]:t[3]], &n)
		said = append(said, fmt.Sprintf("%s with %s = %d is %d·%d² = %s: your formula", strings.Join(strings.Fields(src[t[0]:t[1]]), ""), letter, val, n, val, lang.Group(n*val*val)))
		blank(t[0], t[1])
	}
	if said == nil {
		return src, nil
	}
	blank(v[2], v[4]) // "C=256 channels": 256 channels
	return string(b), said
}

// stackSidesOf is [stackSides] of a message whose formulas are blanked.
func stackSidesOf(src string) []*Question {
	if qs := bottleneckSides(src); qs != nil {
		return qs
	}
	if qs := designSides(src); qs != nil {
		return qs // two designs of the same layers (compare_designs.go)
	}
	for _, m := range stackVersus.FindAllStringIndex(src, -1) {
		first, second, one, two, ok := versusSides(src, m)
		if !ok {
			continue
		}
		kept := span{first.from, second.to}
		a := splice(src, sideEdits(src, kept, first, span{m[0], second.to}, one.text(), one, two))
		b := splice(src, sideEdits(src, kept, first, span{m[0], second.to}, two.text(), one, two))
		qs := readSides(a, b)
		if qs == nil {
			return nil
		}
		qs[1].Notes = append([]string{"compared: " + two.text() + " instead of " + one.text()}, qs[1].Notes...)
		return qs
	}
	return nil
}

// versusSides finds the two sides a comparison's words (at m) set apart,
// and the designs they name; ok is false when they are not a stack
// comparison. "between a 3x3 conv and a 5x5 conv" sets single layers
// apart too: nothing else reads it.
func versusSides(src string, m []int) (first, second span, one, two design, ok bool) {
	word := strings.ToLower(strings.TrimSpace(src[m[0]:m[1]]))
	if (strings.HasPrefix(word, "by") || strings.HasPrefix(word, "with") || strings.HasPrefix(word, "for")) && !replacing.MatchString(src[:m[0]]) {
		return first, second, one, two, false // "by", "with" and "for" compare only after "replacing", "swap"
	}
	after := sideAfter.FindStringIndex(src[m[1]:])
	if after == nil || poolAfter.MatchString(src[m[1]+after[1]:]) {
		return first, second, one, two, false
	}
	second = span{m[1], m[1] + after[1]}
	first, ok = lastSide(src[:m[0]])
	if !ok || poolAfter.MatchString(src[first.to:]) {
		return first, second, one, two, false
	}
	between := strings.HasPrefix(word, "and") && betweenBefore.MatchString(src[:first.from])
	if strings.HasPrefix(word, "and") && !between {
		return first, second, one, two, false // "a 3x3 conv and two 5x5 convs" is a network
	}
	one, okOne := designOf(src[first.from:first.to])
	two, okTwo := designOf(src[second.from:second.to])
	if !okOne || !okTwo || one == two || one.count < 2 && two.count < 2 && !between && !saidOnce(src, first, second, m) {
		return first, second, one, two, false
	}
	return first, second, one, two, true
}

// saidOnce reports whether two single layers set apart ("1x1 conv vs 3x3
// conv from 512 to 128 channels", "a 5x5 conv than a 3x3 conv, both 32
// -> 64") share the settings the message says once: the first side says
// none of its own (no number between it and the comparison words at m)
// and the message says some beside the two sides.
func saidOnce(src string, first, second span, m []int) bool {
	if !onceVersus.MatchString(src[m[0]:m[1]]) {
		return false // "a 3x3 conv instead of a 5x5" is a what-if, read as one
	}
	if !namedConv.MatchString(src[first.from:first.to]) || !namedConv.MatchString(src[second.from:second.to]) {
		return false // "at 28x28 (same padding) directly vs 1x1 reduce": a size, no conv
	}
	return !strings.ContainsAny(src[first.to:m[0]], "0123456789") &&
		strings.ContainsAny(src[:first.from]+src[second.to:], "0123456789")
}

// namedConv matches a side that says it is a conv: "a 5x5 conv", "3x3
// filters".
var namedConv = regexp.MustCompile(`(?i)\b(?:conv\w*|filters?|kernels?)\b`)

// onceVersus matches the words that set two single layers side by side.
var onceVersus = regexp.MustCompile(`(?i)^\s*(?:vs\.?|versus|compared\s+(?:to|with)|than|or)\s`)

// betweenBefore matches the "between" of "between a 3x3 conv and a 5x5
// conv", just before the first side.
var betweenBefore = regexp.MustCompile(`(?i)\bbetween\s+$`)

// sideEdits are the edits that make src one side of a comparison: the
// first side written as side, the comparison words and the second side
// (cut) left out, every other mention of either design left out, and the
// words that say a setting of every side said of this one.
func sideEdits(src string, kept, first, cut span, side string, one, two design) []edit {
	edits := []edit{{first, side}, {cut, ""}}
	var others []span
	for _, d := range []design{one, two} {
		if one.kernel == two.kernel && d == two {
			break // "two 3x3 vs three 3x3": a mention names no side
		}
		for _, m := range mentionOf(d.kernel).FindAllStringIndex(src, -1) {
			if m[1] <= kept.from || m[0] >= kept.to {
				others = append(others, span{m[0], m[1]})
			}
		}
	}
	for _, o := range joinedMentions(src, others) {
		edits = append(edits, edit{o, ""})
	}
	for _, m := range everySide.FindAllStringSubmatchIndex(src, -1) {
		if m[1] <= kept.from || m[0] >= kept.to {
			with := ""
			if m[2] >= 0 {
				with = " with" // "every conv has 32 channels": with 32 channels
			}
			edits = append(edits, edit{span{m[0], m[1]}, with})
		}
	}
	for _, m := range everyBeforeNumber.FindAllStringSubmatchIndex(src, -1) {
		if m[1] <= kept.from || m[0] >= kept.to {
			edits = append(edits, edit{span{m[0], m[2]}, " "}) // "both 64 in 64 out": 64 in 64 out
		}
	}
	for _, m := range inOut.FindAllStringIndex(src, -1) {
		if m[1] <= kept.from || m[0] >= kept.to {
			edits = append(edits, edit{span{m[0], m[1]}, " in and out"})
		}
	}
	return ordered(edits)
}

// mentionOf matches a design named again by its kernel: "the 3x3 pair",
// "a single 5x5 conv", "the three 3x3s".
func mentionOf(kernel string) *regexp.Regexp {
	h, w, _ := strings.Cut(kernel, "x")
	return regexp.MustCompile(`(?i)(?:\b(?:the|a|an|one|single|two|three|four|five|[1-5]|pair\s+of|stack\s+of|stacked)\s+)*\b` +
		h + `\s*(?:[x×]|\s+by\s+)\s*` + w + `(?:'?s)?\b(?:\s+(?:conv\w*|filters?|kernels?|layers?|pair|stack|one|version|option|design|block)\b)*`)
}

// mentionsJoined matches the words between two mentions of the designs
// that compare them again: "the 7x7 vs the three 3x3s".
var mentionsJoined = regexp.MustCompile(`(?i)^\s*(?:vs\.?|versus|or|and|compared\s+(?:to|with)|than|instead\s+of|rather\s+than)\s*$`)

// joinedMentions merges mentions, sorted, that only comparison words
// separate, so the comparison goes with them.
func joinedMentions(src string, ms []span) []span {
	slices.SortFunc(ms, func(a, b span) int { return a.from - b.from })
	var out []span
	for _, m := range ms {
		if n := len(out); n > 0 && m.from >= out[n-1].to && mentionsJoined.MatchString(src[out[n-1].to:m.from]) {
			out[n-1].to = m.to
			continue
		}
		out = append(out, m)
	}
	return out
}

// everySide matches the words that say a setting of every side: "every
// conv has" (group 1; read as "with"), "everywhere", "in both".
var everySide = regexp.MustCompile(`(?i)(\s\b(?:every|each|all(?:\s+(?:the|of\s+the))?|both)\s+(?:conv\w*|layers?|convolutions?)(?:\s+layers?)?\s+(?:has|have|is|are|uses?|maps?|with)\b)` +
	`|\s+\b(?:everywhere|throughout|in\s+both|for\s+both|on\s+both|in\s+all|for\s+all(?:\s+of\s+them)?|in\s+(?:both|all)\s+cases|for\s+(?:each|every)\s+(?:conv\w*|layers?))\b`)

// everyBeforeNumber matches "both" before the settings it gives every
// side: "both 64 in 64 out" (group 1 is the number).
var everyBeforeNumber = regexp.MustCompile(`(?i)\s+(?:both|all|each)\s+(?:with\s+|have\s+|are\s+)?(\d)`)

// inOut matches channels "in/out": read as "in and out".
var inOut = regexp.MustCompile(`(?i)\s+in\s*/\s*out\b`)

// ordered sorts edits and drops any that overlaps one before it.
func ordered(edits []edit) []edit {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at.from - b.at.from })
	var out []edit
	for _, e := range edits {
		if n := len(out); n > 0 && e.at.from < out[n-1].at.to {
			continue
		}
		out = append(out, e)
	}
	return out
}

// lastSide finds the last comparison side in s: the one just before its
// end, else the last kernel size in it ("5x5 with 64->64").
func lastSide(s string) (span, bool) {
	if m := sideBefore.FindStringSubmatchIndex(s); m != nil {
		return span{m[2], m[3]}, true
	}
	all := sideAny.FindAllStringIndex(s, -1)
	if all == nil {
		return span{}, false
	}
	last := all[len(all)-1]
	return span{last[0], last[1]}, true
}

// readSides reads the two sides of a comparison, each moved back to the
// positions of the message; nil when one does not read.
func readSides(sides ...spliced) []*Question {
	var qs []*Question
	for _, s := range sides {
		q, err := Parse(s.text)
		if err != nil || len(q.Layers) == 0 {
			return nil
		}
		qs = append(qs, movedPositions(q, s.position))
	}
	return qs
}

// span is a range of byte offsets in a text.
type span struct{ from, to int }

// edit replaces a span of a text.
type edit struct {
	at   span
	with string
}

// spliced is a text made from a message by edits, and the message it was
// made from.
type spliced struct {
	text, src string
	// from maps each byte of text (and its end) to the offset in src it
	// came from; an inserted byte maps to the start of what it replaced.
	from []int
}

// splice applies edits, in order and not overlapping, to src.
func splice(src string, edits []edit) spliced {
	var b strings.Builder
	var from []int
	copyTo := func(end, at int) {
		for i := at; i < end; i++ {
			from = append(from, i)
		}
		b.WriteString(src[at:end])
	}
	at := 0
	for _, e := range edits {
		copyTo(e.at.from, at)
		for range e.with {
			from = append(from, e.at.from)
		}
		b.WriteString(e.with)
		at = e.at.to
	}
	copyTo(len(src), at)
	return spliced{text: b.String(), src: src, from: append(from, len(src))}
}

// position moves a position in the spliced text to the message.
func (s spliced) position(p Position) Position {
	if p.Line == 0 {
		return p
	}
	return offsetPosition(s.src, s.from[positionOffset(s.text, p)])
}

// positionOffset is the byte offset in src of a 1-based line and rune
// column.
func positionOffset(src string, p Position) int {
	off := 0
	for line := 1; line < p.Line; line++ {
		k := strings.IndexByte(src[off:], '\n')
		if k < 0 {
			return len(src)
		}
		off += k + 1
	}
	col := 1
	for i := range src[off:] {
		if col == p.Col {
			return off + i
		}
		col++
	}
	return len(src)
}

// A setting given two values — "once with groups=1 and once with
// groups=4", "stride 1 vs stride 2", "with and without bias" — is one
// question asked twice, each time with one of them.

// settingPair matches a setting with two values.
var settingPair = regexp.MustCompile(`(?i)\b(stride|padding|pad|dilation|groups)\s*(?:=|of|is)?\s*(\d{1,3})\s*,?\s*(?:and|vs\.?|versus|or|then)\s+(?:once\s+)?(?:with\s+)?(?:(stride|padding|pad|dilation|groups)\s*(?:=|of|is)?\s*)(\d{1,3})\b` +
	`|(?i)\b(stride|padding|pad|dilation|groups)\s*(?:=|of|is)?\s*(\d{1,2})\s+(?:vs\.?|versus)\s+(\d{1,2})\b`)

// biasPair matches "with and without bias".
var biasPair = regexp.MustCompile(`(?i)\bwith\s+and\s+without\s+(?:a\s+|the\s+)?bias(?:es)?\b|\bwith(?:out)?\s+(?:a\s+)?bias\s+(?:vs\.?|versus|and|or)\s+with(?:out)?\s+(?:a\s+)?bias\b`)

// sameSetting reports whether a settingPair match names one setting twice
// ("stride 1 vs stride 2"), not two ("stride 1 and pad 2").
func sameSetting(src string, m []int) bool {
	if m[2] < 0 || m[6] < 0 {
		return true
	}
	first, second := strings.ToLower(src[m[2]:m[3]]), strings.ToLower(src[m[6]:m[7]])
	return first[:3] == second[:3]
}

// settingSides answers a question with a setting given two values both
// ways; nil when src gives none or a way does not read.
func settingSides(src string) []*Question {
	var at span
	var ways [2]string
	if m := settingPair.FindStringSubmatchIndex(src); m != nil && sameSetting(src, m) {
		name, a, b := 2, 4, 8
		if m[2] < 0 {
			name, a, b = 10, 12, 14
		}
		word := src[m[name]:m[name+1]]
		at = span{m[0], m[1]}
		ways = [2]string{word + " " + src[m[a]:m[a+1]], word + " " + src[m[b]:m[b+1]]}
	} else if m := biasPair.FindStringIndex(src); m != nil {
		at = span{m[0], m[1]}
		ways = [2]string{"with bias", "without bias"}
	} else {
		return nil
	}
	var sides []spliced
	for _, way := range ways {
		sides = append(sides, splice(src, []edit{{at, way}}))
	}
	qs := readSides(sides...)
	if qs == nil || qs[0].Canonical == qs[1].Canonical {
		return nil
	}
	for i, way := range ways {
		if !strings.HasPrefix(way, "with") {
			way = "with " + way
		}
		qs[i].Notes = append([]string{way}, qs[i].Notes...)
	}
	return qs
}

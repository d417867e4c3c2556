package grammar

import (
	"regexp"
	"strings"
)

// A stack set against one layer — "two 3x3 convs instead of a 5x5", "one
// 7x7 conv vs three 3x3 convs", "a stack of 3 3x3 layers compared to a
// single 7x7" — is one question about two designs. Everything around the
// two sides (the channels, the input, what is asked) is said of both, so
// each side is read as the whole message with the comparison replaced by
// that side alone.

// stackSide is one side of a stack comparison: an optional count, a kernel
// size, and optionally what it is ("convs", "conv layers", "filters").
const stackSide = `(?:(?:a\s+stack\s+of\s+)?(?:an?\s+single|an?|one|single|two|three|four|five|[1-5])\s+(?:(?:stacked|consecutive|successive|sequential)\s+)?)?` +
	`(?:\d+\s*[x×]\s*\d+|\d+\s+by\s+\d+)` +
	`(?:\s+(?:conv(?:olution(?:al)?)?s?|filters?|kernels?)(?:\s+layers?)?|\s+layers?)?`

// stackVersus matches the words that set one design against another.
var stackVersus = regexp.MustCompile(`(?i)\s(?:(?:used\s+)?instead\s+of|vs\.?|versus|compared\s+(?:to|with)|rather\s+than|than|or|by|with|for)\s+(?:using\s+|with\s+)?`)

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

// stackCount matches a side that is a stack of several layers.
var stackCount = regexp.MustCompile(`(?i)^(?:a\s+stack\s+of\s+)?(?:two|three|four|five|[2-5])\s`)

// layerWord matches a side's word for what it is.
var layerWord = regexp.MustCompile(`(?i)\s(?:conv\w*|filters?|kernels?|layers?)(?:\s+layers?)?$`)

// stackSides answers a stack comparison both ways: the first side, then
// the second, each read with everything else the message says ("two 3x3
// convs instead of a 5x5, 64 channels in and out"; "5x5 with 64->64 vs two
// 3x3"). It returns nil when src holds no stack comparison or a side does
// not read.
func stackSides(src string) []*Question {
	for _, m := range stackVersus.FindAllStringIndex(src, -1) {
		if word := strings.ToLower(strings.TrimSpace(src[m[0]:m[1]])); (strings.HasPrefix(word, "by") || strings.HasPrefix(word, "with") || strings.HasPrefix(word, "for")) && !replacing.MatchString(src[:m[0]]) {
			continue // "by", "with" and "for" compare only after "replacing", "swap"
		}
		after := sideAfter.FindStringIndex(src[m[1]:])
		if after == nil {
			continue
		}
		second := span{m[1], m[1] + after[1]}
		first, ok := lastSide(src[:m[0]])
		if !ok {
			continue
		}
		one, two := src[first.from:first.to], src[second.from:second.to]
		if !stackCount.MatchString(one) && !stackCount.MatchString(two) {
			continue
		}
		a := splice(src, []edit{{first, sideAsLayer(one, two)}, {span{m[0], second.to}, ""}})
		b := splice(src, []edit{{first, sideAsLayer(two, one)}, {span{m[0], second.to}, ""}})
		qs := readSides(a, b)
		if qs == nil {
			return nil
		}
		qs[1].Notes = append([]string{"compared: " + sideAsLayer(two, one) + " instead of " + sideAsLayer(one, two)}, qs[1].Notes...)
		return qs
	}
	return nil
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

// convSide matches a side that says it is a conv; bareLayer the word
// "layer" of one that does not.
var (
	convSide  = regexp.MustCompile(`(?i)\bconv`)
	bareLayer = regexp.MustCompile(`(?i)\s+layers?$`)
)

// sideAsLayer makes a comparison side that names no layer ("one 5x5") say
// what the other side is ("one 5x5 conv"), so it is not read as an input
// size.
func sideAsLayer(side, other string) string {
	if convSide.MatchString(other) && !convSide.MatchString(side) {
		if k := bareLayer.FindStringIndex(side); k != nil {
			return side[:k[0]] + " conv" + side[k[0]:] // "one 7x7 layer": the other side's kind
		}
	}
	if layerWord.MatchString(side) {
		return side
	}
	word := "conv"
	if w := layerWord.FindString(other); w != "" {
		word = strings.TrimSpace(w)
	}
	return side + " " + strings.TrimSuffix(word, "s")
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

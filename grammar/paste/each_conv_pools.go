package paste

// A pool told in words for every conv of the paste: "forward does pool(2)
// after each conv", "each conv is followed by max pool 2", "a 2x2 maxpool
// after every conv layer". The paste shows __init__ only, so the pools
// are put where the words say: after each conv, in the order written.
// Left out, every later size is wrong (a Linear's in_features four times
// too large per pool).

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ecPoolWords is a pool with its size: "pool(2)", "max_pool2d(2)",
// "maxpool 2", "2x2 max pool", "pool of 2".
const ecPoolWords = `(?:(\d)\s*[x×]\s*\d\s+)?(?:a\s+|an\s+)?(?:max[_ ]?|avg[_ ]?|average\s+)?pool(?:ing|2d)?(?:\s*\(\s*(?:kernel_size\s*=\s*)?(\d)\s*(?:,\s*\d\s*)?\)|\s+(?:of\s+)?(\d)(?:\s*[x×]\s*\d)?\b)?`

// ecEachConvRE is a pool after each conv: "pool(2) after each conv",
// "each conv is followed by a maxpool 2".
var ecEachConvRE = regexp.MustCompile(`(?i)\b` + ecPoolWords + `\s+(?:after|following|behind)\s+(?:each|every|all\s+(?:the\s+)?)\s*(?:of\s+the\s+)?conv(?:olution)?s?(?:\s+layers?)?\b` +
	`|\b(?:each|every)\s+conv(?:olution)?(?:\s+layer)?\s+(?:is\s+)?(?:followed\s+by|then)\s+` + ecPoolWords)

// ptEachConvPools puts a pool after each conv of the paste when the words
// say so and the paste has no pool of its own and no forward; any layer
// read from the phrase itself (a "pool(2)" taken for a call) is dropped.
func ptEachConvPools(code string, mods *ptModuleSet, q *lang.Question) {
	if mods.fwd != nil || len(mods.order) == 0 {
		return
	}
	m := ecEachConvRE.FindStringSubmatchIndex(code)
	if m == nil || ecDenied(code, m[0], m[1]) {
		return
	}
	k := 0
	for g := 1; g < len(m)/2; g++ {
		if m[2*g] >= 0 {
			k, _ = strconv.Atoi(code[m[2*g]:m[2*g+1]])
			break
		}
	}
	if k == 0 {
		k = 2 // "a max pool after each conv": the usual 2x2
	}
	from, to := ptOffsetPos(code, m[0]), ptOffsetPos(code, m[1])
	inPhrase := func(l lang.Layer) bool { return ecWithin(l.Pos, from, to) }
	order := slices.DeleteFunc(slices.Clone(mods.order), inPhrase)
	convs := 0
	for _, l := range order {
		switch l.Layer.(type) {
		case calc.Pool, calc.GlobalAvgPool, calc.AdaptivePool:
			return // the paste has pools of its own
		case calc.Conv:
			convs++
		}
	}
	if convs == 0 {
		return
	}
	var out []lang.Layer
	for _, l := range order {
		out = append(out, l)
		if _, ok := l.Layer.(calc.Conv); ok {
			out = append(out, lang.Layer{Layer: calc.Pool{Kernel: []int{k}}, Pos: from})
		}
	}
	mods.order = out
	q.Notes = append(q.Notes, fmt.Sprintf("%q (line %d): a %dx%d max pool put after each of the %d convs, where the words put them", code[m[0]:m[1]], from.Line, k, k, convs))
}

// ecDenyBeforeRE is a denial or a removal said before the phrase in its
// sentence: "I removed the maxpool 2 after each conv", "there is no pool
// after each conv", "without a pool after every conv".
var ecDenyBeforeRE = regexp.MustCompile(`(?i)\b(?:no|not|never|without|removed?|removing|drop(?:ped|ping)?|delet(?:e|ed|ing)|took\s+out|take\s+out|taking\s+out|got\s+rid|get\s+rid|no\s+longer|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|won'?t|instead\s+of|rather\s+than|replaced?|swapped?|skip(?:ped)?)\b`)

// ecDenyAfterRE is a removal said after the phrase in its sentence: "the
// pool after each conv is gone", "... was removed".
var ecDenyAfterRE = regexp.MustCompile(`(?i)^[^.!?\n]*?\b(?:removed|deleted|dropped|gone|taken\s+out|no\s+longer|not\s+there|isn'?t\s+there|replaced)\b`)

// ecDenied reports whether the words around code[from:to] deny or remove
// the pool after each conv: then no pool may be put anywhere.
func ecDenied(code string, from, to int) bool {
	// Only the clause before the phrase, and its last six words: "I
	// removed the", "there is no", "without a"; a "no" further off is
	// about something else.
	start := strings.LastIndexAny(code[:from], ".!?\n,;:") + 1
	words := strings.Fields(code[start:from])
	if len(words) > 6 {
		words = words[len(words)-6:]
	}
	if ecDenyBeforeRE.MatchString(strings.Join(words, " ")) {
		return true
	}
	return ecDenyAfterRE.MatchString(code[to:])
}

// ecWithin reports whether p lies in [from, to).
func ecWithin(p, from, to lang.Position) bool {
	after := p.Line > from.Line || p.Line == from.Line && p.Col >= from.Col
	before := p.Line < to.Line || p.Line == to.Line && p.Col < to.Col
	return after && before
}

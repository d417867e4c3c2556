package paste

// A layer named again in the words by its first arguments only:
//
//	how many params does the Conv2DTranspose(64...) layer have?
//	what does the Conv2D(128, ...) give?
//
// The call stands for the pasted layer it starts like, not for one more
// layer (whose missing kernel would be asked for).

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// mpTrailingRE is a call after a word that refers to a layer, with an
// ellipsis written straight after an argument, no comma: "the
// Conv2DTranspose(64...) layer". Group 1 is the ellipsis. Elsewhere
// ("then Flatten() and Dense(1...)") the call may be a layer of its own,
// its other arguments left out, and is left as written.
var mpTrailingRE = regexp.MustCompile(`(?i)\b(?:the|of|for|that|this)\s+[\w.]*\w\((?:[^()\n]*?\w)(\.\.\.|…)[ \t]*\)`)

// ptTrailingEllipsis writes an ellipsis glued to the argument before it as
// ", " and blanks (the same number of bytes), so "Conv2DTranspose(64...)"
// reads as "Conv2DTranspose(64,  )": the rest left out.
func ptTrailingEllipsis(src string) string {
	locs := mpTrailingRE.FindAllStringSubmatchIndex(src, -1)
	if locs == nil {
		return src
	}
	b := []byte(src)
	for _, m := range locs {
		b[m[2]] = ','
		for j := m[2] + 1; j < m[3]; j++ {
			b[j] = ' '
		}
	}
	return string(b)
}

// startsLike reports whether mention, a call written in the words, gives
// fewer arguments than read, a layer call of the paste, or leaves one
// blank, with the same layer name and every argument it does give equal
// to read's there (blanks aside: "(3,3)" is "(3, 3)").
func startsLike(mention, read *ptCall) bool {
	if mention.Base() != read.Base() || len(mention.Args) == 0 {
		return false
	}
	blank := false
	for k, a := range mention.Args {
		t := spaceless(ptArgText(a))
		switch {
		case strings.Trim(t, `?"`) == "": // "???", as ptArgText writes it
			blank = true
		case a.Key != "" || k >= len(read.Args) || read.Args[k].Key != "" || t != spaceless(ptArgText(read.Args[k])):
			return false
		}
	}
	return blank || len(mention.Args) < len(read.Args)
}

// spaceless is s without blanks.
func spaceless(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// sameCall reports whether a and b are the same layer call, the module
// they are reached by ("layers.") and blanks aside.
func sameCall(a, b *ptCall) bool {
	return a.Base() == b.Base() && spaceless(ptCallText(a)[len(a.Name):]) == spaceless(ptCallText(b)[len(b.Name):])
}

// kerasMention is a layer call of the paste named again in the words.
type kerasMention struct {
	words *ptCall   // as the words write it
	of    []*ptCall // the layer calls read that it names
}

// mentioned reports whether c, after a word that refers ("the
// Conv2D(64, ...)"), names a layer call read before: the same call, or
// one it starts like. The mention is kept, to answer at that layer.
func (k *kerasReader) mentioned(c *ptCall) bool {
	var of []*ptCall
	for _, r := range k.readCalls {
		if sameCall(c, r) || startsLike(c, r) {
			of = append(of, r)
		}
	}
	if len(of) > 0 {
		k.mentions = append(k.mentions, kerasMention{words: c, of: of})
	}
	return len(of) > 0
}

// mentionsAt points the answer at the layers the words name by their
// call ("how many params does the Conv2D(64) have?"): that layer's
// counts, not the model's, lead the reply. A call that starts like
// several layers leaves which one unsaid, and is doubted.
func (k *kerasReader) mentionsAt() {
	q := k.q
	for _, m := range k.mentions {
		name := mentionName(m.words)
		if len(m.of) > 1 {
			q.Doubts = append(q.Doubts, fmt.Sprintf("%s in the words fits %d layers of the paste: which one is asked is not said", name, len(m.of)))
			continue
		}
		i := kerasLayerAt(q, m.of[0].Pos)
		if i >= 0 && !slices.ContainsFunc(q.At, func(a lang.At) bool { return a.Layer == i }) {
			q.At = append(q.At, lang.At{Layer: i, Name: "the " + name})
		}
	}
}

// mentionName is how a reply names the call c of the words: its layer
// and first argument, "Conv2D(64, ...)".
func mentionName(c *ptCall) string {
	more := ""
	if len(c.Args) > 1 {
		more = ", ..."
	}
	return c.Base() + "(" + strings.TrimSpace(ptArgText(c.Args[0])) + more + ")"
}

// kerasLayerAt is the index of the first layer read at pos that is not a
// Flatten put before it; -1 for none.
func kerasLayerAt(q *lang.Question, pos lang.Position) int {
	for i, l := range q.Layers {
		if _, flat := l.Layer.(calc.Flatten); l.Pos == pos && !flat {
			return i
		}
	}
	return -1
}

package english

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The output-size formula asked with the asker's own variables and
// guesses: "W=63 F=3 P=0 S=2 thats 31? or 30", "N=28, F=5, S=1, P=0",
// "maxpool2 on 27 gives 13.5 so 14?". The guesses are the asker's figures
// to check, not settings; what is checked is the output.

// enGuessWords come before a figure the asker offers to check: "thats 31?",
// "so 14?", "gives 13.5", "or 30".
var enGuessWords = map[string]bool{"thats": true, "that's": true, "so": true, "gives": true, "get": true, "got": true,
	"or": true, "maybe": true, "it's": true, "its": true, "be": true, "becomes": true, "giving": true}

// enFormulaN reports whether in[i] is the input size written as a letter
// beside other course letters: Andrew Ng's n in "n=28, f=5, s=1, p=0", the
// CS231n W's place taken by N. Alone, N= is a batch.
func enFormulaN(in []enTok, i int) bool {
	if !strings.EqualFold(in[i].raw, "n") || i+1 >= len(in) || in[i+1].raw != "=" {
		return false
	}
	for j := range in {
		if j+1 < len(in) && in[j+1].raw == "=" && (strings.EqualFold(in[j].raw, "f") || strings.EqualFold(in[j].raw, "k")) {
			return true
		}
	}
	return false
}

// formulaGuesses takes the asker's figures out of the numbers no word
// explained ("thats 31? or 30", "so 14?") into the guesses, and reads a
// lone number after "on" as the input ("maxpool2 on 27"). With a guess and
// nothing asked in words, the output is what is asked.
func (r *enReader) formulaGuesses() {
	guessed := false
	for _, a := range r.anchors {
		if a.kind != "conv" && a.kind != "pool" && a.kind != "deconv" {
			continue
		}
		a.bare = slices.DeleteFunc(a.bare, func(i int) bool {
			if r.isGuess(i) {
				r.guesses, guessed = append(r.guesses, i), true
				return true
			}
			return false
		})
	}
	r.sameBesidePad()
	r.partOfChannels() // english_groups.go
	r.flopsDefined()
	r.unsharedAsked()
	r.unsharedVolume() // english_unshared_volume.go
	r.regionOfInput()
	r.oneKernelSaid()
	r.mapsSizeInBrackets()
	r.oneOutputMap()
	r.sidesAndSamePad()
	if guessed && len(r.g.asked) == 0 && r.g.unknown == "" && r.sizeGuesses() {
		r.addAsked("output")
	}
	if len(r.g.inputs) > 0 {
		return
	}
	for _, a := range r.anchors {
		for k, i := range a.bare {
			if (r.lem(i-1) == "on" || strings.EqualFold(r.toks[max(i-1, 0)].raw, "applied")) && i > a.tok && r.toks[i].num > 8 && !r.toks[i].isFrac {
				r.g.inputs = append(r.g.inputs, enSizeFact{dims: []int{enClamp(r.toks[i].num)}, tok: i, role: "in"})
				a.bare = slices.Delete(a.bare, k, k+1)
				return
			}
		}
	}
}

// isGuess reports whether the number at i is a figure the asker offers to
// check: after a guess word and before a question mark or "or".
func (r *enReader) isGuess(i int) bool {
	t := r.toks[i]
	if t.kind != 'n' || i == 0 || !enGuessWords[strings.ToLower(r.toks[i-1].raw)] {
		return false
	}
	next := r.lem(i + 1)
	return next == "?" || strings.EqualFold(r.toks[min(i+1, len(r.toks)-1)].raw, "or") || strings.EqualFold(r.toks[i-1].raw, "or") || t.isFrac
}

// enPoolOpNamed reports whether a pool word names its operation
// ("maxpool", "avgpool"): "maxpool2" is then a 2x2 pool, where "pool2"
// alone is a name (VGG's second pool).
func enPoolOpNamed(w string) bool {
	w = strings.ToLower(w)
	return strings.HasPrefix(w, "maxpool") || strings.HasPrefix(w, "avgpool")
}

// enSidesAskedRE asks for an output's sides in the asker's letters: "what h
// and w do i end up with", "what n_H, n_W do we get", "out h and w?"; "end up with" alone
// is not enough (a reading that misplaces the input would answer).
var enSidesAskedRE = regexp.MustCompile(`(?i)\b(?:what|wat|whats|what's|which)\s+(?:(?:is|are|the|will|would|be)\s+)*(?:h\s*(?:and|,|&|/|x)\s*w|height\s+and\s+width|n_h\b|h_out|hout)|\bout(?:put)?\s+(?:h\s*(?:and|,|&|/|x)\s*w|height\s+and\s+width)\b`)

// enSamePadAskedRE asks for the padding that 'same' means: "'same' padding
// for a 5x5 kernel with dilation 2?", "what 'same' padding do I need".
var enSamePadAskedRE = regexp.MustCompile(`(?i)^\W*(?:so\s+|ok\s+|and\s+)?(?:the\s+)?["'‘“]?same["'’”]?\s+pad\w*\s+(?:for|of|with|on)\b|\b(?:what|which|how\s+much)\s+(?:is\s+(?:the\s+)?)?["'‘“]?same["'’”]?\s+pad\w*`)

// sidesAndSamePad reads two ways of asking the formula: the output's sides
// in letters (the output asked), and the padding 'same' stands for (the
// padding that keeps the size, solved).
func (r *enReader) sidesAndSamePad() {
	tensor := slices.ContainsFunc(r.toks, func(t enTok) bool { return t.kind == 's' && len(t.dims) >= 4 })
	if len(r.g.asked) == 0 && r.g.unknown == "" && !tensor && enSidesAskedRE.MatchString(r.src) {
		r.addAsked("output")
	}
	if r.g.unknown != "" || len(r.g.asked) > 0 && !slices.Equal(r.g.asked, []string{"output"}) || !enSamePadAskedRE.MatchString(r.src) {
		return
	}
	for _, a := range r.anchors {
		if (a.kind == "conv" || a.kind == "pool") && a.padMode == "same" && len(a.pad) == 0 {
			r.g.unknown, r.g.unkTok, r.g.keep = "pad", a.at["pad"], true
			r.g.asked = nil
			a.padMode = ""
			return
		}
	}
}

// sameBesidePad drops a 'same' read from a word that is not about padding
// when the question says the padding otherwise: "pad 3, same A_prev of
// 5x7" (the same input as before), "no padding ... a layer with the same
// geometry".
func (r *enReader) sameBesidePad() {
	valid := slices.ContainsFunc(r.toks, func(t enTok) bool { return t.kind == 'w' && (t.lem == "nopad" || t.lem == "valid") })
	for _, a := range r.anchors {
		if a.padMode != "same" || len(a.pad) == 0 && !valid {
			continue
		}
		j, ok := a.at["pad"]
		if !ok || r.lem(j) != "same" || r.lem(j+1) == "pad" || r.lem(j-1) == "pad" || enKinds[r.lem(j+1)] || r.toks[j].end-r.toks[j].off > len(r.toks[j].raw) {
			continue
		}
		if t := r.toks[min(j+1, len(r.toks)-1)]; j+1 >= len(r.toks) || t.kind != 'w' {
			continue
		}
		a.padMode = ""
		if valid && len(a.pad) == 0 {
			a.padMode = "valid"
		}
	}
}

// enArithmeticUnused names the numbers of the asker's own arithmetic that
// ends in a result ("since 60/2 = 30"), which the lexer leaves out, as
// their own working: those written nowhere else in the question (a number
// also said as a setting is the reading's to account for), 0 and 1 aside.
func enArithmeticUnused(src string) []lang.Unused {
	if !strings.Contains(src, "=") {
		return nil // no result written: nothing to name
	}
	raw, err := enRawTokens(src)
	if err != nil {
		return nil
	}
	in := enFoldNumbers(src, raw)
	var runs [][2]int
	for i := 0; i < len(in); i++ {
		if n := enArithRun(in, i); n > 0 {
			runs = append(runs, [2]int{i, i + n})
			i += n - 1
		}
	}
	elsewhere := map[string]bool{"0": true, "1": true}
	for i, t := range in {
		inRun := slices.ContainsFunc(runs, func(r [2]int) bool { return i >= r[0] && i < r[1] })
		if !inRun && (t.kind == 'n' || t.kind == 's') {
			for _, u := range enNumbersOf(src, t, "") {
				elsewhere[u.Text] = true
			}
		}
	}
	var out []lang.Unused
	for _, r := range runs {
		if !slices.ContainsFunc(in[r[0]:r[1]], func(t enTok) bool { return t.kind == 'p' && t.raw == "=" }) {
			continue
		}
		for _, t := range in[r[0]:r[1]] {
			if t.kind == 'n' || t.kind == 's' {
				for _, u := range enNumbersOf(src, t, "your own arithmetic: compare it with the working") {
					if !elsewhere[u.Text] {
						out = append(out, u)
					}
				}
			}
		}
	}
	return out
}

// enWideTall merges "400 pixels wide and 300 tall" at in[i] into the size
// 300x400 (height first), as enTallWide does for "300 tall by 400 wide";
// n is the tokens after in[i] it spans, 0 when in[i] is not written so.
func enWideTall(in []enTok, i int) (enTok, int) {
	word := func(j int, ws ...string) bool {
		return j < len(in) && in[j].kind == 'w' && slices.ContainsFunc(ws, func(w string) bool { return strings.EqualFold(in[j].raw, w) })
	}
	j := i + 1
	if word(j, "pixels", "px", "columns") {
		j++
	}
	h := j + 2 // the height's number, after "by", "and", "x" or a comma
	if j+1 < len(in) && in[j+1].kind == 'n' {
		h = j + 1 // "160 wide 120 tall": no word between
	} else if !word(j+1, "by", "and", "x") && !enSideComma(in, j+1) {
		return enTok{}, 0
	}
	if !word(j, "wide") || h >= len(in) || in[h].kind != 'n' || in[i].isFrac || in[h].isFrac {
		return enTok{}, 0
	}
	k := h + 1
	if word(k, "pixels", "px", "rows") {
		k++
	}
	if !word(k, "tall", "high") {
		return enTok{}, 0
	}
	s := enTok{kind: 's', dims: []int{enClamp(in[h].num), enClamp(in[i].num)}, off: in[i].off, end: in[k].end, glued: in[i].glued}
	s.raw = src(in, s)
	return s, k - i
}

// enDropDefinition leaves out the right side of a formula the asker quotes
// in words ("'connections' = (kernel weights + bias) x maps x output
// size", "output = (W-F+2P)/S+1"): it defines a quantity, names no layer
// and gives no number of the question.
func enDropDefinition(in []enTok) []enTok {
	out := make([]enTok, 0, len(in))
	for i := 0; i < len(in); i++ {
		// LeNet's "(full) connection table" says which maps a layer
		// reads; it is no fully connected layer.
		if in[i].kind == 'w' && strings.EqualFold(in[i].raw, "table") && len(out) > 0 && out[len(out)-1].lem == "connect" {
			for k := len(out) - 1; k >= 0 && k >= len(out)-2 && out[k].kind == 'w' && (out[k].lem == "connect" || out[k].lem == "fully"); k-- {
				out[k].lem = "_"
			}
		}
		if n := enDefinitionAt(in, i); n > 0 {
			i += n - 1
			continue
		}
		out = append(out, in[i])
	}
	return out
}

// enDefinitionAt is the length of a formula's right side starting at the
// "=" in[i], up to the end of its sentence, or 0.
func enDefinitionAt(in []enTok, i int) int {
	if in[i].raw != "=" || i == 0 || in[i-1].kind != 'w' && in[i-1].raw != "'" && in[i-1].raw != ")" {
		return 0
	}
	if enInsideCall(in, i) {
		return 0 // "Conv2D(16, 3, strides=2, padding='same') - output height/width?": a keyword's value, then prose
	}
	ops, words := 0, 0
	j := i + 1
	for ; j < len(in); j++ {
		t := in[j]
		if t.kind == 'p' && (t.raw == "." || t.raw == ";" || t.raw == "?" || t.raw == "\n" || t.lem == ";") {
			break
		}
		switch {
		case t.kind == 'n' && (t.num > 2 || t.isFrac):
			return 0 // "W=63": a value, not a formula
		case t.kind == 's':
			return 0
		case t.kind == 'w' && (strings.EqualFold(t.raw, "x") || strings.EqualFold(t.raw, "times")) || strings.Contains("+-*/×·", t.raw) && t.kind == 'p':
			ops++
		case t.kind == 'w':
			words++
		}
	}
	if ops < 2 || words < 2 {
		return 0
	}
	return j - i
}

// sizeGuesses reports whether the guesses can only be an output's side: no
// layer says a filter count (so no parameter count is at stake) and each
// guess is a plausible side.
func (r *enReader) sizeGuesses() bool {
	for _, a := range r.anchors {
		if len(a.counts)+len(a.args) > 0 {
			return false
		}
	}
	for _, i := range r.guesses {
		if r.toks[i].num > 4096 {
			return false
		}
	}
	return true
}

// enInsideCall reports whether in[i] sits inside brackets opened on its
// line and not closed before it: a call's argument list.
func enInsideCall(in []enTok, i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch in[j].raw {
		case "\n":
			return depth > 0
		case ")":
			depth--
		case "(":
			depth++
		}
	}
	return depth > 0
}

package english

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The English front-end reads a question as people type it: participle's
// lexer splits it into sizes (32x32x3, 3 x 3), numbers (10,000), words and
// punctuation; english_words.go folds words to a small vocabulary (plurals,
// synonyms, typos); english_read.go finds the layers mentioned and what each
// number around them means; english_build.go turns that into calc values.
//
// The token grammar, as EBNF:
//
//	question = { Size | Number | Word | Arrow | Punct } .
//	Size     = Int { [ " " ] ( "x" | "×" | "*" ) [ " " ] Int } .
//
// The meaning is resolved in Go: English has no grammar a student keeps to.

// enMaxLen bounds the text read, so a reply costs little whatever is pasted.
const enMaxLen = 4000

var enLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Size", Pattern: `\d+(?:[ \t]*[xX×*][ \t]*\d+)+`},
	{Name: "Number", Pattern: `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+`},
	{Name: "Word", Pattern: `[A-Za-z][A-Za-z_]*(?:'[A-Za-z]+)?`},
	{Name: "Arrow", Pattern: `-+>|→|=>`},
	{Name: "Newline", Pattern: `[ \t\r]*\n\s*`},
	{Name: "Space", Pattern: `\s+`},
	{Name: "Punct", Pattern: `[^\sA-Za-z0-9]`},
})

// enTimesShort matches "64 x3": a space before the x and none after, so
// the x and its number say how many times, not a size.
var enTimesShort = regexp.MustCompile(`^\d+[ \t]+[xX]\d+$`)

// enSymbols names the lexer's token types.
var enSymbols = lexer.SymbolsByRune(enLexer)

// enTok is one token after merging: a word with its lemma, a number or a
// size, or punctuation.
type enTok struct {
	kind   byte   // 'w' word, 'n' number, 's' size, 'p' punctuation or arrow
	raw    string // as typed
	lem    string // words: the vocabulary lemma ("" when unknown); punctuation: itself
	num    int64  // numbers
	frac   float64
	isFrac bool  // the number had a fraction (0.5)
	dims   []int // sizes
	dimsOf int   // words like conv3d, BatchNorm2d, 3D: the dimension count
	plural bool  // the word ended in s
	off    int   // byte offset in the source
	end    int
	glued  bool // no space before
	used   bool // consumed by a reading
	slash  int  // sizes: the stride after a slash (11x11/4)
	hyph   bool // joined to the token before by a hyphen (2-layer, 256-channel)
	idx    int  // words: the number glued after (conv3, pool2, fc7)
	named  bool // words: a layer named by its stage (conv5_3), no size in it

	// order is the layout the question said for a size ("CHW"), its
	// dims then put as H, W, C (english_layout_hints.go).
	order string
}

// ParseEnglish reads a question in plain English ("a conv layer with 64 3x3
// filters, stride 2, on a 32x32x3 input: how many parameters?") and returns
// what it asks. It returns a positioned *lang.Error, with two examples close to the
// text, when it cannot find a layer or an inverse question in it.
func ParseEnglish(src string) (*lang.Question, error) {
	if len(src) > enMaxLen {
		return nil, &lang.Error{Line: 1, Col: 1, Msg: "the question is longer than 4,000 characters",
			Hint: "ask about one layer or one short network at a time"}
	}
	if q, ok := notationRead(src); ok { // english_course_notation.go
		return q, nil
	}
	if q, ok := stackRepeated(src); ok { // english_stack_repeat.go
		return q, nil
	}
	src, quoted := quotedExample(countTimes(withoutModulePrefix(src))) // english_context.go
	toks, err := enLex(src)
	if err != nil {
		return nil, err
	}
	toks, factors := enDropFactors(src, toks) // english_factors.go
	toks, ratios := enDropRatios(src, toks)   // english_ratio.go
	r := &enReader{src: src, toks: toks}
	r.g.unused = append(append(factors, ratios...), enArithmeticUnused(src)...) // english_formula.go
	q, err := r.read()
	if err == nil {
		q.Repeats = append(q.Repeats, r.repeats...) // english_repeats.go
		withEarlierInputDoubted(src, q)             // english_prev_filters.go
	}
	if err == nil && len(quoted) > 0 {
		q.Unused = append(q.Unused, quoted...)
	}
	return q, err
}

// modulePrefix matches a module's name written before a layer's class in
// prose: the "nn." of "five nn.Conv2d with kernel 3".
var modulePrefix = regexp.MustCompile(`\b(?:torch\.nn|nn|layers|keras\.layers)\.([A-Z][A-Za-z]*[0-9]?[dD]?)\b`)

// withoutModulePrefix blanks the module's name before a layer's class, so
// its dot does not end a sentence ("five nn.Conv2d" reads as "five
// Conv2d"); the text keeps its length and every position.
func withoutModulePrefix(src string) string {
	return modulePrefix.ReplaceAllStringFunc(src, func(m string) string {
		dot := strings.LastIndex(m, ".")
		return strings.Repeat(" ", dot+1) + m[dot+1:]
	})
}

// timesBeforeSize matches a count written with a times sign before a size
// and a space: "2x 3x3 conv" is two 3x3 convs, not a 2x3 kernel.
var timesBeforeSize = regexp.MustCompile(`\b\d+([xX])\s+\d+[x×]\d+`)

// countTimes blanks the times sign of "2x 3x3 conv", so the count reads as
// "2 3x3 conv" does; the sign is an ASCII x, so the text keeps its length
// and every position.
func countTimes(src string) string {
	return timesBeforeSize.ReplaceAllStringFunc(src, func(m string) string {
		sign := timesBeforeSize.FindStringSubmatchIndex(m)
		return m[:sign[2]] + strings.Repeat(" ", sign[3]-sign[2]) + m[sign[3]:]
	})
}

// Asked reads what a question asks for ("params", "output", "receptive
// field", "total connections", ...), as [lang.Question.Asked] names them,
// from its words alone; other front-ends use it for the prose around
// pasted code. Nil when the text asks nothing in particular.
func Asked(src string) []string {
	if len(src) > enMaxLen {
		return nil
	}
	toks, err := enLex(src)
	if err != nil {
		return nil
	}
	r := &enReader{src: src, toks: toks}
	r.findAnchors()
	r.asked()
	return r.g.asked
}

// enLex splits src into tokens and merges what belongs together: "227 by 227"
// into a size, "10k" into 10,000, "conv3d" into a word with dims 3, "i-1"
// into the word "previous", number words into numbers.
func enLex(src string) ([]enTok, error) {
	raw, err := enRawTokens(src)
	if err != nil {
		return nil, err
	}
	return enFourBands(enPreviousOutput(enDtypeIn(enBiasAfter(enPerSample(enLayoutHints(enLayouts(enMerge(enDropProducts(enDropArithmetic(enDropDefinition(enFoldNumbers(src, raw)))))))))))), nil // enFourBands: english_rgb_plus.go
}

// enDtypes are the words of a stored number's type.
var enDtypes = map[string]bool{"float32": true, "fp32": true, "float16": true, "fp16": true, "half": true, "bfloat16": true, "bf16": true,
	"float64": true, "fp64": true, "double": true, "int8": true, "float": true, "single": true, "fp": true, "int": true, "bfloat": true, "bf": true}

// enFrameworks are the names of the libraries a question is asked in:
// "in pytorch", "in keras".
var enFrameworks = map[string]bool{"pytorch": true, "torch": true, "keras": true, "tensorflow": true, "tf": true,
	"caffe": true, "jax": true, "flax": true, "mxnet": true}

// enDtypeIn unties "in" from a number before a type or a library: in
// "25088 -> 4096 in float32" the 4096 is the output, not a count of
// inputs, and in "224 -> 112 in pytorch" the 112 is the output wanted.
func enDtypeIn(toks []enTok) []enTok {
	for i := 0; i+1 < len(toks); i++ {
		next := strings.ToLower(toks[i+1].raw)
		if toks[i].kind == 'w' && toks[i].lem == "in" && (enDtypes[next] || enFrameworks[next] || toks[i+1].lem == "memory") {
			toks[i].lem = "_"
		}
	}
	return toks
}

// enRawTokens are src's tokens as the lexer reads them, before number
// words are folded and tokens merged.
func enRawTokens(src string) ([]enTok, error) {
	lx, err := enLexer.LexString("", src)
	if err != nil {
		return nil, enErrAt(src, 0, "could not read the text", "")
	}
	syms := enSymbols
	var raw []enTok
	lastEnd := -1
	for {
		t, err := lx.Next()
		if err != nil {
			return nil, enErrAt(src, t.Pos.Offset, "could not read the text here", "")
		}
		if t.EOF() {
			break
		}
		name := syms[t.Type]
		if name == "Space" {
			continue
		}
		tk := enTok{raw: t.Value, off: t.Pos.Offset, end: t.Pos.Offset + len(t.Value), glued: t.Pos.Offset == lastEnd}
		lastEnd = tk.end
		if name == "Size" && enTimesShort.MatchString(t.Value) {
			raw = append(raw, enTimesSplit(tk)...)
			continue
		}
		switch name {
		case "Size":
			tk.kind = 's'
			for _, f := range strings.FieldsFunc(t.Value, func(r rune) bool { return r == 'x' || r == 'X' || r == '×' || r == '*' || r == ' ' || r == '\t' }) {
				v, _ := strconv.Atoi(f)
				if len(f) > 8 {
					v = 1 << 30
				}
				tk.dims = append(tk.dims, v)
			}
		case "Number":
			tk.kind = 'n'
			s := strings.ReplaceAll(t.Value, ",", "")
			if strings.Contains(s, ".") {
				tk.frac, _ = strconv.ParseFloat(s, 64)
				tk.isFrac = true
				tk.num = int64(tk.frac)
			} else if len(s) > 15 {
				tk.num = 1 << 50
			} else {
				tk.num, _ = strconv.ParseInt(s, 10, 64)
			}
		case "Word":
			tk.kind = 'w'
			tk.lem, tk.plural = enLemma(t.Value)
		case "Newline":
			// A line break ends a phrase, as a semicolon does.
			tk.kind, tk.lem, tk.raw = 'p', ";", "\n"
		default:
			tk.kind = 'p'
			tk.lem = t.Value
			if name == "Arrow" {
				tk.lem = "->"
			}
		}
		raw = append(raw, tk)
	}
	return raw, nil
}

// enTimesSplit splits "64 x3" into the number 64 and the word "x" with
// index 3 (three times), not a size.
func enTimesSplit(tk enTok) []enTok {
	k := strings.IndexAny(tk.raw, "xX")
	num := strings.TrimSpace(tk.raw[:k])
	n, _ := strconv.ParseInt(num, 10, 64)
	idx, _ := strconv.Atoi(tk.raw[k+1:])
	return []enTok{{kind: 'n', raw: num, num: n, off: tk.off, end: tk.off + len(num), glued: tk.glued},
		{kind: 'w', raw: tk.raw[k : k+1], idx: idx, off: tk.off + k, end: tk.off + k + 1}}
}

// enMerge joins tokens that read as one, each kind of token by its own
// merger; a merger appends to out and returns how many tokens after in[i]
// it consumed.
func enMerge(in []enTok) []enTok {
	var out []enTok
	for i := 0; i < len(in); i++ {
		var n int
		switch in[i].kind {
		case 'w':
			out, n = enMergeWord(in, i, out)
		case 'n':
			out, n = enMergeNumber(in, i, out)
		case 's':
			out, n = enMergeSize(in, i, out)
		default:
			out, n = enMergePunct(in, i, out)
		}
		i += n
	}
	return enCompounds(out)
}

// enAt returns in[i], or nil past the end.
func enAt(in []enTok, i int) *enTok {
	if i < len(in) {
		return &in[i]
	}
	return nil
}

// enMergeWord merges a word: conv3d and BatchNorm2d (a dimension count),
// conv1 and fc7 (an index), i-1 (the layer before), CS231n's W=10, a
// number word, and a "thousand" after a number.
func enMergeWord(in []enTok, i int, out []enTok) ([]enTok, int) {
	t := in[i]
	// h/w, H/W: the output's height and width; w/o: without.
	if o := enSlashed(in, i, "h", "w"); o != nil {
		t.lem, t.end = "size", o.end
		return append(out, t), 2
	}
	if o := enSlashed(in, i, "w", "o"); o != nil {
		t.lem, t.end = "no", o.end
		return append(out, t), 2
	}
	// s2, p1, d2: stride 2, padding 1, dilation 2, written short; LeNet's
	// S2: and C3: are labels, and d2l (the book) is a name.
	if n, c := enAt(in, i+1), enAt(in, i+2); n != nil && n.kind == 'n' && n.glued && !n.isFrac && enShort[t.raw] != "" && (c == nil || c.raw != ":" && !(c.kind == 'w' && c.glued && enShort[c.raw] == "")) {
		t.lem = enShort[t.raw]
		return append(out, t, *n), 1
	}
	if s, n := enStagedName(in, i); n > 0 {
		return append(out, s), n // english_names.go
	}
	if u, n := enUpConv(in, i); n > 0 {
		return append(out, u), n // english_upconv.go
	}
	if vgg, n := enVGGConv(in, i); n > 0 {
		return append(out, vgg...), n
	}
	if hw, n := enHeightWidth(in, i); n > 0 {
		return append(out, hw...), n
	}
	if s, n := enNamedSides(in, i); n > 0 {
		return append(out, s), n
	}
	if l := enNotation(in, i); l != "" {
		t.lem = l
		return append(out, t), 0
	}
	if g, n := enGluedNumber(t, in, i); n > 0 {
		return append(out, g), n
	}
	if m, n := enAt(in, i+1), enAt(in, i+2); len(t.raw) == 1 && m != nil && n != nil && m.kind == 'p' && (m.raw == "-" || m.raw == "+") && m.glued && n.kind == 'n' && n.glued {
		t.lem = "" // i+1: no layer I can size
		if m.raw == "-" {
			t.lem = "previous" // i-1, l-1: the layer before
		}
		t.end = n.end
		return append(out, t), 2
	}
	// "ch 9", "ch. 13", "chapter 9": a chapter of a book, not channels.
	if n := enAt(in, i+1); strings.EqualFold(t.raw, "ch") && len(out) == 0 && n != nil && n.kind == 'n' ||
		strings.EqualFold(t.raw, "ch") && len(out) > 0 && out[len(out)-1].kind == 'w' && n != nil && n.kind == 'n' && !n.glued && enBookWords[strings.ToLower(out[len(out)-1].raw)] {
		t.lem = "idx"
	}
	// CS231n's W=10, F=3, S=2, P=1, K=10.
	if n := enAt(in, i+1); n != nil && len(t.raw) == 1 && (n.raw == "=" || n.raw == ":") {
		if l, ok := enCS231n[t.raw]; ok {
			t.lem = l
		} else if enFormulaN(in, i) { // english_formula.go
			t.lem = "insize"
		}
	}
	pronoun := isOne(t.raw) && (len(out) > 0 && enPronounOne[strings.ToLower(out[len(out)-1].raw)] || i+1 < len(in) && enOneUnit[strings.ToLower(in[i+1].raw)])
	if v, ok := enNumberWords[strings.ToLower(t.raw)]; ok && !pronoun {
		t.kind, t.num = 'n', v
	}
	if (t.lem == "thousand" || t.lem == "million") && len(out) > 0 && out[len(out)-1].kind == 'n' {
		p := &out[len(out)-1]
		p.num = enScale(p, t.lem)
		p.end = t.end
		return out, 0
	}
	return append(out, t), 0
}

// enGluedNumber reads word t = in[i] with the number glued after it:
// conv3d and BatchNorm2d (a dimension count), Conv2dTranspose (a
// transposed conv, misspelt), conv1 and fc7 (an index; but stride2 is a
// stride). n is how many tokens after t it took, 0 for none.
func enGluedNumber(t enTok, in []enTok, i int) (enTok, int) {
	num := enAt(in, i+1)
	if num == nil || num.kind != 'n' || !num.glued || num.isFrac {
		return t, 0
	}
	if d := enAt(in, i+2); d != nil && d.kind == 'w' && d.glued && strings.EqualFold(d.raw, "d") {
		t.dimsOf, t.end = int(num.num), d.end
		return t, 2
	}
	if d := enAt(in, i+2); d != nil && d.kind == 'w' && d.glued && t.lem == "conv" && strings.HasPrefix(strings.ToLower(d.raw), "dtranspose") {
		t.lem, t.dimsOf, t.end = "deconv", int(num.num), d.end
		return t, 2
	}
	if !enAttr[t.lem] && t.lem != "idx" {
		t.end, t.idx = num.end, enClamp(max(num.num, 0))
		return t, 1
	}
	return t, 0
}

// enSlashed is the token after the slash when in[i:] is a/b written glued
// ("h/w", "w/o"), in any case; nil otherwise.
func enSlashed(in []enTok, i int, a, b string) *enTok {
	sl, o := enAt(in, i+1), enAt(in, i+2)
	if !strings.EqualFold(in[i].raw, a) || sl == nil || o == nil || sl.raw != "/" || !sl.glued || !o.glued || !strings.EqualFold(o.raw, b) {
		return nil
	}
	return o
}

// enBookWords are the names before "ch 9" that make it a chapter.
var enBookWords = map[string]bool{"goodfellow": true, "book": true, "textbook": true, "d2l": true, "fastbook": true, "bishop": true, "murphy": true, "dlbook": true, "cs231n": true, "notes": true, "prince": true, "udlbook": true}

// isOne reports whether w is the word "one".
func isOne(w string) bool { return strings.EqualFold(w, "one") }

// enShort are the settings written as a letter glued to their value.
var enShort = map[string]string{"s": "stride", "p": "pad", "d": "dilation", "k": "ksize"}

// enCS231n are CS231n's one-letter names for a layer's settings.
var enCS231n = map[string]string{"g": "group", "G": "group", "W": "insize", "H": "insize", "F": "ksize", "S": "stride", "P": "pad", "K": "filter", "D": "depth", "C": "channel", "k": "ksize", "f": "ksize", "s": "stride", "p": "pad", "d": "dilation"}

// enMergeNumber merges a number: 3D (a dimension count), 10k, and "227 by
// 227" (a size, as LaTeX's 32 \times 32).
func enMergeNumber(in []enTok, i int, out []enTok) ([]enTok, int) {
	t := in[i]
	if s, n := enTallWide(in, i); n > 0 {
		return append(out, s), n
	}
	if s, n := enSidesAfter(in, i); n > 0 {
		return append(out, s), n
	}
	used := 0
	// "1-D", "2-D": a dimension count, as 1D is.
	if h, n := enAt(in, i+1), enAt(in, i+2); h != nil && n != nil && h.raw == "-" && h.glued && n.glued && strings.EqualFold(n.raw, "d") && t.num >= 1 && t.num <= 3 {
		w := enTok{kind: 'w', raw: t.raw + "D", lem: "dims", dimsOf: int(t.num), off: t.off, end: n.end, glued: t.glued}
		return append(out, w), 2
	}
	if n := enAt(in, i+1); n != nil && n.kind == 'w' && n.glued {
		switch strings.ToLower(n.raw) {
		case "d": // 3D, 2d
			w := enTok{kind: 'w', raw: t.raw + n.raw, lem: "dims", dimsOf: int(t.num), off: t.off, end: n.end, glued: t.glued}
			return append(out, w), 1
		case "k", "m":
			t.num = enScale(&t, map[string]string{"k": "thousand", "m": "million"}[strings.ToLower(n.raw)])
			t.end = n.end
			used = 1
		}
	}
	j := i + used
	if w := enTimes(in, j+1); w == 0 || j+w+1 >= len(in) || in[j+w+1].kind != 'n' || t.isFrac || in[j+w+1].isFrac {
		return append(out, t), used
	}
	s := enTok{kind: 's', dims: []int{enClamp(t.num)}, off: t.off, glued: t.glued}
	for {
		w := enTimes(in, j+1)
		if w == 0 || j+w+1 >= len(in) || in[j+w+1].kind != 'n' {
			break
		}
		j += w + 1
		s.dims = append(s.dims, enClamp(in[j].num))
		s.end = in[j].end
	}
	s.raw = src(in, s)
	return append(out, s), j - i
}

// enTallWide reads "40 pixels tall and 60 wide", "3 tall by 5 wide": a
// size of height × width; n is the tokens after in[i] it spans, 0 when
// there is none.
func enTallWide(in []enTok, i int) (enTok, int) {
	if s, n := enWideTall(in, i); n > 0 { // english_formula.go
		return s, n
	}
	word := func(j int, ws ...string) bool {
		for _, w := range ws {
			if j < len(in) && in[j].kind == 'w' && strings.EqualFold(in[j].raw, w) {
				return true
			}
		}
		return false
	}
	j := i + 1
	if word(j, "pixels", "px", "rows") {
		j++
	}
	w := j + 2 // the width's number, after "by", "and", "x" or a comma
	if j+1 < len(in) && in[j+1].kind == 'n' {
		w = j + 1 // "120 tall 160 wide": no word between
	} else if !word(j+1, "by", "and", "x") && !enSideComma(in, j+1) {
		return enTok{}, 0
	}
	if !word(j, "tall", "high") || w >= len(in) || in[w].kind != 'n' {
		return enTok{}, 0
	}
	k := w + 1
	if word(k, "pixels", "px", "columns") {
		k++
	}
	if !word(k, "wide") {
		return enTok{}, 0
	}
	s := enTok{kind: 's', dims: []int{enClamp(in[i].num), enClamp(in[w].num)}, off: in[i].off, end: in[k].end, glued: in[i].glued}
	s.raw = src(in, s)
	return s, k - i
}

// enMergeSize merges Caffe's kernel/stride: 11x11/4.
func enMergeSize(in []enTok, i int, out []enTok) ([]enTok, int) {
	t := in[i]
	if sl, n := enAt(in, i+1), enAt(in, i+2); sl != nil && n != nil && sl.raw == "/" && sl.glued && n.glued && n.kind == 'n' {
		t.slash = enClamp(n.num)
		t.end = n.end
		return append(out, t), 2
	}
	return append(out, t), 0
}

// enMergePunct merges punctuation: (3, 3) and (28,28,1) are sizes;
// quotes and emphasis go; a spaced dash separates as a comma does; a hyphen
// joining words (zero-padding, 256-channel, stride-2) goes.
func enMergePunct(in []enTok, i int, out []enTok) ([]enTok, int) {
	t := in[i]
	if s, n := enTuple(in, i); n > 0 {
		return append(out, s), n
	}
	switch {
	case strings.Contains("'\"`“”‘’*_$", t.raw):
		return out, 0
	case (t.raw == "-" || t.raw == "–" || t.raw == "—") && (i+1 >= len(in) || !in[i+1].glued):
		t.lem = ","
		return append(out, t), 0
	case t.raw == "-" && len(out) > 0 && i+1 < len(in) && in[i+1].glued && t.glued && in[i+1].kind == 'n' && (enNetFamily(out[len(out)-1].raw) || enDataset(out[len(out)-1].raw)):
		// "resnet-18", "vgg-16": the network's name, not a count.
		p := &out[len(out)-1]
		p.idx, p.end = enClamp(max(in[i+1].num, 0)), in[i+1].end
		return out, 1
	case t.raw == "-" && len(out) > 0 && i+1 < len(in) && in[i+1].glued && t.glued && in[i+1].kind != 'p':
		in[i+1].hyph = true
		if out[len(out)-1].kind == 'n' && strings.EqualFold(in[i+1].raw, "way") {
			in[i+1].lem = "neuron" // "a 10-way classifier": its classes
		}
		return out, 0
	}
	return append(out, t), 0
}

// enBatchWords stand for the batch in a tensor's shape.
var enBatchWords = map[string]bool{"batch": true, "batch_size": true, "bs": true, "n": true, "b": true, "none": true}

// enTuple reads "(3, 3)", "(28,28,1)" or a shape "[16, 64, 7, 7]" at
// in[i], not glued to a word (a call's arguments), as a size; n is the
// tokens after in[i] it spans, 0 when there is none.
func enTuple(in []enTok, i int) (enTok, int) {
	t := in[i]
	closer := map[string]string{"(": ")", "[": "]"}[t.raw]
	if closer == "" || i > 0 && in[i-1].kind == 'w' && t.glued {
		return enTok{}, 0
	}
	j := i + 1
	var dims []int
	// "(batch, 3, 64, 64)", "(None, 28, 28, 1)": the batch, unnamed, read
	// as one image.
	if j+1 < len(in) && enBatchWords[strings.ToLower(in[j].raw)] && in[j+1].raw == "," {
		dims = append(dims, 1)
		j += 2
	}
	for j+1 < len(in) && in[j].kind == 'n' && !in[j].isFrac && (in[j+1].raw == "," || in[j+1].raw == closer) {
		dims = append(dims, enClamp(in[j].num))
		if in[j+1].raw == closer {
			break
		}
		j += 2
	}
	if len(dims) < 2 || j+1 >= len(in) || in[j+1].raw != closer || in[j].kind != 'n' {
		return enTok{}, 0
	}
	end := in[j+1].end
	return enTok{kind: 's', raw: src(in, enTok{off: t.off, end: end}), dims: dims, off: t.off, end: end, glued: t.glued}, j + 1 - i
}

// enTimes is the number of tokens of a "times" between two numbers at i:
// "by" (1) or LaTeX's \times (2); 0 when there is none.
func enTimes(in []enTok, i int) int {
	if i >= len(in) {
		return 0
	}
	if in[i].kind == 'w' && strings.EqualFold(in[i].raw, "by") {
		return 1
	}
	if in[i].raw == "\\" && i+1 < len(in) && in[i+1].kind == 'w' && (in[i+1].raw == "times" || in[i+1].raw == "cdot") {
		return 2
	}
	return 0
}

// src rebuilds a merged token's text from the raw tokens it spans.
func src(in []enTok, t enTok) string {
	var b strings.Builder
	for _, r := range in {
		if r.off >= t.off && r.end <= t.end {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(r.raw)
		}
	}
	return b.String()
}

func enScale(t *enTok, unit string) int64 {
	f := float64(t.num)
	if t.isFrac {
		f = t.frac
	}
	switch unit {
	case "thousand":
		f *= 1e3
	case "million":
		f *= 1e6
	}
	if f > 1e15 {
		f = 1e15
	}
	t.isFrac = false
	return int64(f)
}

func enClamp(v int64) int {
	if v > 1<<30 {
		return 1 << 30
	}
	return int(v)
}

// enPos turns a byte offset of src into a 1-based line and rune column.
func enPos(src string, off int) lang.Position {
	off = max(min(off, len(src)), 0)
	line := 1 + strings.Count(src[:off], "\n")
	start := strings.LastIndex(src[:off], "\n") + 1
	return lang.Position{Line: line, Col: utf8.RuneCountInString(src[start:off]) + 1}
}

func enErrAt(src string, off int, msg, hint string) *lang.Error {
	p := enPos(src, off)
	return &lang.Error{Line: p.Line, Col: p.Col, Msg: msg, Hint: hint}
}

// enNetFamily reports whether w names a family of networks whose members
// are told apart by a number written after a hyphen ("resnet-18").
func enNetFamily(w string) bool {
	switch strings.ToLower(w) {
	case "resnet", "vgg", "densenet", "resnext", "lenet", "efficientnet", "alexnet":
		return true
	}
	return false
}

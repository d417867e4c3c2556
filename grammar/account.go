package grammar

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Every number the asker wrote is accounted for: a reading uses it, or the
// reply names it as not used and says why. account finds the numbers of a
// question's text and checks each against the numbers of one reading (its
// canonical restatement), so the router can keep the reading that leaves
// the fewest unexplained, and the reply can say which those are.

// written is one number as the asker wrote it.
type written struct {
	text     string  // as typed: "30.5", "10,000", "10k"
	off, end int     // byte offsets in the text
	val      float64 // its value
	chain    int     // index+1 of the arithmetic chain it is part of, 0 for none
}

// chainOf is an arithmetic chain the asker wrote ("64*4*4", "28-5+1") and
// its value, so a reading that uses the result uses every number of it.
type chainOf struct {
	val float64
	ok  bool
}

// account returns the numbers of src that are not among used (the numbers
// of q's reading), each with why when a reason can be told (the asker's own
// result, a training setting, a percentage, the batch size); numbers q's
// front-end already named are kept as it named them.
func account(src string, q *Question, used map[float64]bool) []Unused {
	nums, chains := writtenNumbers(src)
	nums = withWordNumbers(src, nums)
	named := map[Position]bool{}
	out := append([]Unused(nil), q.Unused...)
	for _, u := range q.Unused {
		named[u.Pos] = true
	}
	for _, w := range nums {
		if used[w.val] || w.chain > 0 && chains[w.chain-1].ok && used[chains[w.chain-1].val] {
			continue
		}
		pos := offsetPosition(src, w.off)
		if named[pos] {
			continue
		}
		out = append(out, Unused{Text: w.text, Pos: pos, Why: whyUnused(src, w, q)})
	}
	return out
}

// unexplained counts the numbers of u that no reason explains.
func unexplained(u []Unused) int {
	n := 0
	for _, x := range u {
		if x.Why == "" {
			n++
		}
	}
	return n
}

// readingValues collects the numbers a reading uses: those of its
// canonical restatement, its batch, its layer count ("two 3x3 convs"), its
// inverse question, the numbers of its answer (reports, from computed),
// and the defaults 0 and 1 a restatement leaves out.
func readingValues(q *Question, reports []*calc.Report) map[float64]bool {
	vals := map[float64]bool{0: true, 1: true}
	text := lang.Format(q)
	if q.Solve != nil {
		text += " " + q.Solve.Question
		if q.Solve.Layer != nil {
			text += " " + lang.FormatLayer(q.Solve.Layer)
		}
		for _, v := range q.Solve.Solutions {
			vals[float64(v)] = true
		}
	}
	nums, _ := writtenNumbers(text)
	for k, w := range nums {
		vals[w.val] = true
		// A kernel's area: "a 7x7 conv has 49 weights per channel".
		if k > 0 && nums[k-1].end+1 == w.off && strings.ContainsAny(text[nums[k-1].end:w.off], "x×") {
			vals[nums[k-1].val*w.val] = true
		}
	}
	vals[float64(q.Batch)] = true
	vals[float64(len(q.Layers))] = true
	repeatCounts(q, vals) // stack_counts.go: "5 blocks of ..." unrolled
	for _, s := range q.Input {
		vals[float64(s)] = true
	}
	for _, r := range reports {
		addReport(vals, r)
	}
	for _, l := range q.Layers {
		if c, ok := l.Layer.(calc.Conv); ok && c.Groups > 1 {
			// A group's channels: "weight.shape = [128, 16, 3, 3]",
			// "depth multiplier 2".
			vals[float64(c.In/c.Groups)], vals[float64(c.Out/c.Groups)] = true, true
		}
	}
	return vals
}

// computed sizes q's layers, so that a number the asker quotes from the
// answer (a summary row's 896, their own right result) counts as used; ok
// is false when a layer cannot be sized (the reports then stop before it).
func computed(q *Question) (out []*calc.Report, ok bool) {
	if q.Network {
		s, err := summarize(q)
		for i := range s.Rows {
			out = append(out, s.Rows[i].Report)
		}
		return append(out, &calc.Report{Params: s.Params, MACs: s.MACs, Output: s.Output}), err == nil
	}
	for _, l := range q.Layers {
		r, err := l.Apply(q.Input)
		if err != nil {
			return out, false
		}
		out = append(out, &r)
	}
	return out, true
}

// presetValues are the numbers a question about a preset may name
// without their being sizes: its input and its totals ("resnet50 is
// 25,557,032 params right?"), with 0 and 1. Any other number of its layers
// would match by chance.
func presetValues(q *Question, reports []*calc.Report) map[float64]bool {
	vals := map[float64]bool{0: true, 1: true}
	for _, d := range q.Input {
		vals[float64(d)] = true
	}
	for _, r := range reports {
		if r.Kind == "" { // the totals
			vals[float64(r.Params)], vals[float64(r.MACs)], vals[float64(2*r.MACs)] = true, true, true
		}
	}
	return vals
}

// countedWord matches the words after a number that make it a count of
// layers: "13 conv layers", "3 fc", "5 pools".
var countedWord = regexp.MustCompile(`(?i)^\s*(?:[a-z]+\s+)?(?:conv\w*|fc|fully|dense|linear|pool\w*|max\w*|layers?|blocks?|batch\s*norms?|bn)\b`)

// withoutCounts drops from u the numbers of src that count a preset's
// layers of a kind ("the 13 conv layers of VGG16"), as read.
func withoutCounts(src string, u []Unused, reports []*calc.Report) []Unused {
	counts := map[string]int{}
	all := 0
	for _, r := range reports {
		if r.Kind != "" && len(r.Children) == 0 {
			counts[r.Kind]++
			all++
		}
	}
	is := map[int]bool{all: true}
	for _, n := range counts {
		is[n] = true
	}
	return slices.DeleteFunc(slices.Clone(u), func(x Unused) bool {
		n, err := strconv.Atoi(x.Text)
		at := positionOffset(src, x.Pos) + len(x.Text)
		return err == nil && is[n] && at <= len(src) && countedWord.MatchString(src[at:])
	})
}

// addReport adds the numbers a layer's answer shows.
func addReport(vals map[float64]bool, r *calc.Report) {
	n := int64(1)
	for _, d := range r.Output {
		vals[float64(d)] = true
		n *= int64(d)
	}
	for _, v := range []int64{n, r.Weights, r.Biases, r.Params, r.Buffers, r.Params + r.Buffers, r.Connections, r.MACs, 2 * r.MACs} {
		vals[float64(v)] = true
	}
}

// writtenNumbers finds the numbers of src: digits not glued to a word
// (conv1, vgg16, resnet-18 and 2d are names), not list markers ("1)") and
// not indexes ("layer 2", "problem 3"); sizes count each number ("5x5" is
// two). Numbers joined by arithmetic ("64*4*4") form chains.
func writtenNumbers(src string) ([]written, []chainOf) {
	var nums []written
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r < '0' || r > '9' {
			i += size
			continue
		}
		w, ok := numberAt(src, i)
		i = w.end
		if ok {
			nums = append(nums, w)
		}
	}
	return nums, chains(src, nums)
}

// numberAt reads the number starting at src[i] and reports whether it
// counts as one the asker wrote.
func numberAt(src string, i int) (written, bool) {
	end := digitsEnd(src, i)
	// 10,000 groups thousands; (3,3) and (100,100,3) are tuples.
	if end-i <= 3 && !inTuple(src, i) {
		for end+4 <= len(src) && src[end] == ',' && isDigits(src[end+1:end+4]) && (end+4 == len(src) || !isDigit(src[end+4])) {
			end += 4
		}
	}
	if end+1 < len(src) && src[end] == '.' && isDigit(src[end+1]) {
		end = digitsEnd(src, end+1)
	}
	w := written{text: src[i:end], off: i, end: end}
	w.val, _ = strconv.ParseFloat(strings.ReplaceAll(w.text, ",", ""), 64)
	if scale, n := scaleAfter(src, end); n > 0 {
		w.val *= scale
		w.end += n
		w.text = src[i:w.end]
	}
	return w, !gluedName(src, i, w.end) && !listMarker(src, i, w.end) && !afterIndexWord(src, i)
}

// inTuple reports whether the number at src[i] opens or continues a
// bracketed list, where a comma separates numbers rather than groups them.
func inTuple(src string, i int) bool {
	before := strings.TrimRight(src[:i], " ")
	return strings.HasSuffix(before, "(") || strings.HasSuffix(before, "[") || strings.HasSuffix(before, ",")
}

// scaleAfter reads a k or M glued after a number (10k, 1.2M).
func scaleAfter(src string, end int) (float64, int) {
	if end >= len(src) || end+1 < len(src) && isLetter(rune(src[end+1])) {
		return 0, 0
	}
	switch src[end] {
	case 'k', 'K':
		return 1e3, 1
	case 'M':
		return 1e6, 1
	}
	return 0, 0
}

// gluedName reports whether the digits at src[i:end] belong to a name:
// glued after a letter (conv1, vgg16), after a letter and a hyphen or
// underscore (resnet-18, conv_2), or before letters (2d, 3rd) other than a
// size's x.
func gluedName(src string, i, end int) bool {
	if i > 0 {
		p, size := utf8.DecodeLastRuneInString(src[:i])
		if (p == 'x' || p == 'X' || p == '×') && i > size && isDigit(src[i-size-1]) {
			// 224x224: a size's second number, unless the size is part of
			// a name that starts with letters ("resnext50_32x4d").
			return identifierAt(src, i)
		}
		if isLetter(p) || p == '_' {
			return true
		}
		if (p == '-' || p == '.') && i > 1 {
			pp, _ := utf8.DecodeLastRuneInString(src[:i-1])
			if isLetter(pp) {
				return true
			}
		}
	}
	if end < len(src) {
		n, _ := utf8.DecodeRuneInString(src[end:])
		if isLetter(n) && n != 'x' && n != 'X' && n != '×' {
			return true
		}
	}
	return false
}

// identifierAt reports whether the run of letters, digits, underscores
// and x's that holds src[i] starts with a letter and has an underscore:
// a name written in code style, whose numbers are its name.
func identifierAt(src string, i int) bool {
	start := i
	for start > 0 {
		c := src[start-1]
		if !(isDigit(c) || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		start--
	}
	return start < i && isLetter(rune(src[start])) && strings.Contains(src[start:i], "_")
}

// listMarker reports whether the number starts an item of a list: "1)" or
// "2." at the start of a line or after a question mark.
func listMarker(src string, i, end int) bool {
	if end >= len(src) || src[end] != ')' && !(src[end] == '.' && (end+1 == len(src) || src[end+1] == ' ')) {
		return false
	}
	before := strings.TrimRight(src[:i], " \t(")
	return before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, ":") || nextMarker(src, i, end)
}

// indexWords are the words a number after which is an index, not a size.
var indexWords = map[string]bool{"layer": true, "problem": true, "question": true, "exercise": true, "part": true,
	"chapter": true, "section": true, "lecture": true, "week": true, "assignment": true, "page": true, "slide": true,
	"block": true, "stage": true, "version": true, "step": true, "figure": true, "fig": true, "task": true, "lab": true}

// afterIndexWord reports whether the number at src[i] follows an index
// word ("layer 2 takes", "problem 3").
func afterIndexWord(src string, i int) bool {
	before := src[:i]
	if !strings.HasSuffix(before, " ") {
		return false
	}
	before = strings.TrimRight(before, " \t\r\n")
	word := before[strings.LastIndexAny(before, " \t\r\n")+1:]
	return word != "" && indexWords[strings.TrimRight(strings.ToLower(word), ":")]
}

// chains groups numbers joined by + - * / // into arithmetic chains and
// evaluates each (products and quotients before sums, as Python does).
func chains(src string, nums []written) []chainOf {
	var out []chainOf
	for k := 0; k+1 < len(nums); k++ {
		if operatorBetween(src, nums[k].end, nums[k+1].off) == "" {
			continue
		}
		if nums[k].chain == 0 {
			out = append(out, chainOf{})
			nums[k].chain = len(out)
		}
		nums[k+1].chain = nums[k].chain
	}
	for c := range out {
		out[c] = evalChain(src, nums, c+1)
	}
	return out
}

// operatorBetween returns the arithmetic operator alone between two
// numbers (spaces allowed), or "".
func operatorBetween(src string, end, next int) string {
	if next <= end || next-end > 5 {
		return ""
	}
	op := strings.TrimSpace(src[end:next])
	switch op {
	case "*", "/", "//", "+", "-", "×", "·", "**":
		return op
	}
	return ""
}

// evalChain evaluates the numbers of chain c: powers first, then
// products and quotients, then sums, as Python does.
func evalChain(src string, nums []written, c int) chainOf {
	sum, term, factor := 0.0, math.NaN(), 0.0
	sign, mul := 1.0, true
	for k, w := range nums {
		if w.chain != c {
			continue
		}
		if math.IsNaN(term) {
			term, factor = w.val, w.val
			continue
		}
		switch operatorBetween(src, nums[k-1].end, w.off) {
		case "**":
			p := math.Pow(factor, w.val)
			if mul {
				term = term / factor * p
			} else {
				term = term * factor / p
			}
			factor = p
		case "*", "×", "·":
			term, factor, mul = term*w.val, w.val, true
		case "/":
			term, factor, mul = term/w.val, w.val, false
		case "//":
			term, factor, mul = math.Floor(term/w.val), w.val, false
		case "+":
			sum, term, factor, sign, mul = sum+sign*term, w.val, w.val, 1, true
		case "-":
			sum, term, factor, sign, mul = sum+sign*term, w.val, w.val, -1, true
		}
	}
	v := sum + sign*term
	return chainOf{val: v, ok: !math.IsInf(v, 0) && !math.IsNaN(v)}
}

// whyUnused says why a number was not used, or "" when that cannot be told.
func whyUnused(src string, w written, q *Question) string {
	before := strings.ToLower(src[max(0, w.off-40):w.off])
	after := strings.ToLower(src[w.end:min(len(src), w.end+12)])
	last := lastWords(before, 3)
	switch {
	case strings.HasPrefix(strings.TrimSpace(after), "%"):
		return "a percentage: no size or count depends on it"
	case isRatio(src, w): // account_ratio.go
		return "a ratio, not a size or count of the layer"
	case ownResult(before, last, w.val != math.Trunc(w.val)) || confirming(after) || wantedBack(last, after):
		return "your own figure: compare it with the answer"
	case yearCited(before, w): // account_year.go
		return yearWhy
	case hasAny(last, "lr", "learning", "rate", "epoch", "epochs", "accuracy", "acc", "loss", "momentum", "decay") || hasAny(firstWords(after, 1), "epoch", "epochs"):
		return "a training setting: no size or count depends on it"
	case hasAny(firstWords(after, 1), "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "sec", "seconds", "day", "days", "week", "weeks"):
		return "a time: no size or count depends on it"
	case hasAny(last, "batch", "batches", "minibatch") && q.Batch == 0:
		return batchWhy
	}
	if firstOfBatchTuple(src, w) {
		return batchWhy
	}
	return ""
}

// ownResult reports whether the number after before is the asker's own
// result: "I get 30.5", "my answer is 12", "(28-5)/2+1 = 12.5", a fraction
// the formula "gives" (no layer has half a pixel); a keyword's value
// (out_channels=33) or a whole number a tool printed is not.
// confirming reports whether the words after a number ask to confirm it:
// "27 right?", "37, correct?", "113 or 114".
func confirming(after string) bool {
	w := firstWords(after, 1)
	return hasAny(w, "right", "correct", "yes", "or", "isnt", "no")
}

func ownResult(before string, last []string, frac bool) bool {
	b := strings.TrimSpace(before)
	if strings.HasSuffix(b, "=") {
		b = strings.TrimSpace(strings.TrimSuffix(b, "="))
		return frac || b != "" && (isDigit(b[len(b)-1]) || b[len(b)-1] == ')')
	}
	near := last[max(0, len(last)-2):]
	if frac && hasAny(near, "gives", "give", "is", "equals", "be", "says", "shows") {
		return true
	}
	if strings.HasSuffix(b, "instead of") || strings.HasSuffix(b, "replace") {
		return true // "what number goes in fc1 instead of 16*5*5?": what the asker has now
	}
	if guess := strings.TrimSpace(strings.TrimSuffix(b, "or")); guess != b && guess != "" && isDigit(guess[len(guess)-1]) {
		return true // "113 or 114": the asker's two guesses
	}
	return hasAny(near, "get", "got", "getting", "put", "wrote", "answered", "entered", "submitted", "computed", "calculated", "think", "thought", "me", "its", "about", "around", "roughly", "approx", "approximately", "nearly", "almost", "like", "expected", "expecting") ||
		hasAny(last, "my") && hasAny(last, "answer", "result", "notes")
}

// wantedBack reports whether the number is the size the asker wants out:
// "doesn't give 28x28 back", "I want 64x64 out", "supposed to be 32".
func wantedBack(last []string, after string) bool {
	next := firstWords(after, 2)
	if len(next) > 0 && next[0] == "x" {
		next = next[1:] // "28x28 back": the words after the sizes
	}
	return hasAny(next[:min(1, len(next))], "back") || hasAny(last, "want", "wanted", "wants", "supposed")
}

// firstOfBatchTuple reports whether w opens a tensor shape of four or more
// numbers ([8, 1, 28, 28], (1, 3, 32, 32), 1x3x224x224): the batch.
func firstOfBatchTuple(src string, w written) bool {
	if w.off > 0 && strings.ContainsRune("[(", rune(src[w.off-1])) {
		close := strings.IndexAny(src[w.off:], "])")
		return close > 0 && strings.Count(src[w.off:w.off+close], ",") >= 3
	}
	rest := src[w.off:]
	n := 0
	for n < len(rest) && (isDigit(rest[n]) || rest[n] == 'x' || rest[n] == 'X') {
		n++
	}
	return strings.Count(strings.ToLower(rest[:n]), "x") >= 3
}

func lastWords(s string, n int) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !(isLetter(r) || r == '_') })
	return f[max(0, len(f)-n):]
}

func firstWords(s string, n int) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !(isLetter(r) || r == '_') })
	return f[:min(n, len(f))]
}

func hasAny(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

func digitsEnd(src string, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	return i
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// offsetPosition turns a byte offset of src into a 1-based line and rune
// column.
func offsetPosition(src string, off int) Position {
	off = max(min(off, len(src)), 0)
	start := strings.LastIndex(src[:off], "\n") + 1
	return Position{Line: 1 + strings.Count(src[:off], "\n"), Col: utf8.RuneCountInString(src[start:off]) + 1}
}

// summarize sizes a network reading; a preset asked as it is (its own
// input) is sized once and shared (PresetSummary), and only read here.
func summarize(q *Question) (calc.Summary, error) {
	if name, _, _ := strings.Cut(q.Canonical, " "); name == q.Canonical {
		if _, canonical, ok := Preset(name); ok && canonical == name {
			if s, err := PresetSummary(name); err == nil && s.Input.Equal(q.Input) {
				return s, nil
			}
		}
	}
	net := calc.Network{Input: q.Input, Layers: make([]calc.Layer, len(q.Layers))}
	for i, l := range q.Layers {
		net.Layers[i] = l.Layer
	}
	return net.Summarize()
}

package english

import (
	"strings"
	"unicode"
)

// Numbers written as words: "sixty-four", "sixty four", "five by five",
// "a hundred and twenty-eight", "two hundred fifty-six", "one thousand
// twenty four". enFoldNumbers reads them before the tokens are merged, so a
// size written in words ("ninety-nine by ninety-nine") merges as one typed
// in digits does.

// enUnits are the number words below twenty.
var enUnits = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

// enTens are the tens from twenty.
var enTens = map[string]int64{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// enPronounOne are the words after which "one" is a pronoun, not 1.
var enPronounOne = map[string]bool{"the": true, "last": true, "first": true, "this": true, "that": true, "each": true,
	"every": true, "another": true, "which": true, "second": true, "next": true, "same": true, "any": true, "final": true}

// enOneUnit are the nouns after which "one" says a single unit of the
// output, not a size: "the receptive field of one pixel after the pool".
var enOneUnit = map[string]bool{"pixel": true, "neuron": true, "unit": true, "activation": true, "location": true, "position": true, "output": true, "value": true, "element": true, "cell": true, "node": true}

// enScales multiply the number before them.
var enScales = map[string]int64{"hundred": 100, "thousand": 1000, "million": 1000000}

// WordNumber is a number a text writes as words: where it is (byte
// offsets) and its value.
type WordNumber struct {
	Off, End int
	Value    int64
}

// WordNumbers finds the numbers src writes as words ("sixty four", "a
// hundred and twenty-eight"), read as the English reader reads them; other
// front-ends use it to account for every number the asker wrote.
func WordNumbers(src string) []WordNumber {
	if len(src) > enMaxLen {
		return nil
	}
	raw, err := enRawTokens(src)
	if err != nil {
		return nil
	}
	var out []WordNumber
	for _, t := range enFoldNumbers(src, raw) {
		if t.kind == 'n' && strings.IndexFunc(t.raw, unicode.IsLetter) >= 0 {
			out = append(out, WordNumber{Off: t.off, End: t.end, Value: t.num})
		}
	}
	return out
}

// enFoldNumbers replaces each run of number words in the raw tokens with
// one number token spanning it, and "3-by-3" with "3 by 3".
func enFoldNumbers(src string, in []enTok) []enTok {
	out := make([]enTok, 0, len(in))
	for i := 0; i < len(in); i++ {
		if enHyphenBy(in, i) {
			out = append(out, in[i+1]) // the "by" of "3-by-3"
			i += 2
			continue
		}
		v, n := enNumberPhrase(in, i)
		if n == 1 && v == 1 && (i > 0 && enPronounOne[strings.ToLower(in[i-1].raw)] || i+1 < len(in) && enOneUnit[strings.ToLower(in[i+1].raw)]) {
			n = 0 // "the last one", "this one": a pronoun; "one pixel": an article
		}
		if n == 0 {
			out = append(out, in[i])
			continue
		}
		last := in[i+n-1]
		out = append(out, enTok{kind: 'n', raw: src[in[i].off:last.end], num: v,
			off: in[i].off, end: last.end, glued: in[i].glued})
		i += n - 1
	}
	return out
}

// enHyphenBy reports whether in[i:i+3] is the "-by-" of "3-by-3", glued
// between two numbers.
func enHyphenBy(in []enTok, i int) bool {
	if i < 1 || i+3 >= len(in) || in[i].raw != "-" || !in[i].glued || in[i-1].kind != 'n' && !enIsNumberWord(in[i-1].raw) {
		return false
	}
	return strings.EqualFold(in[i+1].raw, "by") && in[i+2].raw == "-" && in[i+1].glued && in[i+2].glued && in[i+3].glued
}

// enIsNumberWord reports whether w is a number word.
func enIsNumberWord(w string) bool {
	w = strings.ToLower(w)
	return enUnits[w] != 0 || enTens[w] != 0
}

// enNumberPhrase reads the number words starting at in[i] and returns
// their value and how many tokens they span; n is 0 when in[i] starts no
// number ("a" alone, "hundred" alone).
func enNumberPhrase(in []enTok, i int) (v int64, n int) {
	var total, cur int64
	last := ' ' // ' ' nothing yet, 'u' a unit, 't' a ten, 's' a scale
	end := 0    // tokens read up to the last number word
	for j := i; j < len(in) && in[j].kind == 'w' || j < len(in) && in[j].raw == "-"; j++ {
		w := strings.ToLower(in[j].raw)
		switch {
		case w == "-":
			if last != 't' || !in[j].glued || j+1 >= len(in) || enUnits[strings.ToLower(in[j+1].raw)] == 0 || enUnits[strings.ToLower(in[j+1].raw)] > 9 {
				return enPhraseEnd(total+cur, end)
			}
			continue
		case (w == "a" || w == "an") && j == i:
			if j+1 < len(in) && enScales[strings.ToLower(in[j+1].raw)] != 0 {
				cur = 1
				continue
			}
			return 0, 0
		case w == "and":
			if last != 's' || j+1 >= len(in) || !enIsNumberWord(in[j+1].raw) {
				return enPhraseEnd(total+cur, end)
			}
			continue
		case enUnits[w] != 0:
			if last == 'u' || last == 't' && enUnits[w] > 9 {
				return enPhraseEnd(total+cur, end)
			}
			cur += enUnits[w]
			last = 'u'
		case enTens[w] != 0:
			if last == 'u' || last == 't' || cur%100 != 0 {
				return enPhraseEnd(total+cur, end)
			}
			cur += enTens[w]
			last = 't'
		case enScales[w] != 0 && cur > 0:
			if w == "hundred" {
				if cur >= 100 {
					return enPhraseEnd(total+cur, end)
				}
				cur *= 100
			} else {
				total, cur = total+cur*enScales[w], 0
			}
			last = 's'
		default:
			return enPhraseEnd(total+cur, end)
		}
		end = j - i + 1
	}
	return enPhraseEnd(total+cur, end)
}

// enPhraseEnd returns a phrase's value, or nothing when no word was read.
func enPhraseEnd(v int64, n int) (int64, int) {
	if n == 0 || v == 0 {
		return 0, 0
	}
	return v, n
}

// enArithmetic lists the operators of the asker's own arithmetic.
var enArithmetic = map[string]bool{"+": true, "-": true, "*": true, "/": true, "=": true, "×": true, "·": true}

// enDropArithmetic leaves out the asker's own arithmetic — "(32 - 5 +
// 2*0)/2 + 1 = 14.5", "5*5*64*64 = 102400" — which restates the question
// rather than adding to it; the front door names its numbers. Caffe's
// 7x7/2 and a range like 3-5 stay.
func enDropArithmetic(in []enTok) []enTok {
	out := make([]enTok, 0, len(in))
	for i := 0; i < len(in); i++ {
		if n := enArithRun(in, i); n > 0 {
			i += n - 1
			continue
		}
		out = append(out, in[i])
	}
	return out
}

// enArithRun is the length of the arithmetic at in[i] (numbers joined by
// operators, in brackets or not), or 0 when none starts there.
func enArithRun(in []enTok, i int) int {
	j, ops, strong := i, 0, false
	for {
		k := enOperand(in, j)
		if k == j {
			break
		}
		j = k
		if j >= len(in) || in[j].kind != 'p' || !enArithmetic[in[j].raw] || enOperand(in, j+1) == j+1 {
			break
		}
		op := in[j].raw
		spaced := !in[j].glued || !in[j+1].glued
		caffe := op == "/" && j > 0 && in[j-1].kind == 's'
		if caffe || op == "/" && spaced {
			break // 7x7/2 is Caffe's stride; "kernel 7 / stride 3" a list
		}
		// A spaced minus alone may be a dash: "stride 2 - 16 filters".
		strong = strong || op == "=" || op == "+" || op == "*" || op == "/" || op == "×" || op == "·"
		ops++
		j++
	}
	if ops == 0 || !strong {
		return 0
	}
	// "block 5 = three 3x3 convs": a definition, not the asker's sum.
	if ops == 1 && in[j-2].raw == "=" && j < len(in) && in[j].kind == 's' {
		return 0
	}
	return j - i
}

// enOperand returns the index after an operand at in[j] — a number or a
// size with any brackets around it — or j when there is none.
func enOperand(in []enTok, j int) int {
	k := j
	for k < len(in) && in[k].raw == "(" {
		k++
	}
	if k >= len(in) || in[k].kind != 'n' && !(in[k].kind == 's' && strings.Contains(in[k].raw, "*")) {
		return j
	}
	if in[k].glued && k > 0 && in[k-1].kind == 'w' {
		return j // conv1 = 32 filters: a name, then a setting
	}
	k++
	for k < len(in) && in[k].raw == ")" {
		k++
	}
	return k
}

// enLayouts reads a layout written after a size — "3x5x5 (C,H,W)",
// "1x3x224x224 (NCHW)" — and reorders the size as the reader expects it
// (height, width, then channels), dropping the annotation.
func enLayouts(toks []enTok) []enTok {
	out := make([]enTok, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 's' {
			order, n := enLayoutAt(toks, i+1, len(t.dims))
			if n == 0 {
				order, n = enLayoutWordsAt(toks, i+1, len(t.dims)) // english_layout_hints.go: "(hxw)"
			}
			if n > 0 && order != "" {
				t.dims, t.order = enReorder(t.dims, order), order
				out = append(out, t)
				i += n
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// enLayoutAt reads "(C,H,W)" at toks[i] for a size of n dimensions: the
// letters in order, and how many tokens they span (0 when there is none).
func enLayoutAt(toks []enTok, i, n int) (string, int) {
	if i >= len(toks) || toks[i].raw != "(" {
		return "", 0
	}
	var order strings.Builder
	for j := i + 1; j < len(toks); j++ {
		switch raw := strings.ToUpper(toks[j].raw); {
		case raw == ")":
			if o := order.String(); len(o) == n && strings.Contains(o, "C") && strings.Contains(o, "H") && strings.Contains(o, "W") {
				return o, j - i + 1
			}
			return "", 0
		case raw == "," || raw == "×":
		case strings.Trim(raw, "CHWNDX") == "":
			order.WriteString(strings.ReplaceAll(raw, "X", ""))
		default:
			return "", 0
		}
	}
	return "", 0
}

// enReorder puts dims written in order (letters C, H, W, N, D) as N, D,
// H, W, C — the reader's channels-last order, the batch first.
func enReorder(dims []int, order string) []int {
	out := make([]int, 0, len(dims))
	for _, want := range "NDHWC" {
		if k := strings.IndexRune(order, want); k >= 0 {
			out = append(out, dims[k])
		}
	}
	if len(out) != len(dims) {
		return dims
	}
	return out
}

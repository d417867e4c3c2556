package calc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Step is one line of a worked explanation: a quantity, its formula, the
// values put into it and the result. Formula uses the names of Values as
// identifiers ("KH·KW·Cin/G"), so a renderer can print the formula and then
// the same formula with the numbers substituted. Note, when set, is the idea
// that trips people up at this step.
type Step struct {
	Quantity string    // "connections per neuron"
	Formula  string    // "KH·KW·Cin/G"
	Values   []Binding // in formula order
	Result   int64
	Note     string
}

// A Binding is one named value in a [Step]'s formula.
type Binding struct {
	Name  string
	Value int64
}

// arithmetic writes formula with its values put in, for error messages.
func arithmetic(formula string, vals []Binding) string {
	return Substitute(formula, vals, func(n int64) string { return strconv.FormatInt(n, 10) })
}

// Substitute returns formula with every name bound in vals replaced by its
// value as format writes it. A name is replaced only as a whole word: a
// word is a run of letters, digits and "_", so Cin in "KH·KW·Cin" is
// replaced but C in "Cx" and p in "2p" are not.
func Substitute(formula string, vals []Binding, format func(int64) string) string {
	var b strings.Builder
	b.Grow(len(formula) + 8*len(vals))
	lit := 0 // formula[lit:] is still to write as it is
	for i := 0; i < len(formula); {
		j := wordEnd(formula, i)
		if j == i {
			_, size := utf8.DecodeRuneInString(formula[i:])
			i += size
			continue
		}
		for _, v := range vals {
			if v.Name == formula[i:j] {
				b.WriteString(formula[lit:i])
				b.WriteString(format(v.Value))
				lit = j
				break
			}
		}
		i = j
	}
	b.WriteString(formula[lit:])
	return b.String()
}

// wordEnd is where the word starting at s[i] ends: i when none starts there.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// isWordRune reports whether r belongs in a name of a formula.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// biasNote says whether a layer has biases, one per what per says.
func biasNote(on bool, per string) string {
	switch {
	case !on:
		return "no bias"
	case per == "output channel":
		return "one bias per output channel" // every conv says it: made once
	}
	return "one bias per " + per
}

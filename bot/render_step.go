package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
)

// writeStep writes "quantity = formula = numbers = result" and its note.
func writeStep(b *strings.Builder, st calc.Step, m markup) {
	// Written piece by piece, not with Fprintf: this runs for every step
	// of every answer.
	b.WriteString("• ")
	b.WriteString(st.Quantity)
	b.WriteString(" = ")
	switch {
	case len(st.Values) == 0:
	case len(st.Values) == 1 && st.Formula == st.Values[0].Name:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
	default:
		b.WriteString(st.Formula)
		b.WriteString(" = ")
		substitute(b, st.Formula, st.Values)
		b.WriteString(" = ")
	}
	m.writeBoldGroup(b, st.Result)
	b.WriteByte('\n')
	if st.Note != "" {
		b.WriteString("  ↳ ")
		b.WriteString(st.Note)
		b.WriteByte('\n')
	}
}

// substitute writes formula to b with every name bound in vals replaced
// by its value, grouped.
func substitute(b *strings.Builder, formula string, vals []calc.Binding) {
	lit := 0 // formula[lit:i] is still to write as it is
	for i := 0; i < len(formula); {
		switch identClass[formula[i]] {
		case identOther, identDigit:
			i++
			continue
		case identMulti:
			// The formulas' operators, · and −, without decoding.
			if op := operatorAt(formula, i); op > 0 {
				i += op
				continue
			}
			r, size := utf8.DecodeRuneInString(formula[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
		}
		j := identEnd(formula, i)
		name := formula[i:j]
		for _, v := range vals {
			if v.Name == name {
				b.WriteString(formula[lit:i])
				writeGroup(b, v.Value)
				lit = j
				break
			}
		}
		i = j
	}
	b.WriteString(formula[lit:])
}

// identClass sorts the bytes of a formula: a name starts with a letter or
// "_" and goes on with those and digits; a byte of a longer rune needs the
// rune decoded.
var identClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = identMulti
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
			t[c] = identStart
		case '0' <= c && c <= '9':
			t[c] = identDigit
		}
	}
	return t
}()

const (
	identOther = iota
	identStart
	identDigit
	identMulti
)

// operatorAt is the length of the · or − at s[i], or 0.
func operatorAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "·"):
		return len("·")
	case strings.HasPrefix(s[i:], "−"):
		return len("−")
	}
	return 0
}

// identEnd is where the name starting at s[i] ends.
func identEnd(s string, i int) int {
	for i < len(s) {
		switch identClass[s[i]] {
		case identStart, identDigit:
			i++
		case identMulti:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

package english

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"regexp"
	"strings"
)

// A course's own notation for layers, defined in the question and then
// used one a line: "CONV-K-N = N filters of KxK, pad 0 stride 1. POOL-K =
// KxK pool stride K. FC-N = N neurons. INPUT 96x96x3 / CONV-5-16 / POOL-2
// / FC-10". Each use is rewritten as the words the definition gives and
// the question read again.

// enNotationDefRE matches a definition: a name, its letters, an equals
// sign and what it stands for, up to the sentence's end.
var enNotationDefRE = regexp.MustCompile(`\b([A-Za-z]+)((?:-[A-Z])+)\s*=\s*([^.\n]+)`)

// enNotationUseRE matches a use on a line of its own: "CONV-5-16".
var enNotationUseRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z]+)((?:-\d+)+)[ \t]*$`)

// enNotationInlineRE matches a use inside a sentence.
var enNotationInlineRE = regexp.MustCompile(`\b([A-Za-z]+)((?:-\d+)+)\b`)

// courseNotation rewrites src's uses of the notations it defines as the
// words they stand for, and reports whether it did.
func courseNotation(src string) (string, int) {
	defs := map[string][2]string{} // name -> letters ("KN"), meaning
	for _, m := range enNotationDefRE.FindAllStringSubmatch(src, -1) {
		defs[strings.ToUpper(m[1])] = [2]string{strings.ReplaceAll(m[2], "-", ""), m[3]}
	}
	if len(defs) == 0 {
		return src, 0
	}
	n := 0
	out := enNotationUseRE.ReplaceAllStringFunc(src, func(line string) string {
		m := enNotationUseRE.FindStringSubmatch(line)
		d, ok := defs[strings.ToUpper(m[1])]
		vals := strings.Split(strings.TrimPrefix(m[2], "-"), "-")
		if !ok || len(vals) != len(d[0]) {
			return line
		}
		meaning := d[1]
		for i, letter := range d[0] {
			meaning = substLetter(meaning, byte(letter), vals[i])
		}
		n++
		return fmt.Sprintf("%s, %s;", kindWord(m[1], d[1]), meaning)
	})
	if n == 0 {
		return src, 0
	}
	// A use inside a sentence ("after the second POOL-2") names a layer
	// said already: the kind alone.
	out = enNotationInlineRE.ReplaceAllStringFunc(out, func(w string) string {
		m := enNotationInlineRE.FindStringSubmatch(w)
		if _, ok := defs[strings.ToUpper(m[1])]; !ok {
			return w
		}
		return strings.TrimPrefix(kindWord(m[1], defs[strings.ToUpper(m[1])][1]), "max ")
	})
	// The definitions said once are now in every use: left out, so that
	// their letters read as no layer of their own.
	return enNotationDefRE.ReplaceAllString(out, ""), n
}

// kindWord is the layer word a notation stands for, from its name
// ("CONV", "POOL", "FC") or else its meaning ("N filters of KxK").
func kindWord(name, meaning string) string {
	n, m := strings.ToLower(name), strings.ToLower(meaning)
	switch {
	case strings.HasPrefix(n, "conv") || !strings.Contains(m, "pool") && strings.Contains(m, "filter"):
		return "conv"
	case strings.Contains(n, "pool") || strings.Contains(m, "pool"):
		return "max pool"
	case n == "fc" || n == "dense" || n == "linear" || n == "affine" || strings.Contains(m, "neuron") || strings.Contains(m, "connected") || strings.Contains(m, "units") || strings.Contains(m, "outputs"):
		return "fully connected layer"
	}
	return name
}

// substLetter replaces the letter standing alone in s, or beside an x as
// in "KxK", by v.
func substLetter(s string, letter byte, v string) string {
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		prevOK := i == 0 || !isLetter(s[i-1]) || s[i-1] == 'x'
		nextOK := i+1 == len(s) || !isLetter(s[i+1]) || s[i+1] == 'x'
		if s[i] == letter && prevOK && nextOK {
			b.WriteString(v)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// notationRead reads src whose layers are said in a notation it defines,
// rewritten; false when it defines none, or the reading of the rewritten
// text has not one layer for each use.
func notationRead(src string) (*lang.Question, bool) {
	t, n := courseNotation(src)
	if n == 0 {
		return nil, false
	}
	q, err := ParseEnglish(t)
	if err != nil {
		return nil, false
	}
	got := 0
	for _, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Conv, calc.Pool, calc.Linear:
			got++
		}
	}
	if got != n {
		return nil, false
	}
	q.Unused = nil // positions of the rewritten text: the front door accounts for the asker's numbers
	return q, true
}

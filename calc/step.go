package calc

import "fmt"

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
	out := formula
	for _, v := range vals {
		out = replaceName(out, v.Name, fmt.Sprint(v.Value))
	}
	return out
}

// replaceName replaces whole-word occurrences of name in s.
func replaceName(s, name, value string) string {
	var b []byte
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i < len(s); {
		if i+len(name) <= len(s) && s[i:i+len(name)] == name &&
			(i == 0 || !isWord(s[i-1])) && (i+len(name) == len(s) || !isWord(s[i+len(name)])) {
			b = append(b, value...)
			i += len(name)
			continue
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
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

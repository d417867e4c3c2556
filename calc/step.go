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

// bindings hands out Binding slices from one buffer, so a report's steps
// cost one allocation for all their values rather than one each.
type bindings struct{ buf []Binding }

// of copies vs into the buffer and returns them; a full buffer grows, and
// slices handed out earlier stay valid.
func (b *bindings) of(vs ...Binding) []Binding {
	start := len(b.buf)
	b.buf = append(b.buf, vs...)
	return b.from(start)
}

// from returns what was appended to the buffer since length start.
func (b *bindings) from(start int) []Binding {
	return b.buf[start:len(b.buf):len(b.buf)]
}

// join is of(append(vs, more...)...).
func (b *bindings) join(vs []Binding, more ...Binding) []Binding {
	start := len(b.buf)
	b.buf = append(b.buf, vs...)
	b.buf = append(b.buf, more...)
	return b.from(start)
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

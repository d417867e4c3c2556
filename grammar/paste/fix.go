package paste

// The fix of a pasted layer that cannot take what reaches it: a Linear
// whose in_features is not what the map before it flattens to, a conv
// whose in_channels is not the channels it receives, or a `???` left for
// the bot to fill. The layer is read with the right number (the rest of
// the network is sized with it) and the question carries the corrected
// line, in the asker's own code.

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptFixer knows the calls the layers were read from.
type ptFixer struct {
	src   string
	calls map[lang.Position]*ptCall
	// convs allows fixing a conv's in_channels: only when the paste holds
	// the error PyTorch gave (the asker knows the layer is wrong); a
	// model pasted without one is refused at that layer, as PyTorch does.
	convs bool
	// unsure: forward passed the tensor through calls that were not
	// sized, so a mismatch may be the reading's; nothing is fixed then
	// (but a ??? is still filled).
	unsure bool
	// trusted: the order of the layers is the order forward applies them,
	// or the asker says the model fails. A model read from its __init__
	// or its print(model) repr alone may reuse a module the listing shows
	// once, so its Linear is fixed only when the asker says it fails.
	trusted bool
}

// ptProblemWords say that the pasted model fails.
var ptProblemWords = []string{"error", "mismatch", "cannot be multiplied", "wrong", "fix", "in_features should",
	"should in_features", "doesn't work", "doesnt work", "does not work", "fail", "crash"}

// ptSaysProblem reports whether src says the model fails.
func ptSaysProblem(src string) bool {
	low := strings.ToLower(src)
	for _, w := range ptProblemWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// fix corrects layer i of q for its input in when it cannot take it, and
// reports whether it did. Only the first fix is made.
func (f *ptFixer) fix(q *lang.Question, i int, in calc.Shape) bool {
	if f == nil || q.Fix != nil || in == nil {
		return false
	}
	l := q.Layers[i]
	c := f.calls[l.Pos]
	if c == nil {
		return false
	}
	switch x := l.Layer.(type) {
	case calc.Linear:
		n, err := in.Elements()
		if err != nil || (x.In != 0 && (int64(x.In) == n || f.unsure || !f.trusted)) || (x.In == 0 && !ptUnknownArg(c, 0, "in_features")) {
			return false
		}
		was := x.In
		x.In = int(n)
		text := fmt.Sprint(n)
		if len(in) > 1 && strings.Contains(ptArgSource(f.src, c, 0, "in_features"), "*") {
			text = ptProduct(in)
		}
		why := fmt.Sprintf("what reaches it, %s, flattens to %d values", ptShapeText(in), n)
		f.apply(q, i, x, c, 0, "in_features", text, was, why)
		if was == 0 && len(q.At) == 0 {
			ptBlankAsked(q, f.src, i) // the ??? is the question
		}
		return true
	case calc.Conv:
		if !f.convs || len(in) < 2 || x.Groups > 1 || x.Depthwise || (x.In != 0 && x.In == in[0]) || (x.In == 0 && !ptUnknownArg(c, 0, "in_channels")) {
			return false
		}
		was := x.In
		x.In = in[0]
		why := fmt.Sprintf("what reaches it, %s, has %d channels", ptShapeText(in), in[0])
		f.apply(q, i, x, c, 0, "in_channels", fmt.Sprint(in[0]), was, why)
		return true
	}
	return false
}

// apply replaces layer i by fixed, records the asker's number as unused and
// the corrected line as q.Fix.
func (f *ptFixer) apply(q *lang.Question, i int, fixed calc.Layer, c *ptCall, argIndex int, key, text string, was int, why string) {
	q.Layers[i].Layer = fixed
	line := ptCallWith(f.src, c, argIndex, key, text)
	old := ptArgSource(f.src, c, argIndex, key)
	if was != 0 {
		q.Unused = append(q.Unused, lang.Unused{Text: old, Pos: ptArgPos(c, argIndex, key),
			Why: fmt.Sprintf("%s is what the code has, but %s: read as %s", old, why, line)})
		q.Unused = append(q.Unused, ptNamedAgain(f.src, old, ptArgPos(c, argIndex, key), text)...)
		why = fmt.Sprintf("%s has %s = %s, but %s", c.Name, key, old, why)
	} else {
		why = fmt.Sprintf("%s is what goes in the %s: %s", text, old, why)
	}
	q.Fix = &lang.Fix{Layer: i, Line: line, Why: why}
	q.Notes = append(q.Notes, "fix: "+line+" ("+why+")")
}

// ptShapeText writes a shape as people read it: 64×6×6.
func ptShapeText(s calc.Shape) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, "×")
}

// ptProduct writes a shape as the product that gives its size: 64 * 6 * 6.
func ptProduct(s calc.Shape) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, " * ")
}

// ptFindArg is the index in c.Args of the argument at position index or
// with keyword key, or -1.
func ptFindArg(c *ptCall, index int, key string) int {
	for i, a := range c.Args {
		if key != "" && a.Key == key {
			return i
		}
	}
	if index >= 0 && index < len(c.Args) && c.Args[index].Key == "" {
		return index
	}
	return -1
}

// ptUnknownArg reports whether the argument is written as ? or ???.
func ptUnknownArg(c *ptCall, index int, key string) bool {
	i := ptFindArg(c, index, key)
	if i < 0 {
		return false
	}
	for _, n := range c.Args[i].Nodes {
		if n.Punct != "?" {
			return false
		}
	}
	return len(c.Args[i].Nodes) > 0
}

func ptArgPos(c *ptCall, index int, key string) lang.Position {
	if i := ptFindArg(c, index, key); i >= 0 {
		return c.Args[i].Pos
	}
	return c.Pos
}

// ptArgSource is the text of an argument's value as written.
func ptArgSource(src string, c *ptCall, index int, key string) string {
	i := ptFindArg(c, index, key)
	if i < 0 || len(c.Args[i].Nodes) == 0 {
		return ""
	}
	a := c.Args[i]
	start := a.Nodes[0].Pos.Offset
	end := ptNodeEnd(src, a.Nodes[len(a.Nodes)-1])
	if start < 0 || end > len(src) || start > end {
		return ""
	}
	return src[start:end]
}

// ptCallWith writes c as the asker wrote it, with one argument's value
// replaced by text.
func ptCallWith(src string, c *ptCall, index int, key, text string) string {
	at := ptFindArg(c, index, key)
	parts := make([]string, len(c.Args))
	for i, a := range c.Args {
		v := ptArgSource(src, c, i, "")
		if a.Key != "" {
			v = a.Key + "=" + ptArgSource(src, c, -1, a.Key)
		}
		if i == at {
			v = text
			if a.Key != "" {
				v = a.Key + "=" + text
			}
		}
		parts[i] = v
	}
	return c.Name + "(" + strings.Join(parts, ", ") + ")"
}

// ptNodeEnd is the byte offset just after n's text.
func ptNodeEnd(src string, n *ptNode) int {
	if g := ptLastGroup(n); g != nil {
		return ptMatchClose(src, g.Pos.Offset)
	}
	for _, s := range []string{n.Num, n.Dims, n.Str, n.Punct, n.Ident} {
		if s != "" {
			return n.Pos.Offset + len(s)
		}
	}
	return n.Pos.Offset
}

// ptLastGroup is the bracket group n's text ends with (its last call's
// arguments, or its own brackets), nil for a leaf token.
func ptLastGroup(n *ptNode) *ptGroup {
	switch {
	case len(n.Calls) > 0:
		return n.Calls[len(n.Calls)-1]
	case n.Group != nil:
		return n.Group
	}
	return nil
}

// ptMatchClose is the offset just after the bracket that closes the one at
// off (strings skipped).
func ptMatchClose(src string, off int) int {
	depth := 0
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '"', '\'':
			if n := ptStringLen(src, i); n > 0 {
				i += n - 1
			}
		}
	}
	return len(src)
}

// ptNamedAgain are the other places src writes old, the number a fix
// replaces ("what replaces 9216?"): the asker naming the number in the
// code, which the fix answers with text.
func ptNamedAgain(src, old string, at lang.Position, text string) []lang.Unused {
	if old == "" || strings.Trim(old, "0123456789") != "" {
		return nil
	}
	var out []lang.Unused
	for off := 0; off < len(src); {
		k := strings.Index(src[off:], old)
		if k < 0 {
			break
		}
		start, end := off+k, off+k+len(old)
		off = end
		if start > 0 && ptDigitAt(src, start-1) || end < len(src) && ptDigitAt(src, end) {
			continue
		}
		if pos := ptOffsetPos(src, start); pos != at {
			out = append(out, lang.Unused{Text: old, Pos: pos, Why: fmt.Sprintf("the number in the code the question asks about: %s goes in its place", text)})
		}
	}
	return out
}

// ptDigitAt reports whether src[i] is a digit.
func ptDigitAt(src string, i int) bool { return src[i] >= '0' && src[i] <= '9' }

package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
)

// A KxK conv factorized into a 1xK conv followed by a Kx1 conv (Inception
// v3) is set against the KxK conv it replaces: "a 7x7 conv vs a 1x7
// followed by 7x1, 32 channels in and out". The channels, the bias and
// the input are said once, of both; read as one network, the message
// sizes one conv or none. Each side is built in calc values from the one
// conv the words describe.

// factoredPair matches a factorized pair: "1x7 followed by 7x1", "1x3 +
// 3x1 convs", "a 1x5 conv then a 5x1".
var factoredPair = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)(?:\s+conv\w*)?\s*(?:,?\s*followed\s+by|,?\s*then|\+|->|and\s+then|and)\s*(?:an?\s+|one\s+|the\s+)?(\d+)\s*[x×]\s*(\d+)(?:\s+conv\w*)?`)

// factoredSides answers a KxK conv set against its factorized pair, each
// side sized; nil when src sets no such pair against the conv, or the
// conv's channels are not said (or differ, so the pair's middle is not).
func factoredSides(src string) []*Question {
	pairs := factoredPair.FindAllStringSubmatchIndex(src, -1)
	if pairs == nil || !designsCompared.MatchString(src) && !kindCompared.MatchString(src) {
		return nil
	}
	p := pairs[len(pairs)-1] // "factorizing 7x7 into 1x7 + 7x1 ... a 7x7 conv vs a 1x7 followed by 7x1": the pair asked
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(src[p[2+2*i]:p[3+2*i]])
	}
	k := max(n[0], n[1])
	if min(n[0], n[1]) != 1 || n[2] != n[1] || n[3] != n[0] || k < 2 {
		return nil // not a 1xK then Kx1 pair
	}
	whole := regexp.MustCompile(`\b` + strconv.Itoa(k) + `\s*[x×]\s*` + strconv.Itoa(k) + `\b(?:\s+conv\w*)?`)
	var side []int
	mentions := whole.FindAllStringIndex(src, -1)
	for _, m := range mentions {
		if side == nil || abs(m[0]-p[0]) < abs(side[0]-p[0]) {
			side = m // the mention nearest the pair is the side set against it
		}
	}
	if side == nil {
		return nil
	}
	// The conv described: the pairs and the other mentions left out, the
	// side written as a conv ("a single 7x7, all 64->64" says 7x7 conv).
	text := blankSpans(src, append(pairs, mentions...))
	text = text[:side[0]] + fmt.Sprintf("%dx%d conv", k, k) + text[side[1]:]
	c, in := describedConv(text, false)
	if c == nil || c.In != c.Out || c.Groups > 1 || !slices.Equal(c.Kernel, []int{k, k}) || padded(*c) {
		return nil
	}
	at := side[0]
	one, two := *c, *c
	one.Kernel, two.Kernel = []int{n[0], n[1]}, []int{n[2], n[3]}
	sides := []designSide{
		{name: fmt.Sprintf("one %dx%d conv", k, k), layers: []calc.Layer{*c}, at: at},
		{name: fmt.Sprintf("%dx%d then %dx%d", n[0], n[1], n[2], n[3]), layers: []calc.Layer{one, two}, at: p[0]},
	}
	if p[0] < at {
		sides[0], sides[1] = sides[1], sides[0]
	}
	return designQuestions(src, in, sides)
}

// blankSpans is src with the spans ms (as FindAllStringIndex gives them)
// written as spaces, so positions stay.
func blankSpans(src string, ms [][]int) string {
	b := []byte(src)
	for _, m := range ms {
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// padded reports whether c has a stride or a padding by number: said of
// the KxK conv, it would not be the pair's.
func padded(c calc.Conv) bool {
	nonOne := func(v int) bool { return v > 1 }
	return slices.ContainsFunc(c.Stride, nonOne) || slices.ContainsFunc(c.Pad, func(v int) bool { return v != 0 })
}

// abs is |n|.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

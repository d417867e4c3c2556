package paste

// The numpy convolution assignment of the deeplearning.ai course (C4W1,
// "Convolution model - Step by Step"), as students paste it:
//
//	A_prev = np.random.randn(2, 5, 7, 4)
//	W = np.random.randn(3, 3, 4, 8)
//	hparameters = {"pad": 1, "stride": 2}
//
// or in words: "my A_prev has shape (10, 6, 9, 3), W is (3, 3, 3, 8), pad =
// 2 and stride = 2", "pool_forward: A_prev shape is (4, 9, 9, 6), f = 3,
// stride = 2, mode max". Its arrays are channels-last: A_prev is (m,
// n_H_prev, n_W_prev, n_C_prev), W is (f, f, n_C_prev, n_C), and Z (or A)
// is (m, n_H, n_W, n_C). A tuple read as PyTorch's N×C×H×W would be wrong.

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// npPrevRE is the assignment's input array named, A_prev.
var npPrevRE = regexp.MustCompile(`\bA_prev\b`)

// npTupleRE is a shape of four sizes: (10, 6, 9, 3) or randn(10, 6, 9, 3).
var npTupleRE = regexp.MustCompile(`\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,?\s*\)`)

// npWeightsRE is the weights array named: W, W.shape.
var npWeightsRE = regexp.MustCompile(`\bW\b`)

// npSettingRE is a hyperparameter: "pad": 1, pad = 2, 'stride': 2, f = 3,
// stride of 2.
var npSettingRE = regexp.MustCompile(`(?i)["']?\b(pad|stride|f)\b["']?\s*(?:[:=]|is|of)?\s*(\d+)`)

// npModeRE is pool_forward's mode.
var npModeRE = regexp.MustCompile(`(?i)\bmode\b\s*(?:[:=]|is)?\s*["']?(max|average|avg|mean)`)

// npPoolRE says the question is about pool_forward.
var npPoolRE = regexp.MustCompile(`(?i)\bpool_forward\b|\bpooling\b|\bmode\b`)

// npLooksLike reports whether src pastes the assignment's arrays: A_prev
// with a shape of four sizes.
func npLooksLike(src string) bool {
	return npPrevRE.MatchString(src) && npTupleRE.MatchString(src)
}

// npShape is a shape of four sizes found after a name, with where each
// size was written (byte offsets).
type npShape struct {
	d   [4]int
	off [4]int
}

// npShapeAfter finds the first shape of four sizes written within 60
// bytes after a match of name; ok is false when there is none.
func npShapeAfter(src string, name *regexp.Regexp) (s npShape, at int, ok bool) {
	for _, m := range name.FindAllStringIndex(src, -1) {
		rest := src[m[1]:min(len(src), m[1]+60)]
		t := npTupleRE.FindStringSubmatchIndex(rest)
		if t == nil {
			continue
		}
		for k := 0; k < 4; k++ {
			v, err := strconv.Atoi(rest[t[2+2*k]:t[3+2*k]])
			if err != nil || v < 1 || v > calc.MaxSize {
				return s, 0, false
			}
			s.d[k], s.off[k] = v, m[1]+t[2+2*k]
		}
		return s, m[0], true
	}
	return s, 0, false
}

// npSettings reads pad, stride and f as written; absent ones are 0.
func npSettings(src string) map[string]int {
	out := map[string]int{}
	for _, m := range npSettingRE.FindAllStringSubmatch(src, -1) {
		v, err := strconv.Atoi(m[2])
		if err != nil || v > calc.MaxSize {
			continue
		}
		if k := m[1]; len(k) > 1 || k == "f" {
			if _, seen := out[k]; !seen {
				out[k] = v
			}
		}
	}
	return out
}

// npPosition is the position of byte offset off in src.
func npPosition(src string, off int) lang.Position {
	line, col := lang.RunePosition(src, utf8.RuneCountInString(src[:off]))
	return lang.Position{Line: line, Col: col}
}

// parseAssignment reads the assignment's arrays as one conv (A_prev and
// W) or one pool (A_prev and f); ok is false when src does not paste
// them. The error says what does not fit (W's n_C_prev against A_prev's).
func parseAssignment(src string) (*lang.Question, bool, error) {
	prev, prevAt, ok := npShapeAfter(src, npPrevRE)
	if !ok {
		return nil, false, nil
	}
	set := npSettings(src)
	q := &lang.Question{Framework: "numpy", Asked: []string{"output"}}
	q.Input = calc.Shape{prev.d[3], prev.d[1], prev.d[2]}
	l, what, err := npLayer(src, prev, set)
	if err != nil || l.Layer == nil {
		return nil, l.Layer != nil || err != nil, err
	}
	if l.Pos == (lang.Position{}) {
		l.Pos = npPosition(src, prevAt)
	}
	q.Layers = []lang.Layer{l}
	q.Unused = append(q.Unused, lang.Unused{Text: strconv.Itoa(prev.d[0]), Pos: npPosition(src, prev.off[0]),
		Why: "m, the number of examples: every example is sized alike, and " + what + " keeps it as its first size"})
	out, err := l.Layer.Apply(q.Input)
	if err == nil && len(out.Output) == 3 {
		o := out.Output
		q.Notes = append(q.Notes, fmt.Sprintf("%s's shape in the assignment's order (m, n_H, n_W, n_C) = (%d, %d, %d, %d)", what, prev.d[0], o[1], o[2], o[0]))
	}
	q.Notes = append(q.Notes, fmt.Sprintf("A_prev (%d, %d, %d, %d) read as the assignment's (m, n_H_prev, n_W_prev, n_C_prev): channels last", prev.d[0], prev.d[1], prev.d[2], prev.d[3]))
	q.Canonical = lang.Format(q)
	return q, true, nil
}

// npLayer builds the conv W describes, or the pool f describes; what
// names the array it gives (Z, A).
func npLayer(src string, prev npShape, set map[string]int) (lang.Layer, string, error) {
	stride := max(set["stride"], 1)
	if w, at, ok := npShapeAfter(src, npWeightsRE); ok {
		if w.d[2] != prev.d[3] {
			pos := npPosition(src, w.off[2])
			return lang.Layer{}, "", &lang.Error{Line: pos.Line, Col: pos.Col,
				Msg:  fmt.Sprintf("W's third size, n_C_prev = %d, is not A_prev's last size, n_C_prev = %d", w.d[2], prev.d[3]),
				Hint: "W is (f, f, n_C_prev, n_C) and A_prev is (m, n_H_prev, n_W_prev, n_C_prev), e.g. A_prev (2, 5, 7, 4) with W (3, 3, 4, 8)"}
		}
		c := calc.Conv{Kernel: []int{w.d[0], w.d[1]}, In: w.d[2], Out: w.d[3], Stride: []int{stride}, Pad: []int{set["pad"]}}
		if w.d[0] == w.d[1] {
			c.Kernel = c.Kernel[:1]
		}
		return lang.Layer{Layer: c, Pos: npPosition(src, at)}, "Z", nil
	}
	f, ok := set["f"]
	if !ok || f < 1 || !npPoolRE.MatchString(src) {
		return lang.Layer{}, "", nil
	}
	p := calc.Pool{Kernel: []int{f}, Stride: []int{stride}}
	if m := npModeRE.FindStringSubmatch(src); m != nil && m[1] != "max" {
		p.Op = calc.AvgPool
	}
	return lang.Layer{Layer: p}, "A", nil
}

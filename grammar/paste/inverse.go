package paste

// "What padding do I need for nn.Conv2d(32, 32, kernel_size=5,
// dilation=3) so a 64x64 input stays 64x64?": a pasted conv with the
// padding asked for, solved as the words ask (the size kept, or taken to
// the second size written).

import (
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptKeepWords say the output keeps the input's size.
var ptKeepWords = map[string]bool{"stays": true, "stay": true, "keep": true, "keeps": true, "same": true, "unchanged": true,
	"preserve": true, "preserves": true, "maintain": true, "maintains": true}

// ptSolvePadding turns q (one pasted conv with its input) into the
// padding question the words ask, and reports whether it did.
func ptSolvePadding(f *ptFile, q *lang.Question) bool {
	if len(q.Layers) != 1 || len(q.Input) < 2 {
		return false
	}
	c, ok := q.Layers[0].Layer.(calc.Conv)
	if !ok || c.Transposed {
		return false
	}
	words, dims := ptWordsAndDims(f)
	at := -1
	for i, w := range words {
		if (w == "padding" || w == "pad") && i > 0 && strings.Contains(" what which much many ", " "+words[max(i-1, 0)]+" ") ||
			(w == "padding" || w == "pad") && i > 1 && strings.Contains(" what which much ", " "+words[i-2]+" ") {
			at = i
		}
	}
	if at < 0 || ptAnyWord(words, map[string]bool{"causal": true}) {
		return false // a causal padding is one-sided: grammar/causal_pad.go works it beside the conv
	}
	in := q.Input[1]
	out := in
	switch {
	case len(dims) >= 2 && len(dims[1]) >= 1:
		out = dims[1][0]
	case !ptAnyWord(words, ptKeepWords):
		return false
	}
	c.Pad, c.PadMode = nil, 0
	sv, err := calc.SolveConv(c, "pad", 0, in, out)
	if err != nil {
		return false
	}
	q.Solve = sv
	q.Layers = nil
	q.Notes = append(q.Notes, "the padding asked for: the pasted conv's own padding is left out")
	return true
}

// ptWordsAndDims lists the paste's top-level words (lowercase) and the
// sizes written with x (64x64), in order.
func ptWordsAndDims(f *ptFile) ([]string, [][]int) {
	var words []string
	var dims [][]int
	for _, n := range f.Nodes {
		if n.Ident != "" && len(n.Calls) == 0 {
			words = append(words, strings.ToLower(n.Ident))
		}
		if n.Dims != "" {
			dims = append(dims, ptDimsOf(n.Dims))
		}
	}
	return words, dims
}

func ptAnyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

var (
	stridedSameRE = regexp.MustCompile(`padding\s*=\s*['"]same['"]`)
	askPaddingRE  = regexp.MustCompile(`(?i)\b(what|which|how much)( integer| int| numeric| number| explicit)? (padding|pad)\b|\bpadding (should|do|would|to use)\b`)
)

// ptStridedSameAsked reads "padding='same' is not supported for strided
// convolutions ... what integer padding should i use instead?": when the
// words ask for the padding and the paste was refused for a strided
// 'same', it returns the paste with that padding blanked to 0 (same
// length, so positions hold), for the padding to be solved.
func ptStridedSameAsked(src string, err error) (string, bool) {
	if !strings.Contains(err.Error(), "padding='same'") || !askPaddingRE.MatchString(src) {
		return "", false
	}
	alt := stridedSameRE.ReplaceAllStringFunc(src, func(m string) string {
		return "padding=0" + strings.Repeat(" ", len(m)-len("padding=0"))
	})
	return alt, alt != src
}

// ptSolveStridedSame solves the padding of src (a strided 'same' blanked)
// and says why the number is asked for; a reading that is not a solved
// padding is refused as before.
func ptSolveStridedSame(src string, refused error) (*lang.Question, error) {
	q, err := ParsePyTorch(src)
	if err != nil || q.Solve == nil {
		return nil, refused
	}
	q.Notes = append(q.Notes, "PyTorch refuses padding='same' with a stride above 1: the padding is solved as a number for the size you want")
	return q, nil
}

package paste

// A layer named again in the words by its first arguments only:
//
//	how many params does the Conv2DTranspose(64...) layer have?
//	what does the Conv2D(128, ...) give?
//
// The call stands for the pasted layer it starts like, not for one more
// layer (whose missing kernel would be asked for).

import (
	"regexp"
	"strings"
)

// mpTrailingRE is a call after a word that refers to a layer, with an
// ellipsis written straight after an argument, no comma: "the
// Conv2DTranspose(64...) layer". Group 1 is the ellipsis. Elsewhere
// ("then Flatten() and Dense(1...)") the call may be a layer of its own,
// its other arguments left out, and is left as written.
var mpTrailingRE = regexp.MustCompile(`(?i)\b(?:the|of|for|that|this)\s+[\w.]*\w\((?:[^()\n]*?\w)(\.\.\.|…)[ \t]*\)`)

// ptTrailingEllipsis writes an ellipsis glued to the argument before it as
// ", " and blanks (the same number of bytes), so "Conv2DTranspose(64...)"
// reads as "Conv2DTranspose(64,  )": the rest left out.
func ptTrailingEllipsis(src string) string {
	locs := mpTrailingRE.FindAllStringSubmatchIndex(src, -1)
	if locs == nil {
		return src
	}
	b := []byte(src)
	for _, m := range locs {
		b[m[2]] = ','
		for j := m[2] + 1; j < m[3]; j++ {
			b[j] = ' '
		}
	}
	return string(b)
}

// startsLike reports whether mention, a call written in the words, gives
// fewer arguments than read, a layer call of the paste, or leaves one
// blank, with the same layer name and every argument it does give equal
// to read's there.
func startsLike(mention, read *ptCall) bool {
	if mention.Base() != read.Base() || len(mention.Args) == 0 {
		return false
	}
	blank := false
	for k, a := range mention.Args {
		t := strings.TrimSpace(ptArgText(a))
		switch {
		case strings.Trim(t, `?"`) == "": // "???", as ptArgText writes it
			blank = true
		case a.Key != "" || k >= len(read.Args) || read.Args[k].Key != "" || t != strings.TrimSpace(ptArgText(read.Args[k])):
			return false
		}
	}
	return blank || len(mention.Args) < len(read.Args)
}

// mentionedByStart reports whether c, after a word that refers ("the
// Conv2D(64, ...)"), starts like exactly one layer call read before.
func (k *kerasReader) mentionedByStart(c *ptCall) bool {
	n := 0
	for _, r := range k.readCalls {
		if startsLike(c, r) {
			n++
		}
	}
	return n == 1
}

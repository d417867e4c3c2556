package english

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// The asker's explanation of a number, in brackets after it: "19x19x425 (5
// anchors x 85)", "255 (3 x 85)", "to 18 channels (3 anchors × 6)". Its
// factors multiply to the number before, so they restate it rather than
// add to the question; read as sizes or counts they would replace it.

// enDropFactors leaves out each bracketed product whose factors multiply
// to the number before it (a size's last side), and names its numbers as
// not used, with why.
func enDropFactors(src string, in []enTok) ([]enTok, []lang.Unused) {
	var out []enTok
	var unused []lang.Unused
	for i := 0; i < len(in); i++ {
		if n := enFactorsAt(in, i); n > 0 {
			for _, t := range in[i : i+n] {
				if t.kind == 'n' || t.kind == 's' {
					unused = append(unused, enNumbersOf(src, t, fmt.Sprintf("how %s is made: %s", enLastSide(in[i-1]), strings.TrimSpace(src[in[i].end:in[i+n-1].off])))...)
				}
			}
			i += n - 1
			continue
		}
		out = append(out, in[i])
	}
	return out, unused
}

// enFactorsAt is the length of a bracketed product at in[i] whose factors
// multiply to the number before it, or 0.
func enFactorsAt(in []enTok, i int) int {
	if i == 0 || in[i].raw != "(" || in[i-1].kind != 'n' && in[i-1].kind != 's' {
		return 0
	}
	want := int64(0)
	if t := in[i-1]; t.kind == 'n' && !t.isFrac {
		want = t.num
	} else if t.kind == 's' {
		want = int64(t.dims[len(t.dims)-1])
	}
	prod, factors, times := int64(1), 0, false
	for j := i + 1; j < len(in) && j <= i+8; j++ {
		t := in[j]
		switch {
		case t.raw == ")":
			if factors >= 2 && (times || factors == 2 && in[j-1].kind == 's') && prod == want && want > 1 {
				return j - i + 1
			}
			return 0
		case t.kind == 'n' && !t.isFrac:
			prod, factors = prod*max(t.num, 0), factors+1
		case t.kind == 's':
			for _, d := range t.dims {
				prod, factors = prod*int64(d), factors+1
			}
			times = true
		case t.kind == 'w' && (strings.EqualFold(t.raw, "x") || strings.EqualFold(t.raw, "times")), t.raw == "×" || t.raw == "*":
			times = true
		case t.kind == 'w':
		default:
			return 0
		}
		if prod > want {
			return 0
		}
	}
	return 0
}

// enLastSide is the number a bracketed product explains: the number, or
// the last side of the size, before it.
func enLastSide(t enTok) string {
	if t.kind == 's' {
		return fmt.Sprint(t.dims[len(t.dims)-1])
	}
	return t.raw
}

// enNumbersOf names each number written in the token t as not used, with why.
func enNumbersOf(src string, t enTok, why string) []lang.Unused {
	text := src[t.off:min(t.end, len(src))]
	var out []lang.Unused
	for k := 0; k < len(text); {
		if text[k] < '0' || text[k] > '9' {
			k++
			continue
		}
		e := k
		for e < len(text) && (text[e] >= '0' && text[e] <= '9' || (text[e] == ',' || text[e] == '.') && e+1 < len(text) && text[e+1] >= '0' && text[e+1] <= '9') {
			e++
		}
		out = append(out, lang.Unused{Text: text[k:e], Pos: enPos(src, t.off+k), Why: why})
		k = e
	}
	return out
}

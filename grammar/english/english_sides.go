package english

import "strings"

// A size said one side at a time, as people write a non-square input:
// "120 (height) x 160 (width)", "input of height 15 and width 20",
// "width = 64, height = 48". Each is merged into one size, height first,
// so the rest of the reader sees "120x160".

// enSideWords name a side: the height or the width.
var enSideWords = map[string]string{"height": "h", "h": "h", "rows": "h", "width": "w", "w": "w", "cols": "w", "columns": "w"}

// enSideJoins join the two sides: "x", "by", "and", a comma.
var enSideJoins = map[string]bool{"x": true, "×": true, "by": true, "and": true, ",": true, ";": true, "*": true}

// side is the side the word at in[j] names ("h", "w"), "" for none.
func side(in []enTok, j int) string {
	if j >= len(in) || in[j].kind != 'w' {
		return ""
	}
	return enSideWords[strings.ToLower(in[j].raw)]
}

// enSidesAfter reads "120 (height) x 160 (width)" at the number in[i]:
// each number with its side named in brackets after it; n is the tokens
// after in[i] it spans, 0 when there is none.
func enSidesAfter(in []enTok, i int) (enTok, int) {
	named := func(j int) string { // "(height)" at j
		if j+2 < len(in) && in[j].raw == "(" && in[j+2].raw == ")" {
			return side(in, j+1)
		}
		return ""
	}
	a := named(i + 1)
	j := i + 4
	if a == "" || j >= len(in) || !enSideJoins[strings.ToLower(in[j].raw)] {
		return enTok{}, 0
	}
	j++
	if j >= len(in) || in[j].kind != 'n' || in[j].isFrac {
		return enTok{}, 0
	}
	b := named(j + 1)
	if b == "" || b == a {
		return enTok{}, 0
	}
	return enSideSize(in, i, j, j+3, a == "w"), j + 3 - i
}

// enNamedSides reads "height 15 and width 20", "height of 15 and width of
// 20", "H=48, W=64" at the word in[i]: each side named before its
// number; n is the tokens after in[i] it spans, 0 when there is none.
func enNamedSides(in []enTok, i int) (enTok, int) {
	a := side(in, i)
	if a == "" {
		return enTok{}, 0
	}
	j, eq := enSideValue(in, i)
	if j < 0 || len(in[i].raw) == 1 && !eq {
		return enTok{}, 0 // "h" and "w" alone only with "=": "h=48"
	}
	k := j + 1
	for k < len(in) && enSideJoins[strings.ToLower(in[k].raw)] && k-j <= 2 {
		k++
	}
	b := side(in, k)
	if k == j+1 || b == "" || b == a {
		return enTok{}, 0
	}
	m, eq2 := enSideValue(in, k)
	if m < 0 || len(in[k].raw) == 1 && !eq2 {
		return enTok{}, 0
	}
	s := enSideSize(in, j, m, m, a == "w")
	s.off, s.glued = in[i].off, in[i].glued
	s.raw = src(in, s)
	return s, m - i
}

// enSideValue is the index of the number after the side word at j ("=",
// ":", "of", "is" may come between) and whether an "=" or ":" did; -1
// when no number follows.
func enSideValue(in []enTok, j int) (int, bool) {
	k, eq := j+1, false
	for k < len(in) && k-j <= 2 {
		switch strings.ToLower(in[k].raw) {
		case "=", ":":
			eq = true
			k++
			continue
		case "of", "is":
			k++
			continue
		}
		break
	}
	if k >= len(in) || in[k].kind != 'n' || in[k].isFrac {
		return -1, false
	}
	return k, eq
}

// enSideSize is the size of the numbers at in[x] and in[y], spanning to
// in[end]; swap when the width was said first.
func enSideSize(in []enTok, x, y, end int, swap bool) enTok {
	h, w := enClamp(in[x].num), enClamp(in[y].num)
	if swap {
		h, w = w, h
	}
	s := enTok{kind: 's', dims: []int{h, w}, off: in[x].off, end: in[end].end, glued: in[x].glued}
	s.raw = src(in, s)
	return s
}

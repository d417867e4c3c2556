package lang

import (
	"sort"
	"strconv"
	"strings"
)

// NumberWords are the numbers students write as words when they count
// layers, blocks or pools: "three convs", "four pools", "twelve blocks".
var NumberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19}

// DidYouMean returns the closest of candidates to word, or "" when none is
// close enough to be a likely typo.
func DidYouMean(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestD := "", 3
	if len(word) <= 3 {
		bestD = 2
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		if d := editDistance(word, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Damerau–Levenshtein distance (adjacent swaps count
// once) between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 64
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Per0 is the first of a per-dimension setting, or 1 when none is given.
func Per0(xs []int) int {
	if len(xs) == 0 {
		return 1
	}
	return xs[0]
}

// Group writes n with thousands separators: 18,496.
func Group(n int) string {
	if n < 0 {
		return "-" + Group(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// JoinSize writes a size as the spec language does: 56x56x3.
func JoinSize(n []int) string {
	parts := make([]string, len(n))
	for i, x := range n {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, "x")
}

// RunePosition is the line and column of the n-th rune (0-based) of src.
func RunePosition(src string, n int) (line, col int) {
	line, col = 1, 1
	for i, r := range []rune(src) {
		if i == n {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// ClosingBracket is the index of the bracket closing the one at src[open],
// round and square brackets nesting, or -1 when it is left open.
func ClosingBracket(src string, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

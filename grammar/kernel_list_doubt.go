package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// "conv layers with 7x7, 5x5, 3x3 kernels", "3 conv layers, kernels 5x5,
// 3x3, 3x3": a kernel for each conv, in turn. A reading whose convs do
// not have those kernels, in that order (one took 7x7 for the input, or
// gave every conv the first kernel), is not sure: the reply says so
// rather than answer a stack nobody asked about.

// kernelList matches kernels listed in turn, with the word that says
// they are kernels before or after the list.
var kernelList = regexp.MustCompile(`(?i)\b(?:kernels|kernel\s+sizes|filter\s+sizes)\s*(?:of\s+|are\s+|:\s*|=\s*|\(\s*)?(` + sizeItem + `(?:` + listSep + sizeItem + `)+)|(` + squareItem + `(?:` + listSep + squareItem + `){2,})\s+(?:kernels|filters|convs?|conv\s+layers|convolutions)\b`)

const (
	// squareItem is a kernel written as a size: "3x3".
	squareItem = `\d{1,2}\s*[x×]\s*\d{1,2}`
	// sizeItem is a kernel written as a size or a number: "3x3", "3".
	sizeItem = `(?:\d{1,2}\s*[x×]\s*\d{1,2}|\d{1,2}\b)`
	// listSep joins the items of a list: ", ", " and ", ", then ".
	listSep = `\s*(?:,\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+)`
)

// kernelItem matches one item of a kernelList match.
var kernelItem = regexp.MustCompile(`(\d{1,2})(?:\s*[x×]\s*(\d{1,2}))?`)

// withKernelListDoubt adds a doubt to q when src lists kernels that its
// convs, in order, do not have.
func withKernelListDoubt(src string, q *Question) *Question {
	if q == nil || q.Solve != nil || len(q.Layers) == 0 {
		return q
	}
	m := kernelList.FindStringSubmatch(askText(src))
	if m == nil {
		return q
	}
	var said []int
	for _, it := range kernelItem.FindAllStringSubmatch(m[1]+m[2], -1) {
		n, _ := strconv.Atoi(it[1])
		if n > 11 || it[2] != "" && it[2] != it[1] {
			return q // "kernels 3, 64 filters", "a 5x7 input and 3x3 filters": no list of kernels
		}
		said = append(said, n)
	}
	var read []int
	for _, l := range q.Layers {
		read = append(read, convKernels(l.Layer)...)
	}
	if len(said) < 2 || inTurn(read, said) {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), fmt.Sprintf("the question lists kernels %s, one a conv, and this reading's convs have %s",
		joinInts(said), joinInts(read)))
	return &cp
}

// convKernels is the first side of each conv's kernel in l, in order,
// looking into the branches of a concat ("widths 3, 4 and 5" side by
// side, as Kim's text CNN has them).
func convKernels(l calc.Layer) []int {
	switch v := l.(type) {
	case calc.Conv:
		if len(v.Kernel) > 0 {
			return []int{v.Kernel[0]}
		}
	case calc.Concat:
		var ks []int
		for _, b := range v.Branches {
			for _, bl := range b {
				ks = append(ks, convKernels(bl)...)
			}
		}
		return ks
	}
	return nil
}

// inTurn reports whether want appears in have, in order, one after
// another.
func inTurn(have, want []int) bool {
	for i := 0; i+len(want) <= len(have); i++ {
		if slices.Equal(have[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// joinInts writes ns as "5, 3, 3"; "none" when empty.
func joinInts(ns []int) string {
	if len(ns) == 0 {
		return "none"
	}
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

package english

import (
	"fmt"
	"slices"
	"strings"
)

// A block said in brackets with how many times it comes: "[Conv2D(3x3
// valid) -> MaxPooling2D(2)] x3", "4 blocks of [conv 3x3 no padding ->
// maxpool 2]", "3 x [conv, pool]". The count is the whole block's: every
// layer mention inside the brackets is said again that many times, in
// order (the "x3" after the bracket was taken as the last layer's repeat).

// bracketBlocks repeats the layer mentions inside a bracketed block as
// many times as its count says; nothing changes when the question has no
// such block.
func (r *enReader) bracketBlocks() {
	lb, rb := r.bracketSpan()
	if lb < 0 {
		return
	}
	n, at := r.blockCount(lb, rb)
	if n < 2 {
		return
	}
	first, last := -1, -1
	for k, a := range r.anchors {
		if a.tok > lb && a.tok < rb && !a.ctx {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return
	}
	group := r.anchors[first : last+1]
	r.toks[at].used = true
	for _, a := range r.anchors {
		a.bare = slices.DeleteFunc(a.bare, func(i int) bool { return i == at }) // "maxpool 2] x 4": the 4 is the block's
	}
	var kinds []string
	for _, a := range group {
		if a.kind == "pool" && len(a.kernel)+len(a.args) == 0 {
			a.kernel = r.poolWindow(a) // read once, for every copy: "maxpool 2]"
		}
		if a.at["repeat"] == at && a.repeat == n {
			a.repeat = 0 // the count is the block's, not this layer's
		}
		kinds = append(kinds, a.kind)
	}
	var copies []*enAnchor
	for k := 1; k < n; k++ {
		for _, a := range group {
			c := *a
			c.counts = nil
			for _, cnt := range a.counts {
				if cnt.role != "in" {
					c.counts = append(c.counts, cnt) // the input channels are the block before's
				}
			}
			copies = append(copies, &c)
		}
	}
	rest := append(copies, r.anchors[last+1:]...)
	r.anchors = append(r.anchors[:last+1:last+1], rest...)
	r.repeatedBy(n, fmt.Sprintf("read as %d blocks of [%s], one after the other", n, strings.Join(kinds, ", ")))
}

// bracketSpan is the first pair of square brackets of the question, as
// token indexes; -1 when there is none.
func (r *enReader) bracketSpan() (int, int) {
	for i := range r.toks {
		if r.toks[i].raw != "[" {
			continue
		}
		for j := i + 1; j < len(r.toks); j++ {
			switch r.toks[j].raw {
			case "[":
				return -1, -1 // nested: not read here
			case "]":
				return i, j
			}
		}
		return -1, -1
	}
	return -1, -1
}

// blockCount is the count said of the bracketed block from lb to rb, and
// its token: after it ("] x3", "] x 3", "] * 3", "] 3 times", "]
// repeated 3 times") or before it ("4 blocks of [", "3 x [", "3x ["); 0
// when none is said.
func (r *enReader) blockCount(lb, rb int) (int, int) {
	num := func(i int) int {
		if i >= 0 && i < len(r.toks) && r.toks[i].kind == 'n' && !r.toks[i].isFrac {
			return int(r.toks[i].num)
		}
		return 0
	}
	word := func(i int) string {
		if i < 0 || i >= len(r.toks) {
			return ""
		}
		return strings.ToLower(r.toks[i].raw)
	}
	j := rb + 1
	if word(j) == "repeated" || word(j) == "stacked" {
		j++
	}
	switch {
	case word(j) == "x" && r.toks[j].idx >= 2:
		return r.toks[j].idx, j
	case (word(j) == "x" || word(j) == "*" || word(j) == "×") && num(j+1) >= 2:
		return num(j + 1), j + 1
	case num(j) >= 2 && (word(j+1) == "times" || word(j+1) == "x"):
		return num(j), j
	}
	switch {
	case word(lb-1) == "of" && num(lb-3) >= 2 && enBlockWords[word(lb-2)]:
		return num(lb - 3), lb - 3
	case (word(lb-1) == "x" || word(lb-1) == "*" || word(lb-1) == "×") && num(lb-2) >= 2:
		return num(lb - 2), lb - 2
	}
	return 0, -1
}

// enBlockWords name a repeated group of layers.
var enBlockWords = map[string]bool{"blocks": true, "block": true, "stages": true, "units": true, "repeats": true, "copies": true, "levels": true}

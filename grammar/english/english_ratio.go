package english

import (
	"strings"

	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A ratio said in passing: "my counter gives 2x what I expect", "thop shows
// 2x the MACs", "it is 3 times slower", "off by 2x". The number compares
// two figures; it is no size, count or setting of a layer, and read as
// one it took the place of a layer's own number ("gives 2" read as two
// outputs).

// enRatioAfter are the words after "Nx" or "N times" that make it a
// ratio: a comparison ("more", "slower"), or what is compared ("what I
// expect", "the MACs", "as many").
var enRatioAfter = map[string]bool{
	"what": true, "the": true, "as": true, "more": true, "less": true, "fewer": true, "faster": true,
	"slower": true, "bigger": true, "larger": true, "smaller": true, "higher": true, "lower": true,
	"that": true, "my": true, "mine": true, "expected": true, "too": true, "than": true, "longer": true,
	"difference": true, "off": true, "speedup": true, "slowdown": true, "greater": true, "heavier": true,
	"cheaper": true, "memory": true, "compute": true, "flops": true, "macs": true, "params": true, "parameters": true,
}

// enRatioBefore are the words before "Nx" that make it a ratio: "off by
// 2x", "about 2x", "roughly 2x", "a 2x difference" (with enRatioAfter).
var enRatioBefore = map[string]bool{"by": true, "about": true, "roughly": true, "exactly": true, "almost": true, "nearly": true, "~": true}

// enDropRatios leaves out each ratio ("2x what I expect", "3 times
// slower") and names its number as not used, with why.
func enDropRatios(src string, in []enTok) ([]enTok, []lang.Unused) {
	var out []enTok
	var unused []lang.Unused
	for i := 0; i < len(in); i++ {
		if enRatioAt(in, i) {
			unused = append(unused, enNumbersOf(src, in[i], "a ratio ("+strings.TrimSpace(src[in[i].off:in[i+1].end])+"), not a size or count of the layer")...)
			i++
			continue
		}
		out = append(out, in[i])
	}
	return out, unused
}

// enRatioAt reports whether in[i] is the number of a ratio: a number,
// then a glued "x" or the word "times", then a comparison word, or a word
// before that says a ratio ("off by 2x", "about 2x").
func enRatioAt(in []enTok, i int) bool {
	if i+1 >= len(in) || in[i].kind != 'n' || in[i].num < 1 && !in[i].isFrac {
		return false
	}
	sign := in[i+1]
	x := sign.kind == 'w' && strings.EqualFold(sign.raw, "x") && sign.glued && sign.idx == 0
	times := sign.kind == 'w' && strings.EqualFold(sign.raw, "times")
	if !x && !times {
		return false
	}
	if i+2 < len(in) {
		if n := in[i+2]; n.kind == 'n' || n.kind == 's' {
			return false // "2 times 3x3", "2x 64": a count of layers or a product
		}
		if n := in[i+2]; n.kind == 'w' && enRatioAfter[strings.ToLower(n.raw)] {
			return true
		}
	}
	if x && i > 0 && in[i-1].kind == 'w' && enRatioBefore[strings.ToLower(in[i-1].raw)] {
		return i+2 >= len(in) || in[i+2].kind == 'p'
	}
	return false
}

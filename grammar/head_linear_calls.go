package grammar

import (
	"regexp"
	"strconv"
)

// A head swap is often written with the layers as code, in prose: "replace
// the final Linear(4096, 1000) with Linear(4096, 10)", "swap nn.Linear(512,
// 1000) for nn.Linear(512, 3)". The Linear that is not the preset's own
// last one is the new head.

// linearCall matches a Linear written as a call with its two sizes.
var linearCall = regexp.MustCompile(`\b(?:nn\.)?Linear\(\s*(?:in_features\s*=\s*)?(\d+)\s*,\s*(?:out_features\s*=\s*)?(\d+)\s*(?:,[^)]*)?\)`)

// linearSwapped reads the new head from the Linear calls src writes: the
// last one that is not the preset's (whole) last Linear and takes its
// features; ok is false when there is none, or none fits.
func linearSwapped(src string, whole *Question) (in, out int, ok bool) {
	if whole == nil {
		return 0, 0, false
	}
	old := lastLinearOf(whole)
	for _, m := range linearCall.FindAllStringSubmatch(src, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a == old.In && b != old.Out && b > 0 && b < 1<<20 {
			in, out, ok = a, b, true
		}
	}
	return in, out, ok
}

package grammar

import (
	"fmt"
	"regexp"
	"strings"
)

// "a stack of convs on 64x64: conv 7x7 stride 2 pad 3, conv 3x3 pad 1,
// conv 3x3 pad 1. size after the second conv?" lists DIFFERENT layers:
// the block reading (one conv, one pool, repeated) would make them all
// the first one's copies and answer a size no layer gives. A list of
// layers that differ is no block repeated.

// blockListSep splits a description into its parts: commas, clauses,
// arrows, "then".
var blockListSep = regexp.MustCompile(`(?i)[,;:]|\.\s|\.$|[?!\n]|\bthen\b|\bfollowed\s+by\b|->|→|=>`)

// blockConvWord is a conv named; blockPoolWordRE a pool named.
var (
	blockConvWord   = regexp.MustCompile(`(?i)\bconv\w*`)
	blockPoolWordRE = regexp.MustCompile(`(?i)pool`)
)

// differentLayersListed reports whether text lists two or more convs (or
// two or more pools) whose settings, as written, differ: a kernel, a
// stride or a padding.
func differentLayersListed(text string) bool {
	type layer struct {
		pool bool
		desc string
	}
	var layers []layer
	for _, part := range blockListSep.Split(text, -1) {
		conv, pool := blockConvWord.MatchString(part), blockPoolWordRE.MatchString(part)
		switch {
		case pool:
			layers = append(layers, layer{true, part})
		case conv:
			layers = append(layers, layer{false, part})
		case len(layers) > 0:
			layers[len(layers)-1].desc += ", " + part // "stride 2" of the conv before
		}
	}
	seen := map[bool]string{}
	for _, l := range layers {
		d := blockLayerSettings(l.desc, l.pool)
		if d == "" {
			continue // "a stack of convs", "after the second conv": no setting
		}
		if s, ok := seen[l.pool]; ok && s != d {
			return true
		}
		seen[l.pool] = d
	}
	return false
}

// blockLayerSettings is a layer description's settings as a key, or ""
// when it writes no kernel (or window).
func blockLayerSettings(desc string, pool bool) string {
	if pool {
		_, k := readPool(desc)
		if k == 0 {
			return ""
		}
		return fmt.Sprintf("pool %d stride %d", k, firstNumber(strideWords, desc))
	}
	k := firstNumber(convKernel, desc)
	if k == 0 {
		return ""
	}
	pad := fmt.Sprint(firstNumber(padNumber, desc))
	switch {
	case padValid.MatchString(desc):
		pad = "0"
	case padSame.MatchString(desc):
		pad = "same"
	}
	return strings.Join([]string{fmt.Sprint(k), fmt.Sprint(firstNumber(strideWords, desc)), pad}, "/")
}

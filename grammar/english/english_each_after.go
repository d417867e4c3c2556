package english

import (
	"regexp"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// Convs said together with a layer that follows each: "three 3x3 conv
// layers with 16, 32 and 64 filters, each followed by a 2x2 max pool",
// "two convs, each one followed by relu and maxpool 2", "two 3x3 convs
// each followed by batchnorm and a 2x2 maxpool". The pool is said
// once but comes after every conv (eachBatchNorm in english_pairs.go
// does the same for a batch norm).

// enEachPoolRE matches a pool said to follow each conv.
var enEachPoolRE = regexp.MustCompile(`(?i)\b(?:each|every)(?:\s+one|\s+conv\w*(?:\s+layer)?)?\s*(?:,\s*)?(?:is\s+)?(?:followed\s+by|then|with|\+)\s+(?:an?\s+)?(?:(?:relu|batch\s*-?\s*norm\w*|bn|activation)\s*(?:,\s*|\s+and\s+|\s+then\s+|\s*\+\s*)(?:an?\s+)?){0,2}(?:\d+\s*x\s*\d+\s+|\(\d+,\s*\d+\)\s+)?(?:max|avg|average)?\s*-?\s*pool`)

// eachPool puts the pool (and an activation before it) said after a run
// of two convs or more after each conv of the run; layers are returned as
// they are when the words do not say so, or the run is not followed by
// one pool.
func (r *enReader) eachPool(layers []lang.Layer) []lang.Layer {
	if !enEachPoolRE.MatchString(r.src) {
		return layers
	}
	k := 0
	for k < len(layers) {
		if _, ok := layers[k].Layer.(calc.Conv); !ok {
			break
		}
		k++
	}
	j := k
	for j < len(layers) && j-k < 2 && betweenConvAndPool(layers[j].Layer) {
		j++
	}
	if k < 2 || j >= len(layers) {
		return layers
	}
	if _, ok := layers[j].Layer.(calc.Pool); !ok {
		return layers
	}
	after := layers[k : j+1]
	out := make([]lang.Layer, 0, len(layers)+(k-1)*len(after))
	for _, l := range layers[:k] {
		out = append(out, l)
		out = append(out, after...)
	}
	r.notes = append(r.notes, "the pool said once comes after each conv")
	return append(out, layers[j+1:]...)
}

// betweenConvAndPool reports whether l is a layer said between a conv
// and the pool after it: an activation or a batch norm.
func betweenConvAndPool(l calc.Layer) bool {
	switch l.(type) {
	case calc.Activation, calc.BatchNorm:
		return true
	}
	return false
}

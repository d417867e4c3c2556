package english

import (
	"regexp"
	"slices"
	"strings"
)

// enOneWords pick out one item of a layer: "each filter", "every neuron",
// "a single kernel", "per filter".
var enOneWords = map[string]bool{"each": true, "every": true, "per": true, "single": true, "one": true}

// enUnitWords are the items a conv's count can be asked of one by one.
var enUnitWords = map[string]bool{"filter": true, "kernel": true, "neuron": true, "unit": true, "node": true}

// oneUnitSaid reports whether the question picks out one filter or one
// neuron of its layer, however the words fall around it ("each filter in
// a 5x5 conv on a 32-channel input has how many weights?", "each neuron
// in conv2 (3x3 kernel, its input has 24 channels) has how many weights +
// bias?", "per filter, how many weights ..."): a word of one, at most one
// word between ("each output neuron"), and the item in the singular.
// The count asked is then one filter's, which does not depend on how many
// filters the layer has.
func (r *enReader) oneUnitSaid() bool {
	for i, t := range r.toks {
		one := t.kind == 'w' && enOneWords[strings.ToLower(t.raw)] || t.kind == 'n' && t.num == 1 && strings.EqualFold(t.raw, "one")
		if !one {
			continue
		}
		for j := i + 1; j < len(r.toks) && j <= i+2; j++ {
			u := r.toks[j]
			if u.kind == 'w' && enUnitWords[u.lem] && !u.plural && !strings.HasSuffix(strings.ToLower(u.raw), "s") {
				if r.askedInSentence(j) {
					return !r.layerCountSaid()
				}
				break // "each neuron also has a bias. how many ... does one neuron use?": the next one may ask
			}
			if u.kind != 'w' || u.lem != "output" && u.lem != "conv" && u.lem != "single" {
				break
			}
		}
	}
	return false
}

// askedInSentence reports whether the sentence of the token at i asks a
// count: "each filter ... has how many weights", "per filter, how many
// weights"; not "each neuron looks at a 5x5 region. how many parameters
// in layer 3?", which describes the layer and asks all of it.
func (r *enReader) askedInSentence(i int) bool {
	start := i
	for start > 0 && !enClauseEnd(r.lem(start-1)) {
		start--
	}
	for j := start; j < len(r.toks); j++ {
		switch l := r.lem(j); {
		case j > i && enClauseEnd(l):
			return false
		case l == "how" && r.lem(j+1) == "many", l == "number" && r.lem(j+1) == "of":
			return true
		}
	}
	return false
}

// enClauseEnd reports whether the lemma l ends a sentence or a clause
// of its own.
func enClauseEnd(l string) bool { return l == "." || l == "?" || l == "!" || l == ";" }

// layerCountSaid reports whether the question says how many filters or
// maps its layer has ("32 filters", "50 feature maps"): then "each
// neuron ..." describes that layer, and its count is asked whole.
func (r *enReader) layerCountSaid() bool {
	for i, t := range r.toks {
		if t.kind == 'n' && i+1 < len(r.toks) && r.toks[i+1].plural && (r.lem(i+1) == "filter" || r.lem(i+1) == "fmap" || r.lem(i+1) == "kernel") {
			return true
		}
	}
	return false
}

// enWeightsPlusBiasRE asks the weights and the bias summed: "weights +
// bias", "weights plus the bias", "weights including biases".
var enWeightsPlusBiasRE = regexp.MustCompile(`(?i)\bweights?\s*(?:\+|plus|including|incl\.?|together\s+with)\s*(?:the\s+|its\s+|a\s+|one\s+)?bias(?:es)?\b`)

// weightsPlusBias asks the parameters, the weights and biases summed,
// for "how many weights + bias": one number, not the two apart.
func (r *enReader) weightsPlusBias() {
	if !enWeightsPlusBiasRE.MatchString(r.src) || !slices.Contains(r.g.asked, "weights") {
		return
	}
	r.g.asked = slices.DeleteFunc(r.g.asked, func(a string) bool { return a == "weights" || a == "biases" })
	r.addAsked("params")
}

// connectionsGloss reports whether the weight word at i glosses the
// connections just before it: "how many connections (weights) does each
// neuron have" asks one neuron's connections, not the layer's weights.
func (r *enReader) connectionsGloss(i int) bool {
	return r.lem(i-1) == "(" && r.lem(i-2) == "connect" && r.lem(i+1) == ")"
}

// neuronPlace reports whether the output word at i says where a neuron
// is — "each neuron in the output volume", "a unit of the output layer" —
// rather than asking the output's size.
func (r *enReader) neuronPlace(i int) bool {
	j := i - 1
	if r.lem(j) == "the" || strings.EqualFold(r.toks[max(j, 0)].raw, "the") {
		j--
	}
	if j < 1 || r.lem(j) != "in" && r.lem(j) != "of" && !strings.EqualFold(r.toks[j].raw, "in") && !strings.EqualFold(r.toks[j].raw, "of") {
		return false
	}
	return r.lem(j-1) == "neuron" && !r.toks[j-1].plural
}

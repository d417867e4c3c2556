package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// "how many anchors does that give?", "how many patches?", "how many
// boxes before NMS?" ask for a count this bot does not work out by that
// name. Read as a layer, such a question gets the layer's numbers on the
// first line, which is an answer to a question not asked: the reply says
// first what it cannot count.

// howManyNoun matches "how many" and the four words after it, among which
// is the noun.
var howManyNoun = regexp.MustCompile(`(?i)\bhow\s+many\s+((?:[a-z_]+[\s-]*){1,4})`)

// countQualifiers are words between "how many" and the thing counted:
// "how many total trainable params".
var countQualifiers = map[string]bool{
	"total": true, "trainable": true, "learnable": true, "more": true, "fewer": true, "less": true,
	"extra": true, "new": true, "different": true, "distinct": true, "individual": true, "separate": true,
	"unique": true, "free": true, "actual": true, "overall": true, "additional": true, "of": true, "the": true,
	"non": true, "in": true, "out": true, "output": true, "input": true, "spatial": true, "learned": true,
	"float": true, "floating": true, "point": true, "full": true, "complete": true, "whole": true,
	"default": true, "bounding": true, "anchor": true, "predicted": true,
	"max": true, "avg": true, "average": true, "conv": true, "dense": true, "fc": true, "hidden": true,
}

// countNouns are the things a question may count that a reading answers:
// its sizes, its parameters, its cost, its layers.
var countNouns = map[string]bool{
	"param": true, "parameter": true, "params": true, "weight": true, "bias": true, "biase": true,
	"connection": true, "neuron": true, "unit": true, "filter": true, "kernel": true, "channel": true,
	"feature": true, "map": true, "fmap": true, "layer": true, "block": true, "pool": true, "pooling": true,
	"maxpool": true, "time": true, "mac": true, "flop": true, "multiplication": true, "mult": true,
	"multiply": true, "addition": true, "add": true, "operation": true, "op": true, "output": true,
	"value": true, "element": true, "pixel": true, "number": true, "input": true, "activation": true,
	"byte": true, "mb": true, "gb": true, "kb": true, "megabyte": true, "zero": true, "step": true, "row": true,
	"column": true, "node": true, "cell": true, "position": true, "location": true, "dimension": true,
	"dim": true, "entry": true, "float": true, "variable": true, "coefficient": true, "conv": true,
	"convolution": true, "stride": true, "padding": true, "pad": true, "sample": true, "frame": true,
	"timestep": true, "image": true, "dot": true, "product": true, "stage": true, "level": true,
	"downsampling": true, "upsampling": true, "class": true, "category": true, "logit": true, "bit": true,
	"gflop": true, "mflop": true, "flops": true, "macs": true, "madd": true, "multiadd": true, "fma": true,
	"trainable": true, "learnable": true, "adds": true, "mul": true, "muls": true, "computation": true,
	"calculation": true, "element-wise": true, "scalar": true, "number_of_parameters": true,
	"linear": true, "dense": true, "fc": true, "depthwise": true, "pointwise": true, "groups": true,
	"group": true, "head": true, "way": true, "height": true, "width": true, "length": true,
	"mib": true, "gib": true, "kib": true, "incoming": true, "outgoing": true, "model": true, "in_feature": true,
	"out_feature": true, "in_channel": true, "out_channel": true, "nn": true, "stacked": true, "saved": true,
}

// countVerbs end a "how many" that names no noun: "how many does torch
// count", "how many are non-trainable", "how many if ...".
var countVerbs = map[string]bool{
	"do": true, "does": true, "did": true, "doe": true, "is": true, "are": true, "was": true, "were": true,
	"would": true, "will": true, "should": true, "can": true, "could": true, "if": true, "i": true, "you": true,
	"u": true, "we": true, "there": true, "then": true, "now": true, "with": true, "without": true, "for": true,
	"those": true, "these": true, "it": true, "them": true, "that": true, "this": true, "and": true, "or": true,
	"exactly": true, "each": true, "per": true, "all": true, "such": true, "one": true, "ones": true,
	"its": true, "their": true, "my": true, "your": true, "our": true, "his": true, "her": true,
}

// detectionNouns are what a detector's box count is asked by.
var detectionNouns = map[string]bool{"box": true, "anchor": true, "prior": true, "prediction": true, "detection": true, "candidate": true}

// typoStems start the misspelt names of counts: "paramz", "parms",
// "conections", "wieghts".
var typoStems = []string{"param", "parm", "conn", "conec", "weig", "wieg", "filt", "chan", "neur", "flop", "mac", "lay"}

// askedCountNoun is the word a "how many" asks about, plural taken off, and
// whether src has one.
func askedCountNoun(src string) (string, bool) {
	m := howManyNoun.FindStringSubmatch(src)
	if m == nil {
		return "", false
	}
	words := strings.Fields(strings.ReplaceAll(m[1], "-", " "))
	for _, w := range words {
		w = strings.ToLower(w)
		switch {
		case countQualifiers[w]:
			continue
		case countVerbs[w]:
			return "", false
		}
		for _, stem := range typoStems {
			if strings.HasPrefix(w, stem) {
				return stem, true
			}
		}
		return singular(w), true
	}
	return "", false
}

// singular takes the plural off a noun: "anchors", "boxes", "patches".
func singular(w string) string {
	switch {
	case countNouns[w]:
		return w
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// unknownCounts is the doubt for a "how many" whose noun this bot does not
// count ("how many anchors"), unless the reading q asks for that noun.
func unknownCounts(src string, q *Question) []string {
	n, ok := askedCountNoun(src)
	if !ok || countNouns[n] || slices.Contains(typoStems, n) || q != nil && (slices.Contains(q.Asked, n) || slices.Contains(q.Asked, plural(n))) {
		return nil
	}
	if q != nil && slices.Contains(q.Asked, "boxes") && detectionNouns[n] {
		return nil // a detector's boxes, counted (detection_head.go)
	}
	return []string{fmt.Sprintf("the question asks how many %s, which is not a count I work out by that name; the numbers below are what I can work out of the layers read", plural(n))}
}

// plural puts the plural back on a noun singular took it off.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ss"):
		return n + "es"
	case strings.HasSuffix(n, "y") && len(n) > 1 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

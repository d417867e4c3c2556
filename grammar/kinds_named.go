package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// A kind of layer a question names — "depthwise separable", "grouped",
// "global average pooling" — changes the numbers: a reading
// without it answers another layer. A kind named and not said to be
// absent must be in the reading, or the reply says "Not sure"; a kind
// said to be absent ("skip global average pooling", "without GAP",
// "instead of the global pool") must not be, and the question is read
// again with those words left out.

// kindNamed is a kind of layer a question may name, and what a reading
// holding one has.
type kindNamed struct {
	word *regexp.Regexp
	has  func(calc.Layer) bool
	name string
}

// moreKinds are the kinds namedKinds (doubts.go) does not check: global
// average pooling, a grouped conv, a separable conv said without
// "depthwise". Batch norm is left out: it is named as context far more
// often than as a layer asked about ("no bias (bn after)", "ignoring
// batchnorm").
var moreKinds = []kindNamed{
	{gapNamed, globalPooled, "global average pooling"},
	{regexp.MustCompile(`(?i)\bgroup(?:ed)?[\s-]+conv\w*|\bgroups\s*=\s*(?:[2-9]|\d\d+)\b|\b(?:[2-9]|\d\d+)\s+groups\b`), func(l calc.Layer) bool {
		c, ok := l.(calc.Conv)
		return ok && (c.Groups > 1 || c.Depthwise)
	}, "a grouped convolution"},
	{regexp.MustCompile(`(?i)\bsep[ae]rable[\s_-]*conv\w*|\bSeparableConv[12]D\b`), depthwiseLayer, "a depthwise separable convolution"},
	{linearNamed, func(l calc.Layer) bool { return l.Kind() == "linear" }, "a Linear layer"}, // Keras's Dense on the last axis too
}

// linearNamed matches a fully connected layer named as PyTorch and Keras
// name their modules ("I put a Linear to 7 classes", "nn.Linear", "a
// Dense(10)"); the words "linear" and "fully connected" are left out, as
// they are often context ("linear algebra", "before the fully connected
// part").
var linearNamed = regexp.MustCompile(`(?-i:\bLinear\b)|\bnn\.Linear\b|\bDense\s*\(`)

// gapNamed matches global average pooling named: "global average
// pooling", "GAP", "GlobalAveragePooling2D", "AdaptiveAvgPool2d(1)".
var gapNamed = regexp.MustCompile(`(?i)\bglobal[\s_-]*(?:average|avg|mean)[\s_-]*pool\w*|(?-i:\bGAP\b)|\bGlobalAveragePooling[123]D\b|\bAdaptiveAvgPool[123]d\(\s*(?:1|\(\s*1\s*,\s*1\s*\))\s*\)`)

// globalPooled reports whether l pools every spatial position into one.
func globalPooled(l calc.Layer) bool {
	switch p := l.(type) {
	case calc.GlobalAvgPool:
		return true
	case calc.AdaptivePool:
		return !slices.ContainsFunc(p.Output, func(n int) bool { return n != 1 })
	}
	return false
}

// namedKindDoubts lists the kinds of moreKinds src names, not negated,
// that q has none of. With words that set designs side by side, a kind
// named may be the other side's: whole says the message was read as one
// question in the end, so one side answered is a doubt too.
func namedKindDoubts(src string, q *Question, whole bool) []string {
	ls := leafLayers(q)
	if len(ls) == 0 || q.Preset != "" || sidesSet.MatchString(src) && !whole {
		return nil
	}
	var out []string
	kinds := moreKinds
	if whole {
		for _, k := range namedKinds { // saidDoubts left them out for the words of sides
			kinds = append(slices.Clip(kinds), kindNamed{k.word, k.has, k.name})
		}
	}
	for _, k := range kinds {
		m := k.word.FindStringIndex(src)
		if m == nil || negated(src, m[0]) || slices.ContainsFunc(ls, k.has) {
			continue
		}
		if k.name == "a Linear layer" && linearInputAsked(q) {
			continue // "in_features of the Linear after it": the reading stops before it by design
		}
		if k.name == "global average pooling" && pooledIn(src, ls) {
			continue // "Dense(10) after GAP on (7, 7, 1280)": the dense reads the 1280 pooled values
		}
		out = append(out, fmt.Sprintf("the question names %s, and this reading has none", k.name))
	}
	if m := kindDropped.FindStringIndex(src); m != nil && !whole && slices.ContainsFunc(ls, globalPooled) {
		out = append(out, fmt.Sprintf("the question says %q, and this reading has global average pooling", strings.TrimSpace(src[m[0]:m[1]])))
	}
	return out
}

// pooledIn reports whether a fully connected layer of ls reads one value
// per channel of a feature map src gives: the global pooling was read
// into its input (its in_features are the channels, or it comes with no
// flatten before it, on the map's last axis).
func pooledIn(src string, ls []calc.Layer) bool {
	maps := pooledMap.FindAllStringSubmatch(src, -1)
	if maps == nil {
		return false
	}
	for i, l := range ls {
		if _, ok := l.(calc.Flatten); ok {
			lin, ok := nextLinear(ls[i+1:])
			return ok && slices.ContainsFunc(maps, func(m []string) bool { return strconv.Itoa(lin.In) == m[1] || strconv.Itoa(lin.In) == m[3] })
		}
		if l.Kind() == "linear" {
			return true // no flatten before it
		}
	}
	return false
}

// nextLinear is the first calc.Linear of ls.
func nextLinear(ls []calc.Layer) (calc.Linear, bool) {
	for _, l := range ls {
		if lin, ok := l.(calc.Linear); ok {
			return lin, true
		}
	}
	return calc.Linear{}, false
}

// pooledMap matches a feature map of three sizes, channels first or last:
// "(7, 7, 1280)", "7x7x512", "512x7x7".
var pooledMap = regexp.MustCompile(`\(?\b(\d+)\s*[x×,]\s*(\d+)\s*[x×,]\s*(\d+)\b`)

// withKindsDoubted adds to a message read whole as one question the
// doubt that a kind it names is absent, where the words that set designs
// side by side kept the router from saying so.
func withKindsDoubted(src string, q *Question) *Question {
	if !sidesSet.MatchString(src) {
		return q
	}
	d := namedKindDoubts(src, q, true)
	if len(d) == 0 {
		return q
	}
	cp := *q
	cp.Doubts = append(slices.Clip(q.Doubts), d...)
	return &cp
}

// kindDropped matches a kind of layer said to be left out: "skip global
// average pooling", "without the GAP", "instead of a global pool", "no
// GAP" (group 1 is the kind).
var kindDropped = regexp.MustCompile(`(?i)\b(?:skip(?:ped|ping|s)?|without|w/o|no|instead\s+of|rather\s+than|remov(?:e|ed|ing)|drop(?:ped|ping)?|get\s+rid\s+of|leave\s+out|leaving\s+out|omit(?:ted|ting)?)\s+(?:the\s+|a\s+|any\s+)?(` +
	gapNamed.String()[4:] + `|global[\s_-]*pool\w*)(?:\s+layer)?`)

// withoutDroppedKind reads src again with a kind it says is left out
// ("skip global average pooling and flatten the 7x7x640 map") blanked,
// when the reading r has that kind: the words named it only to drop it.
// It returns nil when src drops no kind, r does not have it, or the
// reading without the words has it too or does not read.
func withoutDroppedKind(src string, r *reading) *reading {
	m := kindDropped.FindStringSubmatchIndex(src)
	if m == nil || !slices.ContainsFunc(leafLayers(r.q), globalPooled) {
		return nil
	}
	blanked := src[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + src[m[1]:]
	nr, err := choose(blanked)
	if err != nil || !nr.sizes || slices.ContainsFunc(leafLayers(nr.q), globalPooled) || !sizesLayers(nr.q) {
		return nil
	}
	cp := *nr.q
	cp.Notes = append([]string{fmt.Sprintf("read without the global pooling, as the question says (%q)", strings.TrimSpace(src[m[0]:m[1]]))}, nr.q.Notes...)
	nr.q = &cp
	return nr
}

// linearInputAsked reports whether q asks what a Linear takes (its
// in_features, or a layer's output flattened into it): the reading ends
// before the Linear it names.
func linearInputAsked(q *Question) bool {
	return slices.ContainsFunc(q.At, func(a At) bool { return a.What == AtInFeatures || a.What == AtFlattened })
}

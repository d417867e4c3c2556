package grammar

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// The first line of a reply answers what was asked (design.md §4). The
// front-ends read what is asked as they read the layers, each with words
// of its own; the plain reader of asked_check.go reads it a second time
// from the words alone. Where the words ask for a quantity the reading
// will not put on the first line — "how many numbers in its weight
// matrix" answered with the parameters, "what does this spit out"
// answered with the MACs — the quantity is added to what was asked, so
// the first line gives it beside what the front-end read. One rule for
// every front-end: the first line answers each family the words ask.

// headlineOf is the quantity of [Question.Asked] that puts a family of
// the plain reader on the first line; families answered elsewhere (the
// bytes, a Linear's in_features, an input size) or too loose to headline
// on their own (the neurons) have none.
var headlineOf = map[string]string{
	"the parameters":  "params",
	"the weights":     "weights",
	"the biases":      "biases",
	"the output size": "output",
	"the connections": "connections",
}

// withHeadlineAsked returns q with every quantity its words ask for among
// what the first line answers: a quantity asked in words that the
// reading left out is added after what it asked. An inverse question,
// and a question answered at a layer named by place, keep their own
// first line.
func withHeadlineAsked(src string, q *Question) *Question {
	if q.Solve != nil || len(q.At) > 0 || len(q.Layers) == 0 && q.Preset == "" {
		return q
	}
	answered := answeredFirst(q)
	var add []string
	prose := proseAround(src)
	for _, f := range append(wordsAsked(prose), enumeratedAsks(prose)...) {
		want := headlineOf[f.name]
		if want == "" {
			continue
		}
		switch {
		case f.name == "the weights" && weightsAnswered(q.Asked):
			continue
		case f.name == "the biases" && slices.Contains(f.answered, "params"):
			want = "params" // "weights + biases": their sum is the parameters
		case f.name == "the output size" && slices.ContainsFunc(f.answered, func(a string) bool { return slices.Contains(answered, a) }):
			continue
		case f.name == "the connections" && slices.Contains(answered, "total connections"):
			continue
		case f.name == "the parameters" && unsharedRead(q, answered):
			continue // without weight sharing, the parameters asked are the total connections
		case want == "connections" && !soleWeighted(q):
			continue // one neuron's connections are a layer's: which layer of several is not said
		}
		if !slices.Contains(answered, want) && !slices.Contains(add, want) {
			add = append(add, want)
		}
	}
	if looksAt.MatchString(src) && soleWeighted(q) && !slices.Contains(answered, "connections") && !slices.Contains(answered, "total connections") && !slices.Contains(add, "connections") {
		add = append(add, "connections")
	}
	if len(add) == 0 {
		return q
	}
	cp := *q
	cp.Asked = append(slices.Clone(q.Asked), add...)
	return &cp
}

// unsharedRead reports whether q was read as a conv without weight
// sharing, whose parameters are its total connections, and answers them
// first (english_groups.go notes the reading).
func unsharedRead(q *Question, answered []string) bool {
	if !slices.Contains(answered, "total connections") {
		return false
	}
	return slices.ContainsFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, "without weight sharing") })
}

// weightsAnswered reports whether a first line answering asked gives the
// weights already: as the weights, or as what one neuron reads.
func weightsAnswered(asked []string) bool {
	return slices.ContainsFunc(asked, func(a string) bool {
		return a == "weights" || a == "connections" || a == "total connections" || a == "param bytes"
	})
}

// unitWeights ask for the weights of one unit, which are its connections:
// "how many incoming weights does it have", "how many weights feed into
// one single unit".
var unitWeights = regexp.MustCompile(`(?i)\b(?:incoming|input)\s+weights\b|\bweights\b[^.?!]{0,40}?\b(?:feed|feeding|go|going|lead|leading|connect\w*|come|coming)\s+(?:in)?to\s+(?:one|each|a|every|any|a\s+single|one\s+single)\s+(?:\w+\s+)?(?:unit|neuron|node)\b`)

// withUnitWeights returns q asking one neuron's connections where its
// words ask for the weights of one unit and its reading asked the
// layer's weights.
func withUnitWeights(src string, q *Question) *Question {
	i := slices.Index(q.Asked, "weights")
	if i < 0 {
		i = unitParamsAsked(src, q.Asked) // asked_unit.go: a paste's "weights" read as its parameters
	}
	if i < 0 || len(q.Layers) == 0 || !soleWeighted(q) || !unitWeights.MatchString(src) {
		return q
	}
	cp := *q
	cp.Asked = slices.Clone(q.Asked)
	cp.Asked[i] = "connections"
	cp.Asked = unitOnly(src, cp.Asked)
	return &cp
}

// biasClause is where a question says how it counts the bias, whose
// words name a unit without asking about one: "(counting the bias as one
// connection per output unit)".
var biasClause = regexp.MustCompile(`(?i)\b(?:count(?:s|ed|ing)?|includ(?:e|es|ed|ing)|plus|with)\s+(?:the\s+|its\s+|a\s+)?bias(?:es)?\b[^.?!,()]*|\bbias(?:es)?\s+(?:is\s+|are\s+)?(?:counted|included)\b[^.?!,()]*`)

// withoutBiasClause is src with the words that say how the bias is
// counted blanked, positions kept.
func withoutBiasClause(src string) string {
	return biasClause.ReplaceAllStringFunc(src, func(s string) string {
		b := make([]byte, len(s))
		for i := range b {
			b[i] = ' '
		}
		return string(b)
	})
}

// layerHas asks what a whole layer has: "how many connections does a conv
// layer have", "does C1 have".
var layerHas = regexp.MustCompile(`(?i)\bconnections\b[^.?!]{0,100}\b(?:does|do|will)\s+(?:the\s+|this\s+|that\s+|a\s+|an\s+|my\s+)?(?:\w+\s+){0,2}(?:layer|C\d)\s+have\b`)

// outputVerbs ask for what comes out of a layer or a network in the verbs
// askers use: "what does this spit out", "what do I end up with", "what
// comes out", "what's x.shape at the end", "(H and W)".
const outputVerbs = `\b(?:does|will|would|do)\s+(?:this|it|that|the\s+\w+)\s+(?:keep|preserve|stay\s+at|remain)\s+(?:the\s+)?(?:same\s+)?(?:size|shape|resolution|\d+\s*[x×]\s*\d+)|\bspits?\s+out\b|\bspitting\s+out\b|\bend\s+up\s+with\b|\bcomes?\s+out\b|\bcoming\s+out\b|\bx\.shape\b|\(\s*h\s*(?:and|&|,|x|×)\s*w\s*\)`

// enumerator marks an item of a list of asks: "1)", "(b)", "2.", "ii)".
var enumerator = regexp.MustCompile(`(?i)(?:^|[\s:;,])(?:\(?(?:[1-9]|[a-h]|i{1,3}|iv)\)|[1-9][.:])\s+(?:the\s+|its\s+|total\s+|number\s+of\s+|no\.\s+of\s+)*`)

// enumeratedAsks are the families named first in an item of a list of
// asks: "two qs: 1) params of ... 2) output size on 129x129" asks both,
// though no question word comes before either.
func enumeratedAsks(src string) []askedFamily {
	var out []askedFamily
	for _, m := range enumerator.FindAllStringIndex(src, -1) {
		for _, f := range askedFamilies {
			if loc := f.word.FindStringIndex(src[m[1]:]); loc != nil && loc[0] == 0 {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// blankWords ask what fills a blank or replaces a number written in code:
// "what number goes in the ?", "whats the ???", "what replaces 9216?",
// "what do i put instead of 24*7*7", "what should `16 * 5 * 5` become",
// "where does the 7*7*64 come from", "the per-sample feature count".
var blankWords = regexp.MustCompile(`(?i)\bwhat(?:'s|s|\s+is)?\s+(?:number\s+|value\s+)?(?:goes|go|should\s+go|do\s+i\s+put|should\s+i\s+put|to\s+put|would\s+go)\s+(?:in|into|for|there|here|instead)\b|` +
	`\bwhat(?:'s|s|\s+is)\s+(?:the\s+)?(?:\?{2,}|_{2,}|blank)|\b(?:what|which)\s+(?:number\s+|value\s+)?(?:replaces|should\s+replace)\b|` +
	`\bwhat\s+(?:do|should|must)\s+i\s+(?:put\s+instead\s+of|replace)\b|\bwhat\s+should\s+\S+(?:\s*\*\s*\S+)*\s+become\b|` +
	`\bwhich\s+number\s+(?:goes|should\s+go)\s+in\b|\bfill\s+in\s+(?:the\s+|that\s+|this\s+)?(?:\?+|_+|blank|gap|missing)|\bfill\s+(?:the\s+)?(?:\?{2,}|_{2,}|blank|gap)|\bper[- ]sample\s+(?:feature\s+count|features|size)\b|` +
	`\bwhere\s+does\s+(?:the\s+|that\s+|this\s+)?\d[\d*x ]*\s+come\s+from\b`)

// blankSite is code whose number a blank stands for: a Linear's first
// argument, a view's or a reshape's flattened size.
var blankSite = regexp.MustCompile(`(?i)\b(?:nn\.)?(?:Linear|LazyLinear)\s*\(|\.(?:view|reshape)\s*\(\s*(?:-1|[\w.]+\.size\(0\)|[\w.]+\.shape\[0\])\s*,`)

// summaryTable marks a pasted model summary, whose blanks are its rows'
// (paste front-end), not a Linear's in_features.
var summaryTable = regexp.MustCompile(`(?i)\bparam\s*#|\boutput\s+shape\s{2,}`)

// blankInFeatures reports whether src asks what fills a blank in a
// Linear's first argument or a view's size, in words: the number is what
// reaches that Linear, flattened.
func blankInFeatures(src string) bool {
	return blankWords.MatchString(src) && blankSite.MatchString(src) && !summaryTable.MatchString(src)
}

// nextMarker reports whether the number at src[i:end], followed by ")" or
// ".", continues a list whose previous item was marked the same way
// before it: the "2)" of "1) params of ... (bias on) 2) output size".
func nextMarker(src string, i, end int) bool {
	n, err := strconv.Atoi(src[i:end])
	if err != nil || n < 2 || n > 9 || i > 0 && src[i-1] != ' ' && src[i-1] != '(' {
		return false
	}
	prev := regexp.MustCompile(`(?:^|[\s(:])` + strconv.Itoa(n-1) + regexp.QuoteMeta(src[end:end+1]) + `(?:\s|$)`)
	return prev.MatchString(src[:i])
}

// linearOwn says the parameters asked are the Linear's own, not the
// network's: "how many params will fc have", "params of that layer",
// "how many parameters will it have" beside a Linear's in_features.
var linearOwn = regexp.MustCompile(`(?i)\b(?:param(?:eter)?s?|weights)\b[^.?!\n]{0,30}?\b(?:will|does|would|do|should|can)\s+(?:the\s+|that\s+|this\s+|my\s+|its\s+)?(?:new\s+|fixed\s+|last\s+|first\s+)?(?:fc\d*|linear|dense|classifier|head|it|that|layer)\b|` +
	`\b(?:param(?:eter)?s?|weights)(?:\s+count)?\s+(?:of|in|for)\s+(?:the\s+|that\s+|this\s+|my\s+)?(?:new\s+|fixed\s+|last\s+|first\s+)?(?:fc\d*|linear|dense|classifier|head|that\s+layer|this\s+layer)\b`)

// withLinearAsked returns q asking the parameters of the Linear whose
// in_features it asks, where the words ask that layer's parameters:
// "correct in_features and how many params will fc have then?" is
// answered with the Linear's, not the whole network's.
func withLinearAsked(src string, q *Question) *Question {
	if len(q.At) != 1 || q.At[0].What != AtInFeatures || !linearOwn.MatchString(src) || soleWeighted(q) {
		return q
	}
	cp := *q
	if !slices.Contains(q.Asked, "params") {
		cp.Asked = append(slices.Clone(q.Asked), "params")
	}
	cp.At = append(slices.Clone(q.At), At{Layer: q.At[0].Layer, Name: q.At[0].Name})
	return &cp
}

// looksAt asks how many inputs one unit reads, with the layer named
// between: "how many inputs does each output neuron of a 3x3 conv on 64
// ch look at".
var looksAt = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:inputs?|input\s+values|values|numbers|pixels|weights)\b[^.?!]{0,60}?\b(?:each|one|a|every|single)\s+(?:\w+\s+){0,2}(?:neuron|unit|node)s?\b[^.?!]{0,50}?\b(?:look\s+at|looks\s+at|see|sees|read|reads|connect(?:ed|s)?\s+to)\b`)

// callRef names a layer in prose by its call, an article before it: "the
// Dense(512) layer", "that nn.Linear(4096, 1000)", "my Dense(128)".
var callRef = regexp.MustCompile(`(?i)\b(?:the|that|this|my|its|for|does)\s+((?:nn\.|layers\.)?(?:Dense|Linear)\s*\(\s*(\d+)(?:\s*,\s*(\d+))?\s*\))`)

// callRefs are the layers src names by their call in prose: the one
// Linear with those units (and those inputs, when given).
func callRefs(src string, q *Question) []atRef {
	var refs []atRef
	for _, m := range callRef.FindAllStringSubmatchIndex(src, -1) {
		a, _ := strconv.Atoi(src[m[4]:m[5]])
		in, out := 0, a
		if m[6] >= 0 {
			in, _ = strconv.Atoi(src[m[4]:m[5]])
			out, _ = strconv.Atoi(src[m[6]:m[7]])
		}
		var of []int
		for i, l := range q.Layers {
			if lin, ok := l.Layer.(calc.Linear); ok && lin.Out == out && (in == 0 || lin.In == in) {
				of = append(of, i)
			}
		}
		if len(of) == 1 {
			refs = append(refs, atRef{start: m[2], name: src[m[2]:m[3]], layers: of, within: -1})
		}
	}
	return refs
}

// soleWeighted reports whether q's layers hold parameters in one layer
// only: the network's counts are that layer's, and the reply names them
// for it already.
func soleWeighted(q *Question) bool {
	reports, _ := computed(q)
	n := 0
	for _, r := range reports {
		if r != nil && r.Weights+r.Biases > 0 {
			n++
		}
	}
	return n <= 1
}

package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// What a question asks is read a second time, apart from its layers, and
// checked against what the reply's first line will answer. The front-ends
// read what is asked as they read the layers, and a reading that missed
// the ask looks as confident as one that did not: "what's the flatten size
// ..." answered with parameters, "how many bytes ..." with a count. This
// reader is deliberately plain — a quantity's name, and a word that asks
// for it — so that it fails differently from the front-ends; where the two
// disagree, the reply says it is not sure first.

// askedFamily is one quantity a question may ask for, in the words askers
// use, and the quantities of [Question.Asked] that answer it.
type askedFamily struct {
	name     string         // as the doubt names it
	word     *regexp.Regexp // its name in a question
	answered []string       // any of these in the reading's asked answers it
}

// askedFamilies are the quantities checked. The receptive field, the
// multiply-accumulates and the settings an inverse question solves for are
// checked by askedQuantities (doubts.go).
var askedFamilies = []askedFamily{
	{"the parameters", regexp.MustCompile(`(?i)\b(?:trainable\s+|learnable\s+|total\s+)?param(?:eter)?s?\b(?:\s*(?:#|count|number|num))?`), []string{"params"}},
	{"the weights", regexp.MustCompile(`(?i)\bweights\b|\bweight\s+(?:matrix|matrices|tensor|count)\b`), []string{"weights", "params", "connections", "total connections", "param bytes"}},
	{"the biases", regexp.MustCompile(`(?i)\bbiases\b|\bbias\s+(?:terms?|params?|parameters?|values?|weights?|units?|count)\b`), []string{"biases"}},
	{"the output size", regexp.MustCompile(`(?i)\b(?:output|out)[\s_-]*(?:size|shape|dim\w*|volume|resolution|spatial\s+size|height|width|h\s*(?:,|and|x)\s*w)\b|\b(?:output|out|sequence|seq|signal)[\s_-]*length\b|\blength\s+(?:after|of\s+the\s+output)\b|\b(?:h|w)_?out\b|\bn_[hw]\b|\b(?:feature|activation)\s+maps?\s+(?:size|shape|dim\w*)\b|\b(?:feature|activation)\s+maps?\s+(?:after|at|of|out\s+of|from)\b(?:\s+(?:the\s+)?[\w.\[\]]+)?|\bspatial\s+(?:size|dim\w*|resolution)\b|\b(?:size|shape|dim\w*)\s+(?:after|of\s+the\s+output|coming\s+out)\b|\b(?:final|resulting|new)\s+(?:size|shape|dim\w*)\b|\bhow\s+(?:long|big|large)\s+is\s+the\s+(?:flattened\s+|feature\s+)?(?:vector|output)\b|\bvector\s+(?:length|size|dim\w*)\b|` + outputVerbs), []string{"output", "neurons", "output bytes"}},
	{"the neurons", regexp.MustCompile(`(?i)\b(?:neurons|units|activations|elements)\b`), []string{"neurons", "output", "total connections", "connections", "output bytes", "memory"}},
	{"the connections", regexp.MustCompile(`(?i)\bconnections\b`), []string{"connections", "total connections"}},
	{"the memory", regexp.MustCompile(`(?i)\b(?:bytes|memory|[kmg]i?b|megabytes|gigabytes|kilobytes|vram|ram)\b`), []string{"memory", "param bytes", "output bytes", "tensor bytes"}},
	{"the in_features", flattenAsked, []string{"output"}},
	{"the input size", regexp.MustCompile(`(?i)\b(?:smallest|minimum|min|largest|maximum|max)\s+(?:square\s+)?(?:input|image|img)(?:\s+(?:size|resolution|width|height))?\b|\b(?:input|image)\s+size\s+(?:that|which)\s+works\b`), []string{"input"}},
}

// askWord matches a word that asks for the quantity named after it, in
// the same clause: "how many", "what is the", "find the".
var askWord = regexp.MustCompile(`(?i)\b(?:how\s+(?:many|much|big|large)|what|what's|whats|wats?|which|find|compute|calculate|calc|determine|estimate|tell\s+me|give\s+me|get|know|figure\s+out|work\s+out|number\s+of|no\.\s+of)\b`)

// askedAfter matches what follows a quantity asked bare: "params?", "output
// size = ?", "bytes: ___", "output length and number of params?".
var askedAfter = regexp.MustCompile(`(?i)^\s*(?:(?:and|,|&|\+)\s*(?:the\s+|its\s+)?(?:number\s+of\s+|total\s+)?[\w#]+(?:\s+[\w#]+)?\s*\?|(?:(?:in\s+total|total|each|per\s+\w+|overall|then|now|here|pls|please|for\s+(?:it|this|that|each|both|the\s+\w+))\s*)?(?:\?|[=:]\s*(?:\?|_{2,}|$)))`)

// statedAfter matches what follows a quantity stated, not asked: "output
// size is 28x28", "params: 1,234", "memory of 3 MB".
var statedAfter = regexp.MustCompile(`^\s*(?:(?:is|are|was|were|of|=|:|comes?\s+out\s+(?:as|to)|becomes?)\s*)?(?:about\s+|around\s+|~\s*)?(?:[\d\[]|\(\s*[\d(\[])`)

// wordsAsked lists the families whose quantity src asks for, read from
// its words alone: in each clause, the first family's name that an ask
// word comes before or a question mark follows, and the names askJoined to it
// ("weights + biases"). A name later in the clause qualifies the ask: "how
// many bytes are needed to store its activations?" asks for bytes.
func wordsAsked(src string) []askedFamily {
	type named struct {
		f          askedFamily
		start, end int
	}
	var all []named
	for _, f := range askedFamilies {
		for _, m := range f.word.FindAllStringIndex(src, -1) {
			all = append(all, named{f, m[0], m[1]})
		}
	}
	slices.SortFunc(all, func(a, b named) int { return a.start - b.start })
	var out []askedFamily
	last := -1 // the end of the last name asked in this clause, or -1
	for _, n := range all {
		if n.start < last {
			continue // inside a name already read: "input size" holds "size"
		}
		if last >= 0 && askClauseEnd.MatchString(src[last:n.start]) {
			last = -1
		}
		asked := false
		switch {
		case last < 0:
			asked = askedAt(src, n.start, n.end)
		default:
			asked = askJoined.MatchString(src[last:n.start])
		}
		before := clauseBefore(src, n.start)
		if asked && qualifier.MatchString(src[:n.start]) {
			continue // "params incl. biases?": the biases qualify what is asked
		}
		if asked && !negatedAsk.MatchString(before) {
			if n.f.name == "the biases" && last >= 0 && len(out) > 0 && (out[len(out)-1].name == "the weights" || out[len(out)-1].name == "the parameters") {
				n.f.answered = []string{"biases", "params"} // "weights + biases": the parameters answer both
			}
			out = append(out, n.f)
			last = n.end
		}
	}
	return slices.CompactFunc(out, func(a, b askedFamily) bool { return a.name == b.name })
}

// askClauseEnd matches text that ends a clause between two names.
var askClauseEnd = regexp.MustCompile(`[?!;\n]|\.(?:\s|$)`)

// askJoined matches the words joining two quantities asked together:
// "weights + biases", "params and the output size".
var askJoined = regexp.MustCompile(`(?i)^\s*(?:\+|and|&|plus|,|/|or|as\s+well\s+as)\s*(?:the\s+|its\s+|total\s+|their\s+|number\s+of\s+|no\.\s+of\s+)*$`)

// qualifier matches words before a quantity that make it part of another
// ask: "params incl. biases", "weights with the biases", "counting biases".
var qualifier = regexp.MustCompile(`(?i)\b(?:incl\.?|include|includes|including|included|inc\.|with|w/|count|counts|counted|counting|plus)\s+(?:the\s+|its\s+|their\s+)?$`)

// negatedAsk matches words before a quantity that leave it out of the
// ask: "not counting biases", "without the biases", "ignore biases",
// "if we leave out the biases".
var negatedAsk = regexp.MustCompile(`(?i)\b(?:not|without|excluding|excl\.?|ignore|ignoring|no|w/o|minus|except|besides|(?:leave|leaving|left)\s+out|drop|dropping|omit|omitting|skip|skipping)\s+(?:\w+\s+){0,2}$`)

// askedAt reports whether the quantity named at src[start:end] is asked:
// not stated with its value, not counted ("64 params"), and asked for by
// a word before it in its clause or a question mark after it.
func askedAt(src string, start, end int) bool {
	after := src[end:]
	if statedAfter.MatchString(after) && !askedAfter.MatchString(after) {
		return false
	}
	before := clauseBefore(src, start)
	if leadingCount.MatchString(before) {
		return false
	}
	if askedAfter.MatchString(after) {
		return true
	}
	m := askWord.FindAllStringIndex(before, -1)
	if m == nil {
		return false
	}
	between := before[m[len(m)-1][1]:]
	return len(strings.Fields(between)) <= 6 && !strings.ContainsAny(between, "0123456789")
}

// clauseBefore is the text of src's clause before offset at: back to the
// last sentence end, question mark, semicolon or line break.
func clauseBefore(src string, at int) string {
	i := strings.LastIndexAny(src[:at], ".?!;\n")
	for i > 0 && src[i] == '.' && i+1 < len(src) && isDigit(src[i+1]) {
		i = strings.LastIndexAny(src[:i], ".?!;\n") // "0.5": a decimal point ends nothing
	}
	return src[i+1 : at]
}

// leadingCount matches a number just before a quantity's name, which states
// a count: "64 params", "1.2M parameters", "10k weights".
var leadingCount = regexp.MustCompile(`(?i)(?:\d[\d,.]*\d|\d)\s*[kmb]?\s*(?:trainable\s+|learnable\s+|total\s+)?$`)

// unansweredAsks is the doubt for each family src's words ask for that
// the reading q does not answer first.
func unansweredAsks(src string, q *Question) []string {
	if q.Solve != nil {
		return nil // an inverse question answers its setting, then the layer sized with it
	}
	if flattenUnsized(src, q) {
		return nil // saidDoubts says it: no input size to work out what a Linear takes in
	}
	prose := proseAround(src)
	answers := answeredFirst(q)
	var out []string
	for _, f := range wordsAsked(prose) {
		if f.name == "the in_features" && (q.Fix != nil || endsInLinear(q) || atFlattened(q)) {
			continue // the fix, or the Linear read, gives what it takes in
		}
		if f.name == "the output size" && unsized(q) {
			// A question that asks for an output size gave an input: a
			// reading without one left it unread ("a length-500 sequence").
			out = append(out, "the question asks for the output size, and this reading has no input size to work it out")
			continue
		}
		if f.name == "the memory" && slices.Equal(answers, []string{"param bytes"}) && outputRoom.MatchString(prose) && !paramRoom.MatchString(prose) {
			out = append(out, "the question asks for the memory of an output, and this reading answers the parameters' bytes")
			continue
		}
		if f.name == "the weights" && biasesLeftOut.MatchString(prose) && !slices.Contains(answers, "weights") && !slices.Contains(answers, "connections") && slices.ContainsFunc(leafLayers(q), biased) {
			out = append(out, "the question asks for the weights without the biases, and this reading answers the parameters, biases included")
			continue
		}
		if slices.ContainsFunc(f.answered, func(a string) bool { return slices.Contains(answers, a) }) {
			continue
		}
		if f.name == "the parameters" && unsharedRead(q, answers) {
			continue // asked_headline.go: without sharing they are the total connections
		}
		out = append(out, fmt.Sprintf("the question asks for %s, and this reading answers %s", f.name, strings.Join(answers, " and ")))
	}
	return out
}

// biasesLeftOut matches words that leave the biases out of a count:
// "not counting biases", "ignore the bias", "excluding biases".
var biasesLeftOut = regexp.MustCompile(`(?i)\b(?:not\s+counting|excluding|excl\.?|ignor\w*|minus|w/o\s+counting|without\s+counting)\s+(?:the\s+|any\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:not\s+(?:counted|included)|excluded|ignored)\b`)

// biased reports whether l is a conv or a fully connected layer with a
// bias.
func biased(l calc.Layer) bool {
	switch x := l.(type) {
	case calc.Conv:
		return !x.NoBias
	case calc.Linear:
		return !x.NoBias
	}
	return false
}

// unbiased is l without its bias, and whether l is a conv or a fully
// connected layer, the layers that have one: PyTorch's bias=False.
func unbiased(l calc.Layer) (calc.Layer, bool) {
	switch x := l.(type) {
	case calc.Conv:
		x.NoBias = true
		return x, true
	case calc.Linear:
		x.NoBias = true
		return x, true
	}
	return l, false
}

// outputRoom and paramRoom match what a question's bytes are of: an
// output ("out", "the activations", "the feature map") or the parameters.
var (
	outputRoom = regexp.MustCompile("(?i)\\b(?:out|output|outputs|activations?|feature\\s+maps?|tensor)\\b|`out`")
	paramRoom  = regexp.MustCompile(`(?i)\bparam\w*|\bweights?\b|\bbias(?:es)?\b|\bmodel\s+size\b|\bcheckpoint\b`)
)

// answeredFirst is what the reply's first line answers for q: what was
// asked, or the headline quantities of a layer or of a network.
func answeredFirst(q *Question) []string {
	asked := slices.Clone(q.Asked)
	for _, at := range q.At {
		switch at.What {
		case AtOutput, AtFlattened, AtInFeatures:
			asked = append(asked, "output")
		}
	}
	if len(asked) > 0 {
		return asked
	}
	if len(q.Layers) == 1 && q.Preset == "" && !q.Network {
		return []string{"connections", "params", "output"}
	}
	return []string{"params", "macs"}
}

// atFlattened reports whether q answers a Linear's in_features at one of
// its layers.
func atFlattened(q *Question) bool {
	return slices.ContainsFunc(q.At, func(at At) bool { return at.What == AtFlattened || at.What == AtInFeatures })
}

// unsized reports whether q's layers could not be sized on an input, so
// that no output size, neurons or MACs can be given.
func unsized(q *Question) bool {
	if q.Fix != nil || q.Preset != "" || len(q.Layers) == 0 {
		return false
	}
	reports, sized := computed(q)
	return !sized || len(reports) == 0 || reports[len(reports)-1].Output == nil
}

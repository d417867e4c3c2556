package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// At is a layer a question asks about by place; see [lang.At].
type At = lang.At

// What an At asks of its layer; see [lang.At].
const (
	AtOutput     = lang.AtOutput
	AtInFeatures = lang.AtInFeatures
	AtFlattened  = lang.AtFlattened
)

// A question about a network often asks about one layer of it: "how many
// MACs does conv2 perform?", "the size after conv1 and then after the
// maxpool", "fc1 in = ?". The reader here finds those places in the text
// and maps them onto the reading's layers (Question.At), so the reply
// answers that layer first rather than the whole network. Layers are
// named where they are written: "self.conv2 = nn.Conv2d(...)", "(fc1):
// Linear(...)", "conv1 with 6 filters"; or by kind and place: "the
// maxpool", "the second conv layer", "layer 2", "the next layer".

// atRef is one place in the question's text that names a layer.
type atRef struct {
	start  int    // byte offset of the words in src
	name   string // as written: "conv2", "the maxpool"
	layers []int  // the layers a written name stands for; nil for a kind
	kind   string // for a layer named by kind: "conv", "pool", "maxpool", "linear", "layer"
	nth    int    // 1-based place among its kind ("the second conv"); 0 none, -1 "next", -2 "last"
	after  bool   // "after conv1": the layer's output is asked
	before bool   // "entering the FC layer": the layer's input is asked
	within int    // the layer whose own sentence holds the words ("the next layer is CONV3-128"), or -1
	size   int    // the kernel size named with the kind ("the 7x7 conv"); 0 none
}

// withAt returns q with the layers src asks about by place; q itself when
// it asks about none.
func withAt(src string, q *Question) *Question {
	if len(q.Layers) == 0 || len(src) > MaxChars*4 || stagesTogether(q) {
		return q
	}
	q = withActivations(src, q)
	offs := layerOffsets(src, q)
	names, defs := layerNames(src, offs)
	refs := nameRefs(src, names, defs)
	refs = append(refs, kindRefs(src, refs, offs)...)
	refs = append(refs, oneRefs(src, refs)...)
	refs = append(refs, flattenRefs(src, q)...)
	refs = append(refs, callRefs(src, q)...)    // asked_headline.go: "the Dense(512) layer"
	refs = append(refs, globalPoolRefs(src)...) // asked_global_pool.go: "after GAP"
	refs = withoutModified(src, refs)           // asked_modified.go: "where I set the fc to 512 -> 100"
	slices.SortFunc(refs, func(a, b atRef) int { return a.start - b.start })
	var at []At
	var d []string
	if inFeaturesAsked(src) || q.Fix != nil && isLinear(q, q.Fix.Layer) && onlyOutput(q.Asked) {
		if a, ok := inFeaturesAt(src, q, refs); ok {
			at = append(at, a)
		}
	} else if !wholeWords.MatchString(src) {
		if len(q.Layers) > 1 {
			at = resolveRefs(q, refs)
		}
		if len(at) == 0 && (eachAsked(src) || eachCompared(src, q)) { // each_compared.go
			at = eachLayer(q)
		}
		d = missingRefs(q, refs)
	}
	if s := unsizedAsked(src, q, at); s != "" {
		d = append(d, s)
	}
	if len(at) == 0 && len(d) == 0 && (len(q.At) == 0 || len(withCalledAt(src, q)) == len(q.At)) {
		return q
	}
	cp := *q
	if len(at) > 0 && len(q.At) == 0 { // a front-end's own At (a summary's blank row) is kept
		cp.At = at
	} else if len(q.At) > 0 {
		cp.At = withCalledAt(src, q) // and a layer named by its call is added to it
	}
	cp.Doubts = slices.Clip(q.Doubts)
	for _, s := range d {
		if !slices.Contains(cp.Doubts, s) {
			cp.Doubts = append(cp.Doubts, s)
		}
	}
	return &cp
}

// placeAsked matches a place asked by kind just before it: "after the
// second conv", "output of the pool".
var placeAsked = regexp.MustCompile(`(?i)\b(after|out\s+of|outputs?\s+(?:of|from)|(?:output|spatial|feature\s+map)\s+(?:size|shape|dim\w*|volume)\s+(?:of|after|from)|of|in|for|does|do|has)\s+((?:the|my|that|this)\s+(?:(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|next|last|final)\s+)?(?:\d+\s*[x×]\s*\d+\s+)?(?:max[- ]?pool(?:ing)?|avg[- ]?pool(?:ing)?|average[- ]pool(?:ing)?|pool(?:ing)?|conv(?:olution(?:al)?)?|linear|fc|dense|fully[- ]connected)\b(?:\s+layer\b)?)`)

// givenName matches a name given to a layer in prose: "pool2:", "C3:".
var givenName = regexp.MustCompile(`\b([A-Za-z]+[0-9]+)\s*:`)

// placeSpans are where src asks about places: "after the second conv"
// whole, "the 5x5 conv" of "MACs of the 5x5 conv" (the quantity stays), a
// name given to a layer ("pool2: 2x2 max") written again ("the output of
// pool2").
func placeSpans(src string) [][]int {
	var spans [][]int
	for _, m := range givenName.FindAllStringSubmatchIndex(src, -1) {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(src[m[2]:m[3]]) + `\b`)
		for _, r := range re.FindAllStringIndex(src[m[1]:], -1) {
			spans = append(spans, []int{m[1] + r[0], m[1] + r[1]})
		}
	}
	for _, m := range placeAsked.FindAllStringSubmatchIndex(src, -1) {
		switch strings.ToLower(src[m[2]:m[3]]) {
		case "of", "in", "for", "does", "do", "has":
			spans = append(spans, []int{m[4], m[5]})
		default:
			spans = append(spans, []int{m[0], m[1]})
		}
	}
	return spans
}

// withoutPlaces reads src again with the places it asks about blanked
// out, when the reading q took one of them for a layer of its own ("two
// 3x3 convs then a pool ... after the second conv" read as one conv,
// written where "the second conv" is asked): the place asked describes no
// layer. It returns the new reading, or q when there is none or it leaves
// more numbers unused.
func withoutPlaces(src string, q *Question) *Question {
	spans := placeSpans(src)
	if len(spans) == 0 {
		return q
	}
	inside := false
	for _, o := range layerOffsets(src, q) {
		for _, sp := range spans {
			inside = inside || o >= sp[0] && o < sp[1]
		}
	}
	if !inside {
		return q
	}
	again, err := Parse(blanked(src, spans))
	if err != nil || len(again.Unused) > len(q.Unused) {
		return q
	}
	return again
}

// blanked is src with the spans written as spaces: its positions stay.
func blanked(src string, spans [][]int) string {
	b := []byte(src)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// readWithoutPlaces reads a question that does not read as written with
// the places it asks about blanked out ("output shape after the 3x3 conv
// and MACs of the 5x5 conv?" names two layers described before), and the
// places asked about by place; false when it names no place or does not
// read then either. ParseAll's caller may try it when Parse fails.
func readWithoutPlaces(src string) (*Question, bool) {
	spans := placeSpans(src)
	if len(spans) == 0 {
		return nil, false
	}
	q, err := Parse(blanked(src, spans))
	if err != nil {
		return nil, false
	}
	return withAt(src, q), true
}

// Activations are the values a layer outputs: "how many activations",
// "the memory (number of activations)" as CS231n counts a layer's memory,
// "the activation size (H*W*C)".
var (
	activationCount = regexp.MustCompile(`(?i)\b(?:number\s+of|#\s*(?:of\s+)?|how\s+many|count\s+of|total)\s+(?:output\s+)?activations?\b|\bactivations?\s+count\b`)
	activationSize  = regexp.MustCompile(`(?i)\bactivations?\s+(?:map\s+|volume\s+)?(?:sizes?|shapes?|dim\w*)\b`)
	memoryAsCount   = regexp.MustCompile(`(?i)\bmemory\s*\(\s*(?:the\s+)?(?:number|#|count)\s+of\s+activations\s*\)`)
)

// withActivations asks for the values a layer outputs when the question
// asks for its activations by count or size, beside what else it asks
// ("how many activations and how many weights" asks both); "memory
// (number of activations)" is that count, not bytes. A question that
// asks nothing in particular gets them in its headline already.
func withActivations(src string, q *Question) *Question {
	if len(q.Asked) == 0 || slices.Contains(q.Asked, "output") || slices.Contains(q.Asked, "neurons") {
		return q
	}
	var add string
	switch {
	case activationCount.MatchString(src):
		add = "neurons"
	case activationSize.MatchString(src):
		add = "output"
	default:
		return q
	}
	cp := *q
	cp.Asked = slices.Clone(q.Asked)
	if memoryAsCount.MatchString(src) {
		cp.Asked = slices.DeleteFunc(cp.Asked, func(a string) bool { return a == "memory" })
	}
	cp.Asked = append([]string{add}, cp.Asked...)
	return &cp
}

// eachWords ask a quantity of every layer rather than of the whole:
// "params of each layer", "MACs of each?", "params each" at the end,
// "give both numbers",
// "separately" ("each neuron" asks of one unit, not of each layer).
var eachWords = regexp.MustCompile(`(?i)\b(?:each|every|both|all)\s+(?:of\s+(?:the|them|these)\s+)?(?:conv(?:olutional)?\s+layers?|layers?|convs?|convolutions?|ones?)\b|` +
	`\b(?:of|for)\s+(?:each|both)\s*(?:[?.,!]|$)|\b(?:each|both)\s*[?.!]|\b(?:params|parameters|weights|biases|macs|flops|output\s+(?:sizes?|shapes?))\s+each\s*$|\bboth\s+(?:numbers|values|counts)\b|\bseparately\b|\bindividually\b|\blayer[- ]by[- ]layer\b|\bper[- ]layer\b`)

// eachAsked reports whether src asks something of each layer: an
// eachWords match that is not a description of every layer ("every conv
// layer is 5x5", "all convs have padding 1").
func eachAsked(src string) bool {
	for _, m := range eachWords.FindAllStringIndex(src, -1) {
		if !describesAll.MatchString(src[m[1]:]) && !placedAfterEach(src, m) {
			return true
		}
	}
	return false
}

// describesAll matches the words after "every conv layer" that describe
// the layers rather than ask of each: "is 5x5", "has stride 2", "uses
// padding 1"; "how many params does each layer have?" asks.
var describesAll = regexp.MustCompile(`(?i)^\s*(?:here\s+|below\s+|in\s+(?:it|this\s+\w+)\s+)?(?:is|are|has|have|use|uses|get|gets|with|were|was|being|take|takes|should)\s+(?:a\s+|an\s+)?(?:\d|[a-z]+\s*(?:=|\d)|same|valid|no\b|bias|padding|stride|kernels?|filters?|relu)`)

// eachLayer asks about every layer of q with weights, in order, when it
// has two to six of them: "params of each layer" answers each; nil
// otherwise.
func eachLayer(q *Question) []At {
	if len(q.Asked) == 0 || slices.Contains(q.Asked, "receptive field") {
		return nil
	}
	var at []At
	for i, l := range q.Layers {
		if layerOfKind(l.Layer, "conv") || isLinear(q, i) {
			at = append(at, At{Layer: i})
		}
	}
	if len(at) < 2 || len(at) > 6 {
		return nil
	}
	return at
}

// missingRefs is a doubt for each layer the question names by kind and
// place that the reading has no layer for: "the size after the second
// conv and after the pool" read with one conv answers one place of two,
// or another question. A kind the reading holds in its blocks counts.
func missingRefs(q *Question, refs []atRef) []string {
	if q.Preset != "" {
		return nil // a preset's own places are read by preset_part.go
	}
	var out []string
	leaves := leafLayers(q)
	for _, r := range refs {
		if r.layers != nil && r.nth > len(r.layers) {
			out = append(out, fmt.Sprintf("the question asks about the %s %s, and this reading has %d", ordinalWord(r.nth), r.name, len(r.layers)))
			continue
		}
		if r.layers != nil || r.within >= 0 || r.kind == "layer" || !r.after && r.nth <= 0 {
			continue // "the fc layers" may be the layers left out, or the one to write
		}
		n := 0
		for _, l := range leaves {
			if layerOfKind(l, r.kind) {
				n++
			}
		}
		if n == 0 || r.nth > n {
			out = append(out, fmt.Sprintf("the question asks about %s, and this reading has no such layer", strings.TrimSpace(r.name)))
		}
	}
	return out
}

// ordinalWord writes a place: 2 is "second".
func ordinalWord(n int) string {
	for w, k := range atOrdinals {
		if k == n && !strings.ContainsAny(w, "0123456789") && w != "following" && w != "final" {
			return w
		}
	}
	return fmt.Sprint(n)
}

// sizedQuantities are quantities asked that need the layers' output
// sizes, the words that ask for them (a reading's Asked may hold "output"
// for "each output neuron"), and how a doubt names them.
var sizedQuantities = []struct {
	asked []string
	words *regexp.Regexp
	name  string
}{
	{[]string{"output", "neurons"}, sizeWords, "the output size"},
	{[]string{"macs", "flops"}, regexp.MustCompile(`(?i)\b(?:macs?|g?flops|multiplications|mult-adds|multiply[- ](?:adds|accumulates))\b(?:[^-]|$)`), "the multiply-accumulates"},
}

// sizeWords ask for an output's size: "output size", "the spatial size
// after", "sequence length", "what hw do i end up with".
var sizeWords = regexp.MustCompile(`(?i)\b(?:output|spatial|feature[- ]map|sequence|activation|signal)\s+(?:size|shape|length|dim\w*|resolution|width|height|volume)s?\b|` +
	`\b(?:size|shape|length|dim\w*|resolution|hw)\s+(?:after|out|of\s+the\s+output|comes\s+out|do\s+i\s+(?:get|end))\b|\bwhat\s+(?:size|shape|length|hw)\b|\boutput\s+(?:length|size)\b|\bhow\s+(?:big|long|large)\s+is\s+the\s+output\b`)

// unsizedAsked is a doubt when the question asks for a quantity that
// needs an input size and the reading has none to size its layers with:
// "output length and number of params?" answered with the parameters
// alone answers half of it. "" otherwise.
func unsizedAsked(src string, q *Question, at []At) string {
	if q.Solve != nil || q.Input != nil || slices.Contains(q.Asked, "receptive field") {
		return "" // a receptive field "after the maxpool" needs no input size
	}
	var names []string
	for _, s := range sizedQuantities {
		asked := slices.ContainsFunc(s.asked, func(a string) bool { return slices.Contains(q.Asked, a) })
		if s.name == "the output size" {
			asked = asked || slices.ContainsFunc(at, func(a At) bool { return a.What != "" }) // "the length after the conv"
		}
		if asked && s.words.MatchString(src) {
			names = append(names, s.name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	reports, ok := computed(q)
	if ok && len(reports) > 0 && reports[len(reports)-1].Output != nil {
		return ""
	}
	return fmt.Sprintf("the question asks for %s, and this reading has no input size to work it out from", strings.Join(names, " and "))
}

// wholeWords ask about the whole network even where a layer is named:
// "total params for this? (forward does features -> classifier)".
var wholeWords = regexp.MustCompile(`(?i)\btotal\s+(?:number\s+of\s+)?(?:param|weight|mac|flop|learnable|multipl)|\b(?:whole|entire)\s+(?:net|model|network|thing)|\b(?:params?|parameters?|weights)\s+(?:in\s+)?total\b|\bthe\s+(?:new\s+)?total\s*(?:\?|$|now\b)|` +
	`\b(?:does|do|in|has|for)\s+(?:the|this|my)\s+(?:whole\s+|entire\s+)?(?:network|net|model|cnn)\s*(?:have|has|\?|$)`)

// layerOffsets is where each layer of q starts in src, -1 where unknown.
func layerOffsets(src string, q *Question) []int {
	offs := make([]int, len(q.Layers))
	for i, l := range q.Layers {
		offs[i] = -1
		if l.Pos.Line > 0 && !flattenPutBefore(q, i) {
			offs[i] = positionOffset(src, l.Pos)
		}
	}
	return offs
}

// assigned matches a name given to the layer written right after it:
// "self.conv1 = ", "(fc1): ", "conv2 = nn.".
var assigned = regexp.MustCompile(`(?:self\.)?\(?([A-Za-z_][A-Za-z_0-9]*)\)?\s*[:=]\s*(?:[A-Za-z_][\w.]*\.)?$`)

// leadName matches a name that opens a layer's own words in prose:
// "conv1 with 6 filters", "C3: 16 maps" (never "conv5x5" or "CONV3-64").
var leadName = regexp.MustCompile(`^([A-Za-z]+[0-9]+)(?:[^\w-]|$)`)

// nameBefore matches a name written right before a layer's words in
// prose: "conv1 3x3 3->16", "C1: 6 filters", "S2: 2x2 avg pool".
var nameBefore = regexp.MustCompile(`(?:^|[\s,;(])([A-Za-z]+[0-9]+)\s*:?\s*(?:\d+\s*[x×]\s*\d+\s+)?(?:(?:max|avg|average|mean)[- ]?)?$`)

// notNames are words assigned to layers that name no layer of their own:
// Keras's functional "x = Conv2D(...)(x)".
var notNames = map[string]bool{"x": true, "y": true, "h": true, "z": true, "out": true, "output": true, "outputs": true,
	"inputs": true, "input": true, "model": true, "net": true, "layer": true, "layers": true, "self": true, "features": true}

// layerNames maps each name written for a layer (lower case) to the
// layers it stands for (a module the forward applies twice stands for
// both), and returns the byte spans of the names where they define.
func layerNames(src string, offs []int) (map[string][]int, [][2]int) {
	names := map[string][]int{}
	var defs [][2]int
	add := func(start, end, layer int) {
		name := strings.ToLower(src[start:end])
		names[name] = appendOnce(names[name], layer)
		defs = append(defs, [2]int{start, end})
	}
	for i, o := range offs {
		if o < 0 || o > len(src) {
			continue
		}
		line := strings.LastIndexByte(src[:o], '\n') + 1
		if start, end, ok := tupleName(src, line, o); ok { // asked_at_tuple.go
			add(start, end, i)
			continue
		}
		if m := assigned.FindStringSubmatchIndex(src[line:o]); m != nil {
			name := strings.ToLower(src[line+m[2] : line+m[3]])
			written := src[line+m[0] : line+m[3]]
			code := strings.HasPrefix(written, "self.") || strings.HasPrefix(written, "(")
			if (!notNames[name] || strings.HasPrefix(written, "self.")) && len(name) > 1 && (code || strings.ContainsAny(name, "0123456789_")) && !endNamed(src, line+m[2]) {
				add(line+m[2], line+m[3], i)
				continue
			}
		}
		if m := nameBefore.FindStringSubmatchIndex(src[line:o]); m != nil && !endNamed(src, line+m[2]) {
			add(line+m[2], line+m[3], i)
		} else if m := leadName.FindStringSubmatchIndex(src[o:]); m != nil {
			add(o+m[2], o+m[3], i)
		}
	}
	return names, defs
}

// endBefore matches "up to", "until", "through" just before a name: the
// layers listed end there ("vgg16 up to pool3: conv3-64 ..."), so the
// name is not the title of the layer written after it.
var endBefore = regexp.MustCompile(`(?i)\b(?:up\s+to|until|till|through|thru)\s+(?:the\s+)?$`)

// endNamed reports whether the name at src[at:] is said as the end of
// the layers listed.
func endNamed(src string, at int) bool {
	return endBefore.MatchString(src[max(0, at-20):at])
}

func appendOnce(s []int, i int) []int {
	if slices.Contains(s, i) {
		return s
	}
	return append(s, i)
}

// afterWord matches "after", "after the", "coming out of", "output of"
// just before a layer's name: its output is asked.
var afterWord = regexp.MustCompile(`(?i)\b(?:after|out\s+of|outputs?\s+(?:of|from)|(?:output|spatial|feature\s+map)\s+(?:size|shape|dim\w*|volume)s?\s+(?:of|after|from)|from)\s+(?:the\s+|my\s+)?$`)

// beforeWord matches "entering", "going into", "the input of" just
// before a layer's name: what it takes in is asked.
var beforeWord = regexp.MustCompile(`(?i)\b(?:entering|enters?|going\s+in(?:to)?|goes\s+in(?:to)?|fed\s+(?:in)?to|input\s+(?:size\s+|shape\s+)?(?:to|of|into)|before)\s+(?:the\s+|my\s+|its\s+)?$`)

// nameRefs finds the names of layers written again outside their
// definitions and the forward's calls: "does conv2 perform", "after
// conv1".
func nameRefs(src string, names map[string][]int, defs [][2]int) []atRef {
	var refs []atRef
	for name, layers := range names {
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(name) + `\b`)
		for _, m := range re.FindAllStringIndex(src, -1) {
			if slices.ContainsFunc(defs, func(d [2]int) bool { return d[0] == m[0] }) || calledThere(src, m[0], m[1]) || chained(src, m[0], m[1]) {
				continue
			}
			r := atRef{start: m[0], name: src[m[0]:m[1]], layers: layers, within: -1,
				after: afterWord.MatchString(src[max(0, m[0]-40):m[0]]), before: beforeWord.MatchString(src[max(0, m[0]-40):m[0]])}
			if o := ordinalBefore.FindStringSubmatch(src[max(0, m[0]-16):m[0]]); o != nil {
				r.nth = atOrdinals[strings.ToLower(o[1])] // "the second pool": the module applied twice
			}
			refs = append(refs, r)
		}
	}
	return refs
}

// ordinalBefore matches an ordinal just before a layer's name.
var ordinalBefore = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+$`)

// calledThere reports whether the name at src[i:j] is used by code rather
// than named by the asker: "self.conv1(x)", "pool(relu(conv1))",
// "model.conv1 = ...".
func calledThere(src string, i, j int) bool {
	rest := strings.TrimLeft(src[j:], " \t")
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") {
		return true
	}
	before := strings.TrimRight(src[:i], " \t")
	switch {
	case strings.HasSuffix(before, "("), strings.HasSuffix(before, "["), strings.HasSuffix(before, ","), strings.HasSuffix(before, "def"):
		return true
	case strings.HasSuffix(before, "."):
		return !strings.HasSuffix(before, "self.")
	}
	return false
}

// chainArrow matches an arrow between steps of a forward told in words.
var chainArrow = regexp.MustCompile(`^\s*(?:->|→|=>)|(?:->|→|=>)\s*$`)

// chained reports whether the name at src[i:j] is a step of a forward
// told in words, "features -> flatten -> classifier": it names no layer
// asked about.
func chained(src string, i, j int) bool {
	return chainArrow.MatchString(src[j:min(len(src), j+4)]) || chainArrow.MatchString(src[max(0, i-4):i])
}

// kindWords matches a layer named by its kind and place: "the maxpool",
// "the second conv layer", "the next layer", "after the pool", "layer 2".
var kindWords = regexp.MustCompile(`(?i)\b(?:(the|that|this|my)\s+(?:(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|next|following|last|final)\s+)?(?:(\d+)\s*[x×]\s*\d+\s+)?(max[- ]?pool(?:ing)?|avg[- ]?pool(?:ing)?|average[- ]pool(?:ing)?|pool(?:ing)?|conv(?:[123]d|olution(?:al)?)?|linear|fc|dense|fully[- ]connected|layer)\b(?:\s+layer\b)?|layer\s+#?([1-9][0-9]?)\b)`)

// atOrdinals are the places a kindWords match may give.
var atOrdinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
	"fifth": 5, "5th": 5, "next": -1, "following": -1, "last": -2, "final": -2}

// kindRefs finds layers named by kind and place, where no name was
// found.
func kindRefs(src string, named []atRef, offs []int) []atRef {
	var refs []atRef
	for _, m := range kindWords.FindAllStringSubmatchIndex(src, -1) {
		if slices.ContainsFunc(named, func(r atRef) bool { return r.start >= m[0] && r.start < m[1] }) {
			continue
		}
		r := atRef{start: m[0], name: src[m[0]:m[1]], within: -1, after: afterWord.MatchString(src[max(0, m[0]-24):m[0]]),
			before: beforeWord.MatchString(src[max(0, m[0]-40):m[0]])}
		switch {
		case m[10] >= 0:
			r.kind, r.nth = "layer", atoiSmall(src[m[10]:m[11]])
		default:
			r.kind = kindOf(src[m[8]:m[9]])
			if m[4] >= 0 {
				r.nth = atOrdinals[strings.ToLower(src[m[4]:m[5]])]
			}
			if m[6] >= 0 && m[7]-m[6] <= 2 {
				r.size = atoiSmall(src[m[6]:m[7]]) // "the 7x7 conv"
			}
		}
		if i := describedIn(src, m[0], offs); i != -1 {
			det := ""
			if m[2] >= 0 {
				det = strings.ToLower(src[m[2]:m[3]])
			}
			if (r.before || r.nth > 0) && (askWord.MatchString(clauseBefore(src, m[0])) || askedNext(src, m[1])) {
				refs = append(refs, r) // "what size goes into the dense layer": a question about it
				continue
			}
			if i < 0 || r.kind != "layer" || r.nth != -1 && det != "this" && det != "that" {
				continue // a layer's own description, not a question about one
			}
			r.within = i
		}
		refs = append(refs, r)
	}
	return refs
}

// nthOne matches a layer named by its place alone in a question: "the
// 2nd one", "the last one".
var nthOne = regexp.MustCompile(`(?i)\b(?:the|that)\s+(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+one\b`)

// oneRefs finds the layers a question names by place alone ("why is the
// param # for the 2nd one so big"), in a clause that asks: the kind is
// any layer that sizes something.
func oneRefs(src string, named []atRef) []atRef {
	var refs []atRef
	for _, m := range nthOne.FindAllStringSubmatchIndex(src, -1) {
		if slices.ContainsFunc(named, func(r atRef) bool { return r.start >= m[0] && r.start < m[1] }) {
			continue
		}
		clause := clauseBefore(src, m[0])
		if !askWord.MatchString(clause) && !strings.Contains(src[m[1]:min(len(src), m[1]+40)], "?") {
			continue
		}
		refs = append(refs, atRef{start: m[0], name: src[m[0]:m[1]], kind: "layer", nth: atOrdinals[strings.ToLower(src[m[2]:m[3]])], within: -1})
	}
	return refs
}

// askedNext reports whether a question mark ends the clause that goes on
// at end: "params of the second Conv2D?".
func askedNext(src string, end int) bool {
	rest := src[end:min(len(src), end+30)]
	i := strings.IndexAny(rest, ".;\n?")
	return i >= 0 && rest[i] == '?'
}

// afterFlatten matches the output of a flatten asked: "the vector after
// Flatten", "size out of the flatten".
var afterFlatten = regexp.MustCompile(`(?i)\b(?:after|out\s+of|from|of)\s+(?:the\s+|my\s+)?(flatten)(?:\(\))?`)

// flattenRefs finds a flatten layer asked about ("how long is the vector
// after Flatten") when the reading has exactly one.
func flattenRefs(src string, q *Question) []atRef {
	m := afterFlatten.FindStringSubmatchIndex(src)
	if m == nil || !askWord.MatchString(clauseBefore(src, m[0])) && !strings.Contains(src[m[1]:min(len(src), m[1]+30)], "?") {
		return nil
	}
	n := 0
	for _, l := range q.Layers {
		if _, ok := l.Layer.(calc.Flatten); ok {
			n++
		}
	}
	if n != 1 {
		return nil
	}
	return []atRef{{start: m[2], name: src[m[2]:m[3]], kind: "flatten", after: true, within: -1}}
}

// kindOf is the kind a word for a layer names.
func kindOf(w string) string {
	w = strings.ToLower(w)
	switch {
	case strings.HasPrefix(w, "max"):
		return "maxpool"
	case strings.HasPrefix(w, "avg"), strings.HasPrefix(w, "average"):
		return "avgpool"
	case strings.HasPrefix(w, "pool"):
		return "pool"
	case strings.HasPrefix(w, "conv"):
		return "conv"
	case w == "layer":
		return "layer"
	}
	return "linear"
}

func atoiSmall(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// atSentenceEnd matches the end of a sentence or a list item.
var atSentenceEnd = regexp.MustCompile(`[.?!;]\s|\n|\([a-h]\)`)

// describedIn is the one layer whose description shares the sentence of
// src[at]; -1 when the sentence describes none, -2 when several.
func describedIn(src string, at int, offs []int) int {
	start, end := 0, len(src)
	for _, m := range atSentenceEnd.FindAllStringIndex(src, -1) {
		if m[1] <= at {
			start = m[1]
		} else if m[0] >= at {
			end = m[0]
			break
		}
	}
	found := -1
	for i, o := range offs {
		if o >= start && o < end {
			if found >= 0 && offs[found] != o {
				return -2
			}
			found = i
		}
	}
	return found
}

// resolveRefs maps the places named onto the reading's layers, in order:
// a kind without a place is the next of its kind after the layer named
// before it ("after conv1 and then after the maxpool"), or the only one.
func resolveRefs(q *Question, refs []atRef) []At {
	var at []At
	prev := -1
	for _, r := range refs {
		i := -1
		switch {
		case r.layers != nil && r.nth != 0:
			i = -1 // "the second pool" with one pool read: missingRefs says so
			if r.nth > 0 && r.nth <= len(r.layers) {
				i = r.layers[r.nth-1]
			} else if r.nth == -2 {
				i = r.layers[len(r.layers)-1]
			}
		case r.layers != nil:
			i = r.layers[0]
			for _, l := range r.layers {
				if l > prev {
					i = l
					break
				}
			}
		case r.within >= 0:
			i = r.within
		case r.size > 0:
			i = sizedOfKind(q, r, prev)
		default:
			i = nthOfKind(q, r.kind, r.nth, prev)
		}
		if i < 0 || i >= len(q.Layers) {
			continue
		}
		what := ""
		if r.after {
			what = AtOutput
		}
		name := strings.TrimSpace(r.name)
		if r.before {
			if _, ok := q.Layers[i].Layer.(calc.Linear); !ok {
				if i, name, what = enteringAt(stoppedAt(q, r, i), name); i < 0 {
					continue // what enters the first layer: the input, written already
				}
			} else {
				what = AtInFeatures
			}
		}
		a := At{Layer: i, What: what, Name: name}
		if !slices.Contains(at, a) {
			at = append(at, a)
		}
		prev = i
	}
	return at
}

// nthOfKind is the layer of kind at place nth (see atRef), counting from
// after prev for "next" or a kind without a place; -1 when none is
// certain.
func nthOfKind(q *Question, kind string, nth, prev int) int {
	var of []int
	for i, l := range q.Layers {
		if layerOfKind(l.Layer, kind) {
			of = append(of, i)
		}
	}
	switch {
	case len(of) == 0:
		return -1
	case nth > 0:
		if nth <= len(of) {
			return of[nth-1]
		}
		return -1
	case nth == -2:
		return of[len(of)-1]
	case nth == -1 && kind == "layer":
		if prev+1 < len(q.Layers) && prev >= 0 {
			return nextSized(q, prev)
		}
		return -1
	}
	for _, i := range of {
		if i > prev && (prev >= 0 || len(of) == 1) {
			return i
		}
	}
	return -1
}

// sizedOfKind is the layer a kind named with its kernel size stands for
// ("the 7x7 conv", "the second 3x3 conv"): among the layers of the kind
// with that kernel, the one at r's place, the only one, or the next after
// prev; -1 when none is certain.
func sizedOfKind(q *Question, r atRef, prev int) int {
	var of []int
	for i, l := range q.Layers {
		if layerOfKind(l.Layer, r.kind) && kernelOf(l.Layer) == r.size {
			of = append(of, i)
		}
	}
	switch {
	case len(of) == 0:
		return -1
	case r.nth > 0:
		if r.nth <= len(of) {
			return of[r.nth-1]
		}
		return -1
	case r.nth == -2, len(of) == 1:
		return of[len(of)-1]
	}
	for _, i := range of {
		if i > prev && prev >= 0 {
			return i
		}
	}
	return -1
}

// kernelOf is the first kernel size of a conv or pool, 0 for others.
func kernelOf(l calc.Layer) int {
	switch x := l.(type) {
	case calc.Conv:
		if len(x.Kernel) > 0 {
			return x.Kernel[0]
		}
	case calc.Pool:
		if len(x.Kernel) > 0 {
			return x.Kernel[0]
		}
	}
	return 0
}

// nextSized is the first layer after prev that sizes anything (not an
// activation, dropout or flatten).
func nextSized(q *Question, prev int) int {
	for i := prev + 1; i < len(q.Layers); i++ {
		if layerOfKind(q.Layers[i].Layer, "layer") {
			return i
		}
	}
	return -1
}

// layerOfKind reports whether l is of the kind a question's words name.
func layerOfKind(l calc.Layer, kind string) bool {
	k := l.Kind()
	switch kind {
	case "layer":
		switch l.(type) {
		case calc.Activation, calc.Dropout, calc.Flatten:
			return false
		}
		return true
	case "pool":
		return strings.Contains(k, "pool")
	case "conv":
		return strings.Contains(k, "conv")
	case "globalpool", "globalmaxpool":
		return globalPoolKind(k, kind)
	}
	return strings.Contains(k, kind)
}

// inFeaturesWords ask how many values reach a Linear: "in_features",
// "fc1 in = ?", "the Linear input size", "first arg of nn.Linear", "the
// flattened size".
var inFeaturesWords = regexp.MustCompile(`(?i)\bin_?features\b|\bin\s+features\b|\b(?:fc\d*|linear|dense)\s+in\s*(?:=|\?|:)|` +
	`\b(?:linear|fc|dense)(?:'s)?\s+(?:layer(?:'s)?\s+)?input\s+(?:size|dim\w*|features|length)|` +
	`\binput\s+(?:size|dim\w*|features)\s+(?:of|for|to|into)\s+(?:the\s+|my\s+|a\s+)?(?:first\s+|next\s+)?(?:linear|fc|dense|fully[- ]connected)|` +
	`\bfirst\s+arg\w*\s+(?:of|to|for|in)\s+(?:the\s+|my\s+)?(?:nn\.)?linear|\bflat(?:ten(?:ed)?)?\s+(?:size|length|dim\w*|features)\b|` +
	`\b(?:features|values|numbers|elements)\s+(?:did|does|do|will|would)\s+(?:the\s+|my\s+)?flatten(?:ing)?(?:\s+layer)?\s+(?:output|give|produce|return|make)|` +
	`\b(?:features|values|numbers|elements)\s+(?:come\s+)?out\s+of\s+(?:the\s+|my\s+)?flatten`)

// inFeaturesAsked reports whether src asks for a Linear's in_features, in
// words rather than in code ("Linear(in_features=400, ...)" asks
// nothing).
func inFeaturesAsked(src string) bool {
	if blankInFeatures(src) {
		return true // asked_headline.go: "what goes in the ???"
	}
	for _, m := range inFeaturesWords.FindAllStringIndex(src, -1) {
		rest := strings.TrimLeft(src[m[1]:], " \t")
		if strings.HasPrefix(rest, "=") && len(rest) > 1 && strings.TrimLeft(rest[1:], " \t") != "" {
			next := strings.TrimLeft(rest[1:], " \t")[0]
			if next != '?' {
				continue
			}
		}
		return true
	}
	return false
}

// fcName matches how a question names a Linear it asks the in_features
// of: "fc1", "self.fc", "the Linear".
var fcName = regexp.MustCompile(`(?i)\b(?:self\.)?(fc\d*|linear\d*|dense\d*|classifier)\b`)

// inFeaturesAt is the Linear whose in_features src asks: one named, the
// one the front-end fixed, or the first; past the last layer when the
// reading holds none (the asker has yet to write it).
func inFeaturesAt(src string, q *Question, refs []atRef) (At, bool) {
	name := "the Linear"
	if m := fcName.FindStringSubmatch(src); m != nil && strings.HasPrefix(strings.ToLower(m[1]), "fc") {
		name = m[1]
	}
	for _, r := range refs {
		for _, i := range r.layers {
			if isLinear(q, i) {
				return At{Layer: i, What: AtInFeatures, Name: r.name}, true
			}
		}
	}
	if q.Fix != nil && isLinear(q, q.Fix.Layer) {
		return At{Layer: q.Fix.Layer, What: AtInFeatures, Name: name}, true
	}
	for i := range q.Layers {
		if isLinear(q, i) {
			return At{Layer: i, What: AtInFeatures, Name: name}, true
		}
	}
	return At{Layer: len(q.Layers) - 1, What: AtFlattened, Name: name}, true
}

// isLinear reports whether layer i of q is a Linear.
func isLinear(q *Question, i int) bool {
	if i < 0 || i >= len(q.Layers) {
		return false
	}
	_, ok := q.Layers[i].Layer.(calc.Linear)
	return ok
}

// totalWords ask for every connection of a layer rather than one
// neuron's: "in total", "total connections", "for one output map".
var totalWords = regexp.MustCompile(`(?i)\bin\s+total\b|\btotal\s+(?:number\s+of\s+)?connections\b|\bconnections\b[^.?!]{0,40}\b(?:altogether|overall|in\s+all)\b|` +
	`\b(?:for|in|of)\s+(?:one|an|each|a\s+single|the\s+whole|the\s+entire|this|that)\s+(?:whole\s+)?(?:output\s+)?(?:feature\s+)?map\b|\bper\s+(?:output\s+)?(?:feature\s+)?map\b`)

// leNetWords name LeNet-5, whose paper counts a layer's connections in
// all ("C1 ... has 156 trainable parameters and 122,304 connections"):
// a question about it asks that count.
var leNetWords = regexp.MustCompile(`(?i)\ble-?net(?:-?5)?\b`)

// oneNeuron names one unit whose connections are asked: "each neuron of
// an output map".
var oneNeuron = regexp.MustCompile(`(?i)\b(?:each|every|per|one|a\s+single|an?)\s+(?:output\s+)?(?:neuron|unit|node)s?\b`)

// biasLeftOut says the bias is not counted: "weights only", "not
// counting the bias", "no biases", "excluding bias".
var biasLeftOut = regexp.MustCompile(`(?i)\bweights?\s+only\b|\bonly\s+(?:the\s+)?weights\b|\b(?:not|n't|without|excluding|exclude|ignoring|ignore|no)\s+(?:counting\s+|including\s+)?(?:the\s+|any\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:excluded|not\s+(?:counted|included))`)

// withConnections reads how the question counts connections: every link
// of the layer when it says "in total" ("how many connections does this
// layer have in total?" asks connections per neuron × output neurons),
// and the bias left out when it says so, though "counting" appears
// ("not counting bias").
func withConnections(src string, q *Question) *Question {
	total := (totalWords.MatchString(src) || leNetWords.MatchString(src) || layerHas.MatchString(src)) && !oneNeuron.MatchString(withoutBiasClause(src)) && slices.Contains(q.Asked, "connections")
	leftOut := biasLeftOut.MatchString(src)
	if !total && !leftOut {
		return q
	}
	cp := *q
	if total {
		cp.Asked = slices.Clone(q.Asked)
		cp.Asked[slices.Index(cp.Asked, "connections")] = "total connections"
	}
	if leftOut {
		cp.BiasConnection, cp.BiasLeftOut = false, true
	}
	return &cp
}

// onlyOutput reports whether a question asks nothing, or only what comes
// out: with a fix to a Linear's in_features, that is what it asks
// ("what goes in the ???").
func onlyOutput(asked []string) bool {
	for _, a := range asked {
		if a != "output" && a != "neurons" {
			return false
		}
	}
	return true
}

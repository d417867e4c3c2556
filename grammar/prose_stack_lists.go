package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// Per-layer value lists bound to N layers: "7 Conv1d layers with kernel
// sizes (10,3,3,3,3,2,2) and strides (5,2,2,2,2,2,2)", "kernels
// 10,3,3 / strides 5,2,2", "three stacked 3x3 convolutions with dilation
// rates 1, 2 and 4 respectively", "4 residual blocks, dilations 1, 2, 4,
// 8, each block has two convs". The i-th value of each list is the i-th
// layer's (or block's); lists of different lengths, or a count that
// disagrees with them, are no reading.
//
// Ordinal settings: "three 5x5 conv layers, first one stride 2, the
// other two stride 1": the first (or last) layer's value, the others'.

var (
	// settingList matches a named list of values: "strides (5,2,2)",
	// "kernel sizes 3, 5, 7", "dilation rates 1, 2 and 4".
	settingList = regexp.MustCompile(`(?i)\b(kernel(?:[\s_]*sizes?|s)?|filter\s+sizes|strides?|dilations?(?:\s+rates?)?|dilation\s+rates?|paddings?|channels|filters|out(?:put)?[\s_]*channels)\s*(?:of|=|:|are|were|is)?\s*[\(\[]?\s*(` + numList + `|` + spacedList + `)\s*[\)\]]?`)
	// layersCount matches how many convs the lists are for: "7 Conv1d
	// layers", "three stacked 3x3 convolutions".
	layersCount = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight)\s+(?:(?:stacked|dilated|causal|consecutive|conv)\s+)*(?:(\d+)\s*[x×]\s*\d+\s+)?(?:(?:stacked|dilated|causal)\s+)*(?:(?:nn\.|layers\.)?conv(?:olution(?:al)?)?(?:[12]d)?s?|convolutions)\b(?:\s+layers?)?`)
	// blocksCount matches how many blocks the lists are for, and
	// convsEach how many convs each block has.
	blocksCount = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six|seven|eight)\s+(?:residual\s+|tcn\s+|temporal\s+|conv\s+)?blocks\b`)
	convsEach   = regexp.MustCompile(`(?i)\beach\s+(?:residual\s+|tcn\s+)?block\s+(?:has|contains|is|=|with|uses)\s+(two|three|2|3)\s+(?:[a-z]+\s+){0,3}?conv(?:olution)?s?\b(?:\s+with\s+the\s+same\s+dilation)?`)
	// kernelOne matches one kernel for every layer: "kernel_size=3", "k=3",
	// "kernel size 3", "3x3 convs".
	kernelOne = regexp.MustCompile(`(?i)\b(?:kernel(?:[\s_]*size)?|k)\s*(?:=|of|:)?\s*(\d+)\b(?:\s*[x×]\s*\d+)?|\b(\d+)\s*[x×]\s*\d+\s+(?:(?:dilated|causal)\s+)*(?:conv|kernels?\b|filters?\b)|\ball\s+(\d+)\s*[x×]\s*\d+`)
	// oneDim matches the words of a sequence model: its convs are 1-D.
	oneDim = regexp.MustCompile(`(?i)conv1d|\b1-?d\b|\btcn\b|wavenet|wav2vec|temporal|time\s*steps?|timesteps?|\bsamples\b|sequence|audio|causal`)
	// noPadding matches padding said none for every layer.
	noPadding = regexp.MustCompile(`(?i)\bno\s+padding\b|\bpadding\s*=?\s*0\b|\bunpadded\b|\bvalid\b`)
	// countNoun matches a noun right after a number, which makes it a
	// count: "2 residual blocks", "32 filters each".
	countNoun = regexp.MustCompile(`(?i)^\s*(?:residual\s+|conv\w*\s+|dilated\s+|stacked\s+|hidden\s+)?(?:blocks?|layers?|convs?|convolutions?|filters?|channels?|units|neurons|times|steps|levels|stages)\b`)
	// stackNoun matches a bare name of the stack right before its first
	// list: "conv stack (", "conv layers:".
	stackNoun = regexp.MustCompile(`(?i)\bconv(?:olutional)?\s+(?:stack|layers|encoder|blocks?)\s*[(:]?\s*$`)
	// padAll matches one padding for every layer: "padding 1", "with
	// pad=1", not a list.
	padAll = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*(?:=|of)?\s*(\d+)\b(?:\s*,\s*\d)?`)
	// sayRespectively matches a list bound in turn: "respectively",
	// "in that order".
	sayRespectively = regexp.MustCompile(`(?i)\brespectively\b|\bin\s+that\s+order\b|\bin\s+turn\b`)
)

// spacedList is four or more numbers apart by spaces alone: "dilations
// 1 2 4 8 16", as a chat writes a list.
const spacedList = `\d+(?:[ \t]+\d+){3,}`

// listed is one setting's values, where they were written.
type listed struct {
	name       string // kernel, stride, dilation, pad, out
	vals       []int
	start, end int
}

// listSettingName is the setting a list's name is for.
func listSettingName(w string) string {
	w = strings.ToLower(w)
	switch {
	case strings.HasPrefix(w, "kernel"), strings.HasPrefix(w, "filter size"):
		return "kernel"
	case strings.HasPrefix(w, "stride"):
		return "stride"
	case strings.HasPrefix(w, "dilation"):
		return "dilation"
	case strings.HasPrefix(w, "padding"):
		return "pad"
	}
	return "out"
}

// perLayerLists writes out convs whose settings are given as lists.
func perLayerLists(src string) (string, []stackLayer) {
	var lists []listed
	settings := 0
	for _, m := range settingList.FindAllStringSubmatchIndex(src, -1) {
		l := listed{name: listSettingName(src[m[2]:m[3]]), start: m[0], end: m[1]}
		vals := regexp.MustCompile(`\d+`).FindAllStringIndex(src[m[4]:m[5]], -1)
		if countNoun.MatchString(src[m[1]:]) {
			// "kernel_size=3, 2 residual blocks": the last number counts
			// what follows it, it is no value of the list
			vals = vals[:len(vals)-1]
			l.end = m[4] + vals[len(vals)-1][1]
			if len(vals) < 2 {
				continue
			}
		}
		for _, v := range vals {
			n, _ := strconv.Atoi(src[m[4]+v[0] : m[4]+v[1]])
			l.vals = append(l.vals, n)
		}
		if l.name != "out" {
			settings++
		}
		lists = append(lists, l)
	}
	if settings == 0 {
		return "", nil
	}
	n := len(lists[0].vals)
	for _, l := range lists {
		if len(l.vals) != n {
			return "", nil
		}
	}
	spans := [][2]int{}
	for _, l := range lists {
		spans = append(spans, [2]int{l.start, l.end})
	}
	if b := stackNoun.FindStringIndex(src[:lists[0].start]); b != nil {
		spans = append(spans, [2]int{b[0], lists[0].start}) // "conv stack (kernels ...": the stack is what is written out
	}
	// Two lists bind to layers when long or written bare: "(3, 5)" of
	// two or three values in brackets is a kernel's sides, not two layers.
	bound := len(lists) > 1 && (n >= 4 || !bracketed(src, lists)) || sayRespectively.MatchString(src) || longList(lists)
	each, count, kernel, spans := listCount(src, spans)
	if count != 0 && count != n*each {
		return "", nil
	}
	if !bound && count == 0 {
		return "", nil
	}
	if kernel == 0 {
		if m := kernelOne.FindStringSubmatchIndex(src); m != nil && !overlaps(spans, m[0]) {
			kernel, _ = strconv.Atoi(subText(src, m[2], m[3]) + subText(src, m[4], m[5]) + subText(src, m[6], m[7]))
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	layers := listedLayers(src, lists, n, each, kernel)
	if layers == nil {
		return "", nil
	}
	if m := filtersEach.FindStringSubmatchIndex(src); m != nil && !hasList(lists, "out") && !overlaps(spans, m[0]) {
		// "16 filters each": every layer's, not the last one's alone
		out, _ := strconv.Atoi(subText(src, m[2], m[3]) + subText(src, m[4], m[5]))
		for i := range layers {
			layers[i].out = out
		}
		chainChannels(layers, 0)
		spans = append(spans, [2]int{m[0], m[1]})
	}
	return replaceSpans(src, spans, stackText(layers)), layers
}

// filtersEach matches one filter count said of every layer: "16 filters
// each", "each with 32 filters", "64 channels per layer".
var filtersEach = regexp.MustCompile(`(?i),?\s*\b(\d+)\s+(?:filters|channels|out(?:put)?\s+channels|feature\s+maps)\s+(?:each|per\s+(?:layer|conv)|in\s+(?:each|every)\s+(?:layer|conv))\b|,?\s*\beach\s+(?:one\s+)?(?:with|has|having)\s+(\d+)\s+(?:filters|channels|out(?:put)?\s+channels|feature\s+maps)\b`)

// hasList reports whether one of lists is of the setting name.
func hasList(lists []listed, name string) bool {
	for _, l := range lists {
		if l.name == name {
			return true
		}
	}
	return false
}

// listedLayers builds n×each layers from lists, kernel being every
// layer's when no list gives it; nil when no kernel is known.
func listedLayers(src string, lists []listed, n, each, kernel int) []stackLayer {
	kind := "conv"
	if oneDim.MatchString(src) {
		kind = "conv1d"
	}
	pad := padForAll(src)
	var layers []stackLayer
	for i := 0; i < n; i++ {
		l := stackLayer{kind: kind, k: kernel, pad: pad}
		for _, ls := range lists {
			v := ls.vals[i]
			switch ls.name {
			case "kernel":
				l.k = v
			case "stride":
				l.s = v
			case "dilation":
				l.d = v
			case "pad":
				l.pad = v
			case "out":
				l.out = v
			}
		}
		if l.k <= 0 || l.k > 400 {
			return nil
		}
		for j := 0; j < each; j++ {
			layers = append(layers, l)
		}
	}
	chainChannels(layers, 0)
	return layers
}

// subText is s[i:j], "" when i < 0.
func subText(s string, i, j int) string {
	if i < 0 {
		return ""
	}
	return s[i:j]
}

// overlaps reports whether at falls inside one of spans.
func overlaps(spans [][2]int, at int) bool {
	for _, s := range spans {
		if at >= s[0] && at < s[1] {
			return true
		}
	}
	return false
}

// replaceSpans writes text in place of the first of spans and drops the
// others; overlapping spans are merged.
func replaceSpans(src string, spans [][2]int, text string) string {
	keep := make([]bool, len(src))
	for i := range keep {
		keep[i] = true
	}
	first := len(src)
	for _, s := range spans {
		first = min(first, s[0])
		for i := s[0]; i < s[1]; i++ {
			keep[i] = false
		}
	}
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		if i == first {
			b.WriteString(text)
		}
		if keep[i] {
			b.WriteByte(src[i])
		}
	}
	return b.String()
}

// ordinalSaid matches n convs whose first (or last) layer has a setting
// of its own: "three 5x5 conv layers, first one stride 2, the other two
// stride 1".
var ordinalSaid = regexp.MustCompile(`(?i)\b(\d+|two|three|four|five|six)\s+(?:(\d+)\s*[x×]\s*\d+\s+)?(?:conv(?:olution(?:al)?)?s?|convolutions)(?:\s+layers?)?(?:\s+(\d+)\s*[x×]\s*\d+)?(?:\s+(?:with|of|using)\s+(?:(\d+)\s*[x×]\s*\d+|kernel\s+(?:size\s+)?(\d+))(?:\s+(?:kernels?|filters?))?)?\s*[,:;(-]?\s*(?:the\s+)?(first|last)\s+(?:one\s+|layer\s+|conv\s+)?(?:has\s+|with\s+|uses\s+|at\s+|is\s+)?(?:a\s+)?(stride|padding|pad|dilation)\s*(?:of\s+|=\s*)?(\d+)\s*[,;]?\s*(?:and\s+|while\s+|but\s+)?(?:the\s+)?(?:other\s+(?:two|three|four|ones?|layers?)|others|rest|remaining(?:\s+(?:two|three|ones?|layers?))?|second\s+and\s+third|next\s+two|second(?:\s+one)?)\s+(?:have\s+|with\s+|use\s+|are\s+|at\s+)?(?:a\s+)?(?:stride|padding|pad|dilation)?\s*(?:of\s+|=\s*)?(\d+)`)

// ordinalSettings writes out the convs an ordinalSaid describes.
func ordinalSettings(src string) (string, []stackLayer) {
	m := ordinalSaid.FindStringSubmatchIndex(src)
	if m == nil {
		return "", nil
	}
	n := countWord(src[m[2]:m[3]])
	k, _ := strconv.Atoi(subText(src, m[4], m[5]) + subText(src, m[6], m[7]) + subText(src, m[8], m[9]) + subText(src, m[10], m[11]))
	if n < 2 || n > 12 || k <= 0 {
		return "", nil
	}
	if between := strings.ToLower(src[m[17]:m[18]]); n != 2 && strings.Contains(between, "second") && !strings.Contains(between, "third") {
		return "", nil // "the second" of three is no rest
	}
	which, name := strings.ToLower(src[m[12]:m[13]]), listSettingName(src[m[14]:m[15]])
	own, _ := strconv.Atoi(src[m[16]:m[17]])
	rest, _ := strconv.Atoi(src[m[18]:m[19]])
	kind := "conv"
	if oneDim.MatchString(src) {
		kind = "conv1d"
	}
	pad := padForAll(src)
	layers := make([]stackLayer, n)
	for i := range layers {
		v := rest
		if which == "first" && i == 0 || which == "last" && i == n-1 {
			v = own
		}
		layers[i] = stackLayer{kind: kind, k: k, pad: pad}
		switch name {
		case "stride":
			layers[i].s = v
		case "dilation":
			layers[i].d = v
		default:
			layers[i].pad = v
		}
	}
	return src[:m[0]] + stackText(layers) + src[m[1]:], layers
}

// longList reports whether lists is one list of dilations or strides
// too long for one layer's sides ("dilations 1 2 4 8 16"): it is one
// value a layer, as a WaveNet or TCN stack is described.
func longList(lists []listed) bool {
	return len(lists) == 1 && len(lists[0].vals) >= 4 && (lists[0].name == "dilation" || lists[0].name == "stride")
}

// bracketed reports whether one of lists is written in brackets.
func bracketed(src string, lists []listed) bool {
	for _, l := range lists {
		if strings.ContainsAny(src[l.start:l.end], "([") {
			return true
		}
	}
	return false
}

// padForAll is the one padding src says for every layer ("no padding",
// "with padding 1"), -1 when it says none or a list.
func padForAll(src string) int {
	if noPadding.MatchString(src) {
		return 0
	}
	if m := padAll.FindStringSubmatch(src); m != nil && !strings.Contains(m[0], ",") {
		p, _ := strconv.Atoi(m[1])
		return p
	}
	return -1
}

// listCount reads how many layers lists are for: "4 residual blocks ...
// each block has two convs" (each 2, count 8), "7 Conv1d layers" (count
// 7; a kernel written in it, "three 3x3 convs", is every layer's), with
// the spans that said it; count 0 when none is said.
func listCount(src string, spans [][2]int) (each, count, kernel int, _ [][2]int) {
	each = 1
	if m := convsEach.FindStringSubmatchIndex(src); m != nil {
		each = countWord(src[m[2]:m[3]])
		spans = append(spans, [2]int{m[0], m[1]})
		if b := blocksCount.FindStringSubmatchIndex(src); b != nil {
			count = countWord(src[b[2]:b[3]]) * each
			spans = append(spans, [2]int{b[0], b[1]})
		}
	} else if m := layersCount.FindStringSubmatchIndex(src); m != nil {
		count = countWord(src[m[2]:m[3]])
		if m[4] >= 0 {
			kernel, _ = strconv.Atoi(src[m[4]:m[5]])
		}
		spans = append(spans, [2]int{m[0], m[1]})
	}
	return each, count, kernel, spans
}

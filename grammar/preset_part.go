package grammar

import (
	"fmt"
	"github.com/cnnbot/cnnbot/grammar/english"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// A preset named with a part — "VGG16 without its classifier", "the
// convolutional part of VGG16", "resnet50 with include_top=False" — is that
// part, not the whole network: its feature extractor, the layers before
// the first flatten or fully connected layer, without the global pooling
// that feeds them (torchvision's .features, Keras's include_top=False).

// featuresOnly matches the words that ask for a preset's feature extractor.
var featuresOnly = regexp.MustCompile(`(?i)\b(?:without|w/o|no|excluding|except|minus|drop(?:ping)?|remov(?:e|ing))\s+(?:the\s+|its\s+|any\s+)?(?:classifier|top|head|fc|fcs|fully[- ]connected|dense|linear)\b` +
	`|\bconv(?:olution(?:al)?)?\s+(?:part|layers?\s+only|base|stack|backbone|portion|section)\b|\bfeature\s+(?:extractor|part|layers)\b|\bfeatures\b|include_top\s*=\s*false\b|\bheadless\b`)

// featuresPart returns the layers of a network before its classifier, and
// whether it has one.
func featuresPart(layers []Layer) ([]Layer, bool) {
	end := -1
	for i, l := range layers {
		switch l.Layer.(type) {
		case calc.Flatten, calc.Linear:
			end = i
		}
		if end >= 0 {
			break
		}
	}
	if end <= 0 {
		return layers, false
	}
	for end > 0 {
		switch layers[end-1].Layer.(type) {
		case calc.GlobalAvgPool, calc.AdaptivePool, calc.Dropout:
			end--
			continue
		}
		break
	}
	return layers[:end:end], true
}

// A preset named with one of its layers — "the first conv layer of
// AlexNet", "VGG16's last fc layer", "conv1 of resnet18", "the first block
// of vgg16" — is that layer on what reaches it, not the whole network: a
// preset named as context never replaces the layer asked about.

// ordinalPart matches an ordinal and a kind of layer: "first conv layer",
// "2nd fully connected layer", "last layer", "first block".
var ordinalPart = regexp.MustCompile(`(?i)\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final)\s+(?:(conv(?:olution(?:al)?)?|fc|fully[- ]connected|linear|dense|(?:max[- ]?|avg[- ]?|average\s+)?pool(?:ing)?)\s*(layer|block)?|(layer|block))\b`)

// weightsOnly reports whether src asks for weights and not parameters.
func weightsOnly(src string) bool {
	s := strings.ToLower(src)
	return strings.Contains(s, "weights") && !strings.Contains(s, "param")
}

// namedPart matches a layer named as papers name them: "conv1", "fc7".
var namedPart = regexp.MustCompile(`(?i)\b(conv|fc)([1-9])(?:_1)?\b(?:[^-]|$)`)

// stagedConv matches a conv named by its stage and place, as the VGG
// paper names them: "conv5_3" is the third conv of the fifth stage, the
// stages being the runs of convs between pools.
var stagedConv = regexp.MustCompile(`(?i)\bconv([1-5])_([1-9])\b`)

// layerName matches a layer of a network named as papers name them:
// "pool5", "fc6", "conv4_3".
var layerName = regexp.MustCompile(`(?i)\b(?:conv|pool|fc)\d(?:_\d)?\b`)

// partNames explains the numbers of the layer names a question about a
// preset writes ("conv5_3 (before pool5)"): they name its layers, not
// sizes.
func partNames(src string, unused []Unused) []Unused {
	return explainedWithin(src, unused, layerName, func(name string) string { return "it is part of a layer's name (" + name + ")" })
}

// numberedBlock matches "block 1", "block1".
var numberedBlock = regexp.MustCompile(`(?i)\bblock\s*([1-5])\b`)

// namedPool matches a pool named as the papers name them: VGG's pool1 to
// pool5, AlexNet's pool1, pool2 and pool5 (its last, after conv5).
var namedPool = regexp.MustCompile(`(?i)\bpool([1-5])\b`)

// ordinals maps an ordinal word to its 1-based place; 0 is the last.
var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": 0, "final": 0}

// partAsked is a part of a preset a question names: the nth (0 the last)
// row of a kind ("conv", "linear", "pool", "layer" for either of the
// first two, "block" for a top-level block).
type partAsked struct {
	kind  string
	nth   int
	stage int    // for a conv named by stage ("conv5_3"): its stage, 1-based
	text  string // as written
}

// landmarkWord matches the words that make a part named after them a
// landmark ("conv5_4, before the last pool"), not the layer asked about.
var landmarkWord = regexp.MustCompile(`(?i)\b(?:before|until|preceding|up\s+to)\s+(?:the\s+)?$`)

// landmark reports whether the part written as part in src follows a
// word that makes it a landmark.
func landmark(src, part string) bool {
	at := strings.Index(src, part)
	return at >= 0 && landmarkWord.MatchString(src[:at])
}

// askedPart reads the part of a preset src names, if any.
func askedPart(src string) (partAsked, bool) {
	if at := ordinalPart.FindStringSubmatchIndex(src); at != nil && !modifiedAt(src, at[0], at[1]) && !(stagedConv.MatchString(src) && landmark(src, src[at[0]:at[1]])) {
		m := submatches(src, at)
		p := partAsked{nth: ordinals[strings.ToLower(m[1])], text: m[0]}
		word := strings.ToLower(m[2])
		switch {
		case strings.HasPrefix(word, "conv"):
			p.kind = "conv"
		case strings.Contains(word, "pool"):
			p.kind = "pool"
		case word != "":
			p.kind = "linear"
		case strings.EqualFold(m[4], "block"):
			p.kind = "block"
		default:
			p.kind = "layer"
		}
		return p, true
	}
	if m := stagedConv.FindStringSubmatch(src); m != nil {
		return partAsked{kind: "conv", stage: int(m[1][0] - '0'), nth: int(m[2][0] - '0'), text: m[0]}, true
	}
	if m := numberedBlock.FindStringSubmatch(src); m != nil {
		return partAsked{kind: "block", nth: int(m[1][0] - '0'), text: m[0]}, true
	}
	if m := namedPool.FindStringSubmatch(src); m != nil {
		return partAsked{kind: "pool", nth: int(m[1][0] - '0'), text: m[0]}, true
	}
	if m := namedPart.FindStringSubmatch(src); m != nil {
		n := int(m[2][0] - '0')
		if strings.EqualFold(m[1], "fc") {
			if n >= 6 {
				n -= 5 // AlexNet's and VGG's fc6, fc7, fc8
			}
			return partAsked{kind: "linear", nth: n, text: m[1] + m[2]}, true
		}
		return partAsked{kind: "conv", nth: n, text: m[1] + m[2]}, true
	}
	return partAsked{}, false
}

// isKind reports whether a summary row is a part of kind.
func (p partAsked) isKind(r calc.Row) bool {
	switch p.kind {
	case "block":
		return r.Depth == 0 && !r.Leaf()
	case "conv":
		return r.Leaf() && strings.HasPrefix(r.Kind, "conv")
	case "linear":
		return r.Leaf() && r.Kind == "linear"
	case "pool":
		return r.Leaf() && strings.HasSuffix(r.Kind, "pool")
	}
	return r.Leaf() && (strings.HasPrefix(r.Kind, "conv") || r.Kind == "linear")
}

// presetPart returns the question about part p of the preset q (named
// name), on what reaches it, and whether the preset has such a part.
func presetPart(q *Question, name, src string, p partAsked) (*Question, bool) {
	s, err := summarize(q)
	if err != nil {
		return nil, false
	}
	if !rfAsked(src) {
		if several, ok := presetParts(q, s, name, src); ok {
			return several, true
		}
	}
	row, ok := partRow(s, p)
	if !ok {
		return nil, false
	}
	if rfAsked(src) {
		if lp, lrow, ok := lastNamed(s, src); ok && lrow.Index >= row.Index {
			p, row = lp, lrow // "rf after conv1_1, conv1_2, ..., conv3_3": up to the deepest, each on the way in the table
		}
		return presetUpTo(q, name, p, row, s)
	}
	l, ok := calc.At(q.Layers[row.Index-1].Layer, row.Path)
	if !ok {
		return nil, false
	}
	part := &Question{Input: row.Input, Layers: []Layer{{Layer: withInChannels(l, row.Input)}}}
	if p.kind == "block" {
		part.Network, part.Layers = true, blockWithPools(q.Layers, row.Index-1)
	}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("%s of the preset %s (layer %s of `show %s`), on what reaches it: %s", p.text, name, rowNumber(row), name, shapeWords(row.Input)) +
		fmt.Sprintf(" (the preset on a %s input)", shapeWords(q.Input))}
	return part, true
}

// partRow is the summary row of part p, and whether the preset has one.
func partRow(s calc.Summary, p partAsked) (calc.Row, bool) {
	var rows []calc.Row
	stage, convs := 1, 0
	for _, r := range s.Rows {
		if p.stage > 0 && r.Leaf() && strings.HasSuffix(r.Kind, "pool") && convs > 0 {
			stage, convs = stage+1, 0 // a pool ends a stage
		}
		if p.isKind(r) && (p.stage == 0 || p.stage == stage) {
			rows = append(rows, r)
		}
		if p.isKind(r) {
			convs++
		}
	}
	k := p.nth - 1
	if p.nth == 0 || p.kind == "pool" && p.nth == 5 && len(rows) < 5 {
		k = len(rows) - 1 // AlexNet's pool5 is its third and last
	}
	if k < 0 || k >= len(rows) {
		return calc.Row{}, false
	}
	return rows[k], true
}

// A question may name several layers of a preset: "MACs of vgg16's
// conv1_1 and conv1_2", "params of fc6 and fc7". Each is answered: the
// reading is the preset's layers from the first named to the last, on
// what reaches the first, with each named layer asked about by place
// (Question.At).

// namedParts lists the layers of a preset src names by their papers'
// names ("conv1_1", "conv5_3", "fc6", "conv2"), in the order written,
// each once.
func namedParts(src string) []partAsked {
	var parts []partAsked
	seen := map[string]bool{}
	for _, m := range layerName.FindAllStringIndex(src, -1) {
		w := src[m[0]:m[1]]
		var p partAsked
		if sm := stagedConv.FindStringSubmatch(w); sm != nil {
			p = partAsked{kind: "conv", stage: int(sm[1][0] - '0'), nth: int(sm[2][0] - '0'), text: w}
		} else if sm := namedPart.FindStringSubmatch(w + " "); sm != nil {
			p = partAsked{kind: "conv", nth: int(sm[2][0] - '0'), text: w}
			if strings.EqualFold(sm[1], "fc") {
				p.kind = "linear"
				if p.nth >= 6 {
					p.nth -= 5 // AlexNet's and VGG's fc6, fc7, fc8
				}
			}
		} else if sm := namedPool.FindStringSubmatch(w); sm != nil && listedName(src, m) {
			p = partAsked{kind: "pool", nth: int(sm[1][0] - '0'), text: w} // "conv1_1 + conv1_2 + pool1"
		} else {
			continue // "pool5": context, as "the 7x7x512 pool5 output"
		}
		if key := strings.ToLower(w); !seen[key] {
			seen[key] = true
			parts = append(parts, p)
		}
	}
	return parts
}

// nameJoin matches what joins two layer names in a list: "+", ",", "and".
var (
	nameJoinBefore = regexp.MustCompile(`(?i)\b(?:conv|fc)\d(?:_\d)?\s*(?:\+|,|&|\band\b)\s*(?:the\s+)?$`)
	nameJoinAfter  = regexp.MustCompile(`(?i)^\s*(?:\+|,|&|\band\b)\s*(?:the\s+)?(?:conv|fc)\d`)
)

// listedName reports whether the name at m of src is listed with a conv
// or fully connected layer named beside it: a pool is then one of the
// layers asked about, not a place that gives context.
func listedName(src string, m []int) bool {
	return nameJoinBefore.MatchString(src[:m[0]]) || nameJoinAfter.MatchString(src[m[1]:])
}

// lastNamed is the deepest of the layers src names (by their papers'
// names), with its row, when it names several.
func lastNamed(s calc.Summary, src string) (partAsked, calc.Row, bool) {
	parts := namedParts(src)
	if len(parts) < 2 {
		return partAsked{}, calc.Row{}, false
	}
	var best partAsked
	var bestRow calc.Row
	at := -1
	for _, p := range parts {
		row, ok := partRow(s, p)
		if !ok {
			return partAsked{}, calc.Row{}, false
		}
		if k := slices.IndexFunc(s.Rows, func(r calc.Row) bool { return r.Report == row.Report }); k > at {
			best, bestRow, at = p, row, k
		}
	}
	return best, bestRow, true
}

// presetParts is the question about the several layers of the preset q
// (summarised as s) that src names, and whether it names several that
// read as a chain of single layers.
func presetParts(q *Question, s calc.Summary, name, src string) (*Question, bool) {
	parts := namedParts(src)
	if len(parts) < 2 {
		return nil, false
	}
	at := make([]int, len(parts)) // each part's place among s.Rows
	for k, p := range parts {
		row, ok := partRow(s, p)
		if !ok {
			return nil, false
		}
		at[k] = slices.IndexFunc(s.Rows, func(r calc.Row) bool { return r.Report == row.Report })
	}
	first, last := slices.Min(at), slices.Max(at)
	part := &Question{Input: s.Rows[first].Input, Network: true}
	index := map[int]int{} // place among s.Rows -> layer of part
	for i := first; i <= last; i++ {
		r := s.Rows[i]
		if !r.Leaf() {
			continue
		}
		l, ok := calc.At(q.Layers[r.Index-1].Layer, r.Path)
		if !ok {
			return nil, false
		}
		index[i] = len(part.Layers)
		part.Layers = append(part.Layers, Layer{Layer: withInChannels(l, r.Input)})
	}
	got, err := summarize(part)
	if err != nil {
		return nil, false
	}
	for i, k := range index {
		if !got.Rows[k].Output.Equal(s.Rows[i].Output) {
			return nil, false // a residual's body is no chain on its own
		}
	}
	part.Asked = askedWords(strings.Fields(strings.ToLower(src)))
	if biasLeftOut.MatchString(src) {
		part.Asked = slices.DeleteFunc(part.Asked, func(a string) bool { return a == "biases" }) // "ignore bias" asks none
	}
	var names []string
	for k, p := range parts {
		part.At = append(part.At, At{Layer: index[at[k]], Name: p.text})
		names = append(names, p.text)
	}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("%s of the preset %s, with the layers between them, on what reaches the first: %s", strings.Join(names, ", "), name, shapeWords(part.Input))}
	return part, true
}

// rfWords ask for a receptive field, which a layer has only on the input
// of the network it is part of.
var rfWords = regexp.MustCompile(`(?i)\b(?:receptive\s+fields?|rf)\b`)

// rfAsked reports whether src asks for a receptive field, by name or as
// the input pixels one unit depends on ("how many input pixels does one
// unit of conv3_3 see").
func rfAsked(src string) bool { return rfWords.MatchString(src) || english.FieldAsked(src) }

// presetUpTo is the preset from its input up to row, the part asked: the
// receptive field of a layer of it is on the network's input. A row inside
// a block (VGG's conv4_1 is the first of a repeat of three) ends the
// network there: the block's layers up to it are taken one by one. False
// when that reading's field is not the preset's at row (a branch cut).
func presetUpTo(q *Question, name string, p partAsked, row calc.Row, s calc.Summary) (*Question, bool) {
	layers := slices.Clone(q.Layers[:row.Index-1])
	if len(row.Path) == 0 {
		layers = append(layers, q.Layers[row.Index-1])
	}
	k := slices.IndexFunc(s.Rows, func(r calc.Row) bool { return r.Report == row.Report })
	for i := 0; len(row.Path) > 0 && i <= k; i++ {
		r := s.Rows[i]
		if r.Index != row.Index || !r.Leaf() {
			continue
		}
		l, ok := calc.At(q.Layers[r.Index-1].Layer, r.Path)
		if !ok {
			return nil, false
		}
		layers = append(layers, Layer{Layer: withInChannels(l, r.Input)})
	}
	part := &Question{Input: q.Input, Network: true, Layers: slices.Clip(layers), Asked: []string{"receptive field"}}
	got, err := summarize(part)
	if err != nil || len(got.Rows) == 0 || k < 0 || !slices.Equal(got.Rows[len(got.Rows)-1].Field, s.Rows[k].Field) {
		return nil, false
	}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("the preset %s up to its %s (layer %s of `show %s`)", name, p.text, rowNumber(row), name)}
	return part, true
}

// blockWithPools is the top-level block at i with the pooling layers
// after it: a VGG block ends with its pool.
func blockWithPools(layers []Layer, i int) []Layer {
	end := i + 1
	for end < len(layers) {
		switch layers[end].Layer.(type) {
		case calc.Pool, calc.Activation:
			end++
			continue
		}
		break
	}
	return layers[i:end:end]
}

// paperPart is a preset layer that differs from the paper most students
// read (the presets are torchvision's networks): the paper's layer in the
// spec language, and what it is.
type paperPart struct{ spec, note string }

// paperParts are keyed by the preset layer's canonical form without its
// input; the paper's layer is asked on the same input, or the paper's own
// when the preset's default is asked.
var paperParts = map[string]paperPart{
	"conv 11x11 3->64 stride 4 pad 2 bias": {"conv 11x11 3->96 stride 4",
		"AlexNet's first layer as the 2012 paper has it: 96 filters of 11×11×3 at stride 4, no padding (the paper's input is 227×227×3; it says 224, which does not give its 55×55)"},
}

// withPaper answers a question about a preset layer that differs from
// its paper both ways, the paper's first; nil when q is no such layer.
func withPaper(q *Question) []*Question {
	layer, input, _ := strings.Cut(q.Canonical, " input ")
	p, ok := paperParts[layer]
	if !ok || q.Network {
		return nil
	}
	if input == "" || input == "224x224" {
		input = "227x227"
	}
	paper, err := spec.Parse(p.spec + " input " + input)
	if err != nil {
		return nil
	}
	cp := *paper
	cp.Asked, cp.Notes = q.Asked, []string{p.note}
	return []*Question{&cp, q}
}

// withInChannels sets the input channels a layer of a network takes from
// the layer before, so it reads on its own.
func withInChannels(l calc.Layer, in calc.Shape) calc.Layer {
	if len(in) == 0 {
		return l
	}
	switch c := l.(type) {
	case calc.Conv:
		if c.In == 0 {
			c.In = in[0]
		}
		return c
	case calc.Linear:
		if c.In == 0 {
			c.In = in[len(in)-1]
		}
		return c
	}
	return l
}

// rowNumber is a row's number as a table shows it: "3", "1.2".
func rowNumber(r calc.Row) string {
	s := fmt.Sprint(r.Index)
	for _, p := range r.Path {
		s += fmt.Sprintf(".%d", p)
	}
	return s
}

// shapeWords writes a channels-first shape as C×H×W.
func shapeWords(s calc.Shape) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = fmt.Sprint(d)
	}
	return strings.Join(parts, "×")
}

// presetInput matches an input size said of a preset: "on 160x160",
// "at 512x512 resolution", "with 320x320x3 images", "input 96x96",
// "512x512 imgs", one side for a square: "for 224 in?", "at 320 px".
var presetInput = regexp.MustCompile(`(?i)(?:\b(?:on|at|input|with|of|for|to|instead\s+of)\s+(?:an?\s+|the\s+)?)(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?|\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?\s+(?:input|images?|imgs?|pixels|px|resolution|inputs|photos|pics|frames)\b|\b(?:on|at|for)\s+(\d{2,4})\s*(?:in|input|inputs|px|pixels|images|imgs|resolution)\b(?:\s*[?,.;]|$)`)

// withPresetInput returns the preset q on the input size src gives, if
// it gives one: its channels stay the preset's unless src says them.
func withPresetInput(q *Question, src string) *Question {
	h, w, c, ok := presetInputSaid(src)
	if !ok || len(q.Input) != 3 {
		return q
	}
	in := calc.Shape{q.Input[0], h, w}
	if c != 0 {
		in[0] = c
	}
	if in.Equal(q.Input) || in[1] <= 0 || in[2] <= 0 {
		return q
	}
	cp := *q
	cp.Input = in
	return &cp
}

// presetInputSaid is the input size src gives a preset ("on 160x160",
// "with 320x320x3 images"): height, width and channels (0 when not said).
func presetInputSaid(src string) (h, w, c int, ok bool) {
	for _, at := range presetInput.FindAllStringSubmatchIndex(src, -1) {
		if sizeOfLayer.MatchString(src[at[1]:]) {
			continue // "begins with a 7x7 convolution": a kernel, not an input
		}
		m := submatches(src, at)
		if m[7] != "" {
			return atoi(m[7]), atoi(m[7]), 0, true // "for 224 in": a square
		}
		if m[1] == "" {
			m = append(m[:1], m[4:]...)
		}
		return atoi(m[1]), atoi(m[2]), atoi(m[3]), true
	}
	return 0, 0, 0, false
}

// sizeOfLayer matches the words after a size that make it a layer's own:
// "7x7 convolution", "3x3 max pool", "5x5 kernels", "2x2 stride-2 max-pool",
// "2x2/2 pools".
var sizeOfLayer = regexp.MustCompile(`(?i)^(?:/\d+)?\s+(?:(?:stride|s)[-\s]*\d+,?\s+)?(?:conv\w*|kernels?|filters?|windows?|max\w*|avg\w*|average|pool\w*|depthwise|separable|dilated)\b`)

// submatches are the texts of a match's groups, "" for a group that did
// not take part.
func submatches(src string, at []int) []string {
	m := make([]string, len(at)/2)
	for i := range m {
		if at[2*i] >= 0 {
			m[i] = src[at[2*i]:at[2*i+1]]
		}
	}
	return m
}

// atoi reads a size of at most 6 digits; larger ones read as 0.
func atoi(s string) int {
	if len(s) > 6 {
		return 0
	}
	n := 0
	for _, r := range s {
		n = 10*n + int(r-'0')
	}
	return n
}

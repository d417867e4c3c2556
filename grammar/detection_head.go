package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A one-stage detector's head is described by what it predicts, not by its
// output channels: "a 1x1 conv on a 512-channel map, 3 anchors per scale,
// 7 classes", "4 default boxes per location and num_classes=11". The
// layer readers find no filter count there (a refusal) or take the class
// count for it (a wrong count). This reader works the head's channels out
// of anchors and classes (calc.HeadFilters) and sizes the conv; it also
// counts the boxes a feature map or a set of scales predicts
// (calc.MapBoxes, calc.ScaleBoxes), which no layer reading can answer.

// detectorWords name a detector or its head.
var detectorWords = regexp.MustCompile(`(?i)\b(?:yolo\w*|ssd\w*|retina\w*|darknet\w*|detection\s+(?:head|layer|scales?)|detector|default\s+box(?:es)?|prior\s+box(?:es)?|anchors?|anchor\s+box(?:es)?|multibox|nms|non[- ]max\w*)\b`)

// yoloWords name a YOLO head: each anchor predicts 5 numbers besides the
// class scores.
var yoloWords = regexp.MustCompile(`(?i)\byolo\w*|\bdarknet\w*|\bobjectness\b|\b5\s*\+\s*(?:num_?)?classes\b|\b(?:num_?)?classes\s*\+\s*5\b`)

// ssdClassWords name SSD's (or RetinaNet's) class-confidence head.
var ssdClassWords = regexp.MustCompile(`(?i)\b(?:class(?:ification)?[- ]?(?:conf(?:idence)?|score|pred\w*|head|branch|subnet|logits?)|conf(?:idence)?\s+(?:head|conv|layer|branch)|cls[_ ]?(?:head|conv|logits|pred\w*)|mbox_conf|conf_layers?)\b`)

// ssdBoxWords name a box-regression head: 4 offsets a box.
var ssdBoxWords = regexp.MustCompile(`(?i)\b(?:loc(?:ali[sz]ation)?\s*(?:head|conv|layer|branch|pred\w*)|box[- ]?(?:regression|reg|offsets?|head|pred\w*|branch|subnet)|regression\s+(?:head|branch|subnet)|bbox[_ ]?(?:head|pred\w*|reg\w*)|mbox_loc|loc_layers?)\b`)

// anchorsSaid matches the boxes at each location: "3 anchors per scale",
// "4 default boxes per location", "num_anchors=9", "anchors per cell: 5".
var anchorsSaid = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:anchors?(?:\s+box(?:es)?)?|default\s+(?:bounding\s+)?box(?:es)?|prior(?:\s+box(?:es)?|s)?|(?:bounding\s+)?box(?:es)?|aspect\s+ratios)(?:\s+(?:per|at\s+each|for\s+each|in\s+each|each|a|an|/)\s*(?:grid\s+)?(?:location|cell|position|scale|pixel|spatial\s+(?:location|position)|feature[- ]map\s+(?:location|cell|position)|level|head|output|point))?` +
	`|\bnum_?anchors\s*[=:]\s*(\d+)|\banchors?\s+(?:per\s+\w+(?:\s+\w+)?\s*)?[=:]\s*(\d+)|\b(?:k|B)\s*=\s*(\d+)\s+(?:default\s+box|anchor|box)`)

// classesSaid matches the class count: "7 classes", "num_classes=11",
// "nc=7", "classes = 20".
var classesSaid = regexp.MustCompile(`(?i)\b(\d+)\s+(?:[a-z][\w-]*\s+)?(?:classes|categories|class\s+labels)\b|\b(?:num_?classes|n_?classes|nc|classes)\s*[=:]\s*(\d+)|\b(\d+)[- ]class\b`)

// backgroundAdded matches a background class said to be on top of the
// classes given: "plus background", "+1 for background", "+ bg".
var backgroundAdded = regexp.MustCompile(`(?i)(?:\bplus|\+|\band|\bwith)\s*(?:1\s+(?:for\s+)?)?(?:the\s+|a\s+)?(?:background|bg)\b`)

// backgroundIn matches a class count said to include the background.
var backgroundIn = regexp.MustCompile(`(?i)\b(?:incl\w*|counting|with)\.?\s+(?:the\s+)?(?:background|bg)\b|\bbackground\s+(?:included|counted|class\s+included)\b`)

// featureChannels matches the channels of the map the head sits on: "a
// 512-channel feature map", "256 channels", "in_channels=1024", "a
// feature map of depth 512".
var featureChannels = regexp.MustCompile(`(?i)\b(\d+)[- ]?(?:channels?|ch|filters?|maps?|d)\b(?:\s+(?:feature\s+)?(?:map|input|tensor|output|features))?|\bin_?channels\s*[=:]\s*(\d+)|\b(?:depth|channels)\s+(?:of\s+)?(\d+)\b`)

// mapSizes matches a feature map's sides with its channels: "19x19x256",
// "13×13×1024", or its sides alone "a 19x19 map".
var mapSizes = regexp.MustCompile(`\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?\b`)

// headKernel matches the head conv's kernel: "1x1 conv", "3x3 conv",
// "kernel_size=3", "kernel 3".
var headKernel = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s+(?:conv\w*|kernel|filters?|layer)|\bconv\w*\s*(?:is\s+|of\s+|[:=(]\s*)?(\d+)\s*[x×]\s*\d+\b|\bkernel(?:_size)?\s*(?:=|of|size(?:\s+of)?)?\s*(\d+)\b|\b(\d+)\s*[x×]\s*\d+\s*\)`)

// headPad matches the head conv's padding: "padding 1", "pad=1",
// "padding='same'".
var headPad = regexp.MustCompile(`(?i)\bpad(?:ding)?\s*[=:]?\s*(\d+)\b|\bpad(?:ding)?\s*[=:]?\s*['"]?(same)\b|\bsame\s+padding\b`)

// headNoBias matches a head conv without biases.
var headNoBias = regexp.MustCompile(`(?i)\bno\s+bias(?:es)?\b|\bbias\s*=\s*False\b|\buse_bias\s*=\s*False\b|\bwithout\s+(?:a\s+)?bias(?:es)?\b|\bbias(?:es)?\s+(?:off|excluded|ignored)\b`)

// boxesAsked matches a question for the number of boxes: "how many
// default boxes", "how many boxes ... predict", "total number of anchors".
var boxesAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:\w+\s+){0,2}?(?:box(?:es)?|anchors|priors|predictions|detections|candidates)\b|\b(?:total|number)\s+(?:number\s+)?(?:of\s+)?(?:\w+\s+)?(?:box(?:es)?|anchors|priors|predictions|detections)\b|\b(?:box(?:es)?|anchors|predictions)\s+(?:in\s+total|total)\b`)

// headAsked matches a question for the head conv's size: its filters or
// channels, or its parameters.
var headAsked = regexp.MustCompile(`(?i)\bfilters?\b|\bout(?:put)?[_ ]channels\b|\bparam\w*|\bweights\b|\bchannels\b.*\?`)

// stridesSaid matches a detector's strides: "strides 8, 16, 32", "strides
// of 8/16/32", "stride 8, 16 and 32".
var stridesSaid = regexp.MustCompile(`(?i)\bstrides?\s+(?:of\s+)?(\d+(?:(?:\s*(?:,|/|and|&)\s*(?:and\s+)?|\s+)\d+)+)`)

// gridsSaid matches grid sizes listed: "13x13, 26x26 and 52x52 grids".
var gridsSaid = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s*(?:,|and|&|\+)\s*(?:and\s+)?(\d+)\s*[x×]\s*(\d+)(?:\s*(?:,|and|&|\+)\s*(?:and\s+)?(\d+)\s*[x×]\s*(\d+))?(?:\s*(?:,|and|&|\+)\s*(?:and\s+)?(\d+)\s*[x×]\s*(\d+))?`)

// inputSide matches the detector's input: "at 320x320 input", "416x416
// images", "input size 608", "at 320".
var inputSide = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)\s*(?:input|images?|pixels|resolution|px)\b|\b(?:input|image|img)(?:\s+(?:size|resolution|shape|of|is|at))*\s*[=:]?\s*(\d+)(?:\s*[x×]\s*(\d+))?\b|\bat\s+(\d+)(?:\s*[x×]\s*(\d+))?\b|\bimg_?size\s*[=:]?\s*(\d+)`)

// yolo3Family names a YOLO with three scales at strides 8, 16 and 32 and
// 3 anchors a scale (YOLOv3, v4, v5).
var yolo3Family = regexp.MustCompile(`(?i)\byolo\s*-?\s*v?[345]\b`)

// codeCalls match pasted code, which the paste readers read: a layer
// called, a def or a class. Keyword words alone ("in_channels=256") are
// prose.
var codeCalls = regexp.MustCompile(`\b(?:nn|layers|keras|tf|torch)\.\w+\(|\bConv[123]?[dD]\w*\(|^\s*(?:def|class)\s+\w+|\bself\.\w+\s*=`)

// detectionAsked answers a question about a detector's head: its conv's
// filters and parameters, or the boxes it predicts. It returns nil when
// src names no detector, or what the head needs is not all said.
func detectionAsked(src string) []*Question {
	if !detectorWords.MatchString(src) || codeCalls.MatchString(src) {
		return nil
	}
	if q := scaleBoxesAsked(src); q != nil {
		return []*Question{q}
	}
	if q := headAskedOf(src); q != nil {
		return []*Question{q}
	}
	if q := mapBoxesAsked(src); q != nil {
		return []*Question{q}
	}
	return nil
}

// oneGrid matches one grid or feature map named by its sides: "a 13x13
// grid", "the 38x38 feature map", "19x19x256 map".
var oneGrid = regexp.MustCompile(`(?i)\b(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*\d+)?\s+(?:output\s+)?(?:grid|feature[- ]?map|map|cells)\b`)

// mapBoxesAsked answers how many boxes (anchors, default boxes) one grid
// or feature map holds: H·W·anchors. It returns nil unless boxes are
// asked, the anchors a location said and exactly one map's sides given.
func mapBoxesAsked(src string) *Question {
	if !boxesAsked.MatchString(src) || headAsked.MatchString(src) || perCellAsked.MatchString(src) {
		return nil // per cell: the anchors said, not the map's boxes
	}
	anchors := anchorsOf(src)
	ms := oneGrid.FindAllStringSubmatch(src, -1)
	if anchors < 1 || len(ms) != 1 {
		return nil
	}
	h, _ := strconv.Atoi(ms[0][1])
	w, _ := strconv.Atoi(ms[0][2])
	st, err := calc.MapBoxes(h, w, anchors)
	if err != nil {
		return nil
	}
	sv := &calc.Solved{Unknown: "boxes", Solutions: []int64{st.Result}, Min: st.Result, Max: st.Result, Steps: []calc.Step{st},
		Question: fmt.Sprintf("the boxes a %d×%d map holds with %d at each location", h, w, anchors)}
	q := &Question{Solve: sv, Asked: []string{"boxes"},
		Notes: []string{fmt.Sprintf("read as %d boxes (anchors) at every location of one %d×%d map", anchors, h, w)}}
	used := []int{anchors, h, w}
	if ih, iw := detectorInput(src); ih > 0 && ih%h == 0 && iw%w == 0 {
		used = append(used, ih, iw, ih/h) // the input the grid divides: "416x416 input, 13x13 grid"
	}
	if in, _, _ := headInput(src); in > 0 {
		used = append(used, in) // the map's channels: they do not change the boxes
	}
	q.Unused = detectionUnused(src, used, st.Result)
	return q
}

// headNumber reads the first group of m that matched as a number, words
// ("three") included; 0 when none did.
func headNumber(src string, m []int) int {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] < 0 {
			continue
		}
		t := strings.ToLower(src[m[g]:m[g+1]])
		if n, ok := lang.NumberWords[t]; ok {
			return n
		}
		if t == "same" {
			return -1
		}
		n, err := strconv.Atoi(t)
		if err == nil {
			return n
		}
	}
	return 0
}

// anchorsOf reads the boxes at each location; 0 when not said.
func anchorsOf(src string) int {
	if m := anchorsSaid.FindStringSubmatchIndex(src); m != nil {
		return headNumber(src, m)
	}
	return 0
}

// headSide is the kind of head conv a question describes.
type headSide struct {
	extra   int    // values a box besides its class scores
	noClass bool   // a box head: no class scores
	name    string // "YOLO head", "class-confidence head", "box head"
}

// sideOf tells which head src describes; ok false when it cannot tell.
func sideOf(src string) (headSide, bool) {
	yolo, cls, box := yoloWords.MatchString(src), ssdClassWords.MatchString(src), ssdBoxWords.MatchString(src)
	switch {
	case yolo && !cls && !box:
		return headSide{extra: calc.YOLOValues, name: "YOLO head"}, true
	case cls && !box && !yolo:
		return headSide{name: "class-confidence head"}, true
	case box && !cls && !yolo:
		return headSide{extra: calc.BoxValues, noClass: true, name: "box-regression head"}, true
	}
	return headSide{}, false
}

// headAskedOf answers a question about one head conv: its filters worked
// out of anchors and classes, its parameters, and the boxes its feature
// map contributes when asked.
func headAskedOf(src string) *Question {
	side, ok := sideOf(src)
	anchors := anchorsOf(src)
	if !ok || anchors < 1 || !(headAsked.MatchString(src) || boxesAsked.MatchString(src)) {
		return nil
	}
	used := []int{anchors}
	classes, classUsed, notes, ok := headClasses(src, side)
	if !ok {
		return nil
	}
	used = append(used, classUsed...)
	in, h, w := headInput(src)
	if in < 1 {
		return nil
	}
	used = append(used, in, h, w)
	k, kernelNote := headKernelOf(src, side)
	if kernelNote != "" {
		notes = append(notes, kernelNote)
	}
	used = append(used, k)
	filters, doubts, err := headFiltersOf(src, side, anchors, classes, h, w)
	if err != nil {
		return nil
	}
	conv, pad, padNote := headConvOf(src, side, k, in, int(filters.Result))
	used = append(used, pad...)
	if padNote != "" {
		notes = append(notes, padNote)
	}
	var shape calc.Shape
	if h > 0 {
		shape = calc.Shape{in, h, w}
	}
	q, err := specQuestion(shape, []calc.Layer{conv})
	if err != nil || len(q.Layers) != 1 {
		return nil
	}
	sv := &calc.Solved{Unknown: "filters", Solutions: []int64{filters.Result}, Min: filters.Result, Max: filters.Result,
		Layer: conv, Steps: []calc.Step{filters},
		Question: fmt.Sprintf("the output channels of the %s conv, from %d anchors a location", side.name, anchors)}
	askedNotes, ok := headAsks(src, q, sv, side, anchors, filters, h, w)
	if !ok {
		return nil
	}
	notes = append(notes, askedNotes...)
	q.Notes = append(q.Notes, fmt.Sprintf("read as a detector's %s: %s", side.name, filters.Note))
	q.Notes = append(q.Notes, notes...)
	if side.extra == 0 && !side.noClass && !backgroundIn.MatchString(src) && !backgroundAdded.MatchString(src) && ssdWords.MatchString(src) {
		q.Doubts = append(q.Doubts, fmt.Sprintf("SSD's class head counts the background as a class: if your %d classes leave it out, the head has %d·%d = %d filters", classes, anchors, classes+1, anchors*(classes+1)))
	}
	q.Doubts = append(q.Doubts, doubts...)
	q.Unused = detectionUnused(src, used, filters.Result)
	return q
}

// headClasses is the classes a head predicts, the numbers of src it used
// for them, and what it noted: none for a box head; one more than said
// when the words add the background. ok is false when a head with classes
// says none.
func headClasses(src string, side headSide) (classes int, used []int, notes []string, ok bool) {
	if side.noClass {
		return 0, nil, nil, true
	}
	m := classesSaid.FindStringSubmatchIndex(src)
	if m == nil {
		return 0, nil, nil, false
	}
	classes = headNumber(src, m)
	used = append(used, classes)
	if side.extra == 0 && backgroundAdded.MatchString(src) && !backgroundIn.MatchString(src) {
		classes++
		notes = append(notes, fmt.Sprintf("the background counted as one more class: %d", classes))
		used = append(used, classes)
	}
	return classes, used, notes, true
}

// headFiltersOf works out the head conv's filters: YOLOv1's boxes·5 +
// classes when the words name it, anchors·(extra + classes) otherwise,
// with a doubt when a 7×7 grid without anchors looks like YOLOv1's.
func headFiltersOf(src string, side headSide, anchors, classes, h, w int) (calc.Step, []string, error) {
	filters, err := calc.HeadFilters(anchors, classes, side.extra)
	v1 := side.extra == calc.YOLOValues && yoloV1.MatchString(src)
	if v1 {
		filters, err = calc.YOLOv1Filters(anchors, classes)
	}
	if err != nil {
		return calc.Step{}, nil, err
	}
	var doubts []string
	if side.extra == calc.YOLOValues && !v1 && h == 7 && w == 7 && !yoloLater.MatchString(src) && !anchorWord.MatchString(src) {
		// A 7×7 grid with boxes a cell and no anchors is YOLOv1's: B·5 + C a cell.
		doubts = append(doubts, fmt.Sprintf("a 7×7 grid with boxes per cell and no anchors is YOLOv1's, whose cell predicts boxes·5 + classes = %d·5 + %d = %d values (one set of class scores a cell), not %d: say the version", anchors, classes, anchors*calc.YOLOValues+classes, filters.Result))
	}
	return filters, doubts, nil
}

// headConvOf is the head conv: k×k from in to out channels, with the
// padding the words give (its number used) or, for an SSD-style head
// wider than 1×1, the padding that keeps the map's size (noted).
func headConvOf(src string, side headSide, k, in, out int) (conv calc.Conv, used []int, note string) {
	conv = calc.Conv{Kernel: []int{k}, In: in, Out: out, NoBias: headNoBias.MatchString(src)}
	if m := headPad.FindStringSubmatchIndex(src); m != nil {
		if p := headNumber(src, m); p > 0 {
			conv.Pad = []int{p}
			used = append(used, p)
		} else {
			conv.PadMode = calc.PadSame
		}
	} else if k > 1 && side.extra != calc.YOLOValues {
		conv.Pad = []int{k / 2}
		note = fmt.Sprintf("padding %d assumed, so the head keeps the map's size, as SSD's heads do", k/2)
	}
	return conv, used, note
}

// headFiltersWords, headParamWords and headWeightsWord name what a head
// question asks in so many words.
var (
	headFiltersWords = regexp.MustCompile(`(?i)\bfilters?\b|\bout(?:put)?[_ ]channels\b`)
	headParamWords   = regexp.MustCompile(`(?i)\bparam\w*|\bweights\b`)
	headWeightsWord  = regexp.MustCompile(`(?i)\bweights\b`)
	headParamWord    = regexp.MustCompile(`(?i)\bparam`)
)

// headAsks sets what q asks and what sv solves: the boxes of one cell,
// the boxes of the map, or the quantity the words ask with the filters
// worked out beside it. It returns what it noted; ok is false when the
// map's size is needed and not said.
func headAsks(src string, q *Question, sv *calc.Solved, side headSide, anchors int, filters calc.Step, h, w int) (notes []string, ok bool) {
	q.Asked = []string{"params"}
	q.Solve = sv
	switch {
	case perCellAsked.MatchString(src):
		// "how many predictions per cell": the boxes a cell holds, and the values they take.
		sv.Steps = append(sv.Steps, calc.Step{Quantity: "boxes per cell", Formula: "boxes", Values: []calc.Binding{{Name: "boxes", Value: int64(anchors)}}, Result: int64(anchors),
			Note: fmt.Sprintf("each cell predicts %d boxes, %d values in all: the head's filters", anchors, filters.Result)})
		sv.Unknown, sv.Solutions, sv.Min, sv.Max = "boxes per cell", []int64{int64(anchors)}, int64(anchors), int64(anchors)
		sv.Question = fmt.Sprintf("the boxes one cell predicts with the %s conv, and the values they take", side.name)
		q.Asked = []string{"boxes"}
		notes = append(notes, fmt.Sprintf("per cell: %d boxes, %d values (%s)", anchors, filters.Result, filters.Formula))
	case boxesAsked.MatchString(src):
		if h < 1 {
			return nil, false // boxes asked of a map whose size is not said
		}
		boxes, err := calc.MapBoxes(h, w, anchors)
		if err != nil {
			return nil, false
		}
		sv.Steps = append(sv.Steps, boxes)
		sv.Unknown, sv.Solutions, sv.Min, sv.Max = "boxes", []int64{boxes.Result}, boxes.Result, boxes.Result
		sv.Question = fmt.Sprintf("the boxes a %d×%d feature map contributes with %d a location, and the %s conv", h, w, anchors, side.name)
		if headFiltersWords.MatchString(src) {
			q.Asked = append(q.Asked, "output")
		}
		if !headParamWords.MatchString(src) {
			q.Asked = slices.DeleteFunc(q.Asked, func(a string) bool { return a == "params" })
		}
	default:
		asked := askedOf(src)
		if len(asked) == 0 {
			return nil, true
		}
		// "MACs?", "how many weights?": what is asked leads, the filters worked out in a note.
		if h < 1 && slices.ContainsFunc(asked, func(a string) bool { return a == "macs" || a == "flops" || a == "output" }) {
			return nil, false // a size asked of a map whose sides are not said
		}
		if headWeightsWord.MatchString(src) && !headParamWord.MatchString(src) {
			if i := slices.Index(asked, "params"); i >= 0 {
				asked[i] = "weights" // "how many weights": the weights, biases apart
			}
		}
		q.Asked = asked
		if !filtersWords.MatchString(src) && !slices.Contains(asked, "params") {
			q.Solve = nil
			notes = append(notes, fmt.Sprintf("filters = %s = %d", filters.Formula, filters.Result))
		}
	}
	return notes, true
}

// yoloV1 names the first YOLO, whose cell shares its class scores among
// its boxes: "YOLOv1", "yolo v1", "the original YOLO".
var yoloV1 = regexp.MustCompile(`(?i)\byolo\s*-?\s*v1\b|\byolo\s+version\s+(?:1|one)\b|\b(?:original|first)\s+yolo\b`)

// yoloLater names a YOLO after the first, whose boxes are anchors.
var yoloLater = regexp.MustCompile(`(?i)\byolo\s*-?\s*v?(?:[2-9]|1\d)\b|\byolo\s*-?\s*(?:x|nas|9000)\b`)

// anchorWord matches anchors or priors named.
var anchorWord = regexp.MustCompile(`(?i)\banchors?\b|\bpriors?\b`)

// filtersWords match a head's filters asked for.
var filtersWords = regexp.MustCompile(`(?i)\bfilters?\b|\bout(?:put)?[_ ]channels\b`)

// perCellAsked matches boxes or predictions asked of one cell or location:
// "how many predictions per cell", "boxes at each location?".
var perCellAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:\w+\s+){0,2}?(?:box(?:es)?|anchors|priors|predictions|detections|values|outputs|numbers)\s+(?:\w+\s+){0,3}?(?:per|each|every|for\s+each|at\s+each|in\s+each|in\s+one|in\s+a|a)\s+(?:single\s+)?(?:grid\s+)?(?:cell|location|position)\b|\b(?:box(?:es)?|predictions|values|outputs)\s+(?:per|for\s+each|in\s+each|at\s+each|in\s+one)\s+(?:grid\s+)?(?:cell|location|position)\s*\?`)

// ssdWords name SSD, whose class head scores the background too.
var ssdWords = regexp.MustCompile(`(?i)\bssd\w*|\bdefault\s+box`)

// headInput reads the feature map the head sits on: its channels, and
// its sides when said ("19x19x256"); in is 0 when the channels are not
// said.
func headInput(src string) (in, h, w int) {
	for _, m := range mapSizes.FindAllStringSubmatch(src, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if m[3] == "" {
			continue // sides alone: a map only when named one (oneGrid)
		}
		c, _ := strconv.Atoi(m[3])
		switch {
		case a == b && c != a:
			h, w, in = a, b, c // channels last
		case b == c && a != b:
			in, h, w = a, b, c // channels first
		}
	}
	if h == 0 {
		if g := oneGrid.FindStringSubmatch(src); g != nil {
			h, _ = strconv.Atoi(g[1])
			w, _ = strconv.Atoi(g[2])
		}
	}
	if in > 0 {
		return in, h, w
	}
	for _, m := range featureChannels.FindAllStringSubmatchIndex(src, -1) {
		if n := headNumber(src, m); n > 0 {
			return n, h, w
		}
	}
	return 0, h, w
}

// headKernelOf reads the head conv's kernel, or assumes the paper's (1×1
// for YOLO, 3×3 for SSD) with a note saying so.
func headKernelOf(src string, side headSide) (int, string) {
	if m := headKernel.FindStringSubmatchIndex(src); m != nil {
		if k := headNumber(src, m); k > 0 {
			return k, ""
		}
	}
	if side.extra == calc.YOLOValues {
		return 1, "a 1×1 kernel assumed, YOLO's head conv"
	}
	return 3, "a 3×3 kernel assumed, the usual head conv (SSD, RetinaNet)"
}

// scaleBoxesAsked answers how many boxes a detector predicts over its
// scales before non-maximum suppression: from its input and strides, or
// from its grids listed, with the anchors a cell.
func scaleBoxesAsked(src string) *Question {
	if !boxesAsked.MatchString(src) || perCellAsked.MatchString(src) {
		return nil
	}
	anchors := anchorsOf(src)
	var notes []string
	family := yolo3Family.MatchString(src)
	if anchors < 1 {
		if !family {
			return nil
		}
		anchors = 3
		notes = append(notes, "3 anchors a cell at each scale assumed, as in YOLOv3")
	}
	g := gridsSaid.FindStringSubmatch(src)
	if g == nil && !family && stridesSaid.FindString(src) == "" {
		return nil // one grid: mapBoxesAsked
	}
	var steps []calc.Step
	var total int64
	var used []int
	if g != nil {
		steps, total, used = gridBoxes(g, anchors)
	} else {
		var assumed []string
		steps, total, used, assumed = strideBoxes(src, anchors, family)
		notes = append(notes, assumed...)
	}
	if steps == nil {
		return nil
	}
	used = append([]int{anchors}, used...)
	for _, st := range steps {
		used = append(used, int(st.Result))
	}
	sv := &calc.Solved{Unknown: "boxes", Solutions: []int64{total}, Min: total, Max: total, Steps: steps,
		Question: "the boxes predicted over every scale, before non-maximum suppression"}
	q := &Question{Solve: sv, Asked: []string{"boxes"}, Notes: notes}
	q.Notes = append(q.Notes, fmt.Sprintf("read as a detector predicting %d boxes at every cell of each scale's grid", anchors))
	q.Unused = detectionUnused(src, used, total)
	for i, u := range q.Unused {
		if replacedSize(src, u) {
			q.Unused[i].Why = "the size it replaces"
		}
	}
	return q
}

// gridBoxes works out the boxes on each grid listed ("grids 13x13, 26x26
// and 52x52", the submatches of gridsSaid), their sum last, and the
// total, and the sizes it used; nil steps where a grid cannot hold boxes.
func gridBoxes(g []string, anchors int) ([]calc.Step, int64, []int) {
	var steps []calc.Step
	var used []int
	var total int64
	var terms []string
	for i := 1; i+1 < len(g); i += 2 {
		if g[i] == "" {
			continue
		}
		a, _ := strconv.Atoi(g[i])
		b, _ := strconv.Atoi(g[i+1])
		st, err := calc.MapBoxes(a, b, anchors)
		if err != nil {
			return nil, 0, nil
		}
		st.Quantity = fmt.Sprintf("boxes on the %d×%d grid", a, b)
		steps, total = append(steps, st), total+st.Result
		terms = append(terms, lang.Group(int(st.Result)))
		used = append(used, a, b)
	}
	steps = append(steps, calc.Step{Quantity: "boxes in total, before NMS", Formula: strings.Join(terms, " + "), Result: total,
		Note: "every anchor of every cell predicts a box; non-maximum suppression removes most of them afterwards"})
	return steps, total, used
}

// strideBoxes works out the boxes of each scale from the detector's input
// and strides (YOLOv3's 8, 16 and 32 assumed for its family), with the
// total, the numbers it used and what it assumed; nil steps where it cannot.
func strideBoxes(src string, anchors int, family bool) ([]calc.Step, int64, []int, []string) {
	var assumed []string
	strides := stridesOf(src)
	if strides == nil {
		if !family {
			return nil, 0, nil, nil
		}
		strides = []int{8, 16, 32}
		assumed = append(assumed, "strides 8, 16 and 32 assumed, YOLOv3's three scales")
	}
	h, w := detectorInput(src)
	if h < 1 {
		return nil, 0, nil, nil
	}
	steps, total, err := calc.ScaleBoxes(h, w, strides, anchors)
	if err != nil {
		return nil, 0, nil, nil
	}
	used := append([]int{h, w}, strides...)
	for _, s := range strides {
		used = append(used, h/s, w/s)
	}
	return steps, total, used, assumed
}

// replacedSize reports whether the number u is what "instead of" replaces:
// "at 320 instead of 416".
func replacedSize(src string, u Unused) bool {
	at := positionOffset(src, u.Pos)
	if at < 0 {
		return false
	}
	before := strings.ToLower(src[max(0, at-20):at])
	return strings.Contains(before, "instead of") || strings.Contains(before, "rather than") || strings.Contains(before, "default")
}

// stridesOf reads the strides listed; nil when none are.
func stridesOf(src string) []int {
	m := stridesSaid.FindStringSubmatchIndex(src)
	if m == nil {
		return nil
	}
	var out []int
	for _, f := range regexp.MustCompile(`\d+`).FindAllString(src[m[2]:m[3]], -1) {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	if countedNext.MatchString(src[m[1]:]) {
		out = out[:len(out)-1] // "strides 8, 16, 32 and 3 anchors": the 3 counts anchors
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// countedNext matches text that makes the number before it a count of
// something else than a stride: "3 anchors", "80 classes".
var countedNext = regexp.MustCompile(`(?i)^\s*(?:anchors?|box(?:es)?|default|priors?|classes|filters|channels|scales|levels)\b`)

// detectorInput reads the detector's input sides; 0 when not said.
func detectorInput(src string) (h, w int) {
	m := inputSide.FindStringSubmatch(src)
	if m == nil {
		return 0, 0
	}
	var ns []int
	for _, g := range m[1:] {
		if g != "" {
			n, _ := strconv.Atoi(g)
			ns = append(ns, n)
		}
	}
	switch len(ns) {
	case 1:
		return ns[0], ns[0]
	case 2:
		return ns[0], ns[1]
	}
	return 0, 0
}

// detectionUnused lists src's numbers the detection reading did not use;
// the 5 (or 4) a box predicts, the version of a named detector and the
// result are used.
func detectionUnused(src string, used []int, result int64) []Unused {
	vals := map[float64]bool{0: true, 1: true, float64(result): true}
	for _, n := range used {
		vals[float64(n)] = true
	}
	if yoloWords.MatchString(src) {
		vals[calc.YOLOValues] = true
	}
	if ssdBoxWords.MatchString(src) {
		vals[calc.BoxValues] = true
	}
	for _, m := range regexp.MustCompile(`(?i)\b(?:yolo|ssd|resnet|vgg|darknet|mobilenet)\s*-?\s*v?(\d+)`).FindAllStringSubmatch(src, -1) {
		n, _ := strconv.Atoi(m[1])
		vals[float64(n)] = true // yolov3, ssd300, darknet53: a name
	}
	return account(src, &Question{}, vals)
}

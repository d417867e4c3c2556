package grammar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// What a question asks of a preset it changes (preset_edits.go), each
// answered as one number with its working.

// inFeaturesAsk matches a Linear's in_features asked: "what in_features
// should classifier[0] get", "nn.Linear(???, 5)", "how many features go
// into the classifier"; read on the text without code's own
// "model.fc.in_features".
var inFeaturesAsk = regexp.MustCompile(`(?i)\bin_?features\b|\bin\s+features\b|\?\?\?|\bflatten\w*\s+(?:size|dim\w*|features|length)\b|\bhow\s+many\s+(?:features|values|numbers)\s+(?:\w+\s+)?(?:go|goes|going|come|are\s+fed|get\s+fed)\s+(?:in|into)\b`)

// codeInFeatures matches in_features read in code: "model.fc.in_features".
var codeInFeatures = regexp.MustCompile(`\w+(?:\[\d+\])?\.in_features\b`)

// beforePoolAsk matches the feature map before the global pool asked:
// "the spatial size right before the global avgpool", "what reaches the
// avgpool", "the last feature map".
var beforePoolAsk = regexp.MustCompile(`(?i)\b(?:before|into|entering|reaching|reaches|input\s+(?:of|to))\s+(?:the\s+)?(?:global\s+)?(?:avg|average|adaptive)[\s_]*pool|\b(?:last|final)\s+(?:conv\s+)?feature\s+map\b`)

// trainableAsk matches the trainable count asked: "how many trainable
// parameters", "if p.requires_grad", "params that get updated".
var trainableAsk = regexp.MustCompile(`(?i)\btrainable\b|\bif\s+\w+\.requires_grad\b|\b(?:train|learn|updat)\w*\s+(?:only\s+)?(?:\w+\s+){0,2}?param|\bparam\w*\s+(?:\w+\s+){0,3}?(?:get\s+|are\s+|will\s+be\s+)?(?:trained|learned|updated)\b`)

// newLayerAsk matches the new Linear's own parameters asked: "params in
// the new linear", "params of that new layer", "how many params does that
// layer have".
var newLayerAsk = regexp.MustCompile(`(?i)\b(?:new|that|this|replaced|replacement)\s+(?:\w+\s+)?(?:linear|layer|head|fc|classifier|dense)\b`)

// paramsWord matches parameters named.
var paramsWord = regexp.MustCompile(`(?i)\bparam\w*|\bweights\b|\.numel\(`)

// totalAsk matches the whole network's count asked: "total params",
// "print(sum(p.numel() for p in model.parameters()))", "how many params
// does the model have".
var totalAsk = regexp.MustCompile(`(?i)\btotal\b|\bsum\(\s*\w+\.numel\(\)\s+for\s+\w+\s+in\s+\w+\.parameters\(\)\s*\)|\bhow\s+many\s+param\w*\s+(?:does|do|will|in)\s+(?:the\s+|my\s+|this\s+)?(?:whole\s+)?(?:model|network|net)\b|\b(?:whole|entire)\s+(?:model|network|net)\b`)

// editedPresetAsked answers what src asks of a preset it changes; nil when
// src changes none or asks nothing this reader answers.
func editedPresetAsked(src string) []*Question {
	e, ok := editedPreset(src)
	if !ok || (e.frozen || trainableAsk.MatchString(src)) && otherUnfrozen.MatchString(src) {
		return nil // more than the head trains: replacedHeadAsked counts the stages
	}
	words := codeInFeatures.ReplaceAllString(src, " ")
	var qs []*Question
	if featuresFlatOnly(src) {
		qs = appendQ(qs, e.featuresFlat()) // ".features on 32x32 -> flatten size?": before the pool
	} else if inFeaturesAsk.MatchString(words) || e.head < 0 && codeInFeatures.MatchString(src) {
		// "what is model.fc.in_features" with no Linear built of it: asked
		qs = appendQ(qs, e.inFeatures(src))
	}
	if beforePoolAsk.MatchString(src) || featuresSpatialOnly(src) {
		qs = appendQ(qs, e.beforePool())
	}
	qs = append(qs, e.paramsAsked(src)...)
	if len(qs) == 0 {
		return nil
	}
	for _, q := range qs {
		q.Unused = headUnused(src, append(e.used, e.values(q)...))
		if unexplained(q.Unused) > 0 && !modelCall.MatchString(src) {
			return nil // numbers of layers described, not this preset's: the description wins
		}
	}
	return qs
}

// paramsAsked answers the parameter counts src asks of the changed
// network: the new head's (trainable with the backbone frozen, or asked
// by name), the whole network's, or both.
func (e *presetEdit) paramsAsked(src string) []*Question {
	if !paramsWord.MatchString(src) && !trainableAsk.MatchString(src) {
		return nil
	}
	var qs []*Question
	trainable := trainableAsk.MatchString(src)
	switch {
	case trainable && e.frozen && (featuresFrozen.MatchString(src) || e.head < 0 && convPartFrozen.MatchString(src)):
		qs = appendQ(qs, e.classifierTrained())
	case trainable && e.frozen:
		qs = appendQ(qs, e.newLayer("trainable parameters", "the backbone is frozen: only the new head's Linear trains"))
	case newLayerAsk.MatchString(src):
		qs = appendQ(qs, e.newLayer("learnable parameters of the new Linear", ""))
	}
	if (e.head >= 0 || e.noPool) && (totalAsk.MatchString(src) || trainable && !e.frozen) {
		qs = append(qs, e.totals(src)...)
	}
	return qs
}

// appendQ appends q to qs when it is not nil.
func appendQ(qs []*Question, q *Question) []*Question {
	if q == nil {
		return qs
	}
	return append(qs, q)
}

// values are the numbers the edited network and the answer q explain:
// the inputs, the totals, the sizes of q's working.
func (e *presetEdit) values(q *Question) []int {
	out := []int{e.orig.Input[0], e.orig.Input[1], e.orig.Input[2], e.net.Input[1], e.net.Input[2]}
	for _, x := range []*Question{e.orig, e.net} {
		if s, err := summarize(x); err == nil {
			out = append(out, int(s.Params))
		}
	}
	if in, ok := e.featuresOut(); ok {
		out = append(out, in...) // "the features part gives 512x1x1": the map the asker saw
	}
	if q.Solve != nil {
		for _, st := range q.Solve.Steps {
			out = append(out, int(st.Result))
			for _, v := range st.Values {
				out = append(out, int(v.Value))
			}
		}
	}
	return out
}

// solved is a question answered by one number with its working.
func solved(unknown, question string, v int64, steps []calc.Step, notes ...string) *Question {
	sv := &calc.Solved{Unknown: unknown, Question: question, Solutions: []int64{v}, Min: v, Max: v, Steps: steps}
	return &Question{Solve: sv, Asked: []string{"params"}, Notes: notes}
}

// inFeatures answers the in_features of the Linear src asks about: the
// new head's when its in_features are left to be found ("???",
// "m.last_channel"), classifier[k] when named, else the first Linear.
func (e *presetEdit) inFeatures(src string) *Question {
	i, name := e.askedLinear(src)
	s, err := summarize(e.net)
	row, ok := topRow(s, i)
	if err != nil || !ok || i < 0 {
		return nil
	}
	in := row.Input
	n := shapeElements(in)
	if e.head == i && e.headArg != "" {
		if v, err := strconv.Atoi(e.headArg); err == nil && v != n {
			return nil // the asker's in_features are not the network's: another question
		}
	}
	steps := []calc.Step{{Quantity: "what reaches " + name, Formula: "the last feature map flattened: " + dimsFormula(in), Values: dimsValues(in), Result: int64(n),
		Note: fmt.Sprintf("%s on a %d×%d input gives %s here", e.name, e.net.Input[1], e.net.Input[2], shapeText(in))}}
	notes := []string{e.describe()}
	if o, ok := e.origFeatures(i); ok {
		steps = append(steps, calc.Step{Quantity: "the same on the published " + fmt.Sprintf("%d×%d", e.orig.Input[1], e.orig.Input[2]) + " input", Result: int64(o),
			Note: sameOrNot(o, n)})
	}
	return solved("in_features of "+name, fmt.Sprintf("the in_features of %s in %s as changed", name, e.name), int64(n), steps, notes...)
}

// shapeText writes a shape as C×H×W.
func shapeText(s calc.Shape) string {
	parts := make([]string, len(s))
	for k, d := range s {
		parts[k] = lang.Group(d)
	}
	return strings.Join(parts, "×")
}

// sameOrNot says whether the published input gives the same in_features.
func sameOrNot(orig, n int) string {
	if orig == n {
		return "unchanged: the adaptive pool before the classifier averages every input size to the same map"
	}
	return "different: the Linear as published expects " + lang.Group(orig)
}

// askedLinear is the index in e.net of the Linear src asks the
// in_features of, and how to name it; -1 when there is none.
func (e *presetEdit) askedLinear(src string) (int, string) {
	if e.head >= 0 && e.headArg != "" {
		if _, err := strconv.Atoi(e.headArg); err != nil {
			return e.head, "the new Linear"
		}
	}
	f := lastLayer(e.net.Layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
	if m := classifierIndex.FindStringSubmatch(src); m != nil {
		k, _ := strconv.Atoi(m[1])
		if i := f + 1 + k; i < len(e.net.Layers) {
			if _, ok := e.net.Layers[i].Layer.(calc.Linear); ok {
				e.used = append(e.used, k)
				return i, "classifier[" + m[1] + "]"
			}
		}
	}
	for i := f + 1; f >= 0 && i < len(e.net.Layers); i++ {
		if _, ok := e.net.Layers[i].Layer.(calc.Linear); ok {
			return i, "the first Linear"
		}
	}
	return -1, ""
}

// origFeatures is the in_features of the published preset's Linear that
// is e.net's layer i (the same count of Linears in), when the question
// changed what reaches it; false when it did not, or cannot be told.
func (e *presetEdit) origFeatures(i int) (int, bool) {
	if e.input == nil && !e.noPool {
		return 0, false
	}
	k := linearsBefore(e.net.Layers, i)
	j := -1
	for n, l := range e.orig.Layers {
		if _, ok := l.Layer.(calc.Linear); ok && linearsBefore(e.orig.Layers, n) == k {
			j = n
			break
		}
	}
	s, err := summarize(e.orig)
	row, ok := topRow(s, j)
	if err != nil || !ok {
		return 0, false
	}
	return shapeElements(row.Input), true
}

// linearsBefore counts the Linears of layers before index i.
func linearsBefore(layers []Layer, i int) int {
	n := 0
	for _, l := range layers[:i] {
		if _, ok := l.Layer.(calc.Linear); ok {
			n++
		}
	}
	return n
}

// describe says how the preset was read changed.
func (e *presetEdit) describe() string {
	var parts []string
	if e.input != nil {
		parts = append(parts, fmt.Sprintf("a %d×%d input", e.input[0], e.input[1]))
	}
	if e.noPool {
		parts = append(parts, "its avgpool an nn.Identity (the last feature map flattened as it is)")
	}
	if e.head >= 0 {
		l := e.net.Layers[e.head].Layer.(calc.Linear)
		parts = append(parts, fmt.Sprintf("its last Linear giving %d outputs", l.Out))
	}
	if e.frozen {
		parts = append(parts, "its backbone frozen")
	}
	if len(parts) == 0 {
		return fmt.Sprintf("read as torchvision's %s", e.name)
	}
	return fmt.Sprintf("read as torchvision's %s with %s; `show %s` prints it as published", e.name, strings.Join(parts, ", "), e.name)
}

// beforePool answers the feature map that reaches the global pool: its
// height and width.
func (e *presetEdit) beforePool() *Question {
	p := poolBeforeFlatten(e.net.Layers)
	if p < 0 {
		p = lastLayer(e.net.Layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
	}
	s, err := summarize(e.net)
	row, ok := topRow(s, p)
	if err != nil || !ok || len(row.Input) != 3 {
		return nil
	}
	in := row.Input
	steps := []calc.Step{
		{Quantity: "channels", Result: int64(in[0])},
		{Quantity: "height", Result: int64(in[1])},
		{Quantity: "width", Result: int64(in[2]), Note: fmt.Sprintf("the feature map %s: %s ÷ %d, the network's total stride", shapeText(in), lang.Group(e.net.Input[1]), max(1, e.net.Input[1]/max(1, in[1])))},
	}
	q := solved("height and width of the feature map before the global pool", fmt.Sprintf("the feature map that reaches %s's global pool", e.name), int64(in[1]), steps, e.describe())
	q.Asked = []string{"output"}
	return q
}

// newLayer answers the new head's parameters, as unknown.
func (e *presetEdit) newLayer(unknown, note string) *Question {
	if e.head < 0 {
		return nil
	}
	s, err := summarize(e.net)
	row, ok := topRow(s, e.head)
	if err != nil || !ok {
		return nil
	}
	l := e.net.Layers[e.head].Layer.(calc.Linear)
	in := shapeElements(row.Input)
	steps := []calc.Step{{Quantity: unknown, Formula: "In·Out + Out", Values: []calc.Binding{{Name: "In", Value: int64(in)}, {Name: "Out", Value: int64(l.Out)}}, Result: row.Params, Note: note}}
	if l.NoBias {
		steps[0].Formula, steps[0].Values = "In·Out", steps[0].Values[:2]
	}
	return solved(unknown, fmt.Sprintf("the new Linear %d -> %d of %s", in, l.Out, e.name), row.Params, steps, e.describe())
}

// totals answers the whole changed network's parameters; the published
// count first when src asks it too ("total params w/ 1000 classes? and
// if i swap the fc to 10").
func (e *presetEdit) totals(src string) []*Question {
	s, err1 := summarize(e.net)
	o, err2 := summarize(e.orig)
	if err1 != nil || err2 != nil {
		return nil
	}
	steps := []calc.Step{{Quantity: "learnable parameters as published", Result: o.Params}}
	if e.head >= 0 {
		row, _ := topRow(s, e.head)
		old := lastLinearOf(e.orig)
		or, _ := old.Apply(nil)
		steps = append(steps,
			calc.Step{Quantity: "the old head's parameters", Formula: "In·Out + Out", Values: []calc.Binding{{Name: "In", Value: int64(old.In)}, {Name: "Out", Value: int64(old.Out)}}, Result: or.Params},
			calc.Step{Quantity: "the new head's parameters", Result: row.Params},
			calc.Step{Quantity: "learnable parameters", Formula: "published − old + new", Values: []calc.Binding{{Name: "published", Value: o.Params}, {Name: "old", Value: or.Params}, {Name: "new", Value: row.Params}}, Result: s.Params})
	} else {
		steps = append(steps, calc.Step{Quantity: "learnable parameters", Result: s.Params})
	}
	q := solved("learnable parameters", "the parameters of "+e.name+" as changed", s.Params, steps, e.describe())
	if e.head < 0 || !oldCountAsked(src, lastLinearOf(e.orig).Out) {
		return []*Question{q}
	}
	p := solved("learnable parameters", "the parameters of "+e.name+" as published", o.Params, steps[:1], "read as torchvision's "+e.name+" as published")
	return []*Question{p, q}
}

// oldCountAsked reports whether src asks the published network too: its
// own classes said ("w/ 1000 classes").
func oldCountAsked(src string, old int) bool {
	for _, m := range headOutputsSaid.FindAllStringSubmatch(src, -1) {
		if n, _ := strconv.Atoi(m[1] + m[2] + m[3] + m[4]); n == old {
			return true
		}
	}
	return false
}

// shapeElements is the number of values in s, 0 when it overflows.
func shapeElements(s calc.Shape) int {
	n, err := s.Elements()
	if err != nil {
		return 0
	}
	return int(n)
}

// dimsFormula names the dimensions of a feature map for a step: "C·H·W".
func dimsFormula(s calc.Shape) string {
	if len(s) == 3 {
		return "C·H·W"
	}
	return "N"
}

// dimsValues binds the dimensions of a feature map for a step.
func dimsValues(s calc.Shape) []calc.Binding {
	if len(s) != 3 {
		return []calc.Binding{{Name: "N", Value: int64(shapeElements(s))}}
	}
	return []calc.Binding{{Name: "C", Value: int64(s[0])}, {Name: "H", Value: int64(s[1])}, {Name: "W", Value: int64(s[2])}}
}

// featuresFrozen matches the frozen part said to be `features` only (VGG's
// or AlexNet's convolutions): "for p in model.features.parameters()",
// "features frozen", "freeze the features".
var featuresFrozen = regexp.MustCompile(`(?i)\.features\.parameters\(|\bfeatures\s+(?:are\s+|is\s+)?frozen\b|\b(?:freez\w*|froze|frozen)\s+(?:the\s+)?(?:model\.)?features\b`)

// convPartFrozen matches the convolutional part said frozen, in words
// for any network: "froze features", "conv layers frozen", "freeze the
// conv base", "backbone frozen". With no new head, everything after the
// flatten trains.
var convPartFrozen = regexp.MustCompile(`(?i)\b(?:freez\w*|froze|frozen)\s+(?:the\s+|all\s+(?:the\s+)?|its\s+)?(?:model\.)?(?:features|conv(?:olution(?:al)?)?\w*\s*(?:layers|part|base|blocks|backbone|stack)|backbone|feature\s+extractor|body)\b|\b(?:features|conv(?:olution(?:al)?)?\w*\s+(?:layers|part|base|blocks)|backbone|feature\s+extractor)\s+(?:are\s+|is\s+|were\s+|was\s+|kept\s+|left\s+)?frozen\b`)

// classifierTrained answers the trainable count with only the features
// frozen: every layer after the flatten trains, the hidden Linears too.
func (e *presetEdit) classifierTrained() *Question {
	s, err := summarize(e.net)
	f := lastLayer(e.net.Layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
	if err != nil || f < 0 {
		return nil
	}
	var total int64
	var vals []calc.Binding
	for i := f + 1; i < len(e.net.Layers); i++ {
		row, ok := topRow(s, i)
		if !ok {
			return nil
		}
		if row.Params > 0 {
			total += row.Params
			vals = append(vals, calc.Binding{Name: fmt.Sprintf("L%d", len(vals)+1), Value: row.Params})
		}
	}
	names := make([]string, len(vals))
	for k, v := range vals {
		names[k] = v.Name
	}
	steps := []calc.Step{{Quantity: "trainable parameters", Formula: strings.Join(names, " + "), Values: vals, Result: total,
		Note: "only the features are frozen: every Linear of the classifier trains, the new one and the hidden ones"}}
	return solved("trainable parameters", "the classifier of "+e.name+" as changed", total, steps, e.describe())
}

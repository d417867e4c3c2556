package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// A preset named with one of its stages as torchvision names them —
// "layer3 of resnet18", "resnet50's layer4", "inception4a of googlenet",
// "Mixed_5b of inception_v3", "the classifier of vgg16" — is that stage on
// what reaches it, not the whole network. A receptive field, or a stage
// asked "up to" or "through", is the network from its input to the end of
// that stage. A stage the preset has no block of is a doubt on the whole
// network: "layer5 of resnet18" is never answered with resnet18.

// stageName matches a stage written as torchvision's module names write it,
// with the index of one of its blocks when one is written: "layer1[0]",
// "layer2.1" (torchvision's module path), "layer3 block 2" is not one.
var stageName = regexp.MustCompile(`(?i)\b(layer\d+|stage\d+|inception[3-5][a-e]|mixed_[5-7][a-e])(?:\[(\d+)\]|\.(\d+)\b|\b)`)

// classifierName matches the classifier named as a part ("the classifier of
// vgg16", "alexnet's classifier", "alexnet.classifier", "the fc layers of
// vgg16"), not one left out
// ("without the classifier", which featuresOnly reads).
var classifierName = regexp.MustCompile(`(?i)\b(?:of|in|from)\s+(?:the\s+|its\s+)?classifier\b|'s\s+classifier\b|\.classifier\b|\b[a-z]+\d\w*\s+classifier\b|\bclassifier\s+(?:of|in|part|head|layers?)\b|\b(?:fc|fully[- ]connected|dense|linear)\s+layers\b`)

// globalPoolName matches a preset's global pooling named as torchvision
// names it, or in words, with "before" or "after" when said: "the
// avgpool", "resnet50's avgpool", "before the global average pooling".
var globalPoolName = regexp.MustCompile(`(?i)(?:\b(before|after)\s+(?:the\s+|its\s+)?)?\b(?:avgpool|avg[\s_-]?pool(?:ing)?|(?:global\s+)?average\s+pool(?:ing)?|global\s+pool(?:ing)?|gap)\b`)

// upToWord matches the words before a stage that make the question about
// the network up to the end of it: "up to layer3", "through layer3".
var upToWord = regexp.MustCompile(`(?i)\b(?:up\s+to|upto|through|thru|until|till|including)\s+(?:the\s+)?(?:end\s+of\s+)?$`)

// stagePart returns the stage of the preset q (named name) that src names,
// on what reaches it, and whether src names one. A stage the preset lacks
// comes back as the whole preset with a doubt saying so.
func stagePart(q *Question, name, src string) (*Question, bool) {
	if featuresOnly.MatchString(src) {
		return nil, false
	}
	if classifierName.MatchString(src) {
		return classifierPart(q, name)
	}
	if m := globalPoolName.FindStringSubmatch(src); m != nil {
		return globalPoolPart(q, name, src, strings.EqualFold(m[1], "before"))
	}
	at := stageName.FindStringSubmatchIndex(src) // where the stage is written, and its parts
	if at == nil {
		return nil, false
	}
	m := submatches(src, at)
	stage := m[1]
	i := stageIndex(q, stage)
	if i < 0 {
		cp := *q
		cp.Doubts = append(slices.Clip(q.Doubts), fmt.Sprintf("the question names %s, and the preset %s has no stage of that name%s: this reading is the whole network", stage, name, stageList(q)))
		return &cp, true
	}
	s, err := summarize(q)
	if err != nil {
		return nil, false
	}
	row, ok := topRow(s, i)
	if !ok {
		return nil, false
	}
	if span, ok := stageSpan(q, name, src, s); ok {
		return span, true
	}
	part := &Question{Input: row.Input, Network: true, Layers: []Layer{q.Layers[i]}, Asked: q.Asked}
	if index := m[2] + m[3]; index != "" {
		if part, ok := stageBlock(q, name, stage, index, i, s); ok {
			return part, true
		}
		cp := *q
		cp.Doubts = append(slices.Clip(q.Doubts), fmt.Sprintf("the question names block %s of %s, and this reading cannot find it in the preset %s: this reading is the whole network", index, stage, name))
		return &cp, true
	}
	how := "on what reaches it: " + shapeWords(row.Input)
	if rfAsked(src) || upToWord.MatchString(src[:at[0]]) {
		part.Input, part.Layers = q.Input, slices.Clone(q.Layers[:i+1])
		how = "the network from its input to the end of " + stage
	}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("%s of the preset %s (layer %d of `show %s`), %s (the preset on a %s input)", stage, name, i+1, name, how, shapeWords(q.Input))}
	return part, true
}

// stageFC matches a preset's last fully connected layer named beside its
// stages: "layer4 and fc", "layer4 + the fc".
var stageFC = regexp.MustCompile(`(?i)\b(?:and|&|\+|plus)\s+(?:the\s+|its\s+)?fc\b|\bfc\s*(?:and|&|\+|plus)\s+(?:the\s+)?layer\d`)

// stageSpan is the part of the preset q (summarised as s) that src names
// with several stages, or stages and the fc — "unfreeze layer3 and
// layer4", "train only layer4 and fc" — and whether it names several. The
// stages named must follow one another (with nothing between them that
// has parameters): their parameters are then the span's. Stages apart
// ("layer2 and layer4") are a doubt on the whole network.
func stageSpan(q *Question, name, src string, s calc.Summary) (*Question, bool) {
	var at []int // top-level layers named
	var names []string
	for _, m := range stageName.FindAllStringSubmatch(src, -1) {
		if m[2]+m[3] != "" {
			return nil, false // a block of a stage: stageBlock reads one
		}
		if i := stageIndex(q, m[1]); i >= 0 && !slices.Contains(at, i) {
			at, names = append(at, i), append(names, m[1])
		}
	}
	if i := lastLinear(q.Layers); i >= 0 && stageFC.MatchString(src) {
		at, names = append(at, i), append(names, "fc")
	}
	if len(at) < 2 {
		return nil, false
	}
	first, last := slices.Min(at), slices.Max(at)
	for i := first; i <= last; i++ {
		if slices.Contains(at, i) {
			continue
		}
		if row, ok := topRow(s, i); !ok || row.Params > 0 {
			cp := *q
			cp.Doubts = append(slices.Clip(q.Doubts), fmt.Sprintf("the question names %s, which are not one after another in %s: this reading is the whole network", strings.Join(names, " and "), name))
			return &cp, true
		}
	}
	row, ok := topRow(s, first)
	if !ok {
		return nil, false
	}
	part := &Question{Input: row.Input, Network: true, Layers: slices.Clone(q.Layers[first : last+1]), Asked: q.Asked}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("%s of the preset %s"+spanNote+"(layers %d to %d of `show %s`), on what reaches them: %s", strings.Join(names, " and "), name, first+1, last+1, name, shapeWords(part.Input))}
	return part, true
}

// spanNote is in the note of stages named together: the question is about
// all of them, and its "the fc" names one of them, not the layer asked.
const spanNote = ", named together "

// stagesTogether reports whether q is stages of a preset named together.
func stagesTogether(q *Question) bool {
	return len(q.Notes) > 0 && strings.Contains(q.Notes[0], spanNote)
}

// stageBlock is block index (0-based, as torchvision's layer1[0]) of the
// stage written stage, the top-level layer i of the preset q (summarised as
// s), with the activations after it, on what reaches it; false when the
// stage has no such block.
func stageBlock(q *Question, name, stage, index string, i int, s calc.Summary) (*Question, bool) {
	children := q.Layers[i].Layer.(calc.Sequence).Layers
	want, seen := atoi(index), -1
	for j, l := range children {
		if !calc.IsBlock(calc.Report{Kind: l.Kind()}) {
			continue
		}
		passes := 1
		if r, ok := l.(calc.Repeat); ok {
			passes = r.Times // blocks 2 to n of a stage are one repeat
			if len(r.Layers) == 1 {
				l = r.Layers[0]
			} else {
				l = calc.Sequence{Layers: r.Layers}
			}
		}
		if seen += passes; seen < want {
			continue
		}
		k := slices.IndexFunc(s.Rows, func(r calc.Row) bool { return r.Index == i+1 && len(r.Path) == 1 && r.Path[0] == j+1 })
		if k < 0 || passes > 1 && !s.Rows[k].Input.Equal(s.Rows[k].Output) {
			return nil, false // a later pass of a repeat that changes shape has another input
		}
		layers := []Layer{{Layer: l}}
		for _, next := range children[j+1:] {
			if _, ok := next.(calc.Activation); !ok {
				break
			}
			layers = append(layers, Layer{Layer: next})
		}
		part := &Question{Input: s.Rows[k].Input, Network: true, Layers: layers, Asked: q.Asked}
		part.Canonical = lang.Format(part)
		part.Notes = []string{fmt.Sprintf("%s[%s] of the preset %s: block %d of %s (row %s of `show %s`), on what reaches it: %s", stage, index, name, want+1, stage, rowNumber(s.Rows[k]), name, shapeWords(part.Input))}
		return part, true
	}
	return nil, false
}

// classifierPart is the classifier of the preset q: its layers from the
// global pooling or flatten before its first fully connected layer to the
// end (torchvision's .classifier, with the pooling that feeds it), on what
// reaches them.
func classifierPart(q *Question, name string) (*Question, bool) {
	features, ok := featuresPart(q.Layers)
	if !ok {
		return nil, false
	}
	s, err := summarize(q)
	if err != nil {
		return nil, false
	}
	start := len(features)
	row, ok := topRow(s, start)
	if !ok {
		return nil, false
	}
	in := row.Input
	part := &Question{Input: in, Network: true, Layers: slices.Clone(q.Layers[start:]), Asked: q.Asked}
	part.Canonical = lang.Format(part)
	part.Notes = []string{fmt.Sprintf("the classifier of the preset %s: its layers after the feature extractor (layers %d to %d of `show %s`), on what reaches them: %s", name, start+1, len(q.Layers), name, shapeWords(in))}
	return part, true
}

// globalPoolPart is the last global pooling of the preset q on what
// reaches it, or the network before it (before), or up to it when a
// receptive field is asked; false when q has none.
func globalPoolPart(q *Question, name, src string, before bool) (*Question, bool) {
	i := lastLayer(q.Layers, func(l calc.Layer) bool {
		switch l.(type) {
		case calc.GlobalAvgPool, calc.AdaptivePool:
			return true
		}
		return false
	})
	if i < 0 {
		return nil, false
	}
	s, err := summarize(q)
	if err != nil {
		return nil, false
	}
	row, ok := topRow(s, i)
	if !ok {
		return nil, false
	}
	part := &Question{Input: row.Input, Network: true, Layers: []Layer{q.Layers[i]}, Asked: q.Asked}
	how := fmt.Sprintf("the global pooling of the preset %s (layer %d of `show %s`), on what reaches it: %s", name, i+1, name, shapeWords(part.Input))
	switch {
	case before:
		part.Input, part.Layers = q.Input, slices.Clone(q.Layers[:i])
		how = fmt.Sprintf("the preset %s before its global pooling (layers 1 to %d of `show %s`)", name, i, name)
	case rfAsked(src):
		part.Input, part.Layers = q.Input, slices.Clone(q.Layers[:i+1])
		how = fmt.Sprintf("the preset %s up to its global pooling (layers 1 to %d of `show %s`)", name, i+1, name)
	}
	part.Canonical = lang.Format(part)
	part.Notes = []string{how + fmt.Sprintf(" (the preset on a %s input)", shapeWords(q.Input))}
	return part, true
}

// stageIndex is the top-level layer of the preset q that is the stage
// named stage, or -1.
func stageIndex(q *Question, stage string) int {
	return slices.IndexFunc(q.Layers, func(l Layer) bool {
		s, ok := l.Layer.(calc.Sequence)
		return ok && strings.EqualFold(s.Name, stage)
	})
}

// topRow is the summary row of the top-level layer i, and whether s has
// one.
func topRow(s calc.Summary, i int) (calc.Row, bool) {
	k := slices.IndexFunc(s.Rows, func(r calc.Row) bool { return r.Index == i+1 && r.Depth == 0 })
	if k < 0 {
		return calc.Row{}, false
	}
	return s.Rows[k], true
}

// lastLayer is the last of layers that is is true of, or -1.
func lastLayer(layers []Layer, is func(calc.Layer) bool) int {
	for i := len(layers) - 1; i >= 0; i-- {
		if is(layers[i].Layer) {
			return i
		}
	}
	return -1
}

// lastLinear is the last fully connected layer of layers, or -1: a
// preset's classifier head.
func lastLinear(layers []Layer) int {
	return lastLayer(layers, func(l calc.Layer) bool { _, ok := l.(calc.Linear); return ok })
}

// stageList names the stages of the preset q, for a doubt: " (its stages:
// layer1, layer2, …)", or "" when it names none.
func stageList(q *Question) string {
	var names []string
	for _, l := range q.Layers {
		if s, ok := l.Layer.(calc.Sequence); ok && s.Name != "" {
			names = append(names, s.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (its stages: " + strings.Join(names, ", ") + ")"
}

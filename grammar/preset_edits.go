package grammar

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// A torchvision network built in code ("models.vgg16()") or named in
// words, then changed the way fine-tuning changes it — a Linear of its
// classifier replaced ("model.classifier[6] = nn.Linear(4096, 10)", "swap
// the fc to 10 classes"), its avgpool set to nn.Identity, fed another input
// size ("on 32x32 cifar images"), its backbone frozen — and one number of
// the changed network asked: the trainable count, the total, the new
// Linear's parameters, a Linear's in_features, the feature map before the
// global pool. The preset read whole answers none of these: the changes
// are what was asked about.

// presetEdit is a preset as the question changes it.
type presetEdit struct {
	name    string
	orig    *Question // the preset as published
	net     *Question // the preset changed: input, pool, head
	head    int       // index in net.Layers of the Linear replaced; -1 when none is
	headArg string    // the new Linear's in_features as written ("4096", "m.last_channel", "???")
	input   []int     // the input size said (H, W), nil when none
	noPool  bool      // avgpool set to nn.Identity
	frozen  bool      // the backbone's parameters frozen
	used    []int     // numbers of the question the edit explains
}

// modelCall matches a torchvision model built in code:
// "torchvision.models.resnet18(pretrained=True)", "models.vgg16()".
var modelCall = regexp.MustCompile(`\bmodels\.([a-z][a-z0-9_]*)\s*\(`)

// linearSet matches a Linear put in a network's head in code:
// "model.fc = nn.Linear(model.fc.in_features, 5)",
// "m.classifier[1] = nn.Linear(???, 5)"; the part, its index, the
// in_features as written and the outputs.
var linearSet = regexp.MustCompile(`\.(fc|classifier|head)\s*(?:\[\s*(\d+)\s*\])?\s*=\s*(?:torch\.)?(?:nn\.)?Linear\(\s*([^,]+?)\s*,\s*(?:out_features\s*=\s*)?(\d+)\s*[,)]`)

// linearSaid matches a Linear put in a head in words, written as code
// writes the Linear: "fc replaced by Linear(512, 10)", "replace fc with
// nn.Linear(512, 10)", "classifier[6] = nn.Linear(4096, 10)"; the same
// groups as linearSet.
var linearSaid = regexp.MustCompile(`(?i)\b(fc|classifier|head)\s*(?:\[\s*(\d+)\s*\])?\s+(?:(?:is\s+|was\s+)?(?:replaced|swapped|changed|set)\s+)?(?:by|with|to|=|->|as)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:torch\.)?(?:nn\.)?Linear\(\s*([^,]+?)\s*,\s*(?:out_features\s*=\s*)?(\d+)\s*[,)]`)

// headLinear is linearSet's match in src, else linearSaid's; nil when
// neither matches.
func headLinear(src string) []string {
	if m := linearSet.FindStringSubmatch(src); m != nil {
		return m
	}
	return linearSaid.FindStringSubmatch(src)
}

// classifierIndex matches a classifier's Linear named by its index:
// "classifier[6]", "classifier[0]".
var classifierIndex = regexp.MustCompile(`\bclassifier\s*\[\s*(\d+)\s*\]`)

// poolRemoved matches the avgpool taken out: "model.avgpool =
// nn.Identity()", "removed model.avgpool (nn.Identity)", "no avgpool",
// "avgpool replaced by nn.Identity".
var poolRemoved = regexp.MustCompile(`(?i)\bavg_?pool\w*\s*(?:=|\(|with|by|to|as)\s*(?:an?\s+)?(?:torch\.)?(?:nn\.)?identity|\b(?:remov|drop|delet|skip|replac)\w*\s+(?:the\s+|its\s+)?(?:model\.|m\.|net\.)?avg_?pool\w*|\bavg_?pool\w*\s+(?:is\s+|was\s+)?(?:replaced|swapped|set|changed)\s+(?:with|by|to)\s+(?:an?\s+)?(?:torch\.)?(?:nn\.)?identity|\bno\s+avg_?pool`)

// sizeWritten matches a size written with x's: "32x32", "256x6x6".
var sizeWritten = regexp.MustCompile(`\b(\d+)\s*[x×]\s*(\d+)(\s*[x×]\s*\d+)?\b`)

// randnSaid matches an input tensor built in code: "torch.randn(1, 3,
// 64, 64)".
var randnSaid = regexp.MustCompile(`\b(?:randn|rand|zeros|ones)\(\s*\d+\s*,\s*3\s*,\s*(\d+)\s*,\s*(\d+)\s*\)`)

// frozenSaid matches a backbone frozen: "p.requires_grad = False",
// "after freezing", "frozen backbone", "i froze model.features".
var frozenSaid = regexp.MustCompile(`(?i)requires_grad\s*=\s*False|requires_grad_\(\s*False\s*\)|\bfreez\w*|\bfroze(?:n)?\b`)

// editWritten reports whether src writes its change as code does (a
// model built, "classifier[6]", "avgpool = nn.Identity()"): the exact
// part changed, which the readers of fine-tuning in words do not read.
func editWritten(src string) bool {
	return modelCall.MatchString(src) || classifierIndex.MatchString(src) || poolRemoved.MatchString(src)
}

// editedPreset reads the preset src names and the changes it makes;
// false when src names none, or changes nothing this reader knows.
func editedPreset(src string) (*presetEdit, bool) {
	name, orig := presetCalled(src)
	if orig == nil {
		return nil, false
	}
	e := &presetEdit{name: name, orig: orig, head: -1, noPool: poolRemoved.MatchString(src), frozen: frozenSaid.MatchString(src)}
	e.input = inputSizeSaid(src)
	net := *orig
	net.Layers = slices.Clone(orig.Layers)
	if e.input != nil {
		net.Input = calc.Shape{orig.Input[0], e.input[0], e.input[1]}
	}
	if e.noPool {
		i := poolBeforeFlatten(net.Layers)
		if i < 0 {
			return nil, false
		}
		net.Layers = slices.Delete(net.Layers, i, i+1)
	}
	if !e.withHead(src, &net) {
		return nil, false
	}
	net.Canonical = lang.Format(&net)
	net.Preset = ""
	if _, err := summarize(&net); err != nil {
		return nil, false
	}
	e.net = &net
	return e, modelCall.MatchString(src) || e.noPool || e.head >= 0 || e.input != nil || e.frozen && convPartFrozen.MatchString(src)
}

// presetCalled is the preset src builds in code, else the one it names.
func presetCalled(src string) (string, *Question) {
	if m := modelCall.FindStringSubmatch(src); m != nil {
		if _, canonical, ok := Preset(m[1]); ok {
			if p, err := spec.Preset(canonical); err == nil && lastLinear(p.Layers) >= 0 {
				return canonical, p
			}
		}
		return "", nil
	}
	return presetIn(src)
}

// inputSizeSaid is the input's height and width src says: the one size of
// two numbers it writes ("32x32 cifar images"; "256x6x6" is a feature
// map), or a tensor built in code; nil when it says none or several.
func inputSizeSaid(src string) []int {
	if m := randnSaid.FindStringSubmatch(src); m != nil {
		h, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		return []int{h, w}
	}
	var out []int
	for _, m := range sizeWritten.FindAllStringSubmatch(src, -1) {
		h, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		if m[3] != "" || h < 16 || w < 16 {
			continue // a feature map, or a kernel
		}
		if out != nil && (out[0] != h || out[1] != w) {
			return nil // two sizes: which is the input is not told
		}
		out = []int{h, w}
	}
	return out
}

// poolBeforeFlatten is the index of the global or adaptive pool just
// before layers' last flatten, or -1.
func poolBeforeFlatten(layers []Layer) int {
	f := lastLayer(layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
	if f < 1 {
		return -1
	}
	switch layers[f-1].Layer.(type) {
	case calc.GlobalAvgPool, calc.AdaptivePool:
		return f - 1
	}
	return -1
}

// withHead puts in net the Linear src says replaces one of the head's,
// with the outputs said; true when it says none, or one that net has.
func (e *presetEdit) withHead(src string, net *Question) bool {
	part, index, out := headSet(src, e.orig)
	if out == 0 {
		return part == ""
	}
	i := lastLinear(net.Layers)
	if part == "classifier" && index >= 0 {
		f := lastLayer(net.Layers, func(l calc.Layer) bool { _, ok := l.(calc.Flatten); return ok })
		i = f + 1 + index
		e.used = append(e.used, index)
	}
	if i < 0 || i >= len(net.Layers) {
		return false
	}
	l, ok := net.Layers[i].Layer.(calc.Linear)
	if !ok {
		return false // classifier[2] is a ReLU: not a Linear to replace
	}
	if i != lastLinear(net.Layers) {
		return false // a hidden Linear changed: the next one's in_features change too
	}
	e.used = append(e.used, l.Out, out)
	l.Out = out
	net.Layers[i].Layer = l
	e.head = i
	if m := headLinear(src); m != nil {
		e.headArg = m[3]
		if v, err := strconv.Atoi(m[3]); err == nil {
			e.used = append(e.used, v) // the in_features written: "nn.Linear(4096, 10)"
		}
	}
	return true
}

// headSet reads the Linear src puts in a head: the part ("fc",
// "classifier"), its index when written (-1 when not) and the new
// outputs; out is 0 when src replaces none, part is not "" when it names
// a replacement it cannot size.
func headSet(src string, orig *Question) (part string, index, out int) {
	if m := headLinear(src); m != nil {
		index = -1
		if m[2] != "" {
			index, _ = strconv.Atoi(m[2])
		}
		out, _ = strconv.Atoi(m[4])
		return m[1], index, out
	}
	if codeCalls.MatchString(src) || deepHead.MatchString(src) || twoLinears.MatchString(src) {
		return "", -1, 0
	}
	out = newOutputs(src, lastLinearOf(orig).Out)
	if out == 0 || !headTouched.MatchString(src) {
		return "", -1, 0 // a head named, not replaced: "classifier[0] complains"
	}
	if m := classifierIndex.FindStringSubmatch(src); m != nil {
		index, _ = strconv.Atoi(m[1])
		return "classifier", index, out
	}
	if !headNoun.MatchString(src) {
		return "", -1, 0
	}
	return "fc", -1, out
}

// newOutputs is the new head's outputs src says: the last count of
// outputs or classes that is not the old head's (old), which is often
// said beside it ("the 4096 -> 1000 one", "w/ 1000 classes"); 0 when
// none is said.
func newOutputs(src string, old int) int {
	out := 0
	for _, m := range headOutputsSaid.FindAllStringSubmatch(classesInDigits(src), -1) {
		n, _ := strconv.Atoi(m[1] + m[2] + m[3] + m[4])
		if n > 0 && n != old && n < 1<<20 {
			out = n
		}
	}
	if out == 0 && binaryWords.MatchString(src) {
		out = 2
	}
	return out
}

// binaryWords matches a two-class task said in words: "binary
// classification", "cats vs dogs".
var binaryWords = regexp.MustCompile(`(?i)\bbinary\s+classif\w*`)

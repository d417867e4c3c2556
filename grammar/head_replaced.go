package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
	"github.com/cnnbot/cnnbot/grammar/spec"
)

// Fine-tuning replaces a pretrained network's classifier and asks about a
// part of the result: the parameters the new head adds ("how many new
// trainable params am I adding?"), the rest of the network ("how many
// params does the backbone have?"), or what the swap took away ("how many
// params did I remove?"). The preset read whole answers none of these:
// it answers the whole network, a confident wrong count. This reader
// tells the part asked (headScope) and answers that part only.

// headTouched matches words saying a network's head was replaced or is
// new: fine-tuning, a classifier swapped, the fc set to other outputs.
var headTouched = regexp.MustCompile(`(?i)\b(?:replac\w*|swap\w*|fine[- ]?tun\w*|finetun\w*|transfer\s+learn\w*|new\s+(?:\d+[- ](?:class|way)\s+)?(?:head|classifier|fc|linear|dense|layer|output\s+layer)|(?:set|changed?|switched)\s+(?:the\s+|my\s+|its\s+)?(?:fc|head|classifier|last\s+(?:linear|layer|fc))|(?:put|add\w*|stick\w*|attach\w*)\s+(?:\w+\s+){0,3}?(?:on\s+top|head|classifier))\b`)

// newAsked matches a question for the new head's parameters: "new
// trainable params", "am I adding", "trainable with the backbone frozen",
// "params in the head".
var newAsked = regexp.MustCompile(`(?i)\bnew\s+(?:\w+\s+){0,2}?(?:param\w*|weights)|\b(?:am\s+i|i'?m|are\s+we|we'?re|i\s+am|will\s+i\s+be|do\s+i|does\s+(?:it|this))\s+add(?:ing)?\b|\bparam\w*\s+(?:\w+\s+){0,3}?(?:added|adding|new)\b|\btrainable\b|\b(?:param\w*|weights)\s+(?:\w+\s+){0,3}?(?:train|learn|updat)\w*|\b(?:train|learn|updat)\w*\s+(?:only\s+)?(?:\w+\s+){0,2}?(?:param\w*|weights)|\bparam\w*\s+(?:are\s+)?(?:in|of)\s+(?:(?:the|my|this)\s+)?(?:new\s+)?(?:head|classifier|fc)\b|\b(?:param\w*|weights)\s+(?:are\s+)?(?:in|of|does)\s+(?:the|my|this|that)\s+new\s+(?:layer|linear|dense|one|output\s+layer)\b`)

// restAsked matches a question for the network without its head: "the
// rest of the network", "the backbone", "everything but the fc",
// "how many are frozen".
var restAsked = regexp.MustCompile(`(?i)\brest\s+of\b|\beverything\s+(?:else|but|except)\b|\b(?:without|excluding|except(?:\s+for)?|minus|apart\s+from|besides|not\s+counting)\s+(?:the\s+|my\s+|its\s+)?(?:new\s+|last\s+)?(?:fc|head|classifier|linear|dense|fully[- ]connected)\b|\b(?:params?|parameters|weights)\s+(?:\w+\s+){0,2}?(?:are\s+)?frozen\b|\bhow\s+many\s+(?:\w+\s+){0,2}?frozen\b|\b(?:does|do|in)\s+(?:the\s+)?(?:backbone|feature\s+extractor|body|base)\b|\b(?:backbone|feature\s+extractor)(?:'s)?\s+(?:param\w*|weights)\b`)

// restExcluding matches the head said left out of the count: "excluding
// the new head", "not counting the fc".
var restExcluding = regexp.MustCompile(`(?i)\b(?:without|excluding|except(?:\s+for)?|minus|apart\s+from|besides|not\s+counting)\s+(?:the\s+|my\s+|its\s+)?(?:new\s+|last\s+)?(?:fc|head|classifier|linear|dense|fully[- ]connected)\b`)

// removedAsked matches a question for what the swap took away: "how many
// params did I remove", "how many fewer", "by how much did it shrink".
var removedAsked = regexp.MustCompile(`(?i)\b(?:did|do|have|will|would|does)\s+(?:i|we|you|it|this|that)\s+(?:remov|drop|sav|los|cut|shav)\w*|\b(?:param\w*|weights)\s+(?:\w+\s+){0,2}?(?:removed|saved|dropped|lost|fewer|less)\b|\bhow\s+many\s+(?:\w+\s+){0,1}?fewer\b|\bhow\s+much\s+(?:smaller|fewer|less)\b|\bby\s+how\s+(?:much|many)\b|\bdifference\s+in\s+(?:the\s+)?param`)

// featuresSaid matches the features a backbone gives its head: "giving
// 1280 features", "a 2048-d vector", "in_features=512", "num_ftrs = 768".
var featuresSaid = regexp.MustCompile(`(?i)\b(\d+)[- ]?(?:d|dim|dims|dimensional)?\s*(?:features?|feature\s+vector|embedding|vector)\b|\b(\d+)[- ](?:d|dim|dimensional)\b|\bin_?features\s*(?:=|:|is|of)?\s*(\d+)|\bnum_?ftrs\s*(?:=|:|is)?\s*(\d+)`)

// headOutputsSaid matches the outputs of the new head: "a Linear to 5
// outputs", "for 5 classes", "a 10-way head", "with 3 outputs".
var headOutputsSaid = regexp.MustCompile(`(?i)\b(?:linear|dense|fc|layer|head|classifier)\s+(?:\w+\s+){0,2}?(?:to|with|of|giving|producing|outputting|for)\s+(\d+)\s*(?:outputs?|classes|units|logits|neurons|categories)?\b|\b(\d+)\s+(?:[a-z]+\s+){0,2}?(?:outputs|classes|categories|logits|breeds|species|labels)\b|\b(\d+)(?:[- ]way|-class(?:es)?)\b|\bnum_classes\s*=\s*(\d+)`)

// anyArrow matches a Linear's features and outputs said with an arrow:
// "4096 -> 2", "512→10".
var anyArrow = regexp.MustCompile(`\b(\d+)\s*(?:->|→)\s*(\d+)\b`)

// deepHead matches a head of more than one layer, which this reader does
// not build: "a hidden layer of 256", "two linear layers".
var deepHead = regexp.MustCompile(`(?i)\bhidden\b|\b(?:two|three|2|3)\s+(?:linear|dense|fc|fully[- ]connected)\b|\b(?:linear|dense|fc)\w*\s+(?:\w+\s+){0,4}?then\s+(?:\w+\s+){0,3}?(?:linear|dense|fc)\b`)

// twoLinears matches two Linear or Dense calls: a head of two layers,
// unless one is said swapped for the other (linearSwap).
var twoLinears = regexp.MustCompile(`\b(?:Linear|Dense)\(.*\b(?:Linear|Dense)\(`)

// linearSwap matches one Linear call said replaced by another: "replace
// the final Linear(4096, 1000) with Linear(4096, 10)".
var linearSwap = regexp.MustCompile(`(?i)\b(?:replac\w*|swap\w*|chang\w*|switch\w*)\b[^.?!]*?Linear\([^)]*\)[^.?!]*?\b(?:with|for|by|to|into)\s+(?:an?\s+|a\s+new\s+|new\s+)?(?:nn\.)?Linear\(`)

// deepHeadSaid reports whether src writes a head of more than one layer.
func deepHeadSaid(src string) bool {
	return deepHead.MatchString(src) || twoLinears.MatchString(src) && !linearSwap.MatchString(src)
}

// headToClasses matches a head said to give a class count with an arrow
// ("fc -> 2 classes"), once the count is in digits: the head was replaced.
var headToClasses = regexp.MustCompile(`(?i)\b(?:fc|head|classifier)\s*(?:->|→)\s*\d+\s+(?:classes|outputs|categories|labels)\b`)

// headNoun matches the words that name a classifier head.
var headNoun = regexp.MustCompile(`(?i)\b(?:fc|head|classifier|linear|dense|fully[- ]connected|output\s+layer|(?:last|final|top)\s+layer|logits)\b`)

// fineTuned matches fine-tuning named: with a class count, it names the
// head it replaces ("resnet18 fine-tuned for 2 classes").
var fineTuned = regexp.MustCompile(`(?i)\bfine[- ]?tun\w*|\bfinetun\w*|\btransfer\s+learn\w*`)

// convNamed matches a conv named: a question that changes one asks about
// it, not about a head.
var convNamed = regexp.MustCompile(`(?i)\bconv\w*|\b\d+\s*[x×]\s*\d+\s+(?:filters?|kernels?)\b`)

// frozenButHead matches every layer but the head said frozen: "freeze
// all but fc", "frozen except the last linear", "everything frozen other
// than the classifier".
var frozenButHead = regexp.MustCompile(`(?i)\b(?:freez\w*|froze|frozen)\s+(?:\w+\s+){0,3}?(?:but|except(?:\s+for)?|other\s+than|apart\s+from|besides|save\s+for)\s+(?:the\s+|my\s+|its\s+|a\s+)?(?:new\s+|last\s+|final\s+|top\s+)?(?:fc|head|classifier|linear|dense|fully[- ]connected|output\s+layer|layer)\b`)

// trainedAsked and frozenCountAsked tell the trained count asked
// ("trainable params", "how many are updated") from the frozen one ("how
// many params are frozen").
var (
	trainedAsked     = regexp.MustCompile(`(?i)\btrain\w*|\bupdat\w*|\blearn(?:ed|s|ing)?\b|\bgradients?\b`)
	frozenCountAsked = regexp.MustCompile(`(?i)\bhow\s+many\s+(?:\w+\s+){0,2}?(?:are\s+|get\s+|stay\s+)?frozen\b|\b(?:params?|parameters|weights)\s+(?:are\s+|get\s+)?frozen\s*\?`)
)

// headScope tells which part of a fine-tuned network src asks about:
// "new" (the head added), "rest" (all but the head), "removed" (what the
// swap took away), or "" when it asks none of these.
func headScope(src string) string {
	switch {
	case frozenButHead.MatchString(src) && trainedAsked.MatchString(src) && !frozenCountAsked.MatchString(src):
		return "new" // "everything frozen except the fc: trainable params?"
	case restExcluding.MatchString(src):
		return "rest" // "params excluding the new head"
	case removedAsked.MatchString(src):
		return "removed"
	case newAsked.MatchString(src):
		return "new"
	case restAsked.MatchString(src):
		return "rest"
	case newTotalAsked.MatchString(src):
		return "total"
	}
	return ""
}

// newTotalAsked matches the whole network's count asked after the swap:
// "what's the new total", "the total after replacing it", "params of the
// whole net now".
var newTotalAsked = regexp.MustCompile(`(?i)\bnew\s+(?:\w+\s+){0,2}?(?:total|count|number\s+of\s+param\w*|param\w*\s+count|size)\b|\btotal\s+(?:\w+\s+){0,3}?(?:after|now|then|becomes?)\b|\b(?:whole|entire|full)\s+(?:net|network|model)\s+(?:\w+\s+){0,2}?(?:after|now)\b|\b(?:total|overall)\s+(?:\w+\s+){0,2}?(?:param\w*|weights|count)\s+(?:\w+\s+){0,2}?(?:after|now)\b`)

// replacedHeadAsked answers a question about a part of a network whose
// classifier was replaced; nil when src is not one, or the part asked
// cannot be sized from what it says.
func replacedHeadAsked(src string) []*Question {
	scope := headScope(src)
	touched := headTouched.MatchString(src) || headArrowed.MatchString(src) || headToClasses.MatchString(classesInDigits(src)) ||
		freezeSaid.MatchString(src) && headOutputsSaid.MatchString(classesInDigits(src)) // "freeze all but fc, 5 classes": a new head
	if scope == "" || !touched || codeCalls.MatchString(src) || deepHeadSaid(src) {
		return nil
	}
	if !headNoun.MatchString(src) && !(fineTuned.MatchString(src) && headOutputsSaid.MatchString(classesInDigits(src))) || convNamed.MatchString(src) {
		return nil // no head named, or a conv changed: another question
	}
	name, orig := presetIn(src)
	if !headIndexed(src, orig) {
		return nil // "classifier[0]": another layer than the head
	}
	var q *Question
	switch scope {
	case "new":
		q = newHead(src, orig)
	case "rest":
		q = restOf(src, name, orig)
	case "removed":
		q = removedHead(src, name, orig)
	case "total":
		q = withNewHead(src, orig)
	}
	if q == nil {
		return nil
	}
	if scope == "new" && otherUnfrozen.MatchString(src) {
		if t := withStages(src, name, orig, q); t != nil {
			return []*Question{t} // "layer4 unfrozen": layer4 and the head
		}
	}
	if scope != "removed" && otherUnfrozen.MatchString(src) {
		// "the fc and layer4 unfrozen": more than the head trains, so the
		// head alone (or the rest, all frozen) is not the count asked.
		what := "the new head alone"
		if scope == "rest" {
			what = "the whole network without its head, as if all of it were frozen"
		}
		q.Doubts = append(q.Doubts, fmt.Sprintf("you say more than the head is trained (%q): this counts %s, not the other layers unfrozen", otherUnfrozen.FindString(src), what))
	}
	if scope == "new" && totalToo.MatchString(src) {
		if t := withNewHead(src, orig); t != nil {
			return []*Question{q, t}
		}
		q.Doubts = append(q.Doubts, "the total is asked too, and this reading counts the new head only")
	}
	return []*Question{q}
}

// otherUnfrozen matches a part besides the head said trained: "layer4
// unfrozen", "all but the last block and the fc", "the last stage too".
var otherUnfrozen = regexp.MustCompile(`(?i)\blayer\s*_?[1-4]\b|\b(?:blocks?|stages?|bottlenecks?)\b|\bconv[2-5](?:_x)?\b|\blast\s+(?:\d+|two|three|four|few|several)\s+layers\b|\bfeatures\.\d+|\bunfr[eo]\w*\s+(?:the\s+)?(?:whole|entire|all|everything|backbone|body)\b|\bfull(?:y)?\s+fine[- ]?tun\w*`)

// totalToo matches the whole network's count asked besides the head's:
// "and how many total", "and in total", "the whole model".
var totalToo = regexp.MustCompile(`(?i)\b(?:and|also|plus)\s+(?:\w+\s+){0,3}?(?:total|overall|altogether|in\s+all)\b|\b(?:whole|entire|full)\s+(?:network|model|net)\b`)

// withNewHead is the preset whole with its last Linear set to the new
// head's outputs: the total after the swap; nil when it cannot be sized.
func withNewHead(src string, whole *Question) *Question {
	if whole == nil {
		return nil
	}
	i := lastLinear(whole.Layers)
	in, out, ok := headOf(src, whole)
	if i < 0 || !ok {
		return nil
	}
	cp := *whole
	cp.Layers = slices.Clone(whole.Layers)
	l := cp.Layers[i].Layer.(calc.Linear)
	l.Out = out
	cp.Layers[i].Layer = l
	cp.Canonical = lang.Format(&cp)
	if _, err := summarize(&cp); err != nil {
		return nil
	}
	cp.Asked = []string{"params"}
	cp.At = nil
	cp.Preset = ""
	cp.Doubts = nil
	cp.Notes = append([]string{fmt.Sprintf("the whole network: the preset with its last Linear set to %d -> %d, the new head", in, out)}, whole.Notes...)
	cp.Unused = headUnused(src, headUsed(whole, in, out))
	return &cp
}

// headUsed are the numbers a swap of whole's head for an in -> out Linear
// explains: the new head's sizes, the old head's outputs and whole's
// published total ("vgg16 has 138,357,544 params originally").
func headUsed(whole *Question, in, out int) []int {
	used := []int{in, out}
	if whole == nil {
		return used
	}
	used = append(used, lastLinearOf(whole).Out)
	if s, err := summarize(whole); err == nil && s.Params < 1<<40 {
		used = append(used, int(s.Params))
	}
	return used
}

// headOf reads the new head's features and outputs: a head arrow ("fc to
// 512 -> 100"), the features and outputs said, or the features of the
// preset's last layer (whole) with the outputs said.
func headOf(src string, whole *Question) (in, out int, ok bool) {
	if in, out, ok := linearSwapped(src, whole); ok {
		return in, out, true
	}
	m := headArrowed.FindStringSubmatch(src)
	if m == nil {
		m = anyArrow.FindStringSubmatch(src)
	}
	if m != nil {
		in, _ = strconv.Atoi(m[1])
		out, _ = strconv.Atoi(m[2])
		if whole != nil && out == lastLinearOf(whole).Out {
			out = otherArrow(src, in, out) // "4096->1000 with a 4096->2 one": the old head, then the new
		}
		if whole != nil && out == lastLinearOf(whole).Out {
			out = newOutputs(src, out) // "the 4096 -> 1000 one": the old head, the new outputs said apart
		}
		return in, out, in > 0 && out > 0
	}
	if m := featuresSaid.FindStringSubmatch(src); m != nil {
		in, _ = strconv.Atoi(m[1] + m[2] + m[3] + m[4])
	} else if whole != nil {
		in = lastLinearOf(whole).In
	}
	if m := headOutputsSaid.FindStringSubmatch(classesInDigits(src)); m != nil {
		out, _ = strconv.Atoi(m[1] + m[2] + m[3] + m[4]) // "two classes" as "2 classes"
	}
	if whole != nil && in != lastLinearOf(whole).In {
		return 0, 0, false // the features said are not the preset's: another layer
	}
	return in, out, in > 0 && out > 0 && in < 1<<20 && out < 1<<20
}

// newHead answers the parameters the new head adds: its Linear alone.
func newHead(src string, whole *Question) *Question {
	in, out, ok := headOf(src, whole)
	if !ok {
		return nil
	}
	head := calc.Linear{In: in, Out: out, NoBias: headNoBias.MatchString(src)}
	q, err := specQuestion(nil, []calc.Layer{head})
	if err != nil {
		return nil
	}
	q.Asked = []string{"params"}
	q.Notes = append(q.Notes, fmt.Sprintf("the new head only: a Linear from the backbone's %d features to %d outputs; the backbone's parameters were there before (dropout and pooling add none)", in, out))
	q.Unused = headUnused(src, headUsed(whole, in, out))
	return q
}

// restOf answers the network without its head: the preset with its last
// Linear left out.
func restOf(src, name string, whole *Question) *Question {
	if whole == nil {
		return nil
	}
	i := lastLinear(whole.Layers)
	if i < 0 {
		return nil
	}
	head := lastLinearOf(whole)
	cp := *whole
	cp.Layers = slices.Delete(slices.Clone(whole.Layers), i, i+1)
	cp.Canonical = lang.Format(&cp)
	if _, err := summarize(&cp); err != nil {
		return nil
	}
	hr, err := head.Apply(nil)
	if err != nil {
		return nil
	}
	cp.Asked = []string{"params"}
	cp.At = nil
	cp.Preset = ""
	cp.Notes = append([]string{fmt.Sprintf("the preset %s without its last Linear (%d -> %d as published, %s parameters): the rest of it, which a new head does not change", name, head.In, head.Out, lang.Group(int(hr.Params)))}, whole.Notes...)
	cp.Unused = explainedWithin(src, headUnused(src, []int{head.In, head.Out}), headOutputsSaid, func(string) string {
		return "the new head's outputs: they do not change the rest of the network"
	})
	cp.Unused = explainedWithin(src, cp.Unused, anyArrow, func(string) string {
		return "the new head's size: it does not change the rest of the network"
	})
	cp.Doubts = nil
	return &cp
}

// removedHead answers how many parameters the swap took away: the old
// head's less the new one's, with the old head's own count beside it, as
// "removed" may mean either.
func removedHead(src, name string, orig *Question) *Question {
	if orig == nil {
		return nil
	}
	in, out, ok := headOf(src, orig)
	if !ok {
		return nil
	}
	old := lastLinearOf(orig)
	if old.In != in || in == 0 {
		return nil
	}
	or, err1 := old.Apply(nil)
	nr, err2 := (calc.Linear{In: in, Out: out}).Apply(nil)
	if err1 != nil || err2 != nil {
		return nil
	}
	diff := or.Params - nr.Params
	sv := &calc.Solved{Unknown: "parameters removed", Solutions: []int64{diff}, Min: diff, Max: diff,
		Question: fmt.Sprintf("the parameters %s's head lost when its Linear went from %d -> %d to %d -> %d", name, old.In, old.Out, in, out),
		Steps: []calc.Step{
			{Quantity: "the old head's parameters", Formula: "In·Out + Out", Values: []calc.Binding{{Name: "In", Value: int64(in)}, {Name: "Out", Value: int64(old.Out)}}, Result: or.Params},
			{Quantity: "the new head's parameters", Formula: "In·Out + Out", Values: []calc.Binding{{Name: "In", Value: int64(in)}, {Name: "Out", Value: int64(out)}}, Result: nr.Params},
			{Quantity: "parameters removed", Formula: "old − new", Values: []calc.Binding{{Name: "old", Value: or.Params}, {Name: "new", Value: nr.Params}}, Result: diff},
		}}
	if diff < 0 {
		return nil // the head grew: nothing was removed
	}
	q := &Question{Solve: sv, Asked: []string{"params"},
		Notes: []string{fmt.Sprintf("read as %s with its %d -> %d Linear replaced by %d -> %d", name, old.In, old.Out, in, out)},
		Doubts: []string{fmt.Sprintf("“removed” may mean the net change (%s fewer) or the old head taken out whole (%s parameters, %s added back by the new one)",
			lang.Group(int(diff)), lang.Group(int(or.Params)), lang.Group(int(nr.Params)))}}
	q.Unused = headUnused(src, []int{in, out, old.Out})
	return q
}

// lastLinearOf is the last Linear of the network q with its features
// put in (a network's Linear may leave them to the layer before); the
// zero Linear when q has none or does not size.
func lastLinearOf(q *Question) calc.Linear {
	i := lastLinear(q.Layers)
	if i < 0 {
		return calc.Linear{}
	}
	last := q.Layers[i].Layer.(calc.Linear)
	s, err := summarize(q)
	if err != nil {
		return calc.Linear{}
	}
	if row, ok := topRow(s, i); ok && len(row.Input) > 0 {
		last.In = row.Input[len(row.Input)-1]
	}
	return last
}

// presetIn finds the preset src names and returns its name and the
// preset as published (its own classes and input); "" and nil when src
// names none with a fully connected layer.
func presetIn(src string) (string, *Question) {
	words := strings.FieldsFunc(strings.ToLower(src), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-')
	})
	for i, w := range words {
		for _, name := range []string{w, strings.ReplaceAll(w, "-", ""), strings.ReplaceAll(w, "-", "_")} {
			if i+1 < len(words) && !strings.ContainsAny(name, "0123456789") {
				if _, _, ok := Preset(name + words[i+1]); ok {
					name += words[i+1] // "vgg 16", "resnet 50"
				}
			}
			_, canonical, ok := Preset(name)
			if !ok || name == "resnet" {
				continue
			}
			if p, err := spec.Preset(canonical); err == nil && lastLinear(p.Layers) >= 0 {
				return canonical, p
			}
		}
	}
	return "", nil
}

// headUnused lists src's numbers the head reading did not use; those in
// the preset's name (resnet18, efficientnet-b0) are a name.
func headUnused(src string, used []int) []Unused {
	vals := map[float64]bool{0: true, 1: true}
	for _, n := range used {
		vals[float64(n)] = true
	}
	for _, m := range regexp.MustCompile(`(?i)[a-z](?:[-_]?[a-z])*[-_]?(\d+)|\b[a-z_]+\s*\[\s*(\d+)\s*\]`).FindAllStringSubmatch(src, -1) {
		m[1] += m[2] // classifier[6]: a module's index
		n, _ := strconv.Atoi(m[1])
		vals[float64(n)] = true // resnet18, efficientnet-b0, vit_b_16: a name
	}
	return account(src, &Question{}, vals)
}

// stageNamed matches a torchvision ResNet stage named: "layer4", "layer 3".
var stageNamed = regexp.MustCompile(`(?i)\blayer\s*_?([1-4])\b`)

// unfreezeSaid and freezeSaid tell a stage named trained from one named
// frozen: "also unfreeze layer4" against "freeze layer4 too".
var (
	unfreezeSaid = regexp.MustCompile(`(?i)\bunfr[eo]\w*`)
	freezeSaid   = regexp.MustCompile(`(?i)\b(?:freez\w*|frozen)\b`)
)

// withStages answers the trainable parameters when the stages src names
// ("layer4 unfrozen") train with the new head: their parameters from the
// preset, batch norms' included, and the head's. It returns nil unless
// every other part named is such a stage of the preset, said unfrozen
// and never said frozen.
func withStages(src, name string, whole, head *Question) *Question {
	if whole == nil || !unfreezeSaid.MatchString(src) || freezeSaid.MatchString(src) || otherUnfrozen.MatchString(stageNamed.ReplaceAllString(src, " ")) {
		return nil
	}
	hs, err1 := summarize(head)
	ws, err2 := summarize(whole)
	if err1 != nil || err2 != nil {
		return nil
	}
	total := hs.Params
	var steps []calc.Step
	var terms []string
	var vals []calc.Binding
	seen := map[string]bool{}
	for _, m := range stageNamed.FindAllStringSubmatch(src, -1) {
		stage := "layer" + m[1]
		if seen[stage] {
			continue
		}
		seen[stage] = true
		i := slices.IndexFunc(whole.Layers, func(l Layer) bool { s, ok := l.Layer.(calc.Sequence); return ok && s.Name == stage })
		row, ok := topRow(ws, i)
		if i < 0 || !ok {
			return nil // not a stage of this preset
		}
		steps = append(steps, calc.Step{Quantity: stage + "'s parameters", Result: row.Params, Note: "from the preset, its batch norms' scales and shifts included"})
		terms = append(terms, stage)
		vals = append(vals, calc.Binding{Name: stage, Value: row.Params})
		total += row.Params
	}
	steps = append(steps,
		calc.Step{Quantity: "the new head's parameters", Result: hs.Params, Note: head.Canonical},
		calc.Step{Quantity: "trainable parameters", Formula: strings.Join(terms, " + ") + " + head", Values: append(vals, calc.Binding{Name: "head", Value: hs.Params}), Result: total,
			Note: "the stages unfrozen and the new head; everything else stays frozen"})
	sv := &calc.Solved{Unknown: "trainable parameters", Solutions: []int64{total}, Min: total, Max: total, Steps: steps,
		Question: fmt.Sprintf("the parameters that train in %s with %s unfrozen and a new head (%s)", name, strings.Join(terms, " and "), head.Canonical)}
	q := &Question{Solve: sv, Asked: []string{"params"},
		Notes: []string{fmt.Sprintf("read as %s fine-tuned with %s and the new head (%s) trained, the rest frozen", name, strings.Join(terms, " and "), head.Canonical)}}
	q.Unused = head.Unused
	return q
}

// otherArrow is the outputs of the last arrow in src from in features to
// outputs other than old ("the last Linear 4096->1000 with a 4096->2
// one"), or old when there is none.
func otherArrow(src string, in, old int) int {
	out := old
	for _, m := range anyArrow.FindAllStringSubmatch(src, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a == in && b != old && b > 0 && b < 1<<20 {
			out = b
		}
	}
	return out
}

package paste

// Code written in shorthand, as people type it in chat: `conv(3,32,3,
// padding=1)+pool2`, `fc(512, 10)`, `Conv2d(512, 512, 3, padding=1) x3 in a
// row`. A lowercase call with numbers only is the layer its name says; a
// bare `pool2` next to such a layer is a 2x2 max pool; `x3` (or `3 times`)
// after a layer repeats it.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptShorthandNames map a lowercase call name to the module it stands for.
var ptShorthandNames = map[string]string{"conv": "Conv2d", "conv2d": "Conv2d", "conv1d": "Conv1d", "conv3d": "Conv3d",
	"deconv": "ConvTranspose2d", "convtranspose2d": "ConvTranspose2d", "linear": "Linear", "fc": "Linear", "dense": "Linear",
	"maxpool": "MaxPool2d", "maxpool2d": "MaxPool2d", "pool": "MaxPool2d", "avgpool": "AvgPool2d", "avgpool2d": "AvgPool2d",
	"bn": "BatchNorm2d", "batchnorm": "BatchNorm2d", "batchnorm2d": "BatchNorm2d"}

// ptShorthandRE finds a shorthand conv call with its three numbers, so a
// message of shorthand is read as code.
var ptShorthandRE = regexp.MustCompile(`(?i)\b(?:conv|conv2d|deconv|conv\d+(?:_\d+)?)\(\s*\d+\s*,\s*\d+\s*,\s*\d+`)

// ptShorthandSpec is the spec of a shorthand call (`conv(3, 32, 3)`), when
// c is one: a lowercase name of ptShorthandNames, not a module the paste
// assigns, with numbers only as arguments.
func (w *ptModuleWalk) ptShorthandSpec(c *ptCall) (ptSpec, bool) {
	name, ok := ptShorthandName(c.Name)
	if !ok || c.Name != strings.ToLower(c.Name) || len(c.Args) == 0 || w.m.byName[c.Name] != nil {
		return ptSpec{}, false
	}
	c.Args = ptShorthandKeys(c.Args)
	for _, a := range c.Args {
		for _, n := range a.Nodes {
			_, bound := w.env[n.Ident]
			if n.Num == "" && n.Group == nil && !ptShorthandPunct[n.Punct] && n.Ident != "True" && n.Ident != "False" && n.Str == "" && !bound {
				if ptProseArgs(c.Args) {
					return ptSpec{}, false // "that conv (no padding, stride 1)": a remark in brackets, not a call
				}
				if len(c.Args) > 1 || ptShorthandNames[strings.ToLower(c.Name)] != "" {
					w.shorthandSkipped(c, n)
				} // else a module called on a tensor: conv1(x)
				return ptSpec{}, false
			}
		}
	}
	spec, ok := ptSpecs[name]
	return spec, ok
}

// shorthandSkipped records that the shorthand layer call c is left out
// because of its argument n ("fc(n_flat, 10)" with n_flat never given): a
// reading without one of the asker's layers is not confident.
func (w *ptModuleWalk) shorthandSkipped(c *ptCall, n *ptNode) {
	what := n.Tok
	if n.Ident != "" {
		what = n.Ident
	}
	d := fmt.Sprintf("%s(…) on line %d is left out: I cannot read %q as a number, so the answer does not count that layer", c.Name, c.Pos.Line, what)
	if !slices.Contains(w.q.Doubts, d) {
		w.q.Doubts = append(w.q.Doubts, d)
	}
}

// ptNumberedRE is a layer's name with its number, as the tutorials name
// them: conv1, fc2, conv3_1.
var ptNumberedRE = regexp.MustCompile(`^([a-z]+?)_?[0-9]+(?:_[0-9]+)?$`)

// ptShorthandName is the module a shorthand call's name stands for:
// "conv" and "fc" themselves, and a layer named by its kind and number
// ("conv1(1, 6, 5)", "fc3(84, 10)" in "conv1(1,6,5) conv2(6,16,5)
// fc1(16*5*5,120)"), which is the module of its kind.
func ptShorthandName(name string) (string, bool) {
	if m, ok := ptShorthandNames[strings.ToLower(name)]; ok {
		return m, true
	}
	mm := ptNumberedRE.FindStringSubmatch(name)
	if mm == nil {
		return "", false
	}
	m, ok := ptShorthandNames[mm[1]]
	return m, ok
}

// ptLetterKeyRE is an option written as its letter and its number in a
// shorthand call: s2 (stride 2), p1 (padding 1), d2 (dilation 2), g4.
var ptLetterKeyRE = regexp.MustCompile(`^(s|p|d|g|stride|pad|padding|dilation|groups)_?([0-9]+)$`)

// ptLetterKeys name the keyword each letter of ptLetterKeyRE stands for.
var ptLetterKeys = map[string]string{"s": "stride", "stride": "stride", "p": "padding", "pad": "padding", "padding": "padding",
	"d": "dilation", "dilation": "dilation", "g": "groups", "groups": "groups"}

// ptShorthandKeys reads a shorthand call's letter options ("conv(3, 24,
// 5, s2)", "conv(32,32,3,p1,s2)") as the keywords they stand for.
func ptShorthandKeys(args []ptArg) []ptArg {
	out := slices.Clone(args)
	for i, a := range out {
		if k, ok := ptWordKey(a); ok && len(args[0].Nodes) == 1 && args[0].Nodes[0].Num != "" {
			out[i] = k // shorthand_words.go: "stride 2", "pad 1"
			continue
		}
		if a.Key != "" || len(a.Nodes) != 1 || len(a.Nodes[0].Calls) > 0 {
			continue
		}
		mm := ptLetterKeyRE.FindStringSubmatch(a.Nodes[0].Ident)
		if mm == nil {
			continue
		}
		n := &ptNode{Pos: a.Nodes[0].Pos, Tok: mm[2], Num: mm[2]}
		out[i] = ptArg{Key: ptLetterKeys[mm[1]], Pos: a.Pos, Nodes: []*ptNode{n}}
	}
	return out
}

// ptShorthandPunct are the punctuation a shorthand call's numbers may
// hold: commas and Python's arithmetic ("linear(32*6*6, 10)").
var ptShorthandPunct = map[string]bool{",": true, "*": true, "+": true, "-": true, "/": true, "//": true}

// ptBarePoolRE is a pool written as one word: pool2, maxpool2, max_pool3.
var ptBarePoolRE = regexp.MustCompile(`^(?i)(max|avg)?_?pool_?([1-9])$`)

// barePool reads nodes[i] as a pool written as one word when it stands
// next to a layer read on its line ("conv(3,32,3)+pool2"), and reports
// whether it did.
func (w *ptModuleWalk) barePool(nodes []*ptNode, i int) bool {
	n := nodes[i]
	mm := ptBarePoolRE.FindStringSubmatch(n.Ident)
	if mm == nil || len(n.Calls) > 0 || w.m.byName[n.Ident] != nil || !w.layerOnLine(n.Pos.Line) {
		return false
	}
	k, _ := strconv.Atoi(mm[2])
	p := calc.Pool{Kernel: []int{k}}
	if strings.EqualFold(mm[1], "avg") {
		p.Op = calc.AvgPool
	}
	l := lang.Layer{Layer: p, Pos: ptPos(n.Pos)}
	w.m.order = append(w.m.order, l)
	return true
}

// layerOnLine reports whether a layer was read on the given line.
func (w *ptModuleWalk) layerOnLine(line int) bool {
	for j := len(w.m.order) - 1; j >= 0; j-- {
		if w.m.order[j].Pos.Line == line {
			return true
		}
		if w.m.order[j].Pos.Line < line {
			break
		}
	}
	return false
}

// ptMaxRepeated bounds the layers repeats ("x99" after each of many
// lines) may build.
const ptMaxRepeated = 2000

// ptTimesRE is a repeat written after a layer: x3, ×3, X3.
var ptTimesRE = regexp.MustCompile(`^[xX×]([1-9][0-9]?)$`)

// ptRepeatAfter reads a repeat count written after the call at nodes[i]
// ("x3", "x 3", "× 3", "3 times", "three times"); 1 when there is none.
// The count must be on the call's line.
func ptRepeatAfter(nodes []*ptNode, i int) int {
	next := func(k int) *ptNode {
		if i+k < len(nodes) && nodes[i+k].Pos.Line == nodes[i].Pos.Line {
			return nodes[i+k]
		}
		return nil
	}
	a, b := next(1), next(2)
	if a == nil {
		return 1
	}
	if n := ptOnceWords[strings.ToLower(a.Ident)]; n > 0 { // "twice (conv+pool twice)" reads as a call
		return n
	}
	if m := ptTimesRE.FindStringSubmatch(a.Ident); m != nil && len(a.Calls) == 0 {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if (a.Ident == "x" || a.Ident == "X" || a.Punct == "×") && b != nil && b.Num != "" {
		if n, err := strconv.Atoi(b.Num); err == nil && n >= 1 && n <= 99 {
			return n
		}
	}
	if b != nil && strings.EqualFold(b.Ident, "times") {
		if n, err := strconv.Atoi(a.Num); err == nil && n >= 1 && n <= 99 {
			return n
		}
		if n := ptSmallNumberWords[strings.ToLower(a.Ident)]; n > 0 {
			return n
		}
	}
	return 1
}

var ptSmallNumberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// ptRepeatBefore reads a count written in words just before the call at
// nodes[i] ("two nn.Conv2d(64, 64, 3)", "three Conv2d(...)"); 1 when there
// is none.
func ptRepeatBefore(nodes []*ptNode, i int) int {
	if i == 0 || nodes[i-1].Pos.Line != nodes[i].Pos.Line || len(nodes[i-1].Calls) > 0 {
		return 1
	}
	if n := ptSmallNumberWords[strings.ToLower(nodes[i-1].Ident)]; n > 0 {
		return n
	}
	// "2x Conv2d(64, 64, 3)", "3 × nn.Conv2d(...)"
	if x := nodes[i-1]; (x.Ident == "x" || x.Ident == "X" || x.Punct == "×") && i >= 2 && nodes[i-2].Pos.Line == x.Pos.Line {
		if n, err := strconv.Atoi(nodes[i-2].Num); err == nil && n >= 2 && n <= 9 {
			return n
		}
	}
	return 1
}

// ptOnceWords count by themselves: "Conv2D(...) twice".
var ptOnceWords = map[string]int{"twice": 2, "thrice": 3}

// repeat appends the layers read since before n-1 more times, with a note.
func (w *ptModuleWalk) repeat(before, n int) {
	m := w.m
	if n <= 1 || before >= len(m.order) {
		return
	}
	item := append([]lang.Layer(nil), m.order[before:]...)
	again := ptChainedCopy(item)
	for k := 1; k < n && len(m.order) < ptMaxRepeated; k++ {
		m.order = append(m.order, again...)
	}
	w.q.Notes = append(w.q.Notes, "the layer written before \"x"+strconv.Itoa(n)+"\" (or \""+strconv.Itoa(n)+" times\") is taken "+strconv.Itoa(n)+" times, one after the other")
}

// ptChainedCopy is item as it is taken again after itself: its first conv
// (or Linear) takes what its last one gives ("conv(3, 64, 3) x2" is 3->64
// then 64->64).
func ptChainedCopy(item []lang.Layer) []lang.Layer {
	out := slices.Clone(item)
	last := 0
	for _, l := range item {
		switch x := l.Layer.(type) {
		case calc.Conv:
			last = x.Out
		case calc.Linear:
			last = x.Out
		}
	}
	for i, l := range out {
		switch x := l.Layer.(type) {
		case calc.Conv:
			if last > 0 && x.Groups <= 1 && !x.Depthwise {
				x.In = last
				out[i].Layer = x
			}
			return out
		case calc.Linear:
			if last > 0 {
				x.In = last
				out[i].Layer = x
			}
			return out
		}
	}
	return out
}

// ptTrailingView reads an `x.view(-1, 64 * ? * ?)` written beside layers
// that end in a feature map (no Linear, no forward): the map is flattened
// there, the view's size is filled or corrected (q.Fix, in the asker's
// words), and what the view gives is asked.
func ptTrailingView(f *ptFile, src string, env map[string]ptValue, q *lang.Question) {
	if q.Input == nil || len(q.Layers) == 0 || q.Fix != nil {
		return
	}
	if _, ok := ptFirstLinear(q.Layers); ok {
		return
	}
	if _, ok := q.Layers[len(q.Layers)-1].Layer.(calc.Flatten); ok {
		return
	}
	c := ptTopView(f.Nodes)
	if c == nil {
		return
	}
	n, ok := ptElementsBefore(q.Layers, len(q.Layers), q.Input)
	if !ok {
		return
	}
	in := q.Input
	for _, l := range q.Layers {
		r, _ := l.Apply(in)
		in = r.Output
	}
	q.Layers = append(q.Layers, lang.Layer{Layer: calc.Flatten{}, Pos: c.Pos})
	if len(q.Asked) == 0 {
		q.Asked = []string{"output"}
	}
	old := ptArgSource(src, c, 1, "")
	text := fmt.Sprint(n)
	if strings.Contains(old, "*") && len(in) > 1 {
		text = ptProduct(in)
	}
	v, err := ptEval(c.Args[1].Nodes, env)
	line := ptCallWith(src, c, 1, "", text)
	switch {
	case strings.Contains(old, "?"):
		why := fmt.Sprintf("%s is what goes in the view: what reaches it, %s, flattens to %d values", text, ptShapeText(in), n)
		q.Fix = &lang.Fix{Layer: len(q.Layers) - 1, Line: line, Why: why}
	case err == nil && v.Kind == ptInt && v.Int != n:
		why := fmt.Sprintf("what reaches the view, %s, flattens to %d values, not %d", ptShapeText(in), n, v.Int)
		q.Fix = &lang.Fix{Layer: len(q.Layers) - 1, Line: line, Why: why}
		q.Unused = append(q.Unused, lang.Unused{Text: old, Pos: c.Args[1].Pos, Why: old + " is what the code has, but " + why})
	}
	if q.Fix != nil {
		q.Notes = append(q.Notes, "fix: "+line+" ("+q.Fix.Why+")")
	}
}

// ptTopView is the first x.view(-1, N) / x.reshape(-1, N) call of nodes,
// at any depth, with two arguments the first of which is -1 or a batch.
func ptTopView(nodes []*ptNode) *ptCall {
	var found *ptCall
	ptWalk(nodes, func(n *ptNode) bool {
		c := ptCallOf(n)
		if found != nil || c == nil {
			return found == nil
		}
		if b := c.Base(); (b == "view" || b == "reshape") && strings.Contains(c.Name, ".") && len(c.Args) == 2 {
			found = c
		}
		return true
	})
	return found
}

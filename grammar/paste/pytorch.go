package paste

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptLayerRE finds PyTorch's module names (the lowercase d of Conv2d, the
// nn. prefix, the repr's "(conv1): Conv2d(").
var ptLayerRE = regexp.MustCompile(`\bnn\.[A-Z]|\btorch\b|\b(?:Conv|ConvTranspose|MaxPool|AvgPool|AdaptiveAvgPool|AdaptiveMaxPool|BatchNorm|LazyConv)[123]d\(|\bConv[123]dTranspose\(|\b(?:Linear|LayerNorm|GroupNorm|Embedding|Sequential|ReLU|ConvLayer)\(|\bin_channels\b|\bout_channels\b|\bin_features\b|\bhidden_size\b|\binput_size\b|\bpytorch\b|\bPyTorch\b|\(\w+\): [A-Z]\w*\(|\bF\.[a-z_]+[123]d\(`)

// LooksLikePyTorch reports whether src reads as pasted PyTorch code (nn.
// modules, a printed model, torch tensors) rather than Keras code.
func LooksLikePyTorch(src string) bool {
	k := kerasScore(src)
	if k == 0 {
		// nothing of Keras: one mark of PyTorch is enough
		return ptLayerRE.MatchString(src) || d2lArchLooksLike(src) || LooksLikeError(src) || ptShorthandRE.MatchString(src) || tsSummaryRows(src) != nil || npLooksLike(src) || tsOneRow(src) != nil || tsAnyRow(src) || tsLinearRowSaid(src)
	}
	pt := ptCodeMarks(src)
	if LooksLikeError(src) {
		pt += 2
	}
	return pt > 0 && pt >= k
}

// ParsePyTorch reads pasted PyTorch code: nn modules alone or in
// nn.Sequential / OrderedDict, the `self.x = ...` lines of an __init__ (in
// the order forward applies them when forward is pasted too), or a printed
// model; and the input from torch.randn(...), summary(model, ...) or words
// ("for 32x32 CIFAR images"). Errors are [*lang.Error] at the argument at fault.
func ParsePyTorch(src string) (*lang.Question, error) {
	src = ptEllipsisBlanks(src)
	orig := src
	fixed, note, ok := ptAskerFixed(src) // asker_fix.go: "fixed that by x.view(-1,1,28,28)"
	if ok {
		src = fixed
	} else if in, said := ptCommentInput(src); said {
		src = in // comment_input.go: "x = F.interpolate(x, scale_factor=2)  # x was [1, 64, 17, 17]"
	} else if in, said := ptCommentShapeInput(src); said {
		src = in // comment_shape.go: "x = emb(tokens)  # (B, 50, 300)"
	} else if in, said := ptEmbeddingCommentInput(src); said {
		src = in // embedding_comment.go: "x = self.emb(x).permute(0, 2, 1)  # (B, 300, 50)"
	}
	q, err := parsePyTorch(src)
	var le *lang.Error
	if ok && errors.As(err, &le) && le.Line > strings.Count(orig, "\n")+1 {
		// the error is at the torch.randn line the fix added, past the asker's text: aim it at the fix
		cp := *le
		cp.Line, cp.Col = lang.RunePosition(orig, utf8.RuneCountInString(orig[:afFixAt(orig)]))
		err = &cp
	}
	if ok && err == nil {
		q.Notes = append(q.Notes, note)
	}
	return ptWithClaims(src, q, err)
}

// parsePyTorch is ParsePyTorch before the counts the words quote are named.
func parsePyTorch(src string) (*lang.Question, error) {
	if q, err, ok := ptOtherForm(src); ok {
		return q, err
	}
	msg, code := ptReadMessage(src)
	f, err := ptParseTree(code)
	if err != nil {
		return nil, err
	}
	env := ptEnv(f)
	q := &lang.Question{}
	ptProseBindings(code, f, env, q) // prose_bindings.go: "latent_dim=20." in the words
	mods, err := ptModules(f, env, q)
	if err != nil {
		if alt, ok := ptStridedSameAsked(src, err); ok {
			return ptSolveStridedSame(alt, err)
		}
		return nil, err
	}
	if err := ptLabelledCommentModules(f, env, mods, q); err != nil {
		return nil, err // comment_labels.go: "# conv1: nn.Conv2d(3, 32, 3), pool = MaxPool2d(2)"
	}
	if err := ptCommentModules(f, env, mods, q); err != nil {
		return nil, err
	}
	ptAssumedPools(f, mods, q)
	ptWordPools(f, mods, q)
	ptEachConvPools(code, mods, q)
	fx := &ptFixer{src: code, calls: mods.calls}
	prose := ptBracketProse(code, ptReadProse(f))
	q.Asked = askBlankShape(src, prose.asked)
	if len(mods.order) == 0 {
		return ptWithoutModules(src, f, env, mods, msg, prose, q, fx)
	}
	q.Layers = mods.order
	q, err = ptSized(src, code, f, env, mods, msg, prose, q, fx)
	if err == nil {
		ptNoInputDoubt(src, q)
	}
	return q, err
}

// ptLinearAskedRE are words that ask what reaches a Linear: its
// in_features, PyTorch's mat1/mat2 message, "what should the 1000 be".
var ptLinearAskedRE = regexp.MustCompile(`(?i)mat1 and mat2|shapes cannot be multiplied|size mismatch|in_features|what\s+(?:should|do\s+i\s+put|goes)\b[^?\n]{0,30}\b\d{2,}\b|\breplace\s+(?:the\s+)?\d{2,}\b|flatten(?:ed)?\s+size`)

// ptInputAskedRE asks for the input itself ("which image size should I
// resize to"): the input is what is solved for, not missing.
var ptInputAskedRE = regexp.MustCompile(`(?i)\b(?:which|what)\s+(?:image\s+|input\s+)?(?:size|resolution|dimensions?)\b|\binput\s+size\b|\bresize\s+to\b|\bsmallest\b|\bminimum\b`)

// ptNoInputDoubt doubts a reading that has no input size when the words
// ask what reaches a Linear after convs: that number depends on the input,
// so the reading's counts do not answer the question.
func ptNoInputDoubt(src string, q *lang.Question) {
	if q.Input != nil || q.Fix != nil || !ptLinearAskedRE.MatchString(src) || ptInputAskedRE.MatchString(src) {
		return
	}
	conv := false
	for _, l := range q.Layers {
		switch l.Layer.(type) {
		case calc.Conv, calc.Pool:
			conv = true
		case calc.Linear:
			if conv {
				q.Doubts = append(q.Doubts, "the question asks what reaches the Linear after the convs, which depends on the input size, and I found none in the words: say it (e.g. \"for 1x28x28 images\" or \"sequence length 250\") for the number")
				return
			}
		}
	}
}

// ptOtherForm reads the forms a PyTorch paste may take besides code:
// several models, the deeplearning.ai numpy assignment's arrays, a
// torchsummary table or one of its rows. ok is false for none of them.
func ptOtherForm(src string) (q *lang.Question, err error, ok bool) {
	if q, err, ok := ptFirstOfMany(src); ok {
		return q, err, true
	}
	if q, ok := parseBlockProse(src, "pytorch"); ok {
		return q, nil, true
	}
	if q, ok := parseCountedLayers(src); ok {
		return q, nil, true
	}
	if q, err, ok := parseD2LArch(src); ok {
		return q, err, true
	}
	if npLooksLike(src) {
		if q, ok, err := parseAssignment(src); ok {
			return q, err, true
		}
	}
	if rows := tsSummaryRows(src); rows != nil {
		q, err := tsFromSummary(src, rows)
		return q, err, true
	}
	if q, ok := tsRowThenLayer(src); ok {
		return q, nil, true
	}
	if q, ok := tsRowToFill(src); ok {
		return q, nil, true
	}
	if q, ok := tsLinearToFill(src); ok {
		return q, nil, true
	}
	if rows := tsOneRow(src); rows != nil {
		if q, ok, err := tsFromOneRow(src, rows); ok {
			return q, err, true
		}
	}
	if q, ok := tsRowWithWords(src); ok {
		return q, nil, true
	}
	return nil, nil, false
}

// ptSized orders the modules read as forward applies them, takes the
// input, and checks the layers against it and against an error message:
// a mismatch becomes the fix.
func ptSized(src, code string, f *ptFile, env map[string]ptValue, mods *ptModuleSet, msg *ptMessage, prose ptProse, q *lang.Question, fx *ptFixer) (*lang.Question, error) {
	fx.trusted = ptSaysProblem(src) || prose.whatIf != nil // "if I resize to 96x96, what does the Linear need?"
	traced := ptTrace(f, mods, env, q)
	fx.trusted = fx.trusted || traced
	ptSharedSaid(src, q)
	if err := ptInput(f, env, prose, q); err != nil {
		return nil, err
	}
	ptRFInput(q)
	ptAdaptiveFill(q, fx)
	if ptSolvePadding(f, q) {
		q.Framework = "pytorch"
		q.Canonical = lang.Format(q)
		return q, nil
	}
	assumed := ""
	if !traced {
		assumed = ptReuseShared(src, msg, q, mods, fx)
	}
	ptViewMessage(src, prose.batch, q, mods)
	ptViewMessageLinear(src, prose.batch, q)
	ptViewAsked(src, q)
	if !traced {
		ptTrailingView(f, code, env, q)
	} else {
		ptTracedViewBlank(f, code, q)
	}
	if msg != nil {
		msg.resized = prose.whatIf != nil
		msg.swapped = ptSwapWords(src)
		msg.apply(q, fx)
		ptMessageLinearInput(msg, prose, q) // errors_linear_input.go
	}
	fx.unsure = mods.unsure
	if !traced {
		ptParallelHeads(src, q)
	}
	dropped := !traced && ptUntracedMismatch(prose, fx, q)
	ptFinish(q, "pytorch", fx)
	if dropped {
		q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, "no input size in the paste") })
	}
	ptAfterFinish(src, prose, q)
	ptAskInFeatures(prose, q)
	ptEllipsisNote(src, q)
	if assumed != "" && q.Fix != nil {
		q.Fix.Why = assumed + ": " + q.Fix.Why
	}
	return q, nil
}

// ptTrace puts q's layers in the order forward applies them — forward
// pasted, told in words, or its lines pasted without the def — and
// reports whether one of them was found.
func ptTrace(f *ptFile, mods *ptModuleSet, env map[string]ptValue, q *lang.Question) bool {
	for _, trace := range []func(*ptFile, *ptModuleSet, map[string]ptValue, *lang.Question) []lang.Layer{ptForward, ptProseForward, ptLooseForward, ptThenForward} {
		if fw := trace(f, mods, env, q); len(fw) > 0 {
			q.Layers = fw
			ptSharedOf(q)
			return true
		}
	}
	return false
}

// ptWithoutModules reads a paste that assigns no module: functional lines
// alone (x = F.max_pool2d(x, 3)), or an error message alone.
func ptWithoutModules(src string, f *ptFile, env map[string]ptValue, mods *ptModuleSet, msg *ptMessage, prose ptProse, q *lang.Question, fx *ptFixer) (*lang.Question, error) {
	if msg == nil {
		if fw := ptLooseForward(f, mods, env, q); len(fw) > 0 {
			q.Layers = fw
			if err := ptInput(f, env, prose, q); err != nil {
				return nil, err
			}
			ptFinish(q, "pytorch", fx)
			return q, nil
		}
	}
	if msg != nil {
		msg.noBias = ptNoBiasWords(src)
		msg.apply(q, fx)
	}
	if len(q.Layers) == 0 && (msg != nil || !ptLoneView(f, fx.src, src, env, prose, q) && !ptLoneTensor(f, src, q)) {
		return nil, ptNothingFound(src, "PyTorch")
	}
	ptFinish(q, "pytorch", fx)
	return q, nil
}

// ptAfterFinish adds what the words ask of a sized reading: the layer a
// "map too small" message names cut off, the connections with the bias,
// the values of a batch.
func ptAfterFinish(src string, prose ptProse, q *lang.Question) {
	ptCutAtTooSmall(src, q)
	ptBatchValues(prose.batch, q)
}

// ptModuleSet is the layers a paste defines: in the order written, and by
// the name they are assigned to (a container's name maps to its layers).
type ptModuleSet struct {
	order  []lang.Layer
	byName map[string][]lang.Layer
	// items holds the modules of a named nn.ModuleList or nn.Sequential,
	// one entry each, for forward's loops and indexes.
	items map[string][][]lang.Layer
	calls map[lang.Position]*ptCall // the call each layer was read from
	// unsure is set when forward passes the tensor through a call it does
	// not size: a Linear that does not fit then is not "fixed".
	unsure bool
	fwd    *ptNode // the `forward` of `def forward(...)`, when pasted
	body   []*ptNode
}

// ptContainers hold layers; they are walked, not built.
var ptContainers = map[string]bool{"Sequential": true, "ModuleList": true, "ModuleDict": true, "OrderedDict": true}

// ptNotLayers are calls that are neither layers nor containers.
var ptNotLayers = map[string]bool{"Module": true, "Tensor": true, "Parameter": true, "Size": true, "DataLoader": true,
	"Compose": true, "ToTensor": true, "Normalize": true, "Resize": true, "CrossEntropyLoss": true, "MSELoss": true,
	"NLLLoss": true, "BCELoss": true, "BCEWithLogitsLoss": true, "SGD": true, "Adam": true, "AdamW": true, "Net": true, "Model": true}

// ptModules collects the layer calls of f in text order, skipping the body
// of forward.
func ptModules(f *ptFile, env map[string]ptValue, q *lang.Question) (*ptModuleSet, error) {
	m := &ptModuleSet{byName: map[string][]lang.Layer{}, items: map[string][][]lang.Layer{}, calls: map[lang.Position]*ptCall{}}
	classes := ptClasses(f.Nodes)
	nodes := f.Nodes
	if main := ptMainClass(classes); main != nil {
		nodes = main.body // the model; the other classes are its parts
	} else if out, built := ptOutsideClasses(nodes, classes); built {
		nodes = out // class_instance.go: "blk = BasicBlock(64, 128, 2)" below the class
	}
	fns, nodes := ptFunctions(nodes)
	m.fwd, m.body = ptForwardBody(nodes)
	w := &ptModuleWalk{m: m, env: env, q: q, classes: map[string]*ptClass{}}
	for _, c := range append(classes, fns...) {
		w.classes[c.name] = c
	}
	w.walk(nodes, "")
	return m, w.err
}

// ptModuleWalk collects a paste's modules; err is the first error.
type ptModuleWalk struct {
	m         *ptModuleSet
	env       map[string]ptValue
	q         *lang.Question
	err       error
	classes   map[string]*ptClass // the paste's own modules
	depth     int                 // classes inside classes
	instances *int                // instances built so far, shared
	taken     bool                // the last if's condition held
	loops     int                 // loops being read (their assignments carry)
}

// walk visits nodes; owner is the container they are inside, if named.
func (w *ptModuleWalk) walk(nodes []*ptNode, owner string) {
	m := w.m
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		if w.err != nil {
			return
		}
		if m.fwd != nil && n == m.fwd {
			// after forward's name comes its body: skip it, read what follows
			// ("pool is MaxPool2d(2, 2)" below the paste)
			if len(m.body) == 0 {
				return
			}
			j := slices.Index(nodes, m.body[len(m.body)-1])
			if j < i {
				return
			}
			i = j
			continue
		}
		if n.Ident == "for" {
			if end := w.loop(nodes, i); end > i+1 {
				i = end - 1
				continue
			}
		}
		if (w.loops > 0 || w.depth > 0) && w.assign(nodes, i) {
			continue
		}
		if (w.depth > 0 || w.loops > 0) && (n.Ident == "if" || n.Ident == "else" || n.Ident == "elif") {
			i = w.branch(nodes, i) - 1
			continue
		}
		if owner == "" && w.depth == 0 && n.Ident != "" && w.barePool(nodes, i) {
			continue
		}
		c := ptCallOf(n)
		if c != nil && ptDefinition(nodes, i) {
			c = nil // class Net(nn.Module): / def block(in_ch, out_ch):
		}
		if c == nil {
			if n.Group != nil {
				w.walk(n.Group.Nodes, owner)
			}
			for _, g := range n.Calls {
				w.walk(g.Nodes, owner)
			}
			continue
		}
		name := ptAssignedName(nodes, i)
		spec, ok := ptSpecs[c.Base()]
		if !ok && w.classes[c.Name] == nil {
			// a helper the paste defines (fastai's def conv(ni, nf, ks=3)) is
			// read from its body, never as the shorthand of its name
			spec, ok = w.ptShorthandSpec(c)
		}
		if ok {
			before := len(m.order)
			w.module(spec, c, name, owner)
			if owner == "" && w.depth == 0 {
				w.afterMove(nodes, i, before) // pytorch_after.go
				w.repeat(before, max(ptRepeatAfter(nodes, i), ptRepeatBefore(nodes, i)))
			}
			continue
		}
		if cls := w.classes[c.Name]; cls != nil {
			w.instance(cls, c, name, owner)
			continue
		}
		if w.appendCall(n, c) {
			continue
		}
		w.call(n, c, name, owner)
	}
}

// module builds a layer call and files its layers under its name and its
// container's.
func (w *ptModuleWalk) module(spec ptSpec, c *ptCall, name, owner string) {
	m := w.m
	if name != "" && name != owner {
		delete(m.byName, name) // self.shortcut = ... again: the last one counts
	}
	l, err := spec.build(c, w.env, w.q)
	if err != nil {
		w.err = err
		return
	}
	for _, li := range l {
		m.calls[li.Pos] = c
		m.order = append(m.order, li)
		if name != "" {
			m.byName[name] = append(m.byName[name], li)
		}
		if owner != "" && owner != name {
			m.byName[owner] = append(m.byName[owner], li)
		}
	}
}

// call walks a call that is not a layer: a container (whose modules are
// remembered one by one), or anything else, which is refused when it
// looks like a module this reader does not know.
func (w *ptModuleWalk) call(n *ptNode, c *ptCall, name, owner string) {
	m, base := w.m, c.Base()
	inner := owner
	if ptContainers[base] && name != "" {
		inner = name
		// assigned again (self.shortcut = nn.Sequential() then, under an
		// if, its layers): the last assignment counts; an empty one is
		// the identity
		m.byName[name], m.items[name] = []lang.Layer{}, nil
	}
	before := len(m.order)
	if (base == "ModuleList" || base == "Sequential") && name != "" && len(n.Calls) > 0 {
		for _, el := range ptElements(n.Calls[0].Nodes, w.env) {
			if w.spread(el.nodes, name, inner) || w.perValue(el, el.all, name, inner) {
				continue // comprehension_values.go: "[nn.Conv1d(100, 50, k) for k in (3, 4, 5)]"
			}
			b := len(m.order)
			w.walk(el.nodes, inner)
			item := slices.Clone(m.order[b:])
			for k := 1; k < el.times && len(m.order) < 10000; k++ {
				m.order = append(m.order, item...)
				m.byName[inner] = append(m.byName[inner], item...)
			}
			for k := 0; k < el.times; k++ {
				m.items[name] = append(m.items[name], item)
			}
		}
	} else {
		for _, g := range n.Calls {
			w.walk(g.Nodes, inner)
		}
	}
	if len(m.order) > before || ptContainers[base] || ptNotLayers[base] || !ptIsModuleName(base) || len(c.Args) == 0 || ptFunctional(c) != nil {
		return
	}
	if len(n.Calls) > 0 && n.Calls[0].Pos.Offset > n.Pos.Offset+len(n.Ident) {
		return // "d2l AlexNet (8.1)": a name in the words, a space before its bracket
	}
	w.err = &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col,
		Msg:  fmt.Sprintf("%s is not a layer I know, so I cannot size it", c.Name),
		Hint: "I read nn.Conv1d/2d/3d, ConvTranspose, Linear, pooling, BatchNorm, LayerNorm, GroupNorm, Embedding, LSTM/GRU/RNN, activations, Flatten and Dropout; e.g. nn.Conv2d(3, 64, 3) or nn.Linear(512, 10)"}
}

// ptDefinition reports whether nodes[i] is the name of a class or def.
func ptDefinition(nodes []*ptNode, i int) bool {
	return i > 0 && (nodes[i-1].Ident == "class" || nodes[i-1].Ident == "def")
}

// ptIsModuleName reports whether a call name looks like a class: Conv2d, MyBlock.
func ptIsModuleName(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// ptAssignedName is the name nodes[i] is assigned to: `self.conv1 = ...`,
// `conv1 = ...`, the repr's `(conv1): ...` or OrderedDict's `('conv1', ...)`.
func ptAssignedName(nodes []*ptNode, i int) string {
	if name := ptTupleName(nodes, i); name != "" {
		return name // tuple_assign.go: "self.d1, self.d2 = dc(1, 64), dc(64, 128)"
	}
	if i >= 2 && nodes[i-1].Punct == "=" && nodes[i-2].Ident != "" && len(nodes[i-2].Calls) == 0 {
		return strings.TrimPrefix(nodes[i-2].Ident, "self.")
	}
	if i >= 2 && nodes[i-1].Punct == ":" && nodes[i-2].Group != nil && len(nodes[i-2].Group.Nodes) == 1 {
		g := nodes[i-2].Group.Nodes[0]
		if g.Ident != "" {
			return g.Ident
		}
		if g.Num != "" {
			return g.Num
		}
	}
	if i >= 2 && nodes[i-1].Punct == ":" && len(nodes[i-2].Calls) >= 2 {
		// a repr's "(conv1): Conv2d(...)\n  (pool): MaxPool2d(...)": the name
		// reads as a second call of the line before
		g := nodes[i-2].Calls[len(nodes[i-2].Calls)-1]
		if len(g.Nodes) == 1 && g.Nodes[0].Ident != "" && g.Pos.Line > nodes[i-2].Pos.Line {
			return g.Nodes[0].Ident
		}
	}
	if i >= 2 && (nodes[i-1].Ident == "is" || nodes[i-1].Ident == "was") && nodes[i-2].Ident != "" && len(nodes[i-2].Calls) == 0 &&
		nodes[i-2].Pos.Line == nodes[i].Pos.Line {
		return strings.TrimPrefix(nodes[i-2].Ident, "self.") // "pool is MaxPool2d(2, 2)"
	}
	if i >= 2 && nodes[i-1].Punct == "," && nodes[i-2].Str != "" {
		return strings.Trim(nodes[i-2].Str, `"'`)
	}
	return ""
}

// ptForwardBody finds `def forward(...)` and returns its name node and the
// nodes of its body (up to the next def or class at its indentation).
func ptForwardBody(nodes []*ptNode) (*ptNode, []*ptNode) {
	for i := 0; i+1 < len(nodes); i++ {
		if nodes[i].Ident == "def" && nodes[i+1].Ident == "forward" {
			col := nodes[i].Pos.Column
			var body []*ptNode
			for _, n := range nodes[i+2:] {
				if (n.Ident == "def" || n.Ident == "class") && n.Pos.Column <= col {
					break
				}
				if n.Pos.Column <= col && n.Ident != "" && n.Pos.Line > nodes[i].Pos.Line {
					break // a line no deeper than the def: the body is over
				}
				body = append(body, n)
			}
			return nodes[i+1], body
		}
	}
	return nil, nil
}

// ptFunctional reads a functional call of forward: F.relu(x),
// torch.flatten(x, 1), x.view(x.size(0), -1), F.max_pool2d(x, 2).
func ptFunctional(c *ptCall) *lang.Layer {
	base := c.Base()
	at := lang.Layer{Pos: c.Pos}
	prefix := strings.TrimSuffix(c.Name, base)
	switch base {
	case "relu", "relu6", "gelu", "sigmoid", "tanh", "silu", "elu", "selu", "mish", "softplus", "hardswish", "softmax", "log_softmax", "leaky_relu":
		if prefix == "" {
			return nil
		}
		at.Layer = calc.Activation{Name: strings.ReplaceAll(base, "_", "")}
	case "flatten", "view", "reshape":
		if base != "flatten" && len(c.Args) < 2 && !(len(c.Args) == 1 && strings.Contains(ptArgText(c.Args[0]), "-1")) {
			return nil
		}
		at.Layer = calc.Flatten{}
	case "dropout", "dropout2d", "dropout1d":
		at.Layer = calc.Dropout{P: 0.5}
	case "max_pool1d", "max_pool2d", "max_pool3d", "avg_pool1d", "avg_pool2d", "avg_pool3d":
		if len(c.Args) < 2 {
			return nil
		}
		b, err := ptBind(c, nil, []string{"input", "kernel_size", "stride", "padding", "dilation", "ceil_mode"}, []string{"count_include_pad", "return_indices", "divisor_override"}, "")
		if err != nil {
			return nil
		}
		k, err1 := b.ints("kernel_size")
		s, err2 := b.ints("stride")
		p, err3 := b.ints("padding")
		ceil, err4 := b.boolean("ceil_mode", false)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || k == nil {
			return nil
		}
		pl := calc.Pool{Dims: int(base[len(base)-2] - '0'), Kernel: k, Stride: s, Pad: p, Ceil: ceil}
		if strings.HasPrefix(base, "avg") {
			pl.Op = calc.AvgPool
		}
		at.Layer = pl
	case "adaptive_avg_pool2d", "adaptive_avg_pool1d", "adaptive_avg_pool3d":
		if len(c.Args) < 2 {
			return nil
		}
		b, err := ptBind(c, nil, []string{"input", "output_size"}, nil, "")
		if err != nil {
			return nil
		}
		o, err := b.ints("output_size")
		if err != nil || o == nil {
			return nil
		}
		at.Layer = calc.AdaptivePool{Op: calc.AvgPool, Output: o}
	default:
		return nil
	}
	return &at
}

func ptArgText(a ptArg) string {
	var b strings.Builder
	for _, n := range a.Nodes {
		b.WriteString(ptNodeText(n))
	}
	return b.String()
}

// ptNothingFound is the error for a paste with no layer in it.
func ptNothingFound(src, fw string) *lang.Error {
	line, col := 1, 1
	for i, r := range src {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			line, col = lang.RunePosition(src, len([]rune(src[:i])))
			break
		}
	}
	hint := "e.g. nn.Conv2d(3, 64, kernel_size=3, padding=1) with input = torch.randn(1, 3, 32, 32), or nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))"
	if fw == "Keras" {
		hint = "e.g. Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)), or model.add(Dense(10)) after model.add(Flatten(input_shape=(7, 7, 64)))"
	}
	return &lang.Error{Line: line, Col: col, Msg: "I found no " + fw + " layer I know in this code", Hint: hint}
}

// ptTensorMakers build a tensor whose shape is the input: torch.randn(1, 3, 32, 32).
var ptTensorMakers = map[string]bool{"randn": true, "rand": true, "zeros": true, "ones": true, "empty": true, "randint": true, "Tensor": true, "FloatTensor": true}

// ptTensorInput finds the first tensor the paste makes or names as the
// input — torch.randn(1, 3, 32, 32) and friends, summary(model, (3, 224,
// 224)) — and where; batched says the shape starts with the batch.
func ptTensorInput(f *ptFile, env map[string]ptValue) (shape []int, at lang.Position, batched bool) {
	ptWalk(f.Nodes, func(n *ptNode) bool {
		if shape != nil {
			return false
		}
		c := ptCallOf(n)
		if c == nil {
			return true
		}
		base := c.Base()
		var vals []ptValue
		switch {
		case ptTensorMakers[base] && strings.HasPrefix(c.Name, "torch."):
			args := c.Args
			if base == "randint" {
				args = nil
				for _, a := range c.Args {
					if a.Key == "size" || (a.Key == "" && len(a.Nodes) == 1 && a.Nodes[0].Group != nil) {
						args = []ptArg{a}
					}
				}
			}
			for _, a := range args {
				if a.Key != "" && a.Key != "size" {
					continue
				}
				v, err := ptEval(a.Nodes, env)
				if err != nil {
					return false
				}
				vals = append(vals, v)
			}
			batched = true
		case base == "summary" && len(c.Args) >= 2:
			for _, a := range c.Args[1:] {
				if a.Key == "" || a.Key == "input_size" {
					v, err := ptEval(a.Nodes, env)
					if err != nil {
						return false
					}
					vals = append(vals, v)
					break
				}
			}
		default:
			return true
		}
		if len(vals) == 1 && vals[0].Kind == ptTuple {
			vals = vals[0].Items
		}
		var s []int
		for _, v := range vals {
			if v.Kind != ptInt || v.Int < 1 || v.Int > calc.MaxSize {
				return false
			}
			s = append(s, int(v.Int))
		}
		if len(s) > 0 {
			shape, at = s, c.Pos
		}
		return false
	})
	return shape, at, batched
}

// ptInput finds the input: torch.randn(...) and friends, summary(model,
// (3, 224, 224)), or the words of the question.
func ptInput(f *ptFile, env map[string]ptValue, prose ptProse, q *lang.Question) error {
	first := ptFirstLeaf(q.Layers[0].Layer)
	for i := 1; i < len(q.Layers); i++ {
		if _, up := first.(upsampleLayer); !up {
			break
		}
		// an upsample keeps the channels: the layer after it says them
		first = ptFirstLeaf(q.Layers[i].Layer)
	}
	rank := ptRank(q.Layers)
	shape, at, batched := ptTensorInput(f, env)
	if shape != nil {
		in, note, err := ptTensorShape(shape, rank, first, batched)
		if err != nil {
			return &lang.Error{Line: at.Line, Col: at.Col, Msg: err.Error(),
				Hint: "e.g. torch.randn(1, 3, 224, 224) for a batch of one 224x224 RGB image, or torch.randn(8, 100) for 8 vectors of 100"}
		}
		if note != "" {
			q.Notes = append(q.Notes, note)
		}
		q.Input = in
		return nil
	}
	if prose.whatIf != nil {
		q.Unused = append(q.Unused, lang.Unused{Text: ptJoin(prose.dims), Pos: prose.dimsPos,
			Why: fmt.Sprintf("the size before the change the question asks about (to %s)", ptJoin(prose.whatIf))})
		prose.dims, prose.dimsPos = prose.whatIf, prose.whatIfAt
	}
	in, note := ptProseInput(prose, rank, first, false)
	if lin, ok := first.(calc.Linear); ok && in != nil && lin.In > 0 {
		if n, err := in.Elements(); err == nil && n != int64(lin.In) {
			// "after two pools on mnist": the data, not what reaches the layer
			q.Unused = append(q.Unused, lang.Unused{Text: ptShapeText(in), Pos: prose.dimsPos,
				Why: fmt.Sprintf("the first layer takes %d values, so %s is not its input", lin.In, ptShapeText(in))})
			return nil
		}
	}
	if note != "" {
		q.Notes = append(q.Notes, note)
	}
	q.Input = in
	if p := prose; p.rate > 0 && p.seconds > 0 && len(in) == 2 && in[1] == p.rate*p.seconds {
		why := fmt.Sprintf("%d Hz × %d s = %d samples: the input length", p.rate, p.seconds, in[1])
		q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(p.seconds), Pos: p.secondsAt, Why: why})
		if p.rate%1000 == 0 {
			q.Unused = append(q.Unused, lang.Unused{Text: fmt.Sprint(p.rate / 1000), Pos: p.rateAt, Why: why})
		}
		q.Notes = append(q.Notes, why)
	}
	return nil
}

// ptRank is the rank (channels included) the first layer that cares
// expects: 3 for Conv2d, 1 for Linear, 2 for an LSTM ([features, length]);
// 0 when no layer says.
func ptRank(ls []lang.Layer) int {
	for _, l := range ls {
		switch l := ptFirstLeaf(l.Layer).(type) {
		case calc.Conv:
			return ptDims(l.Dims) + 1
		case calc.Pool:
			return ptDims(l.Dims) + 1
		case calc.Separable:
			return ptDims(l.Dims) + 1
		case calc.Linear, calc.Embedding:
			return 1
		case calc.Recurrent:
			return 2
		case calc.Flatten, calc.BatchNorm, calc.GlobalAvgPool, calc.AdaptivePool:
			return 0
		}
	}
	return 0
}

// ptDims is a layer's spatial dimensions, zero meaning 2 as in calc.
func ptDims(d int) int {
	if d == 0 {
		return 2
	}
	return d
}

// ptTensorShape turns a tensor's shape (batch first, as PyTorch and Keras
// shapes are) into the input of the first layer.
func ptTensorShape(s []int, rank int, first calc.Layer, batched bool) (calc.Shape, string, error) {
	if r, ok := first.(calc.Recurrent); ok {
		_ = r
		switch len(s) {
		case 3: // (L, N, H_in) — or (N, L, H_in) with batch_first
			return calc.Shape{s[2], s[0]}, fmt.Sprintf("the tensor %v read as (L, N, features), PyTorch's default for recurrent layers; with batch_first=True it is (N, L, features)", s), nil
		case 2:
			return calc.Shape{s[1], s[0]}, "", nil
		}
		return nil, "", fmt.Errorf("a recurrent layer takes (L, N, features); this tensor has %d dimensions", len(s))
	}
	if _, ok := first.(calc.Embedding); ok {
		return calc.Shape{s[len(s)-1]}, "", nil
	}
	if lin, ok := first.(calc.Linear); ok && len(s) >= 3 && s[len(s)-1] == lin.In {
		return calc.Shape(s[1:]), fmt.Sprintf("the first dimension of %v is the batch (%d), dropped", s, s[0]), nil
	}
	switch {
	case rank == 0:
		if batched && len(s) > 1 {
			return calc.Shape(s[1:]), "", nil
		}
		return calc.Shape(s), "", nil
	case len(s) == rank+1 && ptChannelsFirstOK(s, first):
		if in, note := ptChannelsLast(s, lang.LayerChannels(first)); in != nil {
			return in, note, nil
		}
		fallthrough
	case len(s) == rank+1:
		return calc.Shape(s[1:]), fmt.Sprintf("the first dimension of %v is the batch (%d), dropped", s, s[0]), nil
	case len(s) == rank:
		if rank == 1 {
			return calc.Shape(s), "", nil
		}
		return calc.Shape(s), fmt.Sprintf("%v read as one unbatched sample (C, ...)", s), nil
	}
	return nil, "", fmt.Errorf("the input has %d dimensions but the first layer (%s) takes %d (with the batch)", len(s), first.Kind(), rank+1)
}

// ptProseInput reads the input from the question's words; channelsLast is
// the framework's habit for an ambiguous CxHxW / HxWxC.
func ptProseInput(p ptProse, rank int, first calc.Layer, channelsLast bool) (calc.Shape, string) {
	d := p.dims
	ch := lang.LayerChannels(first)
	if d == nil {
		d = ptDatasetDims(&p)
	}
	for _, x := range d {
		if x < 1 || x > calc.MaxSize {
			return nil, ""
		}
	}
	if d == nil && rank == 2 && p.length == 0 && p.frames > 0 {
		p.length = p.frames // a 1-D conv "over 100 frames": the sequence's length
	}
	switch {
	case d == nil && p.length > 0:
		if ch == 0 {
			ch = p.channels // Keras: "a sequence of length 100 with 4 channels"
		}
		if rank == 2 && ch > 0 {
			return calc.Shape{ch, p.length}, ""
		}
		if _, ok := first.(calc.Embedding); ok && rank == 1 {
			return calc.Shape{p.length}, ""
		}
		return nil, ""
	case d == nil:
		if rank == 1 && p.channels > 0 {
			return calc.Shape{p.channels}, ""
		}
		if a, ok := first.(calc.AdaptivePool); ok && p.channels > 0 && len(a.Output) > 0 {
			// [N, 128, H, W] or "on 256 channels" into an adaptive pool: its output
			// does not depend on H, W
			o := slices.Max(a.Output)
			in := calc.Shape{p.channels, o, o}
			return in, fmt.Sprintf("H and W are not given: the adaptive pool gives %s whatever they are (traced from %dx%d)", ptJoin(a.Output), o, o)
		}
		return nil, ""
	case rank == 0 && adaptiveFirst(first) && len(d) == 2 && p.channels > 0:
		return calc.Shape{p.channels, d[0], d[1]}, "" // pytorch_adaptive_input.go: "256 channels coming in at 13x13"
	case rank == 0 || rank == 1:
		return ptVolumeInput(d, channelsLast)
	}
	spatial := rank - 1
	if p.single && len(d) == 1 && spatial >= 2 {
		d = slices.Repeat(d, spatial) // "input 224"
	}
	if spatial == 3 && len(d) == 2 && p.frames > 0 {
		d = append([]int{p.frames}, d...) // 16 frames at 112x112
	}
	switch len(d) {
	case spatial:
		return ptSpatialInput(d, ch, p.channels, first)
	case spatial + 1:
		return ptLayoutInput(d, ch, channelsLast)
	case spatial + 2:
		if in, note := ptChannelsLast(d, ch); in != nil {
			return in, note
		}
		if channelsLast && ch == 0 {
			return append(calc.Shape{d[len(d)-1]}, d[1:len(d)-1]...), fmt.Sprintf("%s read as N×H×W×C (channels last, as in Keras): the batch dropped", ptJoin(d))
		}
		return calc.Shape(d[1:]), fmt.Sprintf("%s read as N×C×H×W: the batch dropped", ptJoin(d))
	}
	return nil, ""
}

// ptDatasetDims is the image size of a dataset named in the words (CIFAR
// 32×32×3, MNIST 28×28×1, ImageNet 224×224×3), setting its channels when
// the words do not; nil for none.
func ptDatasetDims(p *ptProse) []int {
	sizes := map[string][2]int{"cifar": {32, 3}, "mnist": {28, 1}, "imagenet": {224, 3}}
	s, ok := sizes[p.dataset]
	if !ok {
		return nil
	}
	if p.channels == 0 {
		p.channels = s[1]
	}
	return []int{s[0], s[0]}
}

// ptVolumeInput reads the input of a vector layer (or a norm) that may
// come after a volume: the volume is kept, and the flatten is added where
// it is needed.
func ptVolumeInput(d []int, channelsLast bool) (calc.Shape, string) {
	switch len(d) {
	case 1:
		return calc.Shape{d[0]}, ""
	case 2:
		if channelsLast {
			// Keras's (None, 10, 32): 10 steps of 32 features; a Dense
			// acts on the 32
			return calc.Shape{d[1], d[0]}, fmt.Sprintf("%s read as (steps, features)", ptJoin(d))
		}
	case 3:
		square := d[1] == d[2] && d[0] != d[1] // 512x7x7: a square map after its channels
		if channelsLast || (d[0] > 4 && d[2] <= d[0] && !square) {
			return calc.Shape{d[2], d[0], d[1]}, fmt.Sprintf("%s read as H×W×C", ptJoin(d))
		}
		return calc.Shape(d), fmt.Sprintf("%s read as C×H×W", ptJoin(d))
	}
	return calc.Shape(d), ""
}

// ptSpatialInput reads sizes without channels ("28x28"): the channels come
// from the layer or the words (1 for a pool, which keeps them).
func ptSpatialInput(d []int, ch, words int, first calc.Layer) (calc.Shape, string) {
	c := ch
	if c == 0 {
		c = words
	}
	if _, pool := first.(calc.Pool); c == 0 && pool {
		return append(calc.Shape{1}, d...), "the channels are not given: 1 assumed (a pool keeps them, so its sizes do not depend on them)"
	}
	if c == 0 {
		return nil, ""
	}
	if words != 0 && ch != 0 && words != ch {
		return append(calc.Shape{ch}, d...), fmt.Sprintf("the layer takes %d channels, so the input is %d×%s", ch, ch, ptJoin(d))
	}
	return append(calc.Shape{c}, d...), ""
}

// ptLayoutInput reads sizes with channels, first or last: the layer's
// channels decide, else the habit (channelsLast) or the likelier reading.
func ptLayoutInput(d []int, ch int, channelsLast bool) (calc.Shape, string) {
	spatial := len(d) - 1
	cf := append(calc.Shape{}, d...)
	cl := append(calc.Shape{d[spatial]}, d[:spatial]...)
	switch {
	case ch != 0 && d[0] == ch && d[spatial] != ch:
		return cf, fmt.Sprintf("%s read as C×H×W (the layer takes %d channels)", ptJoin(d), ch)
	case ch != 0 && d[spatial] == ch && d[0] != ch:
		return cl, fmt.Sprintf("%s read as H×W×C (the layer takes %d channels)", ptJoin(d), ch)
	case channelsLast || (d[spatial] <= 4 && d[0] > 4) || squareFirst(d):
		return cl, fmt.Sprintf("%s read as H×W×C (channels last); for C×H×W, give the tensor: torch.randn(1, %s)", ptJoin(d), strings.ReplaceAll(ptJoin(d), "x", ", "))
	}
	return cf, fmt.Sprintf("%s read as C×H×W; write it as H×W×C for the other reading", ptJoin(d))
}

// squareFirst reports whether the sizes read H×W×C by their look: the two
// first are equal and the last differs (112x112x64), as a square map with
// its channels after it.
func squareFirst(d []int) bool {
	return len(d) == 3 && d[0] == d[1] && d[2] != d[0]
}

func ptJoin(d []int) string {
	s := make([]string, len(d))
	for i, x := range d {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, "x")
}

// ptElement is one module of a container's list: its nodes, and how many
// times a comprehension repeats it (`[nn.Conv2d(64, 64, 3) for _ in
// range(4)]`).
type ptElement struct {
	nodes []*ptNode
	times int
	all   []*ptNode // the element as written, its for clause too
}

// ptElements splits a container's arguments into its modules: the items of
// nn.ModuleList([...]) or the arguments of nn.Sequential(...).
func ptElements(nodes []*ptNode, env map[string]ptValue) []ptElement {
	args := ptSplitArgs(nodes)
	if len(args) == 1 && len(args[0].Nodes) == 1 && args[0].Nodes[0].Group != nil {
		args = ptSplitArgs(args[0].Nodes[0].Group.Nodes)
	}
	var out []ptElement
	for _, a := range args {
		el := ptElement{nodes: a.Nodes, times: 1, all: a.Nodes}
		if i := slices.IndexFunc(a.Nodes, func(n *ptNode) bool { return n.Ident == "for" }); i > 0 {
			el.nodes = a.Nodes[:i]
			if r := a.Nodes[len(a.Nodes)-1]; r.Ident == "range" && len(r.Calls) == 1 {
				if v, err := ptEval(r.Calls[0].Nodes, env); err == nil && v.Kind == ptInt && v.Int >= 1 && v.Int <= 1000 {
					el.times = int(v.Int)
				}
			}
		}
		out = append(out, el)
	}
	return out
}

// ptFirstLeaf is the first layer inside a block (the body of a residual,
// the first branch of a concat), or l itself.
func ptFirstLeaf(l calc.Layer) calc.Layer {
	for range 100 {
		switch b := l.(type) {
		case calc.Residual:
			if len(b.Body) == 0 {
				return l
			}
			l = b.Body[0]
		case calc.Concat:
			if len(b.Branches) == 0 || len(b.Branches[0]) == 0 {
				return l
			}
			l = b.Branches[0][0]
		case calc.Sequence:
			if len(b.Layers) == 0 {
				return l
			}
			l = b.Layers[0]
		default:
			return l
		}
	}
	return l
}

// ptChannelsLast reads a batched shape whose last size, not its second, is
// the layer's channels — (N, L, C) from a sequence model, (N, H, W, C) from
// PIL or Keras — as PyTorch needs it after a permute; nil otherwise.
func ptChannelsLast(s []int, ch int) (calc.Shape, string) {
	if ch == 0 || len(s) < 3 || s[1] == ch || s[len(s)-1] != ch {
		return nil, ""
	}
	in := append(calc.Shape{ch}, s[1:len(s)-1]...)
	perm := "0, 2, 1"
	if len(s) == 4 {
		perm = "0, 3, 1, 2"
	}
	return in, fmt.Sprintf("%v has the %d channels last: PyTorch takes them second, so it is read as %v, as after x.permute(%s)", s, ch, append([]int{s[0]}, in...), perm)
}

// ptChannelsFirstOK reports whether first is a layer with channels (a
// conv), the only kind whose input may come channels-last by mistake.
func ptChannelsFirstOK(s []int, first calc.Layer) bool {
	_, ok := first.(calc.Conv)
	return ok && len(s) >= 3
}

package paste

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptLayerRE finds PyTorch's module names (the lowercase d of Conv2d, the
// nn. prefix, the repr's "(conv1): Conv2d(").
var ptLayerRE = regexp.MustCompile(`\bnn\.[A-Z]|\btorch\b|\b(?:Conv|ConvTranspose|MaxPool|AvgPool|AdaptiveAvgPool|AdaptiveMaxPool|BatchNorm|LazyConv)[123]d\(|\b(?:Linear|LayerNorm|GroupNorm|Embedding|Sequential|ReLU)\(|\bin_channels\b|\bout_channels\b|\bin_features\b|\bhidden_size\b|\binput_size\b|\bpytorch\b|\bPyTorch\b|\(\w+\): [A-Z]\w*\(`)

// LooksLikePyTorch reports whether src reads as pasted PyTorch code (nn.
// modules, a printed model, torch tensors) rather than Keras code.
func LooksLikePyTorch(src string) bool {
	pt := len(ptLayerRE.FindAllStringIndex(src, 8))
	return pt > 0 && pt >= kerasScore(src)
}

// ParsePyTorch reads pasted PyTorch code: nn modules alone or in
// nn.Sequential / OrderedDict, the `self.x = ...` lines of an __init__ (in
// the order forward applies them when forward is pasted too), or a printed
// model; and the input from torch.randn(...), summary(model, ...) or words
// ("for 32x32 CIFAR images"). Errors are [*lang.Error] at the argument at fault.
func ParsePyTorch(src string) (*lang.Question, error) {
	f, err := ptParseTree(src)
	if err != nil {
		return nil, err
	}
	env := ptEnv(f)
	q := &lang.Question{}
	mods, err := ptModules(f, env, q)
	if err != nil {
		return nil, err
	}
	if len(mods.order) == 0 {
		return nil, ptNothingFound(src, "PyTorch")
	}
	q.Layers = mods.order
	if fw := ptForward(f, mods, env, q); fw != nil {
		q.Layers = fw
	}
	prose := ptReadProse(f)
	q.Asked = prose.asked
	if err := ptInput(f, env, prose, q); err != nil {
		return nil, err
	}
	ptFinish(q, "pytorch")
	return q, nil
}

// ptModuleSet is the layers a paste defines: in the order written, and by
// the name they are assigned to (a container's name maps to its layers).
type ptModuleSet struct {
	order  []lang.Layer
	byName map[string][]lang.Layer
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
	m := &ptModuleSet{byName: map[string][]lang.Layer{}}
	m.fwd, m.body = ptForwardBody(f.Nodes)
	var firstErr error
	var walk func(nodes []*ptNode, owner string)
	walk = func(nodes []*ptNode, owner string) {
		for i, n := range nodes {
			if firstErr != nil {
				return
			}
			if m.fwd != nil && n == m.fwd {
				return // the rest of this sequence is forward's body (and what follows it)
			}
			name := ptAssignedName(nodes, i)
			c := ptCallOf(n)
			if c != nil && ptDefinition(nodes, i) {
				c = nil // class Net(nn.Module): / def block(in_ch, out_ch):
			}
			if c == nil {
				if n.Group != nil {
					walk(n.Group.Nodes, owner)
				}
				for _, g := range n.Calls {
					walk(g.Nodes, owner)
				}
				continue
			}
			base := c.Base()
			if spec, ok := ptSpecs[base]; ok {
				l, err := spec.build(c, env, q)
				if err != nil {
					firstErr = err
					return
				}
				for _, li := range l {
					m.order = append(m.order, li)
					if name != "" {
						m.byName[name] = append(m.byName[name], li)
					}
					if owner != "" && owner != name {
						m.byName[owner] = append(m.byName[owner], li)
					}
				}
				continue
			}
			inner := owner
			if ptContainers[base] && name != "" {
				inner = name
			}
			before := len(m.order)
			for _, g := range n.Calls {
				walk(g.Nodes, inner)
			}
			if len(m.order) > before || ptContainers[base] || ptNotLayers[base] || !ptIsModuleName(base) || len(c.Args) == 0 {
				continue
			}
			if ptFunctional(c) == nil {
				firstErr = &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col,
					Msg:  fmt.Sprintf("%s is not a layer I know, so I cannot size it", c.Name),
					Hint: "I read nn.Conv1d/2d/3d, ConvTranspose, Linear, pooling, BatchNorm, LayerNorm, GroupNorm, Embedding, LSTM/GRU/RNN, activations, Flatten and Dropout; e.g. nn.Conv2d(3, 64, 3) or nn.Linear(512, 10)"}
			}
		}
	}
	walk(f.Nodes, "")
	return m, firstErr
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
				if n.Pos.Column < col && n.Ident != "" && n.Pos.Line > nodes[i].Pos.Line {
					break
				}
				body = append(body, n)
			}
			return nodes[i+1], body
		}
	}
	return nil, nil
}

// ptForward orders the layers as forward applies them: `self.pool(F.relu(
// self.conv1(x)))` is conv1, relu, pool. It returns nil when forward is not
// pasted or names no module defined in the paste.
func ptForward(f *ptFile, m *ptModuleSet, env map[string]ptValue, q *lang.Question) []lang.Layer {
	if m.fwd == nil {
		return nil
	}
	var out []lang.Layer
	used := map[string]bool{}
	uses := 0
	var visit func(nodes []*ptNode)
	visit = func(nodes []*ptNode) {
		for _, n := range nodes {
			if n.Group != nil {
				visit(n.Group.Nodes)
			}
			c := ptCallOf(n)
			if c == nil {
				continue
			}
			visit(n.Calls[0].Nodes)
			name := strings.TrimPrefix(c.Name, "self.")
			if ls, ok := m.byName[name]; ok && strings.HasPrefix(c.Name, "self.") {
				out = append(out, ls...)
				used[name] = true
				uses++
				continue
			}
			if l := ptFunctional(c); l != nil {
				out = append(out, *l)
			}
		}
	}
	visit(m.body)
	if uses == 0 {
		return nil
	}
	for i, n := range m.body {
		skip := n.Punct == "+=" || (n.Ident != "" && (strings.HasSuffix(n.Ident, ".cat") || strings.HasSuffix(n.Ident, ".add") || strings.HasSuffix(n.Ident, ".stack")))
		if n.Punct == "+" && i > 0 && i+1 < len(m.body) && m.body[i-1].Ident != "" && m.body[i+1].Ident != "" {
			skip = true
		}
		if skip {
			q.Notes = append(q.Notes, fmt.Sprintf("forward joins branches (line %d): the layers are read as one chain in the order applied, which is only right for a sequential model", n.Pos.Line))
			break
		}
	}
	var unused []string
	for name := range m.byName {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	q.Notes = append(q.Notes, "layers taken in the order forward applies them")
	if len(unused) > 0 {
		slices.Sort(unused)
		q.Notes = append(q.Notes, "defined but not used in forward, so left out: "+strings.Join(unused, ", "))
	}
	return out
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

// ptInput finds the input: torch.randn(...) and friends, summary(model,
// (3, 224, 224)), or the words of the question.
func ptInput(f *ptFile, env map[string]ptValue, prose ptProse, q *lang.Question) error {
	first := q.Layers[0].Layer
	rank := ptRank(q.Layers)
	var shape []int
	var at lang.Position
	batched := false
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
	in, note := ptProseInput(prose, rank, first, false)
	if note != "" {
		q.Notes = append(q.Notes, note)
	}
	q.Input = in
	return nil
}

// ptRank is the rank (channels included) the first layer that cares
// expects: 3 for Conv2d, 1 for Linear, 2 for an LSTM ([features, length]);
// 0 when no layer says.
func ptRank(ls []lang.Layer) int {
	for _, l := range ls {
		switch l := l.Layer.(type) {
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
	switch {
	case rank == 0:
		if batched && len(s) > 1 {
			return calc.Shape(s[1:]), "", nil
		}
		return calc.Shape(s), "", nil
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
		switch p.dataset {
		case "cifar":
			d = []int{32, 32}
			if p.channels == 0 {
				p.channels = 3
			}
		case "mnist":
			d = []int{28, 28}
			if p.channels == 0 {
				p.channels = 1
			}
		case "imagenet":
			d = []int{224, 224}
			if p.channels == 0 {
				p.channels = 3
			}
		}
	}
	for _, x := range d {
		if x < 1 || x > calc.MaxSize {
			return nil, ""
		}
	}
	if d == nil && p.length > 0 {
		switch {
		case rank == 2 && ch > 0:
			return calc.Shape{ch, p.length}, ""
		case rank == 1:
			if _, ok := first.(calc.Embedding); ok {
				return calc.Shape{p.length}, ""
			}
		}
		return nil, ""
	}
	if d == nil {
		if rank == 1 && p.channels > 0 {
			return calc.Shape{p.channels}, ""
		}
		return nil, ""
	}
	if rank == 0 || rank == 1 {
		// A vector layer (or a norm) after a volume: keep the volume, the
		// flatten is added where it is needed.
		switch len(d) {
		case 1:
			return calc.Shape{d[0]}, ""
		case 3:
			if channelsLast || (d[0] > 4 && d[2] <= d[0]) {
				return calc.Shape{d[2], d[0], d[1]}, fmt.Sprintf("%s read as H×W×C", ptJoin(d))
			}
			return calc.Shape(d), fmt.Sprintf("%s read as C×H×W", ptJoin(d))
		}
		return calc.Shape(d), ""
	}
	spatial := rank - 1
	switch {
	case len(d) == spatial:
		c := ch
		if c == 0 {
			c = p.channels
		}
		if c == 0 {
			return nil, ""
		}
		if p.channels != 0 && ch != 0 && p.channels != ch {
			return append(calc.Shape{ch}, d...), fmt.Sprintf("the layer takes %d channels, so the input is %d×%s", ch, ch, ptJoin(d))
		}
		return append(calc.Shape{c}, d...), ""
	case len(d) == spatial+1:
		cf := append(calc.Shape{}, d...)
		cl := append(calc.Shape{d[spatial]}, d[:spatial]...)
		switch {
		case ch != 0 && d[0] == ch && d[spatial] != ch:
			return cf, fmt.Sprintf("%s read as C×H×W (the layer takes %d channels)", ptJoin(d), ch)
		case ch != 0 && d[spatial] == ch && d[0] != ch:
			return cl, fmt.Sprintf("%s read as H×W×C (the layer takes %d channels)", ptJoin(d), ch)
		case channelsLast || (d[spatial] <= 4 && d[0] > 4):
			return cl, fmt.Sprintf("%s read as H×W×C; write it as C×H×W (e.g. %d×%s) for the other reading", ptJoin(d), d[0], ptJoin(d[:spatial]))
		}
		return cf, fmt.Sprintf("%s read as C×H×W; write it as H×W×C for the other reading", ptJoin(d))
	case len(d) == spatial+2:
		return calc.Shape(d[1:]), fmt.Sprintf("%s read as N×C×H×W: the batch dropped", ptJoin(d))
	}
	return nil, ""
}

func ptJoin(d []int) string {
	s := make([]string, len(d))
	for i, x := range d {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, "x")
}

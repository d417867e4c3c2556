package paste

// Argument binding, the paste's variables, the input size written in words,
// what is asked, and the finishing touches shared by the PyTorch and Keras
// front-ends.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptBound holds a call's arguments bound to parameter names, as Python binds
// them: positional ones in order, then keywords.
type ptBound struct {
	call     *ptCall
	vals     map[string]ptValue
	pos      map[string]lang.Position
	examples string
}

// ptBind binds c's arguments to names; keywords in ignored are accepted and
// dropped (dtype=, device=, activation=...). A paste's own variables are
// looked up in env. Too many arguments or an unknown keyword is an error
// at that argument.
func ptBind(c *ptCall, env map[string]ptValue, names, ignored []string, examples string) (*ptBound, error) {
	b := &ptBound{call: c, vals: map[string]ptValue{}, pos: map[string]lang.Position{}, examples: examples}
	seenKey := false
	for i, a := range c.Args {
		name := a.Key
		if name == "" {
			if seenKey {
				return nil, b.errAt(a.Pos, "a positional argument cannot follow a keyword argument")
			}
			if i >= len(names) {
				return nil, b.errAt(a.Pos, fmt.Sprintf("%s takes at most %d positional arguments (%s)", c.Name, len(names), strings.Join(names, ", ")))
			}
			name = names[i]
		} else {
			// a keyword in its own place ("nn.Linear(in_features=??, 10)"):
			// Python refuses the positional after it, but what is meant is plain
			if !slices.Contains(names, name) {
				name = ptKeyAlias(name, names) // "k=3, s=2, p=1" in chat
			}
			seenKey = seenKey || i >= len(names) || names[i] != name
			if !slices.Contains(names, name) {
				if slices.Contains(ignored, name) {
					continue
				}
				return nil, b.errAt(a.Pos, fmt.Sprintf("%s has no argument %q (it takes %s)", c.Name, name, strings.Join(names, ", ")))
			}
		}
		if _, dup := b.vals[name]; dup {
			return nil, b.errAt(a.Pos, fmt.Sprintf("%s is given twice", name))
		}
		v, err := ptEval(a.Nodes, env)
		if err != nil && ptShapeOfData(name, a) {
			continue // input_shape=x_train.shape[1:]: the words may say it
		}
		if err != nil {
			return nil, err
		}
		if len(a.Nodes) == 0 {
			return nil, b.errAt(a.Pos, fmt.Sprintf("%s has no value", name))
		}
		b.vals[name] = v
		b.pos[name] = ptPos(a.Nodes[0].Pos)
		if a.Key != "" {
			b.pos[name] = a.Pos
		}
	}
	return b, nil
}

func (b *ptBound) errAt(p lang.Position, msg string) *lang.Error {
	return &lang.Error{Line: p.Line, Col: p.Col, Msg: msg, Hint: b.examples}
}

// has reports whether name was given (and is not None).
func (b *ptBound) has(name string) bool {
	v, ok := b.vals[name]
	return ok && v.Kind != ptNone
}

// at is where name was written, or the call when it was not.
func (b *ptBound) at(name string) lang.Position {
	if p, ok := b.pos[name]; ok {
		return p
	}
	return b.call.Pos
}

// require fails, at the call's closing bracket, when name is missing.
func (b *ptBound) require(names ...string) error {
	for _, n := range names {
		if !b.has(n) {
			return b.errAt(b.call.Close, fmt.Sprintf("%s needs %s", b.call.Name, n))
		}
	}
	return nil
}

// int reads an integer argument, def when absent.
func (b *ptBound) int(name string, def int) (int, error) {
	v, ok := b.vals[name]
	if !ok || v.Kind == ptNone {
		return def, nil
	}
	if v.Kind == ptUnknown && (name == "in_features" || name == "in_channels") {
		return 0, nil // the question: filled from what reaches the layer
	}
	if v.Kind == ptTuple && len(v.Items) == 1 {
		v = v.Items[0]
	}
	if v.Kind == ptFloat && v.Float == float64(int64(v.Float)) {
		return int(v.Float), nil
	}
	if v.Kind != ptInt {
		return 0, b.errAt(b.at(name), fmt.Sprintf("%s should be a whole number, not %s", name, ptDescribe(v)))
	}
	return int(v.Int), nil
}

// ints reads an int or a tuple of ints (nil when absent).
func (b *ptBound) ints(name string) ([]int, error) {
	v, ok := b.vals[name]
	if !ok || v.Kind == ptNone {
		return nil, nil
	}
	return b.intsOf(name, v)
}

func (b *ptBound) intsOf(name string, v ptValue) ([]int, error) {
	switch v.Kind {
	case ptInt:
		return []int{int(v.Int)}, nil
	case ptTuple:
		out := make([]int, 0, len(v.Items))
		for _, x := range v.Items {
			if x.Kind != ptInt {
				return nil, b.errAt(b.at(name), fmt.Sprintf("%s should hold whole numbers, not %s", name, ptDescribe(x)))
			}
			out = append(out, int(x.Int))
		}
		if len(out) == 0 {
			return nil, b.errAt(b.at(name), name+" is empty")
		}
		return out, nil
	}
	return nil, b.errAt(b.at(name), fmt.Sprintf("%s should be a number or a tuple, not %s", name, ptDescribe(v)))
}

// boolean reads True/False (or 0/1), def when absent.
func (b *ptBound) boolean(name string, def bool) (bool, error) {
	v, ok := b.vals[name]
	if !ok || v.Kind == ptNone {
		return def, nil
	}
	if v.Kind == ptBool || v.Kind == ptInt {
		return v.Int != 0, nil
	}
	return false, b.errAt(b.at(name), fmt.Sprintf("%s should be True or False, not %s", name, ptDescribe(v)))
}

// float reads a number, def when absent.
func (b *ptBound) float(name string, def float64) (float64, error) {
	v, ok := b.vals[name]
	if !ok || v.Kind == ptNone {
		return def, nil
	}
	switch v.Kind {
	case ptInt:
		return float64(v.Int), nil
	case ptFloat:
		return v.Float, nil
	}
	return 0, b.errAt(b.at(name), fmt.Sprintf("%s should be a number, not %s", name, ptDescribe(v)))
}

// str reads a string argument ("" when absent).
func (b *ptBound) str(name string) (string, error) {
	v, ok := b.vals[name]
	if !ok || v.Kind == ptNone {
		return "", nil
	}
	if v.Kind != ptStr {
		return "", b.errAt(b.at(name), fmt.Sprintf("%s should be a string, not %s", name, ptDescribe(v)))
	}
	return v.Str, nil
}

// fields maps calc's field names to where the arguments were written.
func (b *ptBound) fields(m map[string]string) map[string]lang.Position {
	out := map[string]lang.Position{}
	for field, arg := range m {
		out[field] = b.at(arg)
	}
	return out
}

func ptDescribe(v ptValue) string {
	switch v.Kind {
	case ptInt:
		return strconv.FormatInt(v.Int, 10)
	case ptFloat:
		return strconv.FormatFloat(v.Float, 'g', -1, 64)
	case ptStr:
		return strconv.Quote(v.Str)
	case ptBool:
		if v.Int != 0 {
			return "True"
		}
		return "False"
	case ptTuple:
		return "a tuple"
	case ptName:
		return v.Str + " (its value is not in the paste)"
	case ptCallV:
		return v.Call.Name + "(...)"
	case ptUnknown:
		return "??? (the number asked for; I can fill it only where the layer's input is known)"
	}
	return "None"
}

// ptEnv collects the numbers the paste assigns (`in_ch = 3`, `num_classes=10`
// as a default argument, `H, W = 32, 32` is not read), so later calls can
// use them. Only what is on the same line as the "=" is read.
func ptEnv(f *ptFile) map[string]ptValue {
	env := map[string]ptValue{}
	var scan func(nodes []*ptNode)
	scan = func(nodes []*ptNode) {
		for i, n := range nodes {
			for _, g := range n.Calls {
				scan(g.Nodes)
			}
			if n.Group != nil {
				scan(n.Group.Nodes)
			}
			if i+2 >= len(nodes) || n.Ident == "" || len(n.Calls) > 0 || nodes[i+1].Punct != "=" {
				continue
			}
			name := strings.TrimPrefix(n.Ident, "self.")
			var rhs []*ptNode
			for _, m := range nodes[i+2:] {
				if m.Pos.Line != nodes[i+1].Pos.Line || m.Punct == "," || m.Punct == "=" {
					break
				}
				rhs = append(rhs, m)
			}
			v, err := ptEval(rhs, env)
			if err != nil || (v.Kind != ptInt && v.Kind != ptFloat && v.Kind != ptTuple) {
				continue
			}
			if _, seen := env[name]; !seen {
				env[name] = v
				if name != n.Ident {
					env[n.Ident] = v
				}
			}
		}
	}
	scan(f.Nodes)
	return env
}

// ptProse is what the words around the code say about the input.
type ptProse struct {
	dims    []int         // "32x32", "1x28x28": the first Dims token outside calls
	dimsPos lang.Position //
	// dimsSaid: the words call dims the input ("input (B,64,1,1)"), so a
	// later batched input does not replace them (prose_batched_input.go)
	dimsSaid bool
	channels int    // "RGB" → 3, "grayscale" → 1, "256-channel" → 256
	length   int    // "length 100", "100 time steps"
	dataset  string // "CIFAR", "MNIST", "ImageNet"
	asked    []string
	flatten  bool // "after flattening"
	frames   int  // "16 frames": the depth of a video clip or a volume
	single   bool // dims is one side of a square input ("input 224")
	openSize bool // the sizes are names ("[N, 128, H, W]"): channels only
	batch    int  // "a batch of 32"
	// whatIf is a second size the words switch to ("if i switch my
	// images to 128x128"), and where; the question is about it.
	whatIf   []int
	whatIfAt lang.Position
	chPos    lang.Position
	// inFeatures is set when the words ask what a Linear takes ("fc1 in
	// = ?", "in_features?"): the output, when no Linear is pasted.
	inFeatures bool
	// rate and seconds: "8 kHz, 1 second clips" is 8000 samples long;
	// rateAt and secondsAt are where they are written.
	rate, seconds     int
	rateAt, secondsAt lang.Position
}

// ptReadProse reads the top-level words of a paste (never inside a call).
func ptReadProse(f *ptFile) ptProse {
	r := ptProseReader{nodes: append(append([]*ptNode{}, f.Nodes...), f.Comments...)}
	called := ptCallLines(f.Nodes)
	for i, n := range r.nodes {
		if i >= len(f.Nodes) && n.Dims != "" && called[n.Pos.Line] && !r.inputWordBefore(i) && !r.commentNamesArg(i, f.Nodes) && !r.inputWordAfter(i, called) {
			// "conv(1, 4),  #14x14": a size noted beside a layer is what it
			// gives, not the network's input
			continue
		}
		r.shape(i, n)
		r.input(i, n)
		r.asks(i)
	}
	if p := &r.p; p.length == 0 && p.rate > 0 && p.seconds > 0 && int64(p.rate)*int64(p.seconds) <= calc.MaxSize {
		p.length = p.rate * p.seconds // "8 kHz, 1 second clips": 8000 samples
	}
	return r.p
}

// resizedTo reports whether node i follows "resized to" (or resize,
// rescaled, upscaled, upsampled): "Fashion-MNIST resized to 224" is a
// 224x224 input, whatever the dataset's own size.
func (r *ptProseReader) resizedTo(i int) bool {
	if r.word(i-1) != "to" {
		return false
	}
	switch r.word(i - 2) {
	case "resized", "resize", "resizing", "rescaled", "upscaled", "upsampled", "scaled", "interpolated":
		return true
	}
	return false
}

// rateOrDuration reads a sampling rate ("8 kHz", "16000 Hz") or a
// duration ("1 second clips", "a 2-second clip") at node i, the word w.
func (r *ptProseReader) rateOrDuration(i int, w string) {
	p := &r.p
	v, at := r.num(i-1), i-1
	if v == 0 && r.punct(i-1) == "-" {
		v, at = r.num(i-2), i-2
	}
	if v <= 0 {
		return
	}
	switch w {
	case "khz":
		p.rate, p.rateAt = v*1000, ptPos(r.nodes[at].Pos)
	case "hz":
		p.rate, p.rateAt = v, ptPos(r.nodes[at].Pos)
	default:
		p.seconds, p.secondsAt = v, ptPos(r.nodes[at].Pos)
	}
}

// ptCallLines are the lines where a call of nodes (at any depth) starts.
func ptCallLines(nodes []*ptNode) map[int]bool {
	lines := map[int]bool{}
	ptWalk(nodes, func(n *ptNode) bool {
		if len(n.Calls) > 0 {
			lines[n.Pos.Line] = true
		}
		return true
	})
	return lines
}

// inputWordBefore reports whether a word naming the input ("input",
// "on", "takes") comes just before node i, on its line.
func (r *ptProseReader) inputWordBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && r.nodes[j].Pos.Line == r.nodes[i].Pos.Line; j-- {
		switch r.word(j) {
		case "input", "inputs", "in", "on", "takes", "receives", "inp", "image", "images", "img":
			return true
		}
	}
	return false
}

// ptProseReader reads the words of a paste one node at a time.
type ptProseReader struct {
	nodes []*ptNode
	p     ptProse
}

// word is node i as a lowercase word, or "".
func (r *ptProseReader) word(i int) string {
	if i < 0 || i >= len(r.nodes) || r.nodes[i].Ident == "" {
		return ""
	}
	return strings.ToLower(r.nodes[i].Ident)
}

// num is node i as a size, or 0.
func (r *ptProseReader) num(i int) int {
	if i < 0 || i >= len(r.nodes) || r.nodes[i].Num == "" {
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSuffix(r.nodes[i].Num, ".")) // "batch size 4."
	if err != nil || v > calc.MaxSize {
		return 0
	}
	return v
}

// shape reads the first size written: "32x32", "input of shape (1, 3,
// 224, 224)", "x is [None, 28, 28, 1]" (not "2x2 pools").
func (r *ptProseReader) shape(i int, n *ptNode) {
	if r.p.dims != nil {
		if !r.batchedInput(i, n) {
			r.whatIf(i, n)
		}
		return
	}
	defer func() { r.p.dimsSaid = r.p.dims != nil && r.inputWordBefore(i) }()
	if r.labelledShape(i) {
		return
	}
	if n.Dims != "" && !(ptLayerWords[r.word(i+1)] && r.nodes[i+1].Pos.Line == n.Pos.Line) {
		r.p.dims, r.p.dimsPos = ptDimsOf(n.Dims), ptPos(n.Pos)
		return
	}
	if r.commaShape(i) || r.productShape(i) {
		return
	}
	if v := r.num(i); v >= 8 && (r.word(i-1) == "input" || r.word(i-1) == "resolution" || r.resizedTo(i)) && !ptAfterSizeWords[r.word(i+1)] && r.punct(i+1) != "x" {
		// "input 224": a square input, its sides repeated as the layers need
		r.p.dims, r.p.dimsPos, r.p.single = []int{v}, ptPos(n.Pos), true
		return
	}
	var g *ptGroup
	switch {
	case ptTorchSize(n) != nil:
		g = ptTorchSize(n) // "last conv gives torch.Size([64, 128, 4, 4])"
	case n.Group != nil && ptShapeWordBefore(r.nodes, i):
		g = n.Group
	case len(n.Calls) > 0 && ptShapeWords[strings.ToLower(n.Ident)]:
		g = n.Calls[0]
	case len(n.Calls) > 0 && ptDataNouns[strings.ToLower(n.Ident)] && ptShapeWordBefore(r.nodes, i):
		g = n.Calls[0] // "input is a mel spectrogram (N, 1, 64, 128)"
	case ptDataNounShape(n) != nil:
		g = n.Calls[0] // "sensor data (B, 4, 200)": prose_batched_shape.go
	case len(n.Calls) > 0 && ptArticles[n.Ident] && ptShapeWordBefore(r.nodes, i):
		g = n.Calls[0] // "on a (None, 16, 16, 128) input": the tuple reads as a's call
	case len(n.Calls) > 0 && ptInputName(n.Ident):
		g = n.Calls[0] // "# input_img (64,64,3)": the tuple reads as the name's call
	}
	if g != nil {
		if d := ptIntGroup(g); d != nil {
			if len(d) == 4 && len(ptSplitArgs(g.Nodes)) == 4 && ptTorchSize(n) != nil {
				d = d[1:] // a printed torch.Size of a feature map starts with its batch
			}
			r.p.dims, r.p.dimsPos = d, ptPos(g.Pos)
		} else if c := ptOpenGroup(g); c > 0 && r.p.channels == 0 {
			r.p.channels, r.p.chPos, r.p.openSize = c, ptPos(g.Pos), true // [N, 128, H, W]
		}
	}
}

// ptInputName reports whether a name written before a tuple names the
// model's input (input_img, X_input, inputs), not a layer or a module.
func ptInputName(name string) bool {
	return !strings.Contains(name, ".") && strings.Contains(strings.ToLower(name), "input")
}

// ptTorchSize is the list of a printed torch.Size([64, 128, 4, 4]) at n,
// or nil when n is not one.
func ptTorchSize(n *ptNode) *ptGroup {
	if (n.Ident != "torch.Size" && n.Ident != "Size") || len(n.Calls) == 0 {
		return nil
	}
	if in := n.Calls[0].Nodes; len(in) == 1 && in[0].Group != nil && in[0].Group.Open == "[" {
		return in[0].Group
	}
	return nil
}

// ptOpenGroup reads [N, 128, H, W] — the channels a number, the sizes
// left as names — as its channels; 0 otherwise.
func ptOpenGroup(g *ptGroup) int {
	args := ptSplitArgs(g.Nodes)
	if len(args) != 4 {
		return 0
	}
	for k, a := range args {
		if len(a.Nodes) != 1 || (k != 1 && a.Nodes[0].Ident == "") {
			return 0
		}
	}
	v, err := strconv.Atoi(args[1].Nodes[0].Num)
	if err != nil || v < 1 || v > calc.MaxSize {
		return 0
	}
	return v
}

// input reads the words about the input: its channels, its length, the
// dataset, "after flattening".
func (r *ptProseReader) input(i int, n *ptNode) {
	p := &r.p
	switch w := r.word(i); w {
	case "rgb", "color", "colour", "colored", "coloured":
		p.channels, p.chPos = 3, ptPos(n.Pos)
	case "grayscale", "greyscale", "gray", "grey", "monochrome", "bw":
		p.channels, p.chPos = 1, ptPos(n.Pos)
	case "channel", "channels", "filters", "feature", "ch", "chans", "chan", "leads":
		// "256-channel", "256 channels"
		if i >= 2 && (r.nodes[i-1].Punct == "-" || r.word(i-1) == "input") && r.num(i-2) > 0 {
			p.channels, p.chPos = r.num(i-2), ptPos(r.nodes[i-2].Pos) // "256-channel", "3 input channels"
		} else if r.num(i-1) > 0 && w != "feature" && w != "filters" {
			p.channels, p.chPos = r.num(i-1), ptPos(r.nodes[i-1].Pos)
		} else if v := r.wordsBefore(i - 1); v > 0 && w != "feature" && w != "filters" {
			p.channels, p.chPos = v, ptPos(r.nodes[i-1].Pos) // "thirty two channels"
		}
	case "length", "len":
		if v := r.num(i + 1); v > 0 {
			p.length = v
		} else if (r.word(i+1) == "of" || r.punct(i+1) == "-" || r.punct(i+1) == "=" || r.punct(i+1) == ":") && r.num(i+2) > 0 {
			p.length = r.num(i + 2) // "length of 500", "a length-500 sequence"
		}
	case "khz", "hz", "second", "seconds", "sec", "secs":
		r.rateOrDuration(i, w)
	case "batch", "bs":
		// "a batch of 32", "batch size 32", "batch=32"
		for j := i + 1; j <= i+3; j++ {
			if v := r.num(j); v > 0 {
				p.batch = v
				break
			}
			if w := r.word(j); w != "of" && w != "size" && w != "is" && w != "was" && r.punct(j) != "=" && r.punct(j) != ":" {
				break
			}
		}
	case "frames", "slices":
		// "a clip of 16 frames at 112x112": the depth of a 3-D input
		if v := r.num(i - 1); v > 0 {
			p.frames = v
		}
	case "steps", "timesteps", "tokens", "words", "samples", "points", "long", "step", "timestep", "sample", "point":
		if v := r.num(i - 1); v > 0 && !strings.HasSuffix(w, "s") && w != "long" {
			// "a 500-sample clip" only: "1 sample" is not a length
		} else if v > 0 {
			p.length = v
		} else if r.punct(i-1) == "-" && r.num(i-2) > 0 {
			p.length = r.num(i - 2) // "a 500-sample window"
		}
	case "cifar", "cifar10", "cifar100", "cifar_10", "svhn":
		p.dataset = "cifar"
	case "mnist", "fashionmnist", "emnist", "fashion_mnist":
		p.dataset = "mnist"
	case "imagenet":
		p.dataset = "imagenet"
	case "flatten", "flattening", "flattened":
		p.flatten = p.flatten || !r.notFlattened(i) && !r.flattenAsked(i) // prose_flatten_asked.go
	}
}

// notFlattened reports whether the words before a "flatten" at i say it
// is missing: "i forgot the Flatten", "without a flatten", "no flatten",
// "why does it not flatten", "didn't flatten".
func (r *ptProseReader) notFlattened(i int) bool {
	for j := i - 1; j >= max(0, i-3); j-- {
		switch r.word(j) {
		case "forgot", "forget", "forgetting", "without", "no", "missing", "skipped", "omitted", "dropped", "removed", "lacks",
			"not", "never", "didnt", "doesnt", "dont", "t", "nt":
			return true
		case "the", "a", "any", "my", "to":
			continue
		}
		return false
	}
	return false
}

// ptAskWords map a word to what it asks for.
var ptAskWords = map[string]string{"params": "params", "parameters": "params", "parameter": "params", "param": "params",
	"trainable": "params", "weights": "params", "macs": "macs", "mac": "macs", "multiply": "macs", "multiplications": "macs",
	"mult": "macs", "flops": "flops", "flop": "flops", "receptive": "receptive field", "rf": "receptive field", "rfs": "receptive field", "memory": "memory", "neurons": "neurons",
	"connections": "connections", "connected": "connections"}

// asks reads what the words ask for ("params", "output shape", ...).
func (r *ptProseReader) asks(i int) {
	w := r.word(i)
	a := ptAskWords[w]
	if a == "" && r.asksOutput(i) {
		a = "output"
	}
	if r.asksInFeatures(i) {
		r.p.inFeatures = true
	}
	if a != "" && !slices.Contains(r.p.asked, a) {
		r.p.asked = append(r.p.asked, a)
	}
}

// ptLayerWords follow a size that is a layer's, not the input's: "2x2
// pools", "3x3 kernels".
var ptLayerWords = map[string]bool{"pool": true, "pools": true, "pooling": true, "maxpool": true, "kernel": true, "kernels": true,
	"filter": true, "filters": true, "conv": true, "convs": true, "convolution": true, "convolutions": true, "window": true, "windows": true,
	"patch": true, "patches": true, "max": true, "avg": true, "stride": true}

// ptShapeWordBefore reports whether one of the three words before nodes[i]
// says that a shape follows.
func ptShapeWordBefore(nodes []*ptNode, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if ptShapeWords[strings.ToLower(nodes[j].Ident)] {
			return nodes[j].Pos.Line == nodes[i].Pos.Line
		}
	}
	return false
}

var ptShapeWords = map[string]bool{"input": true, "inputs": true, "output": true, "outputs": true, "gives": true, "returns": true, "on": true, "shape": true, "size": true, "image": true, "images": true,
	"tensor": true, "dimensions": true, "dims": true, "is": true, "of": true, "x": true, "as": true, "at": true, "in": true, "ends": true,
	"takes": true, "receives": true, "have": true}

// ptShapeOfData reports whether argument a (named name) is an input shape
// taken from the data — input_shape=x_train.shape[1:] — which the code
// alone cannot size.
func ptShapeOfData(name string, a ptArg) bool {
	if name != "input_shape" && name != "shape" && name != "batch_input_shape" {
		return false
	}
	for _, n := range a.Nodes {
		if strings.HasSuffix(n.Ident, ".shape") {
			return true
		}
	}
	return false
}

// ptAfterSizeWords after a number say it is not the input's side: "input
// 3 channels", "input 784 features".
var ptAfterSizeWords = map[string]bool{"channels": true, "channel": true, "features": true, "feature": true, "dims": true,
	"units": true, "neurons": true, "values": true, "maps": true, "filters": true}

// ptArticles before a tuple in words: "on a (7, 7, 64) tensor".
var ptArticles = map[string]bool{"a": true, "an": true, "the": true, "A": true, "The": true}

// ptIntGroup reads (1, 3, 224, 224) or [None, 28, 28, 1] as sizes, a
// leading None (Keras's batch) dropped; nil when it is not such a tuple.
func ptIntGroup(g *ptGroup) []int {
	var d []int
	for k, a := range ptSplitArgs(g.Nodes) {
		if len(a.Nodes) != 1 {
			return nil
		}
		n := a.Nodes[0]
		if k == 0 && (n.Ident != "" || n.Punct == "?") {
			continue // the batch: None, N, B, batch_size, ?
		}
		v, err := strconv.Atoi(n.Num)
		if err != nil || v < 1 || v > calc.MaxSize {
			return nil
		}
		d = append(d, v)
	}
	if len(d) < 1 || len(d) > 5 {
		return nil
	}
	return d
}

// ptFinish completes a question: inserts the flatten a network needs before
// a linear layer fed a feature map (with a note), and fills Canonical.
func ptFinish(q *lang.Question, framework string, fixer *ptFixer) {
	q.Framework = framework
	if q.Input != nil && len(q.Layers) > 0 {
		in := q.Input
		kept := &kerasTotals{}
		for i := 0; i < len(q.Layers) && i < 10000; i++ {
			ptLinearND(q, i, in, framework)
			fixer.fix(q, i, in)
			kerasDenseND(q, i, in, framework)
			l := q.Layers[i]
			if lin, ok := l.Layer.(calc.Linear); ok && len(in) > 1 {
				n, err := in.Elements()
				if err == nil && (lin.In == 0 || int64(lin.In) == n) {
					name := "nn.Linear"
					how := "as x.view(x.size(0), -1) or torch.flatten(x, 1) does in forward"
					if framework == "keras" {
						name, how = "Dense", "as a Flatten() layer does (without it Keras would apply Dense to each position)"
					}
					q.Notes = append(q.Notes, fmt.Sprintf("%s receives a %v feature map: flattened to %d values first, %s", name, []int(in), n, how))
					fl := lang.Layer{Layer: calc.Flatten{}, Pos: l.Pos}
					q.Layers = slices.Insert(q.Layers, i, fl)
					ptShiftFrom(q, i)
					in = calc.Shape{int(n)}
					continue
				}
			}
			r, err := l.Apply(in)
			if err != nil {
				kept = nil
				break
			}
			kept.add(r)
			in = r.Output
		}
		q.Network = len(q.Layers) > 1
		if framework == "keras" {
			kept.note(q)
		}
	}
	if q.Input == nil && len(q.Layers) > 1 {
		q.Notes = append(q.Notes, "no input size in the paste: parameters are counted layer by layer; give one (e.g. input 3x224x224) for output shapes and MACs")
	}
	seen := map[string]bool{}
	q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool {
		dup := seen[n]
		seen[n] = true
		return dup
	})
	q.Canonical = lang.Format(q)
}

// kerasTotals adds up what Keras's model.summary() shows at its foot, and
// the rows where it differs from PyTorch's count (batch norm's).
type kerasTotals struct {
	params, buffers int64
	rows            []string
	n               int // layers added
}

func (k *kerasTotals) add(r calc.Report) {
	if k != nil {
		k.n++
		k.params += r.Params
		k.buffers += r.Buffers
		if r.Buffers > 0 {
			k.rows = append(k.rows, fmt.Sprintf("layer %d (%s) shows Param # %s in model.summary(): %s trainable + %s non-trainable",
				k.n, r.Kind, lang.Group(int(r.Params+r.Buffers)), lang.Group(int(r.Params)), lang.Group(int(r.Buffers))))
		}
	}
}

// note names Keras's totals when batch norm makes them differ from the
// learnable parameters and the question asks about parameters.
func (k *kerasTotals) note(q *lang.Question) {
	if k == nil || k.buffers == 0 || !slices.Contains(q.Asked, "params") {
		return // asked about the parameters: say what Keras prints too
	}
	q.Notes = append(q.Notes, fmt.Sprintf("Keras's model.summary() shows Total params: %s (Trainable params: %s, Non-trainable params: %s): it counts batch norm's moving mean and variance, which PyTorch keeps as buffers",
		lang.Group(int(k.params+k.buffers)), lang.Group(int(k.params)), lang.Group(int(k.buffers))))
	q.Notes = append(q.Notes, k.rows...)
}

// kerasDenseND reads a Keras Dense that receives a map or a sequence as
// Keras applies it: to the last axis at every position (calc's channels),
// with no flatten.
func kerasDenseND(q *lang.Question, i int, in calc.Shape, framework string) {
	lin, ok := q.Layers[i].Layer.(calc.Linear)
	if framework != "keras" || !ok || len(in) < 2 || (lin.In != 0 && lin.In != in[0]) {
		return
	}
	lin.In = in[0]
	q.Layers[i].Layer = linearND{Linear: lin, Channels: true}
	q.Notes = append(q.Notes, fmt.Sprintf("Dense receives %s (channels-last %v): Keras applies it to the last axis at every position, without flattening (put Flatten() before it to connect every value)",
		ptShapeText(in), calcToKeras(in)))
}

// ptLinearND reads an nn.Linear that receives an N-D tensor whose last
// size is its in_features as PyTorch applies it: at every position of the
// other axes (a transformer's MLP, ConvNeXt's pointwise layers).
func ptLinearND(q *lang.Question, i int, in calc.Shape, framework string) {
	lin, ok := q.Layers[i].Layer.(calc.Linear)
	if framework != "pytorch" || !ok || len(in) < 2 || lin.In != in[len(in)-1] || ptElems(in) == int64(lin.In) {
		return
	}
	q.Layers[i].Layer = linearND{Linear: lin}
	q.Notes = append(q.Notes, fmt.Sprintf("nn.Linear(%d, %d) receives %s: PyTorch applies it to the last axis at every position", lin.In, lin.Out, ptShapeText(in)))
}

func ptElems(s calc.Shape) int64 {
	n, err := s.Elements()
	if err != nil {
		return -1
	}
	return n
}

// ptKeyAliases are the short keywords people type for a layer's own
// ("Conv2d(k=3, s=2, p=1)"), each with the keywords it may stand for.
var ptKeyAliases = map[string][]string{
	"k": {"kernel_size"}, "ks": {"kernel_size"}, "kernel": {"kernel_size"}, "ksize": {"kernel_size"},
	"s": {"stride", "strides"}, "p": {"padding"}, "pad": {"padding"},
	"d": {"dilation", "dilation_rate"}, "g": {"groups"},
}

// ptKeyAlias is the keyword of names that the short keyword key stands
// for, or key itself when there is none.
func ptKeyAlias(key string, names []string) string {
	for _, k := range ptKeyAliases[key] {
		if slices.Contains(names, k) {
			return k
		}
	}
	return key
}

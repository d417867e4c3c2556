package paste

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasRE finds what only Keras code has: its class names (Conv2D with a
// capital D, Dense, MaxPooling2D), its keywords and model.summary() rows.
var kerasRE = regexp.MustCompile(`\b(?:keras|tensorflow|Keras|TensorFlow)\b|\btf\.|\blayers\.[A-Z]|\bmodel\.add\(|\binput_shape\b|\b(?:Conv[123]D|Conv[123]DTranspose|SeparableConv[12]D|DepthwiseConv2D|Dense|MaxPooling[123]D|AveragePooling[123]D|MaxPool[123]D|AvgPool[123]D|GlobalAveragePooling[123]D|GlobalMaxPooling[123]D|BatchNormalization|SimpleRNN|LayerNormalization|InputLayer|Bidirectional)\(|\bfilters\s*=|\bunits\s*=|\bstrides\s*=|\breturn_sequences\b|\buse_bias\b|\(None, [\d, None]*\)\s+[\d,?]+|[│┃]\s*\(None,|\([A-Z][A-Za-z]*[0-9]?D?\)\s+\(None,|\bTotal params:|\bmodel\.summary\(\)`)

func kerasScore(src string) int {
	if !kerasMarked(src) {
		return 0 // the regexp below is slow on long pastes; most PyTorch has none of these
	}
	return len(kerasRE.FindAllStringIndex(src, 8))
}

// kerasMarkers are literals one of which every match of kerasRE holds.
var kerasMarkers = []string{"eras", "ensorFlow", "ensorflow", "tf.", "layers.", "model.", "input_shape", "1D", "2D", "3D", "Dense",
	"BatchNormalization", "SimpleRNN", "InputLayer", "Bidirectional", "filters", "units", "strides", "return_sequences", "use_bias",
	"None", "│", "┃", "Total params"}

func kerasMarked(src string) bool {
	for _, m := range kerasMarkers {
		if strings.Contains(src, m) {
			return true
		}
	}
	return false
}

// LooksLikeKeras reports whether src reads as pasted Keras code or
// model.summary() rows rather than PyTorch code.
func LooksLikeKeras(src string) bool {
	k := kerasScore(src)
	return k > 0 && k > ptCodeMarks(src)
}

// ptCodeMarks counts (up to 8) the marks of PyTorch code in src, leaving
// out the framework named as a word ("what padding do I use in pytorch to
// match", "in torch"): a Keras layer asked about in PyTorch's terms is
// still Keras.
func ptCodeMarks(src string) int {
	n := 0
	for _, m := range ptLayerRE.FindAllStringIndex(src, 8) {
		w := src[m[0]:m[1]]
		named := strings.EqualFold(w, "pytorch") || w == "torch" && (m[1] == len(src) || src[m[1]] != '.')
		if !named {
			n++
		}
	}
	if tsSummaryRows(src) != nil {
		n += 4 // torchsummary's rows ("Conv2d-1  [-1, 16, 30, 30]"), whatever its footer shares with Keras's
	}
	return n
}

// ParseKeras reads pasted Keras code: layers in Sequential([...]),
// model.add(...) lines or functional `x = layers.Conv2D(...)(x)` lines, the
// input from Input(shape=...), input_shape= or words (channels-last, as
// Keras is, converted to channels-first shapes), and model.summary() rows,
// rebuilt into layers that give the row's count. Errors are [*lang.Error] at the
// argument at fault.
func ParseKeras(src string) (*lang.Question, error) {
	src = ptEllipsisBlanks(src)
	if in, said := kerasCommentShapeInput(src); said {
		src = in // keras_comment_shape.go: "x = base_model.output  # (None, 8, 8, 256)"
	}
	if rebuilt, note, old, ok := kerasRebuilt(src); ok {
		q, err := parseKeras(rebuilt)
		if err != nil {
			return nil, err
		}
		q.Notes = append(q.Notes, note)
		q.Unused = append(q.Unused, old...)
		return q, nil
	}
	q, err := parseKeras(src)
	return ptWithClaims(src, q, err)
}

// parseKeras is ParseKeras once the words' rebuild is applied.
func parseKeras(src string) (*lang.Question, error) {
	src = kerasBlankMessages(src)
	if q, err, ok := ptFirstOfMany(src); ok {
		return q, err
	}
	if q, ok := parseBlockProse(src, "keras"); ok {
		return q, nil
	}
	q := &lang.Question{}
	rows := kerasSummaryRows(src)
	if len(rows) == 0 {
		if bn, ok := kerasBNInWords(src); ok {
			if f, err := ptParseTree(src); err == nil {
				bn.Asked = ptReadProse(f).asked
			}
			return bn, nil
		}
	}
	orig := src
	if len(rows) > 0 {
		src = kerasBlankRows(src)
	}
	f, err := ptParseTree(src)
	_, adds := findAddedLayer(src, "keras")
	if err == nil && len(rows) > 0 && (kerasCountLayers(f) < min(len(rows), 2) || adds && len(rows) >= 2) {
		prose := ptReadProse(f)
		q.Asked = prose.asked
		q.Input = kerasSummaryInput(prose, rows)
		if err := summaryRebuild(rows, q, src, "keras"); err != nil {
			return nil, err
		}
		withAddedLayer(orig, src, "keras", rows, q)
		askKernel(q, src)
		ptFinish(q, "keras", nil)
		return q, nil
	}
	if err != nil {
		return nil, err
	}
	env := ptEnv(f)
	ptProseBindings(src, f, env, q) // prose_bindings.go
	prose := ptReadProse(f)
	q.Asked = prose.asked
	k := &kerasReader{env: env, q: q, src: src}
	k.walk(f.Nodes)
	if k.err != nil {
		return nil, k.err
	}
	k.message(src)
	if k.functional(f, prose) {
		k.notes()
		ptFinish(q, "keras", nil)
		q.Notes = slices.DeleteFunc(q.Notes, func(n string) bool { return strings.HasPrefix(n, "no input size in the paste") })
		return q, nil
	}
	return k.sequential(orig, prose)
}

// sequential sizes the layers of a Sequential model (or a list of layers)
// once they are read: the input from the code or the words, the Flatten
// the words or a message imply, then the notes.
func (k *kerasReader) sequential(orig string, prose ptProse) (*lang.Question, error) {
	q, src := k.q, k.src
	if len(q.Layers) == 0 {
		return nil, ptNothingFound(src, "Keras")
	}
	k.channelsFirstFix(src, prose)
	if err := k.input(prose); err != nil {
		return nil, err
	}
	k.wordsFlatten(prose)
	if _, dense := q.Layers[0].Layer.(calc.Linear); dense && prose.flatten && len(q.Input) > 1 {
		// "Dense(10) after flattening a 7x7x64 tensor"
		q.Layers = append([]lang.Layer{{Layer: calc.Flatten{}, Pos: q.Layers[0].Pos}}, q.Layers...)
	}
	if kerasSamePaddingAsked(src, q) {
		q.Framework = "keras"
		q.Canonical = lang.Format(q)
		return q, nil
	}
	kerasDenseFromMessage(src, q)
	if err := kerasNeedsInput(q); err != nil {
		return nil, err
	}
	kerasAddFlatten(orig, q)
	k.mentionsAt()
	k.notes()
	ptFinish(q, "keras", nil)
	ptCutAtTooSmall(src, q)
	ptEllipsisNote(src, q)
	return q, nil
}

// kerasNeedsInput refuses a paste whose first layer sizes itself from an
// input the paste does not give (Keras layers do not say their inputs).
func kerasNeedsInput(q *lang.Question) error {
	if q.Input != nil {
		return nil
	}
	l := q.Layers[0]
	var hint string
	switch x := l.Layer.(type) {
	case calc.Conv:
		if x.In == 0 {
			hint = fmt.Sprintf("give the input: Conv%dD(%d, %d, input_shape=(28, 28, 1)), or a first line keras.Input(shape=(32, 32, 3))", ptDims(x.Dims), x.Out, calc.Per(x.Kernel, 0, 3))
			if x.Dims == 1 {
				hint = fmt.Sprintf("give the input as (steps, channels): Conv1D(%d, %d, input_shape=(100, 16)), or keras.Input(shape=(100, 16))", x.Out, calc.Per(x.Kernel, 0, 3))
			}
		}
	case calc.Linear:
		if x.In == 0 {
			hint = fmt.Sprintf("give the inputs: Dense(%d, input_shape=(784,)), or Dense(%d) after Flatten(input_shape=(7, 7, 64))", x.Out, x.Out)
		}
	case calc.Separable:
		if x.In == 0 {
			hint = "give the input: SeparableConv2D(64, 3, input_shape=(32, 32, 3)), or DepthwiseConv2D(3, input_shape=(56, 56, 32))"
		}
	case calc.Recurrent:
		if x.In == 0 {
			hint = fmt.Sprintf("give the input as (timesteps, features): LSTM(%d, input_shape=(None, 32)), or after Embedding(10000, 128)", x.Hidden)
		}
	}
	if hint == "" {
		return nil
	}
	return &lang.Error{Line: l.Pos.Line, Col: l.Pos.Col, Msg: "Keras takes a layer's input size from the layer before it, and nothing here says it", Hint: hint}
}

// kerasReader collects the layers of a paste in text order.
type kerasReader struct {
	env        map[string]ptValue
	q          *lang.Question
	err        error
	shape      []ptValue // the input shape as written (channels-last), batch dropped
	shapeAt    lang.Position
	chFirst    bool // data_format='channels_first'
	inputLen   int  // Embedding(input_length=)
	sawBN, gru bool
	resetAfter bool
	shapeCall  *ptCall        // the call the input shape was written in
	shapeKey   string         // its keyword: "input_shape", "shape", ...
	contextCh  int            // the filters of a layer written after "after", read for its channels only
	read       []string       // the layer calls read, as text
	readCalls  []*ptCall      // the layer calls read (mention_partial.go)
	mentions   []kerasMention // the calls the words name again (mention_partial.go)
	src        string         // the paste, for words about the whole model ("base frozen")
}

// kerasContainers are walked, not built.
var kerasContainers = map[string]bool{"Sequential": true, "Model": true, "Functional": true}

// kerasNotLayers are calls that are neither layers nor containers.
var kerasNotLayers = map[string]bool{"Adam": true, "SGD": true, "RMSprop": true, "EarlyStopping": true, "ModelCheckpoint": true,
	"SparseCategoricalCrossentropy": true, "CategoricalCrossentropy": true, "BinaryCrossentropy": true, "Accuracy": true,
	"ImageDataGenerator": true, "Add": true, "Concatenate": true}

// kerasPassThrough are layers without parameters that keep the shape.
var kerasPassThrough = map[string]bool{"Rescaling": true, "Normalization": true, "RandomFlip": true, "RandomRotation": true,
	"RandomZoom": true, "RandomCrop": false, "GaussianNoise": true, "GaussianDropout": true, "ActivityRegularization": true}

func (k *kerasReader) walk(nodes []*ptNode) {
	for i, n := range nodes {
		if k.err != nil {
			return
		}
		if k.looseShape(nodes, i) {
			continue
		}
		c := ptCallOf(n)
		if c != nil && ptDefinition(nodes, i) {
			c = nil
		}
		if c == nil {
			c = kerasBareLayer(nodes, i)
		}
		if c != nil && k.setting(c) {
			continue
		}
		if c == nil {
			if n.Group != nil {
				k.walk(n.Group.Nodes)
			}
			for _, g := range n.Calls {
				k.walk(g.Nodes)
			}
			continue
		}
		base := c.Base()
		if base == "Input" || base == "InputLayer" {
			k.inputCall(c)
			continue
		}
		if k.mentionedAgain(nodes, i, c) {
			continue
		}
		if spec, ok := kerasSpecs[base]; ok {
			k.layerCall(nodes, i, c, spec)
			if k.err != nil {
				return
			}
			continue
		}
		if kerasPassThrough[base] {
			k.q.Notes = append(k.q.Notes, base+" has no parameters and keeps the shape: left out")
			continue
		}
		before := len(k.q.Layers)
		for _, g := range n.Calls {
			k.walk(g.Nodes)
		}
		if len(k.q.Layers) > before || kerasContainers[base] || kerasNotLayers[base] || !ptIsModuleName(base) || len(c.Args) == 0 {
			continue
		}
		k.err = &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col,
			Msg:  fmt.Sprintf("%s is not a layer I know, so I cannot size it", c.Name),
			Hint: "I read Conv1D/2D/3D, Conv2DTranspose, SeparableConv2D, DepthwiseConv2D, Dense, pooling, BatchNormalization, Flatten, Dropout, Embedding, LSTM/GRU/SimpleRNN; e.g. Conv2D(32, (3, 3), input_shape=(28, 28, 1)) or Dense(10)"}
	}
}

// layerCall reads the layer call c at nodes[i]: as the layer before the
// one written first on its line when "after" precedes it (only its outputs
// when it cannot be sized), repeated when "x3" or "twice" follows.
func (k *kerasReader) layerCall(nodes []*ptNode, i int, c *ptCall, spec kerasBuild) {
	ls, err := spec(k, c)
	k.read = append(k.read, ptCallText(c))
	k.readCalls = append(k.readCalls, c)
	after := k.kerasAfter(nodes, i)
	if after && (err != nil || k.shape == nil) && k.context(c) {
		return
	}
	if err != nil {
		k.err = err
		return
	}
	k.q.Layers = append(k.q.Layers, ls...)
	if after {
		k.moveBefore(len(k.q.Layers) - len(ls))
	}
	if times := ptRepeatAfter(nodes, i); times > 1 && len(ls) > 0 {
		again := ptChainedCopy(ls)
		for r := 1; r < times && len(k.q.Layers) < ptMaxRepeated; r++ {
			k.q.Layers = append(k.q.Layers, again...)
		}
		k.q.Notes = append(k.q.Notes, fmt.Sprintf("%s is taken %d times, one after the other", ptCallText(c), times))
	}
}

// inputCall reads Input(shape=...) and InputLayer(input_shape=...).
func (k *kerasReader) inputCall(c *ptCall) {
	c = kerasLooseInput(c)
	b, err := ptBind(c, k.env, []string{"shape", "batch_size", "name", "dtype", "sparse", "tensor", "ragged", "input_shape", "batch_input_shape", "batch_shape"}, nil,
		"e.g. keras.Input(shape=(28, 28, 1)) or Input(shape=(784,))")
	if err != nil {
		k.err = err
		return
	}
	k.takeShape(b)
}

// takeShape keeps the first input shape written: shape=, input_shape=,
// batch_input_shape= or Dense's input_dim=.
func (k *kerasReader) takeShape(b *ptBound) {
	if k.shape != nil || k.err != nil {
		return
	}
	for _, name := range []string{"shape", "input_shape", "batch_input_shape", "batch_shape", "input_dim"} {
		v, ok := b.vals[name]
		base := b.call.Base()
		recurrent := base == "LSTM" || base == "GRU" || base == "SimpleRNN"
		if !ok || v.Kind == ptNone || (name == "input_dim" && base != "Dense" && !recurrent) {
			continue
		}
		if v.Kind == ptInt {
			v = ptValue{Kind: ptTuple, Items: []ptValue{v}, Pos: v.Pos}
			if recurrent && name == "input_dim" {
				// LSTM(32, input_dim=10): features 10, any number of steps
				v.Items = append([]ptValue{{Kind: ptNone}}, v.Items...)
			}
		}
		if v.Kind != ptTuple || len(v.Items) == 0 {
			k.err = b.errAt(b.at(name), fmt.Sprintf("%s should be a tuple such as (28, 28, 1), not %s", name, ptDescribe(v)))
			return
		}
		items := v.Items
		if strings.HasPrefix(name, "batch") {
			items = items[1:]
		}
		for _, it := range items {
			if it.Kind != ptNone && (it.Kind != ptInt || it.Int < 1 || it.Int > calc.MaxSize) {
				k.err = b.errAt(b.at(name), fmt.Sprintf("%s holds %s: sizes are whole numbers from 1 (or None)", name, ptDescribe(it)))
				return
			}
		}
		k.shape, k.shapeAt = items, b.at(name)
		k.shapeCall, k.shapeKey = b.call, name
		return
	}
}

// input turns the shape written (channels-last unless data_format says
// otherwise) into the channels-first input, or reads it from the words.
func (k *kerasReader) input(prose ptProse) error {
	if k.shape == nil {
		k.proseInput(prose)
		if k.q.Input == nil {
			k.kerasWordsInput(prose)
		}
		if k.q.Input == nil {
			k.fromSaidOutput()
		}
		return nil
	}
	var dims []int
	unknown := false
	for _, it := range k.shape {
		if it.Kind == ptNone {
			unknown = true
		}
		dims = append(dims, int(it.Int)) // 0 for None
	}
	last := dims[len(dims)-1]
	if k.chFirst {
		last = dims[0]
	}
	if unknown {
		k.openInput(last)
		return nil
	}
	k.shapeInput(dims, last)
	return nil
}

// proseInput reads the input from the words when the code gives none.
func (k *kerasReader) proseInput(prose ptProse) {
	q := k.q
	first := q.Layers[0].Layer
	prose = withoutSaidOutput(k.src, prose) // keras_said_output.go: "Conv2D(64, 3) gives (None, 10, 10, 64)"
	in, note := ptProseInput(prose, ptRank(q.Layers), first, true)
	if in == nil && k.inputLen > 0 {
		in = calc.Shape{k.inputLen}
	}
	if in == nil {
		in = k.proseSizes(prose)
	}
	if in == nil {
		// "a 256-channel feature map", "after Conv2D(128)": the channels
		// are enough for the parameters.
		k.proseChannels(prose)
	}
	if note != "" {
		q.Notes = append(q.Notes, note)
	}
	q.Input = in
}

// openInput takes a shape with sizes left open — (None, 32) for an LSTM,
// (None, None, 3) for a fully convolutional net: the features or channels
// are known, the sizes are not.
func (k *kerasReader) openInput(last int) {
	q := k.q
	if r, ok := q.Layers[0].Layer.(calc.Recurrent); ok && last != 0 {
		r.In = last
		q.Layers[0].Layer = r
	}
	if last != 0 {
		kerasChannels(q, last)
	}
	q.Notes = append(q.Notes, fmt.Sprintf("the input shape %s has sizes left open (None): counting parameters only", ptTupleText(k.shape)))
}

// shapeInput turns a whole shape (channels-last unless data_format says
// otherwise) into the channels-first input.
func (k *kerasReader) shapeInput(dims []int, last int) {
	q := k.q
	first := q.Layers[0].Layer
	var in calc.Shape
	switch {
	case len(dims) == 1:
		in = calc.Shape{dims[0]}
	case k.chFirst:
		in = calc.Shape(dims)
	default:
		in = append(calc.Shape{last}, dims[:len(dims)-1]...)
	}
	_, recurrent := first.(calc.Recurrent)
	switch first.(type) {
	case calc.Embedding:
		in = calc.Shape{dims[0]}
	case calc.Recurrent:
		if len(dims) == 2 {
			in = calc.Shape{dims[1], dims[0]}
		}
	case calc.Flatten:
		if len(dims) == 2 {
			// Flatten(input_shape=(28, 28)): an image without a channel axis.
			q.Input = calc.Shape(dims)
			return
		}
	}
	if len(dims) > 1 && !k.chFirst {
		if recurrent {
			q.Notes = append(q.Notes, fmt.Sprintf("input shape %s read as (timesteps, features)", ptTupleText(k.shape)))
		} else {
			q.Notes = append(q.Notes, fmt.Sprintf("Keras is channels-last: input shape %s read as %s with %d channel(s) (channels-first %v)", ptTupleText(k.shape), ptJoin(dims[:len(dims)-1]), last, []int(in)))
		}
	}
	q.Input = in
}

func ptTupleText(vs []ptValue) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = ptDescribe(v)
	}
	if len(s) == 1 {
		return "(" + s[0] + ",)"
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// notes names the conventions where Keras and PyTorch count differently.
func (k *kerasReader) notes() {
	if k.sawBN {
		k.q.Notes = append(k.q.Notes, "Keras's BatchNormalization shows 4·C in model.summary(): γ and β (2·C trainable) plus the moving mean and variance (2·C non-trainable); PyTorch calls the latter buffers, not parameters")
	}
	if k.gru {
		if k.resetAfter {
			k.q.Notes = append(k.q.Notes, "Keras's GRU has reset_after=True by default (TF2): two bias vectors per gate, 3·H·(I + H) + 6·H, as PyTorch")
		} else {
			k.q.Notes = append(k.q.Notes, "reset_after=False: one bias vector per gate, 3·H·(I + H) + 3·H")
		}
	}
}

// kerasBlankRows blanks the summary table of src (rows, borders, wrapped
// class names), keeping the words around it.
func kerasBlankRows(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(kerasBorders.Replace(l))
		header := strings.Contains(l, "Output Shape") && strings.Contains(l, "Param")
		// a class name wrapped onto its own line: "(MaxPooling2D)", not "])"
		balanced := strings.Count(t, "(") == strings.Count(t, ")")
		wrapped := len(t) > 0 && (t[0] == '(' || t[len(t)-1] == ')') && !strings.Contains(t, " ") && strings.ContainsFunc(t, unicode.IsLetter) &&
			!(balanced && t[0] != '(') // "Dense(10)" is code
		if header || kerasRowRE.MatchString(kerasBorders.Replace(l)) || strings.ContainsAny(l, "│┃┏┡└├━─═") || strings.Contains(l, "___") || wrapped {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// kerasCountLayers counts the Keras layer calls of a paste (up to 2): with
// two, the code, not the summary rows beside it, is the model; one is a
// row named in words ("second conv is Conv2D(48, (3, 3))"), and so are the
// calls of a bracketed remark.
func kerasCountLayers(f *ptFile) int {
	n := 0
	ptWalk(f.Nodes, func(nd *ptNode) bool {
		if kerasRemark(nd) {
			return false // keras_remark.go: "(last conv is Conv2D(64, (3,3)), dense is Dense(64))"
		}
		if c := ptCallOf(nd); c != nil && kerasSpecs[c.Base()] != nil {
			n++
		}
		return n < 2
	})
	return n
}

// kerasBareLayer reads a layer named without its brackets in a list —
// "Conv2D(32, 3), MaxPooling2D, Flatten, Dense(10)" — as called with
// Keras's defaults; nil for any other node.
func kerasBareLayer(nodes []*ptNode, i int) *ptCall {
	n := nodes[i]
	if n.Ident == "" || len(n.Calls) > 0 {
		return nil
	}
	base := n.Ident[strings.LastIndexByte(n.Ident, '.')+1:]
	if kerasSpecs[base] == nil || !kerasBareOK(base) {
		return nil
	}
	if i+2 < len(nodes) && kerasAfterWords[strings.ToLower(nodes[i+1].Ident)] && ptCallOf(nodes[i+2]) != nil {
		return &ptCall{Name: n.Ident, Pos: ptPos(n.Pos), Close: ptPos(n.Pos), Node: n} // "BatchNormalization after Conv2D(128)"
	}
	if kerasThenBare(nodes, i) || kerasAfterThen(nodes, i) { // keras_bare_then.go: "GlobalAveragePooling2D then Dense(5)"
		return &ptCall{Name: n.Ident, Pos: ptPos(n.Pos), Close: ptPos(n.Pos), Node: n}
	}
	// a list: "Conv2D(32, 3), MaxPooling2D, Dense(10)", "A: Flatten -> Dense(10)"
	commaBefore := i > 0 && (nodes[i-1].Punct == "," || nodes[i-1].Punct == "->" || nodes[i-1].Punct == ":")
	commaAfter := i+1 < len(nodes) && (nodes[i+1].Punct == "," || nodes[i+1].Punct == "->")
	// "Conv2D(64,3) MaxPool2D(2) Flatten -> ...": a layer call just before
	callBefore := i > 0 && nodes[i-1].Pos.Line == n.Pos.Line && kerasSpecs[ptBase(nodes[i-1])] != nil && len(nodes[i-1].Calls) > 0
	before := i == 0 || commaBefore || callBefore
	after := i+1 == len(nodes) || commaAfter || nodes[i+1].Pos.Line > n.Pos.Line
	if callBefore && !after {
		p := nodes[i+1].Punct
		after = p == "->" || p == "?" || p == "." || p == ":" || nodes[i+1].Ident != "" && len(nodes[i+1].Calls) > 0
	}
	if !before || !after || (!commaBefore && !commaAfter && !callBefore) {
		return nil
	}
	return &ptCall{Name: n.Ident, Pos: ptPos(n.Pos), Close: ptPos(n.Pos), Node: n}
}

// ptBase is the last part of a node's dotted name: Conv2D of layers.Conv2D.
func ptBase(n *ptNode) string {
	return n.Ident[strings.LastIndexByte(n.Ident, '.')+1:]
}

// setting reads calls that set the input rather than add a layer:
// tf.zeros((1, 8, 8, 3)), tf.random.normal(...), np.zeros(...), and
// set_image_data_format('channels_first'). It reports whether c was one.
func (k *kerasReader) setting(c *ptCall) bool {
	base := c.Base()
	switch {
	case base == "set_image_data_format":
		if len(c.Args) == 1 {
			if v, err := ptEval(c.Args[0].Nodes, k.env); err == nil && v.Kind == ptStr && v.Str == "channels_first" {
				k.chFirst = true
			}
		}
		return true
	case (base == "zeros" || base == "ones" || base == "normal" || base == "uniform" || base == "rand" || base == "randn") &&
		(strings.HasPrefix(c.Name, "tf.") || strings.HasPrefix(c.Name, "np.")):
		if k.shape != nil || len(c.Args) == 0 {
			return true
		}
		v, err := ptEval(c.Args[0].Nodes, k.env)
		if err != nil || v.Kind != ptTuple || len(v.Items) < 2 {
			return true
		}
		for _, it := range v.Items {
			if it.Kind != ptInt || it.Int < 1 || it.Int > calc.MaxSize {
				return true
			}
		}
		k.shape, k.shapeAt = v.Items[1:], c.Pos // the batch dropped
		return true
	}
	return false
}

// kerasBareOK reports whether a layer named bare has all it needs from
// Keras's defaults (a pool, Flatten, BatchNormalization, ...), unlike
// Conv2D or Dense.
func kerasBareOK(base string) bool {
	for _, p := range []string{"MaxPool", "AveragePool", "AvgPool", "GlobalAverage", "GlobalMax", "Flatten", "BatchNormalization",
		"LayerNormalization", "Dropout", "ReLU", "UpSampling", "ZeroPadding", "Cropping"} {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	return false
}

// kerasAxisRE is Keras's message for an input whose last axis is not what
// the layer was built for.
var kerasAxisRE = regexp.MustCompile(`expected axis -1 of input shape to have value (\d+),? but received input with shape \(([^)]*)\)`)

// message reads Keras's "expected axis -1 ... received input with shape
// (None, 28, 28, 3)": the shape received is the input, and the input shape
// written in the code is fixed to it.
func (k *kerasReader) message(src string) {
	m := kerasAxisRE.FindStringSubmatch(src)
	if m == nil || k.shapeCall == nil || kerasInnerLayerMessage(src, k.q) {
		return
	}
	var items []ptValue
	var text []string
	for _, f := range strings.Split(m[2], ",") {
		f = strings.TrimSpace(f)
		v, err := strconv.Atoi(f)
		if err != nil || v < 1 || v > calc.MaxSize {
			if f == "None" && len(items) == 0 && len(text) == 0 {
				text = append(text, "")
				continue // the batch
			}
			return
		}
		items = append(items, ptValue{Kind: ptInt, Int: int64(v)})
		text = append(text, f)
	}
	if len(items) != len(k.shape) {
		return
	}
	old := ptArgSource(src, k.shapeCall, -1, k.shapeKey)
	shape := "(" + strings.Join(text[1:], ", ") + ")"
	if len(items) == 1 {
		shape = "(" + text[1] + ",)"
	}
	line := ptCallWith(src, k.shapeCall, -1, k.shapeKey, shape)
	why := fmt.Sprintf("Keras's message says the model receives (None, %s), but %s=%s was written", strings.Join(text[1:], ", "), k.shapeKey, old)
	k.shape = items
	k.q.Fix = &lang.Fix{Layer: 0, Line: line, Why: why}
	k.q.Notes = append(k.q.Notes, "fix: "+line+" ("+why+")")
	k.q.Unused = append(k.q.Unused, lang.Unused{Text: old, Pos: k.shapeAt, Why: "the input the model really receives is " + shape})
}

// kerasLayerNameRE is the layer Keras's message is about: `Input 0 of
// layer "dense_1"`.
var kerasLayerNameRE = regexp.MustCompile(`Input 0 of layer "?(\w+)"?`)

// kerasInnerLayerMessage reports whether Keras's message is about a Dense
// inside the model (`layer "dense"` after convs): what reaches it, not the
// model's input, so the input written stays.
func kerasInnerLayerMessage(src string, q *lang.Question) bool {
	m := kerasLayerNameRE.FindStringSubmatch(src)
	if m == nil || !strings.HasPrefix(strings.ToLower(m[1]), "dense") || len(q.Layers) == 0 {
		return false
	}
	_, first := q.Layers[0].Layer.(calc.Linear)
	return !first
}

// kerasLooseInput reads Input(32, 32, 3), the shape written without its
// tuple as people write it in words, as Input(shape=(32, 32, 3)): two or
// more numbers and no keyword. Other calls are returned as they are.
func kerasLooseInput(c *ptCall) *ptCall {
	if len(c.Args) < 2 || len(c.Args) > 4 {
		return c
	}
	var nodes []*ptNode
	for i, a := range c.Args {
		if a.Key != "" || len(a.Nodes) != 1 || a.Nodes[0].Num == "" {
			return c
		}
		if i > 0 {
			nodes = append(nodes, &ptNode{Pos: a.Nodes[0].Pos, Tok: ",", Punct: ","})
		}
		nodes = append(nodes, a.Nodes[0])
	}
	cp := *c
	tuple := &ptNode{Pos: c.Args[0].Nodes[0].Pos, Group: &ptGroup{Open: "(", Close: ")", Nodes: nodes}}
	cp.Args = []ptArg{{Key: "shape", Pos: c.Args[0].Pos, Nodes: []*ptNode{tuple}}}
	return &cp
}

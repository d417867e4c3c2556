package paste

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasRE finds what only Keras code has: its class names (Conv2D with a
// capital D, Dense, MaxPooling2D), its keywords and model.summary() rows.
var kerasRE = regexp.MustCompile(`\b(?:keras|tensorflow|Keras|TensorFlow)\b|\btf\.|\blayers\.[A-Z]|\bmodel\.add\(|\binput_shape\b|\b(?:Conv[123]D|Conv[123]DTranspose|SeparableConv[12]D|DepthwiseConv2D|Dense|MaxPooling[123]D|AveragePooling[123]D|MaxPool[123]D|AvgPool[123]D|GlobalAveragePooling[123]D|GlobalMaxPooling[123]D|BatchNormalization|SimpleRNN|LayerNormalization|InputLayer|Bidirectional)\(|\bfilters\s*=|\bunits\s*=|\bstrides\s*=|\breturn_sequences\b|\buse_bias\b|\(None, [\d, None]*\)\s+[\d,]+`)

func kerasScore(src string) int { return len(kerasRE.FindAllStringIndex(src, 8)) }

// LooksLikeKeras reports whether src reads as pasted Keras code or
// model.summary() rows rather than PyTorch code.
func LooksLikeKeras(src string) bool {
	k := kerasScore(src)
	return k > 0 && k > len(ptLayerRE.FindAllStringIndex(src, 8))
}

// ParseKeras reads pasted Keras code: layers in Sequential([...]),
// model.add(...) lines or functional `x = layers.Conv2D(...)(x)` lines, the
// input from Input(shape=...), input_shape= or words (channels-last, as
// Keras is, converted to channels-first shapes), and model.summary() rows,
// rebuilt into layers that give the row's count. Errors are [*lang.Error] at the
// argument at fault.
func ParseKeras(src string) (*lang.Question, error) {
	f, err := ptParseTree(src)
	if err != nil {
		return nil, err
	}
	env := ptEnv(f)
	q := &lang.Question{}
	prose := ptReadProse(f)
	q.Asked = prose.asked
	if rows := kerasSummaryRows(f); len(rows) > 0 {
		if err := kerasFromSummary(rows, q); err != nil {
			return nil, err
		}
		ptFinish(q, "keras")
		return q, nil
	}
	k := &kerasReader{env: env, q: q}
	k.walk(f.Nodes)
	if k.err != nil {
		return nil, k.err
	}
	if len(q.Layers) == 0 {
		return nil, ptNothingFound(src, "Keras")
	}
	if err := k.input(prose); err != nil {
		return nil, err
	}
	if err := kerasNeedsInput(q); err != nil {
		return nil, err
	}
	k.notes()
	ptFinish(q, "keras")
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
			hint = fmt.Sprintf("give the input: Conv%dD(%d, %d, input_shape=(28, 28, 1)), or a first line keras.Input(shape=(32, 32, 3))", ptDims(x.Dims), x.Out, kerasPer(x.Kernel, 0, 3))
			if x.Dims == 1 {
				hint = fmt.Sprintf("give the input as (steps, channels): Conv1D(%d, %d, input_shape=(100, 16)), or keras.Input(shape=(100, 16))", x.Out, kerasPer(x.Kernel, 0, 3))
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
		c := ptCallOf(n)
		if c != nil && ptDefinition(nodes, i) {
			c = nil
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
		if spec, ok := kerasSpecs[base]; ok {
			ls, err := spec(k, c)
			if err != nil {
				k.err = err
				return
			}
			k.q.Layers = append(k.q.Layers, ls...)
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

// inputCall reads Input(shape=...) and InputLayer(input_shape=...).
func (k *kerasReader) inputCall(c *ptCall) {
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
		if !ok || v.Kind == ptNone || (name == "input_dim" && b.call.Base() != "Dense") {
			continue
		}
		if v.Kind == ptInt {
			v = ptValue{Kind: ptTuple, Items: []ptValue{v}, Pos: v.Pos}
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
		return
	}
}

// input turns the shape written (channels-last unless data_format says
// otherwise) into the channels-first input, or reads it from the words.
func (k *kerasReader) input(prose ptProse) error {
	q := k.q
	first := q.Layers[0].Layer
	if k.shape == nil {
		in, note := ptProseInput(prose, ptRank(q.Layers), first, true)
		if in == nil && k.inputLen > 0 {
			in = calc.Shape{k.inputLen}
		}
		if in == nil && prose.channels > 0 {
			// "a 256-channel feature map": the channels are enough for a
			// layer that sizes itself from them.
			switch l := first.(type) {
			case calc.BatchNorm:
				l.C = prose.channels
				q.Layers[0].Layer = l
			case calc.LayerNorm:
				l.Shape = []int{prose.channels}
				q.Layers[0].Layer = l
			}
		}
		if note != "" {
			q.Notes = append(q.Notes, note)
		}
		q.Input = in
		return nil
	}
	var dims []int
	unknown := false
	for _, it := range k.shape {
		if it.Kind == ptNone {
			unknown = true
			dims = append(dims, 0)
			continue
		}
		dims = append(dims, int(it.Int))
	}
	last := dims[len(dims)-1]
	if k.chFirst {
		last = dims[0]
	}
	if unknown {
		// (None, 32) for an LSTM, (None, None, 3) for a fully convolutional
		// net: the features or channels are known, the sizes are not.
		if last != 0 {
			switch l := first.(type) {
			case calc.Recurrent:
				l.In = last
				q.Layers[0].Layer = l
			case calc.Conv:
				l.In = last
				q.Layers[0].Layer = l
			case calc.Separable:
				l.In = last
				q.Layers[0].Layer = l
			case calc.Linear:
				l.In = last
				q.Layers[0].Layer = l
			}
		}
		q.Notes = append(q.Notes, fmt.Sprintf("the input shape %s has sizes left open (None): counting parameters only", ptTupleText(k.shape)))
		return nil
	}
	var in calc.Shape
	switch {
	case len(dims) == 1:
		in = calc.Shape{dims[0]}
	case k.chFirst:
		in = calc.Shape(dims)
	default:
		in = append(calc.Shape{last}, dims[:len(dims)-1]...)
	}
	if _, ok := first.(calc.Embedding); ok {
		in = calc.Shape{dims[0]}
	}
	if _, ok := first.(calc.Recurrent); ok && len(dims) == 2 {
		in = calc.Shape{dims[1], dims[0]}
	}
	if len(dims) == 2 && ptRank(q.Layers) != 2 {
		// Flatten(input_shape=(28, 28)): an image without a channel axis.
		q.Input = calc.Shape(dims)
		return nil
	}
	if len(dims) > 1 && !k.chFirst {
		if _, ok := first.(calc.Recurrent); ok {
			q.Notes = append(q.Notes, fmt.Sprintf("input shape %s read as (timesteps, features)", ptTupleText(k.shape)))
		} else {
			q.Notes = append(q.Notes, fmt.Sprintf("Keras is channels-last: input shape %s read as %s with %d channel(s) (channels-first %v)", ptTupleText(k.shape), ptJoin(dims[:len(dims)-1]), last, []int(in)))
		}
	}
	q.Input = in
	return nil
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

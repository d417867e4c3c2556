package paste

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasIgnored are keyword arguments that change neither a count nor a shape.
var kerasIgnored = []string{"activation", "name", "trainable", "dtype", "kernel_initializer", "bias_initializer",
	"kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
	"recurrent_activation", "recurrent_initializer", "recurrent_regularizer", "recurrent_constraint", "dropout",
	"recurrent_dropout", "return_state", "go_backwards", "stateful", "unroll", "time_major", "momentum", "epsilon",
	"beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
	"beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint", "axis", "seed", "noise_shape",
	"embeddings_initializer", "embeddings_regularizer", "embeddings_constraint", "mask_zero", "depthwise_initializer",
	"pointwise_initializer", "depthwise_regularizer", "pointwise_regularizer", "depthwise_constraint",
	"pointwise_constraint", "synchronized", "use_cudnn", "lora_rank", "input_shape", "batch_input_shape",
	"input_dim_", "input_length", "batch_size", "data_format", "keepdims", "merge_mode", "backward_layer",
	"alpha", "negative_slope", "max_value", "threshold", "rms_scaling"}

type kerasBuild func(k *kerasReader, c *ptCall) ([]lang.Layer, error)

var kerasSpecs = map[string]kerasBuild{}

func init() {
	kerasRegisterDims()
	kerasRegisterCore()
	kerasRegisterSequence()
}

// kerasRegisterDims registers the layers that come in 1-D, 2-D and 3-D.
func kerasRegisterDims() {
	for d := 1; d <= 3; d++ {
		d := d
		conv := func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.conv(c, d, false) }
		kerasSpecs[fmt.Sprintf("Conv%dD", d)] = conv
		kerasSpecs[fmt.Sprintf("Convolution%dD", d)] = conv
		kerasSpecs[fmt.Sprintf("Conv%dDTranspose", d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.conv(c, d, true) }
		for _, op := range []string{"MaxPooling", "MaxPool", "AveragePooling", "AvgPool"} {
			avg := strings.HasPrefix(op, "A")
			kerasSpecs[fmt.Sprintf("%s%dD", op, d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.pool(c, d, avg) }
		}
		for _, op := range []string{"GlobalAveragePooling", "GlobalAvgPool", "GlobalMaxPooling", "GlobalMaxPool"} {
			isMax := strings.Contains(op, "Max")
			kerasSpecs[fmt.Sprintf("%s%dD", op, d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.global(c, isMax) }
		}
		kerasSpecs[fmt.Sprintf("SpatialDropout%dD", d)] = (*kerasReader).dropout
	}
}

// kerasRegisterCore registers separable convs, Dense, Dropout, Flatten and
// the norms.
func kerasRegisterCore() {
	kerasSpecs["SeparableConv1D"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.separable(c, 1, false) }
	kerasSpecs["SeparableConv2D"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.separable(c, 2, false) }
	kerasSpecs["DepthwiseConv2D"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.separable(c, 2, true) }
	kerasSpecs["DepthwiseConv1D"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.separable(c, 1, true) }
	kerasSpecs["Dense"] = (*kerasReader).dense
	kerasSpecs["Dropout"] = (*kerasReader).dropout
	kerasSpecs["AlphaDropout"] = (*kerasReader).dropout
	kerasSpecs["Flatten"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
		b, err := k.bind(c, []string{"data_format"}, "e.g. Flatten() or Flatten(input_shape=(28, 28))")
		if err != nil {
			return nil, err
		}
		return []lang.Layer{{Layer: calc.Flatten{}, Pos: c.Pos, Fields: b.fields(nil)}}, nil
	}
	kerasSpecs["BatchNormalization"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
		b, err := k.bind(c, []string{"axis", "momentum", "epsilon", "center", "scale"}, "e.g. BatchNormalization() or BatchNormalization(axis=-1)")
		if err != nil {
			return nil, err
		}
		center, scale, err := kerasAffine(b)
		if err != nil {
			return nil, err
		}
		k.sawBN = true
		l := calc.BatchNorm{NoAffine: !center && !scale}
		if center != scale {
			k.q.Notes = append(k.q.Notes, "center or scale is off: only one of β, γ is learned, so the count below is C too high")
		}
		return []lang.Layer{{Layer: l, Pos: c.Pos}}, nil
	}
	kerasSpecs["LayerNormalization"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
		b, err := k.bind(c, []string{"axis", "epsilon", "center", "scale"}, "e.g. LayerNormalization() or LayerNormalization(epsilon=1e-6)")
		if err != nil {
			return nil, err
		}
		center, scale, err := kerasAffine(b)
		if err != nil {
			return nil, err
		}
		return []lang.Layer{{Layer: calc.LayerNorm{NoAffine: !scale && !center, NoBias: !center}, Pos: c.Pos}}, nil
	}
}

// kerasRegisterSequence registers Embedding, the recurrent layers and the
// activations.
func kerasRegisterSequence() {
	kerasSpecs["Embedding"] = (*kerasReader).embedding
	kerasSpecs["LSTM"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.recurrent(c, calc.LSTMCell, false) }
	kerasSpecs["GRU"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.recurrent(c, calc.GRUCell, false) }
	kerasSpecs["SimpleRNN"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.recurrent(c, calc.RNNCell, false) }
	kerasSpecs["Bidirectional"] = (*kerasReader).bidirectional
	kerasSpecs["TimeDistributed"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
		if len(c.Args) == 0 || len(c.Args[0].Nodes) != 1 || ptCallOf(c.Args[0].Nodes[0]) == nil {
			return nil, &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: "TimeDistributed needs a layer", Hint: "e.g. TimeDistributed(Dense(10))"}
		}
		return nil, &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: "TimeDistributed is not sized yet",
			Hint: "ask about the inner layer on its own, e.g. Dense(10) with input_shape=(64,)"}
	}
	kerasSpecs["Activation"] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
		b, err := k.bind(c, []string{"activation"}, "e.g. Activation('relu') or Activation('softmax')")
		if err != nil {
			return nil, err
		}
		name, err := b.str("activation")
		if err != nil {
			return nil, err
		}
		if name == "" || strings.EqualFold(name, "linear") {
			name = "identity" // Keras's "linear" activation is f(x) = x, not a layer
		}
		return []lang.Layer{{Layer: calc.Activation{Name: strings.ToLower(name)}, Pos: c.Pos}}, nil
	}
	for name, kind := range map[string]string{"ReLU": "relu", "LeakyReLU": "leakyrelu", "ELU": "elu", "Softmax": "softmax", "PReLU": "", "ThresholdedReLU": "relu"} {
		kind, name := kind, name
		kerasSpecs[name] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) {
			if kind == "" {
				return nil, &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: name + " learns a slope per value and is not counted yet", Hint: "use LeakyReLU() or ReLU() to size the rest"}
			}
			if _, err := k.bind(c, nil, "e.g. "+name+"()"); err != nil {
				return nil, err
			}
			return []lang.Layer{{Layer: calc.Activation{Name: kind}, Pos: c.Pos}}, nil
		}
	}
}

// bind binds c's arguments; every Keras layer also takes input_shape= and
// friends, which become the model's input when none was given before.
func (k *kerasReader) bind(c *ptCall, names []string, examples string) (*ptBound, error) {
	b, err := ptBind(c, k.env, append(names, "input_shape", "batch_input_shape", "input_dim_", "data_format"), kerasIgnored, examples)
	if err != nil {
		return nil, err
	}
	if len(k.q.Layers) == 0 {
		k.takeShape(b)
	}
	if df, _ := b.str("data_format"); df == "channels_first" {
		k.chFirst = true
	}
	return b, k.err
}

// padding reads Keras's padding='valid'|'same' (valid by default).
func (k *kerasReader) padding(b *ptBound, causalOK bool) (calc.Padding, error) {
	p, err := b.str("padding")
	if err != nil {
		return 0, err
	}
	switch strings.ToLower(p) {
	case "", "valid":
		return calc.PadValid, nil
	case "same":
		return calc.PadSame, nil
	case "causal":
		return 0, b.errAt(b.at("padding"), "padding='causal' is not sized yet")
	}
	return 0, b.errAt(b.at("padding"), fmt.Sprintf("padding=%q: Keras takes 'valid' or 'same'", p))
}

func (k *kerasReader) conv(c *ptCall, d int, transposed bool) ([]lang.Layer, error) {
	names := []string{"filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias"}
	ex := fmt.Sprintf("e.g. Conv%dD(32, 3, activation='relu') or Conv%dD(64, kernel_size=5, strides=2, padding='same')", d, d)
	if transposed {
		names = []string{"filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate", "activation", "use_bias"}
		ex = fmt.Sprintf("e.g. Conv%dDTranspose(64, 3, strides=2, padding='same') or Conv%dDTranspose(32, 4, strides=2)", d, d)
	}
	b, err := k.bind(c, names, ex)
	if err != nil {
		return nil, err
	}
	if err := b.require("filters", "kernel_size"); err != nil {
		return nil, err
	}
	l := calc.Conv{Dims: d, Transposed: transposed}
	if l.Out, err = b.int("filters", 0); err != nil {
		return nil, err
	}
	if l.Kernel, err = b.ints("kernel_size"); err != nil {
		return nil, err
	}
	if l.Stride, err = b.ints("strides"); err != nil {
		return nil, err
	}
	if l.Dilation, err = b.ints("dilation_rate"); err != nil {
		return nil, err
	}
	if !transposed {
		if l.Groups, err = b.int("groups", 0); err != nil {
			return nil, err
		}
	}
	bias, err := b.boolean("use_bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	if l.PadMode, err = k.padding(b, d == 1); err != nil {
		return nil, err
	}
	if transposed {
		if err := k.transposedPadding(b, &l, d); err != nil {
			return nil, err
		}
	}
	fields := b.fields(map[string]string{"out": "filters", "kernel": "kernel_size", "stride": "strides", "pad": "padding",
		"dilation": "dilation_rate", "groups": "groups", "outpad": "output_padding"})
	fields["input"] = c.Pos
	fields["in"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

// transposedPadding turns Keras's padding of a transposed conv into
// PyTorch's padding and output padding, which give the same output size.
func (k *kerasReader) transposedPadding(b *ptBound, l *calc.Conv, d int) error {
	op, err := b.ints("output_padding")
	if err != nil {
		return err
	}
	kernelHat := func(i int) int { return calc.Per(l.Dilation, i, 1)*(calc.Per(l.Kernel, i, 1)-1) + 1 }
	switch {
	case op != nil:
		// Keras: (i−1)s + k̂ − 2p + output_padding, p = k̂//2 for same.
		l.OutPad = op
		if l.PadMode == calc.PadSame {
			l.Pad = nil
			for i := 0; i < d; i++ {
				l.Pad = append(l.Pad, kernelHat(i)/2)
			}
		}
		l.PadMode = calc.PadExplicit
	case l.PadMode == calc.PadValid:
		// Keras valid: i·s + max(k̂ − s, 0); PyTorch's formula gives
		// (i−1)s + k̂, short by s − k̂ when the kernel is smaller than
		// the stride: that is an output padding.
		var pad []int
		need := false
		for i := 0; i < d; i++ {
			s, kh := calc.Per(l.Stride, i, 1), kernelHat(i)
			pad = append(pad, max(s-kh, 0))
			need = need || s > kh
		}
		l.PadMode = calc.PadExplicit
		if need {
			l.OutPad = pad
			k.q.Notes = append(k.q.Notes, "Conv2DTranspose with a kernel smaller than its stride: Keras's output is input·stride, written here as PyTorch's output_padding")
		}
	}
	return nil
}

// kerasAffine reads a Keras normalization's center (β) and scale (γ).
func kerasAffine(b *ptBound) (center, scale bool, err error) {
	if center, err = b.boolean("center", true); err != nil {
		return false, false, err
	}
	scale, err = b.boolean("scale", true)
	return center, scale, err
}

func (k *kerasReader) separable(c *ptCall, d int, depthwiseOnly bool) ([]lang.Layer, error) {
	names := []string{"filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier", "activation", "use_bias"}
	ex := fmt.Sprintf("e.g. SeparableConv%dD(64, 3, padding='same') or SeparableConv%dD(128, (3, 3), strides=2)", d, d)
	if depthwiseOnly {
		names = []string{"kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate", "activation", "use_bias"}
		ex = "e.g. DepthwiseConv2D(3, padding='same') or DepthwiseConv2D((3, 3), strides=2, depth_multiplier=2)"
	}
	b, err := k.bind(c, names, ex)
	if err != nil {
		return nil, err
	}
	req := []string{"kernel_size"}
	if !depthwiseOnly {
		req = []string{"filters", "kernel_size"}
	}
	if err := b.require(req...); err != nil {
		return nil, err
	}
	l := calc.Separable{Dims: d}
	if l.Out, err = b.int("filters", 0); err != nil {
		return nil, err
	}
	if !depthwiseOnly && l.Out < 1 {
		return nil, b.errAt(b.at("filters"), "filters must be at least 1")
	}
	if l.Kernel, err = b.ints("kernel_size"); err != nil {
		return nil, err
	}
	if l.Stride, err = b.ints("strides"); err != nil {
		return nil, err
	}
	if l.Dilation, err = b.ints("dilation_rate"); err != nil {
		return nil, err
	}
	if l.Multiplier, err = b.int("depth_multiplier", 1); err != nil {
		return nil, err
	}
	bias, err := b.boolean("use_bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	if l.PadMode, err = k.padding(b, false); err != nil {
		return nil, err
	}
	fields := b.fields(map[string]string{"out": "filters", "kernel": "kernel_size", "stride": "strides", "pad": "padding",
		"dilation": "dilation_rate", "multiplier": "depth_multiplier"})
	fields["input"], fields["in"] = c.Pos, c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func (k *kerasReader) pool(c *ptCall, d int, avg bool) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"pool_size", "strides", "padding", "data_format"},
		fmt.Sprintf("e.g. MaxPooling%dD(2) or MaxPooling%dD(pool_size=(3, 3), strides=2)", d, d))
	if err != nil {
		return nil, err
	}
	l := calc.Pool{Dims: d}
	if avg {
		l.Op = calc.AvgPool
	}
	if l.Kernel, err = b.ints("pool_size"); err != nil {
		return nil, err
	}
	if l.Kernel == nil {
		l.Kernel = []int{2}
	}
	if l.Stride, err = b.ints("strides"); err != nil {
		return nil, err
	}
	mode, err := k.padding(b, false)
	if err != nil {
		return nil, err
	}
	if mode == calc.PadSame {
		// TensorFlow's same pooling gives ceil(in/stride). With the stride
		// equal to the window that is PyTorch's ceil_mode; with stride 1 and
		// an odd window, padding (k−1)/2.
		switch {
		case l.Stride == nil || equalInts(l.Stride, l.Kernel):
			l.Ceil = true
			k.q.Notes = append(k.q.Notes, "pooling with padding='same' and stride = pool size: output ceil(in/stride), as ceil mode")
		case allOnes(l.Stride) && allOdd(l.Kernel):
			for _, kk := range l.Kernel {
				l.Pad = append(l.Pad, (kk-1)/2)
			}
		default:
			fields := b.fields(map[string]string{"kernel": "pool_size", "stride": "strides", "pad": "padding"})
			fields["input"] = c.Pos
			return []lang.Layer{{Layer: kerasSamePool{l}, Pos: c.Pos, Fields: fields}}, nil
		}
	}
	fields := b.fields(map[string]string{"kernel": "pool_size", "stride": "strides", "pad": "padding"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func equalInts(a, b []int) bool {
	if len(a) == 1 && len(b) > 1 {
		a, b = b, a
	}
	for i := range a {
		if a[i] != calc.Per(b, i, 0) {
			return false
		}
	}
	return true
}

func allOnes(xs []int) bool {
	for _, x := range xs {
		if x != 1 {
			return false
		}
	}
	return true
}

func allOdd(xs []int) bool {
	for _, x := range xs {
		if x%2 == 0 {
			return false
		}
	}
	return true
}

func (k *kerasReader) global(c *ptCall, isMax bool) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"data_format", "keepdims"}, "e.g. GlobalAveragePooling2D() or GlobalMaxPooling2D()")
	if err != nil {
		return nil, err
	}
	keep, err := b.boolean("keepdims", false)
	if err != nil {
		return nil, err
	}
	var l calc.Layer = calc.GlobalAvgPool{}
	if isMax {
		l = calc.AdaptivePool{Op: calc.MaxPool, Output: []int{1}}
	}
	out := []lang.Layer{{Layer: l, Pos: c.Pos}}
	if !keep {
		out = append(out, lang.Layer{Layer: calc.Flatten{}, Pos: c.Pos})
		k.q.Notes = append(k.q.Notes, "Keras's global pooling also drops the 1×1 positions: written as global pooling then flatten")
	}
	return out, nil
}

func (k *kerasReader) dense(c *ptCall) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"units", "activation", "use_bias", "input_dim"}, "e.g. Dense(10, activation='softmax') or Dense(units=128, input_shape=(784,))")
	if err != nil {
		return nil, err
	}
	if err := b.require("units"); err != nil {
		return nil, err
	}
	l := calc.Linear{}
	if l.Out, err = b.int("units", 0); err != nil {
		return nil, err
	}
	bias, err := b.boolean("use_bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	fields := b.fields(map[string]string{"out": "units"})
	fields["in"], fields["input"] = c.Pos, c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func (k *kerasReader) dropout(c *ptCall) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"rate", "noise_shape", "seed"}, "e.g. Dropout(0.5) or Dropout(rate=0.25)")
	if err != nil {
		return nil, err
	}
	p, err := b.float("rate", 0.5)
	if err != nil {
		return nil, err
	}
	return []lang.Layer{{Layer: calc.Dropout{P: p}, Pos: c.Pos, Fields: b.fields(map[string]string{"p": "rate"})}}, nil
}

func (k *kerasReader) embedding(c *ptCall) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer", "activity_regularizer",
		"embeddings_constraint", "mask_zero", "input_length"}, "e.g. Embedding(10000, 128) or Embedding(input_dim=5000, output_dim=64, input_length=100)")
	if err != nil {
		return nil, err
	}
	if err := b.require("input_dim", "output_dim"); err != nil {
		return nil, err
	}
	l := calc.Embedding{}
	if l.Vocab, err = b.int("input_dim", 0); err != nil {
		return nil, err
	}
	if l.Dim, err = b.int("output_dim", 0); err != nil {
		return nil, err
	}
	if n, err := b.int("input_length", 0); err != nil {
		return nil, err
	} else if n > 0 && len(k.q.Layers) == 0 {
		k.inputLen = n
	}
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: b.fields(map[string]string{"in": "input_dim", "out": "output_dim"})}}, nil
}

func (k *kerasReader) recurrent(c *ptCall, cell calc.Cell, bidi bool) ([]lang.Layer, error) {
	name := map[calc.Cell]string{calc.LSTMCell: "LSTM", calc.GRUCell: "GRU", calc.RNNCell: "SimpleRNN"}[cell]
	names := []string{"units", "activation", "recurrent_activation", "use_bias", "return_sequences", "reset_after", "input_dim"}
	b, err := k.bind(c, names, fmt.Sprintf("e.g. %s(64, input_shape=(None, 32)) or %s(128, return_sequences=True)", name, name))
	if err != nil {
		return nil, err
	}
	if err := b.require("units"); err != nil {
		return nil, err
	}
	l := calc.Recurrent{Cell: cell, Bidirectional: bidi, BiasVectors: 1}
	if l.Hidden, err = b.int("units", 0); err != nil {
		return nil, err
	}
	bias, err := b.boolean("use_bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	seq, err := b.boolean("return_sequences", false)
	if err != nil {
		return nil, err
	}
	l.LastOnly = !seq
	if cell == calc.GRUCell {
		ra, err := b.boolean("reset_after", true)
		if err != nil {
			return nil, err
		}
		k.gru, k.resetAfter = true, ra
		if ra {
			l.BiasVectors = 2
		}
	} else if bias && !bidi {
		k.q.Notes = append(k.q.Notes, fmt.Sprintf("Keras's %s keeps one bias vector per gate; PyTorch's keeps two (b_ih and b_hh) and counts more", name))
	}
	fields := b.fields(map[string]string{"hidden": "units"})
	fields["in"], fields["input"] = c.Pos, c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func (k *kerasReader) bidirectional(c *ptCall) ([]lang.Layer, error) {
	if len(c.Args) == 0 || len(c.Args[0].Nodes) != 1 || ptCallOf(c.Args[0].Nodes[0]) == nil {
		return nil, &lang.Error{Line: c.Pos.Line, Col: c.Pos.Col, Msg: "Bidirectional needs a recurrent layer", Hint: "e.g. Bidirectional(LSTM(64)) or Bidirectional(GRU(32, return_sequences=True))"}
	}
	inner := ptCallOf(c.Args[0].Nodes[0])
	cell, ok := map[string]calc.Cell{"LSTM": calc.LSTMCell, "GRU": calc.GRUCell, "SimpleRNN": calc.RNNCell}[inner.Base()]
	if !ok {
		return nil, &lang.Error{Line: inner.Pos.Line, Col: inner.Pos.Col, Msg: "Bidirectional wraps a recurrent layer, not " + inner.Name, Hint: "e.g. Bidirectional(LSTM(64))"}
	}
	rest := &ptCall{Name: c.Name, Pos: c.Pos, Args: c.Args[1:], Close: c.Close}
	b, err := k.bind(rest, []string{"merge_mode"}, "e.g. Bidirectional(LSTM(64)) or Bidirectional(LSTM(64), input_shape=(100, 32))")
	if err != nil {
		return nil, err
	}
	if mm, _ := b.str("merge_mode"); mm != "" && mm != "concat" {
		return nil, b.errAt(b.at("merge_mode"), "merge_mode="+mm+" is not sized yet (only 'concat')")
	}
	return k.recurrent(inner, cell, true)
}

package paste

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// ptSpec builds the calc layer(s) of one PyTorch module call.
type ptSpec struct {
	build func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error)
}

// ptIgnored are keyword arguments that do not change a count or a shape.
var ptIgnored = []string{"device", "dtype", "inplace", "padding_mode", "eps", "momentum", "track_running_stats",
	"return_indices", "count_include_pad", "divisor_override", "padding_idx", "max_norm", "norm_type",
	"scale_grad_by_freq", "sparse", "_weight", "_freeze", "batch_first", "dropout", "negative_slope", "dim",
	"approximate", "alpha", "beta", "threshold", "lambd", "min_val", "max_val", "num_parameters", "init"}

var ptSpecs = map[string]ptSpec{}

func init() {
	ptRegisterDims()
	ptRegisterOthers()
}

// ptRegisterDims registers the modules that come in 1-D, 2-D and 3-D.
func ptRegisterDims() {
	for d := 1; d <= 3; d++ {
		d := d
		ptSpecs[fmt.Sprintf("Conv%dd", d)] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
			return ptConv(c, env, d, false, false)
		}}
		ptSpecs[fmt.Sprintf("LazyConv%dd", d)] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
			return ptConv(c, env, d, false, true)
		}}
		ptSpecs[fmt.Sprintf("ConvTranspose%dd", d)] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
			return ptConv(c, env, d, true, false)
		}}
		// a common misspelling of ConvTranspose2d: the transposed conv is meant
		ptSpecs[fmt.Sprintf("Conv%ddTranspose", d)] = ptSpecs[fmt.Sprintf("ConvTranspose%dd", d)]
		for _, op := range []string{"Max", "Avg"} {
			op := op
			ptSpecs[fmt.Sprintf("%sPool%dd", op, d)] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
				return ptPool(c, env, d, op == "Avg")
			}}
			ptSpecs[fmt.Sprintf("Adaptive%sPool%dd", op, d)] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
				b, err := ptBind(c, env, []string{"output_size"}, ptIgnored, "e.g. nn.AdaptiveAvgPool2d((1, 1)) or nn.AdaptiveAvgPool2d(7)")
				if err != nil {
					return nil, err
				}
				if err := b.require("output_size"); err != nil {
					return nil, err
				}
				o, err := b.ints("output_size")
				if err != nil {
					return nil, err
				}
				l := calc.AdaptivePool{Output: o}
				if op == "Avg" {
					l.Op = calc.AvgPool
				} else {
					l.Op = calc.MaxPool
				}
				return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: b.fields(map[string]string{"output": "output_size"})}}, nil
			}}
		}
		ptSpecs[fmt.Sprintf("BatchNorm%dd", d)] = ptSpec{ptBatchNorm}
		ptSpecs[fmt.Sprintf("Dropout%dd", d)] = ptSpec{ptDropout}
	}
}

// ptRegisterOthers registers linear, flatten, norms, recurrent layers and
// activations.
func ptRegisterOthers() {
	ptSpecs["Linear"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		return ptLinear(c, env, false)
	}}
	ptSpecs["LazyLinear"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		return ptLinear(c, env, true)
	}}
	ptSpecs["Dropout"] = ptSpec{ptDropout}
	ptSpecs["AlphaDropout"] = ptSpec{ptDropout}
	ptSpecs["Flatten"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		b, err := ptBind(c, env, []string{"start_dim", "end_dim"}, nil, "e.g. nn.Flatten() or nn.Flatten(1)")
		if err != nil {
			return nil, err
		}
		s, err := b.int("start_dim", 1)
		if err != nil {
			return nil, err
		}
		e, err := b.int("end_dim", -1)
		if err != nil {
			return nil, err
		}
		if s != 1 || e != -1 {
			q.Notes = append(q.Notes, fmt.Sprintf("nn.Flatten(%d, %d) read as flattening everything but the batch", s, e))
		}
		return []lang.Layer{{Layer: calc.Flatten{}, Pos: c.Pos}}, nil
	}}
	ptSpecs["LayerNorm"] = ptSpec{ptLayerNorm}
	ptSpecs["GroupNorm"] = ptSpec{ptGroupNorm}
	ptSpecs["Embedding"] = ptSpec{ptEmbedding}
	ptSpecs["LSTM"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		return ptRecurrent(c, env, q, calc.LSTMCell)
	}}
	ptSpecs["GRU"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		return ptRecurrent(c, env, q, calc.GRUCell)
	}}
	ptSpecs["RNN"] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
		return ptRecurrent(c, env, q, calc.RNNCell)
	}}
	for name, kind := range ptActivations {
		kind := kind
		ptSpecs[name] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
			return []lang.Layer{{Layer: calc.Activation{Name: kind}, Pos: c.Pos}}, nil
		}}
	}
}

// ptActivations maps PyTorch's parameter-free activations to their kinds.
var ptActivations = map[string]string{"ReLU": "relu", "ReLU6": "relu6", "LeakyReLU": "leakyrelu", "ELU": "elu", "SELU": "selu",
	"CELU": "celu", "GELU": "gelu", "SiLU": "silu", "Mish": "mish", "Sigmoid": "sigmoid", "Tanh": "tanh", "Softmax": "softmax",
	"LogSoftmax": "logsoftmax", "Softmax2d": "softmax", "Hardswish": "hardswish", "Hardsigmoid": "hardsigmoid", "Hardtanh": "hardtanh",
	"Softplus": "softplus", "Softsign": "softsign", "Tanhshrink": "tanhshrink", "Identity": "identity", "LogSigmoid": "logsigmoid"}

func ptConv(c *ptCall, env map[string]ptValue, dims int, transposed, lazy bool) ([]lang.Layer, error) {
	kind := fmt.Sprintf("nn.Conv%dd", dims)
	names := []string{"in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias"}
	if transposed {
		kind = fmt.Sprintf("nn.ConvTranspose%dd", dims)
		names = []string{"in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation"}
	}
	if lazy {
		kind = fmt.Sprintf("nn.LazyConv%dd", dims)
		names = names[1:]
	}
	ex := map[int]string{1: "e.g. nn.Conv1d(12, 24, kernel_size=5, stride=2) or nn.Conv1d(64, 128, 3, padding=1)",
		2: "e.g. nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1) or nn.Conv2d(64, 128, (3, 3), bias=False)",
		3: "e.g. nn.Conv3d(3, 16, kernel_size=3) or nn.Conv3d(16, 32, (3, 3, 3), padding=1)"}[dims]
	if transposed {
		ex = fmt.Sprintf("e.g. %s(128, 64, kernel_size=4, stride=2, padding=1) or %s(64, 32, 2, stride=2)", kind, kind)
	}
	b, err := ptBind(c, env, names, ptIgnored, ex)
	if err != nil {
		return nil, err
	}
	req := []string{"in_channels", "out_channels", "kernel_size"}
	if lazy {
		req = req[1:]
	}
	if err := b.require(req...); err != nil {
		return nil, err
	}
	l := calc.Conv{Dims: dims, Transposed: transposed}
	if l.In, err = b.int("in_channels", 0); err != nil {
		return nil, err
	}
	if l.Out, err = b.int("out_channels", 0); err != nil {
		return nil, err
	}
	if l.Kernel, err = b.ints("kernel_size"); err != nil {
		return nil, err
	}
	if l.Stride, err = b.ints("stride"); err != nil {
		return nil, err
	}
	if l.Dilation, err = b.ints("dilation"); err != nil {
		return nil, err
	}
	if l.Groups, err = b.int("groups", 0); err != nil {
		return nil, err
	}
	bias, err := b.boolean("bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	if transposed {
		if l.OutPad, err = b.ints("output_padding"); err != nil {
			return nil, err
		}
	}
	if err := ptConvPadding(b, &l, kind); err != nil {
		return nil, err
	}
	fields := b.fields(map[string]string{"in": "in_channels", "out": "out_channels", "kernel": "kernel_size", "stride": "stride",
		"pad": "padding", "dilation": "dilation", "groups": "groups", "outpad": "output_padding"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func ptPool(c *ptCall, env map[string]ptValue, dims int, avg bool) ([]lang.Layer, error) {
	names := []string{"kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"}
	ex := fmt.Sprintf("e.g. nn.MaxPool%dd(2) or nn.MaxPool%dd(kernel_size=3, stride=2, padding=1)", dims, dims)
	if avg {
		names = []string{"kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"}
		ex = fmt.Sprintf("e.g. nn.AvgPool%dd(2) or nn.AvgPool%dd(3, stride=1, padding=1)", dims, dims)
	}
	b, err := ptBind(c, env, names, ptIgnored, ex)
	if err != nil {
		return nil, err
	}
	if err := b.require("kernel_size"); err != nil {
		return nil, err
	}
	l := calc.Pool{Dims: dims}
	if avg {
		l.Op = calc.AvgPool
	}
	if l.Kernel, err = b.ints("kernel_size"); err != nil {
		return nil, err
	}
	if l.Stride, err = b.ints("stride"); err != nil {
		return nil, err
	}
	if l.Pad, err = b.ints("padding"); err != nil {
		return nil, err
	}
	if !avg {
		if l.Dilation, err = b.ints("dilation"); err != nil {
			return nil, err
		}
	}
	if l.Ceil, err = b.boolean("ceil_mode", false); err != nil {
		return nil, err
	}
	fields := b.fields(map[string]string{"kernel": "kernel_size", "stride": "stride", "pad": "padding", "dilation": "dilation"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func ptLinear(c *ptCall, env map[string]ptValue, lazy bool) ([]lang.Layer, error) {
	names := []string{"in_features", "out_features", "bias"}
	if lazy {
		names = names[1:]
	}
	b, err := ptBind(c, env, names, ptIgnored, "e.g. nn.Linear(512, 10) or nn.Linear(in_features=64*8*8, out_features=10, bias=False)")
	if err != nil {
		return nil, err
	}
	req := names[:len(names)-1]
	if err := b.require(req...); err != nil {
		return nil, err
	}
	l := calc.Linear{}
	if l.In, err = b.int("in_features", 0); err != nil {
		return nil, err
	}
	if l.Out, err = b.int("out_features", 0); err != nil {
		return nil, err
	}
	bias, err := b.boolean("bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	fields := b.fields(map[string]string{"in": "in_features", "out": "out_features"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func ptBatchNorm(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"num_features", "eps", "momentum", "affine", "track_running_stats"}, ptIgnored,
		"e.g. nn.BatchNorm2d(64) or nn.BatchNorm1d(256, affine=False)")
	if err != nil {
		return nil, err
	}
	if err := b.require("num_features"); err != nil {
		return nil, err
	}
	l := calc.BatchNorm{}
	if l.C, err = b.int("num_features", 0); err != nil {
		return nil, err
	}
	affine, err := b.boolean("affine", true)
	if err != nil {
		return nil, err
	}
	l.NoAffine = !affine
	if track, err := b.boolean("track_running_stats", true); err == nil && !track {
		q.Notes = append(q.Notes, "track_running_stats=False: this batch norm keeps no running mean and variance (the buffers shown are not saved)")
	}
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: b.fields(map[string]string{"in": "num_features"})}}, nil
}

func ptDropout(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"p", "inplace"}, ptIgnored, "e.g. nn.Dropout(0.5) or nn.Dropout(p=0.2)")
	if err != nil {
		return nil, err
	}
	p, err := b.float("p", 0.5)
	if err != nil {
		return nil, err
	}
	return []lang.Layer{{Layer: calc.Dropout{P: p}, Pos: c.Pos, Fields: b.fields(map[string]string{"p": "p"})}}, nil
}

func ptLayerNorm(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"normalized_shape", "eps", "elementwise_affine", "bias"}, ptIgnored,
		"e.g. nn.LayerNorm(512) or nn.LayerNorm([64, 32, 32])")
	if err != nil {
		return nil, err
	}
	if err := b.require("normalized_shape"); err != nil {
		return nil, err
	}
	l := calc.LayerNorm{}
	if l.Shape, err = b.ints("normalized_shape"); err != nil {
		return nil, err
	}
	affine, err := b.boolean("elementwise_affine", true)
	if err != nil {
		return nil, err
	}
	bias, err := b.boolean("bias", true)
	if err != nil {
		return nil, err
	}
	l.NoAffine, l.NoBias = !affine, !bias
	fields := b.fields(map[string]string{"shape": "normalized_shape"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

func ptGroupNorm(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"num_groups", "num_channels", "eps", "affine"}, ptIgnored,
		"e.g. nn.GroupNorm(32, 256) or nn.GroupNorm(num_groups=8, num_channels=64)")
	if err != nil {
		return nil, err
	}
	if err := b.require("num_groups", "num_channels"); err != nil {
		return nil, err
	}
	l := calc.GroupNorm{}
	if l.Groups, err = b.int("num_groups", 0); err != nil {
		return nil, err
	}
	if l.C, err = b.int("num_channels", 0); err != nil {
		return nil, err
	}
	affine, err := b.boolean("affine", true)
	if err != nil {
		return nil, err
	}
	l.NoAffine = !affine
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: b.fields(map[string]string{"groups": "num_groups", "in": "num_channels"})}}, nil
}

func ptEmbedding(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"num_embeddings", "embedding_dim", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"}, ptIgnored,
		"e.g. nn.Embedding(10000, 300) or nn.Embedding(num_embeddings=5000, embedding_dim=128)")
	if err != nil {
		return nil, err
	}
	if err := b.require("num_embeddings", "embedding_dim"); err != nil {
		return nil, err
	}
	l := calc.Embedding{}
	if l.Vocab, err = b.int("num_embeddings", 0); err != nil {
		return nil, err
	}
	if l.Dim, err = b.int("embedding_dim", 0); err != nil {
		return nil, err
	}
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: b.fields(map[string]string{"in": "num_embeddings", "out": "embedding_dim"})}}, nil
}

func ptRecurrent(c *ptCall, env map[string]ptValue, q *lang.Question, cell calc.Cell) ([]lang.Layer, error) {
	name := map[calc.Cell]string{calc.LSTMCell: "LSTM", calc.GRUCell: "GRU", calc.RNNCell: "RNN"}[cell]
	names := []string{"input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"}
	if cell == calc.RNNCell {
		names = []string{"input_size", "hidden_size", "num_layers", "nonlinearity", "bias", "batch_first", "dropout", "bidirectional"}
	}
	ex := fmt.Sprintf("e.g. nn.%s(input_size=128, hidden_size=256, num_layers=2) or nn.%s(50, 100, bidirectional=True)", name, name)
	b, err := ptBind(c, env, names, ptIgnored, ex)
	if err != nil {
		return nil, err
	}
	if err := b.require("input_size", "hidden_size"); err != nil {
		return nil, err
	}
	l := calc.Recurrent{Cell: cell}
	if l.In, err = b.int("input_size", 0); err != nil {
		return nil, err
	}
	if l.Hidden, err = b.int("hidden_size", 0); err != nil {
		return nil, err
	}
	if l.Layers, err = b.int("num_layers", 1); err != nil {
		return nil, err
	}
	bias, err := b.boolean("bias", true)
	if err != nil {
		return nil, err
	}
	l.NoBias = !bias
	if l.Bidirectional, err = b.boolean("bidirectional", false); err != nil {
		return nil, err
	}
	if p, err := b.int("proj_size", 0); err != nil {
		return nil, err
	} else if p != 0 {
		return nil, b.errAt(b.at("proj_size"), "an LSTM with proj_size is not counted yet")
	}
	if bias {
		q.Notes = append(q.Notes, fmt.Sprintf("PyTorch's %s keeps two bias vectors per gate (b_ih and b_hh); Keras keeps one, so Keras counts fewer parameters", name))
	}
	fields := b.fields(map[string]string{"in": "input_size", "hidden": "hidden_size", "layers": "num_layers"})
	fields["input"] = c.Pos
	return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
}

// ptShapeSpecs are PyTorch's modules that move values (see shapes.go).
var ptShapeSpecs = map[string]func(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error){
	"Upsample":             ptUpsample,
	"UpsamplingNearest2d":  ptUpsample,
	"UpsamplingBilinear2d": ptUpsample,
	"PixelShuffle":         ptPixelShuffle,
	"Unflatten":            ptUnflatten,
	"ZeroPad1d":            ptPad(1),
	"ZeroPad2d":            ptPad(2),
	"ZeroPad3d":            ptPad(3),
	"ConstantPad1d":        ptPad(1),
	"ConstantPad2d":        ptPad(2),
	"ConstantPad3d":        ptPad(3),
	"ReflectionPad1d":      ptPad(1),
	"ReflectionPad2d":      ptPad(2),
	"ReplicationPad1d":     ptPad(1),
	"ReplicationPad2d":     ptPad(2),
	"ReplicationPad3d":     ptPad(3),
	"PReLU":                ptPReLU, // pytorch_prelu.go
	"InstanceNorm1d":       ptInstanceNorm,
	"InstanceNorm2d":       ptInstanceNorm,
	"InstanceNorm3d":       ptInstanceNorm,
	"LazyInstanceNorm2d":   ptInstanceNorm,
}

func init() {
	for name, build := range ptShapeSpecs {
		if build == nil {
			continue
		}
		build := build
		ptSpecs[name] = ptSpec{func(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
			l, b, err := build(c, env)
			if err != nil {
				return nil, err
			}
			fields := map[string]lang.Position{"input": c.Pos}
			for k := range b.pos {
				fields[k] = b.at(k)
			}
			return []lang.Layer{{Layer: l, Pos: c.Pos, Fields: fields}}, nil
		}}
	}
}

func ptUpsample(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	b, err := ptBind(c, env, []string{"size", "scale_factor", "mode", "align_corners"}, []string{"recompute_scale_factor"},
		"e.g. nn.Upsample(scale_factor=2, mode='nearest')")
	if err != nil {
		return nil, nil, err
	}
	if b.has("size") || !b.has("scale_factor") {
		return nil, nil, b.errAt(c.Pos, "I size nn.Upsample from its scale_factor only")
	}
	f, err := b.ints("scale_factor")
	if err != nil {
		return nil, nil, err
	}
	return upsampleLayer{Scale: f}, b, nil
}

func ptPixelShuffle(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	b, err := ptBind(c, env, []string{"upscale_factor"}, nil, "e.g. nn.PixelShuffle(2)")
	if err != nil {
		return nil, nil, err
	}
	if err := b.require("upscale_factor"); err != nil {
		return nil, nil, err
	}
	r, err := b.int("upscale_factor", 1)
	return pixelShuffle{R: r}, b, err
}

func ptUnflatten(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	b, err := ptBind(c, env, []string{"dim", "unflattened_size"}, nil, "e.g. nn.Unflatten(1, (128, 7, 7))")
	if err != nil {
		return nil, nil, err
	}
	if err := b.require("dim", "unflattened_size"); err != nil {
		return nil, nil, err
	}
	if d, err := b.int("dim", 1); err != nil || (d != 1 && d != -1) {
		return nil, nil, b.errAt(b.at("dim"), "I read nn.Unflatten of the dimension after the batch (dim=1) only")
	}
	s, err := b.ints("unflattened_size")
	return reshapeLayer{Shape: s}, b, err
}

// ptPad reads nn.ZeroPad2d and the other padding modules: one number for
// every side, or (left, right, top, bottom, ...) from the last dimension.
func ptPad(dims int) func(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	return func(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
		b, err := ptBind(c, env, []string{"padding", "value"}, nil, "e.g. nn.ZeroPad2d(2) or nn.ZeroPad2d((1, 1, 2, 0))")
		if err != nil {
			return nil, nil, err
		}
		if err := b.require("padding"); err != nil {
			return nil, nil, err
		}
		p, err := b.ints("padding")
		if err != nil {
			return nil, nil, err
		}
		if len(p) == 1 {
			return padLayer{Add: []int{2 * p[0]}}, b, nil
		}
		if len(p) != 2*dims {
			return nil, nil, b.errAt(b.at("padding"), fmt.Sprintf("%s takes one number or %d (two per dimension)", c.Name, 2*dims))
		}
		add := make([]int, dims)
		for i := 0; i < dims; i++ { // pairs run from the last dimension back
			add[dims-1-i] = p[2*i] + p[2*i+1]
		}
		return padLayer{Add: add}, b, nil
	}
}

func ptInstanceNorm(c *ptCall, env map[string]ptValue) (calc.Layer, *ptBound, error) {
	b, err := ptBind(c, env, []string{"num_features", "eps", "momentum", "affine", "track_running_stats"}, ptIgnored,
		"e.g. nn.InstanceNorm2d(64) or nn.InstanceNorm2d(64, affine=True)")
	if err != nil {
		return nil, nil, err
	}
	n, err := b.int("num_features", 0)
	if err != nil {
		return nil, nil, err
	}
	affine, err := b.boolean("affine", false)
	return instanceNorm{C: n, Affine: affine}, b, err
}

// ptConvPadding reads a conv's padding: a number or tuple, 'valid', or
// 'same' (which PyTorch refuses with a stride above 1 or a transposed conv).
func ptConvPadding(b *ptBound, l *calc.Conv, kind string) error {
	transposed := l.Transposed
	var err error
	if v := b.vals["padding"]; v.Kind == ptStr {
		switch strings.ToLower(v.Str) {
		case "same":
			if transposed {
				return b.errAt(b.at("padding"), kind+" takes no padding='same' in PyTorch (only a number)")
			}
			for _, s := range l.Stride {
				if s > 1 {
					return &lang.Error{Line: b.at("padding").Line, Col: b.at("padding").Col,
						Msg:  "PyTorch refuses padding='same' with a stride above 1 (\"padding='same' is not supported for strided convolutions\")",
						Hint: "use a number: " + fmt.Sprintf("%s(..., stride=%d, padding=%d)", kind, l.Stride[0], (lang.Per0(l.Kernel)-1)/2) + ", or stride=1 with padding='same'"}
				}
			}
			l.PadMode = calc.PadSame
		case "valid":
			l.PadMode = calc.PadValid
		default:
			return b.errAt(b.at("padding"), fmt.Sprintf("padding=%q: PyTorch takes 'same', 'valid' or a number", v.Str))
		}
	} else if l.Pad, err = b.ints("padding"); err != nil {
		return err
	}
	return nil
}

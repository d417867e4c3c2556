package lang

import (
	"regexp"
	"sort"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
)

// The spec language's vocabulary, in one place: layer names, option names,
// which layer takes which option, and the words of blocks and settings.
// Every front-end restates what it read in these words.

// Kinds maps every name a layer may be written with to its canonical name
// in the spec language. "show" and "preset" introduce a preset; the
// presets' own names are the spec package's to add.
var Kinds = map[string]string{
	"input": "input",

	"conv": "conv", "conv2d": "conv", "convolution": "conv", "convolutional": "conv",
	"conv1d": "conv1d", "conv3d": "conv3d",
	"deconv": "deconv", "deconv2d": "deconv", "convtranspose": "deconv", "convtranspose2d": "deconv",
	"transposedconv": "deconv", "tconv": "deconv", "upconv": "deconv",
	"deconv1d": "deconv1d", "convtranspose1d": "deconv1d", "deconv3d": "deconv3d", "convtranspose3d": "deconv3d",

	"maxpool": "maxpool", "maxpool2d": "maxpool", "max_pool": "maxpool", "max_pool2d": "maxpool", "pool": "maxpool",
	"maxpooling": "maxpool", "maxpooling2d": "maxpool",
	"maxpool1d": "maxpool1d", "maxpool3d": "maxpool3d",
	"avgpool": "avgpool", "avgpool2d": "avgpool", "avg_pool": "avgpool", "averagepool": "avgpool", "averagepooling2d": "avgpool",
	"avgpool1d": "avgpool1d", "avgpool3d": "avgpool3d",
	"globalavgpool": "globalavgpool", "gap": "globalavgpool", "globalaveragepool": "globalavgpool",
	"globalaveragepooling2d": "globalavgpool", "global_avg_pool": "globalavgpool",
	"adaptiveavgpool": "adaptiveavgpool", "adaptiveavgpool2d": "adaptiveavgpool",
	"adaptivemaxpool": "adaptivemaxpool", "adaptivemaxpool2d": "adaptivemaxpool",

	"batchnorm": "batchnorm", "bn": "batchnorm", "batchnorm2d": "batchnorm", "batchnorm1d": "batchnorm",
	"batchnorm3d": "batchnorm", "batch_norm": "batchnorm", "batchnormalization": "batchnorm",
	"layernorm": "layernorm", "layer_norm": "layernorm", "groupnorm": "groupnorm", "group_norm": "groupnorm",

	"linear": "linear", "fc": "linear", "dense": "linear", "fullyconnected": "linear",

	"flatten": "flatten", "dropout": "dropout",

	"lstm": "lstm", "gru": "gru", "rnn": "rnn", "simplernn": "rnn", "embedding": "embedding",

	"separable": "separable", "separable1d": "separable1d", "separable3d": "separable3d",
	"separableconv2d": "separable", "sepconv": "separable",
	"depthwise": "depthwise", "depthwise1d": "depthwise1d", "depthwise3d": "depthwise3d", "depthwiseconv2d": "depthwise",

	"relu": "relu", "relu6": "relu6", "leakyrelu": "leakyrelu", "leaky_relu": "leakyrelu", "prelu": "prelu",
	"elu": "elu", "selu": "selu", "gelu": "gelu", "silu": "silu", "swish": "swish", "hardswish": "hardswish",
	"mish": "mish", "sigmoid": "sigmoid", "hardsigmoid": "hardsigmoid", "tanh": "tanh", "softmax": "softmax",
	"logsoftmax": "logsoftmax", "softplus": "softplus", "identity": "identity",

	"show": "show", "preset": "usepreset",
}

// Activations are the parameter-free element-wise layers, by canonical name.
var Activations = map[string]bool{
	"relu": true, "relu6": true, "leakyrelu": true, "prelu": true, "elu": true, "selu": true, "gelu": true,
	"silu": true, "swish": true, "hardswish": true, "mish": true, "sigmoid": true, "hardsigmoid": true,
	"tanh": true, "softmax": true, "logsoftmax": true, "softplus": true, "identity": true,
}

// Activation returns the calc layer of the activation kind, and whether
// kind is one.
func Activation(kind string) (calc.Layer, bool) {
	if !Activations[kind] {
		return nil, false
	}
	return calc.Activation{Name: kind}, true
}

// KindOf is the canonical name of a layer word, case-insensitive, or "".
func KindOf(word string) string { return Kinds[strings.ToLower(word)] }

// KindNames lists the canonical layer names, sorted, for "did you mean".
func KindNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, k := range Kinds {
		if !seen[k] {
			seen[k] = true
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names
}

// Options maps the ways an option may be written to its canonical name.
// Not every layer takes every option (see Takes).
var Options = map[string]string{
	"kernel": "kernel", "k": "kernel", "kernel_size": "kernel", "ksize": "kernel", "filter": "kernel",
	"stride": "stride", "s": "stride", "strides": "stride", "step": "stride",
	"pad": "pad", "padding": "pad", "p": "pad", "zeropad": "pad",
	"same": "same", "valid": "valid",
	"dilation": "dilation", "d": "dilation", "dil": "dilation", "dilate": "dilation", "dilation_rate": "dilation",
	"groups": "groups", "g": "groups", "group": "groups",
	"depthwise": "depthwise", "dw": "depthwise",
	"bias": "bias", "nobias": "nobias", "no_bias": "nobias", "biasless": "nobias",
	"outpad": "outpad", "output_padding": "outpad", "outputpadding": "outpad", "op": "outpad", "opad": "outpad",
	"ceil": "ceil", "ceil_mode": "ceil",
	"input": "input", "in": "input", "on": "input", "input_size": "input", "size": "input",
	"noaffine": "noaffine", "affine": "affine",
	"layers": "layers", "num_layers": "layers",
	"bidirectional": "bidirectional", "bi": "bidirectional", "keras": "keras", "last": "last",
	"multiplier": "multiplier", "depth_multiplier": "multiplier",
}

// Takes lists the options each family of layers accepts.
var Takes = map[string][]string{
	"conv":      {"kernel", "stride", "pad", "same", "valid", "dilation", "groups", "depthwise", "bias", "nobias", "input"},
	"deconv":    {"kernel", "stride", "pad", "same", "valid", "dilation", "groups", "bias", "nobias", "outpad", "input"},
	"maxpool":   {"kernel", "stride", "pad", "dilation", "ceil", "input"},
	"avgpool":   {"kernel", "stride", "pad", "ceil", "input"},
	"linear":    {"bias", "nobias", "input"},
	"batch":     {"affine", "noaffine", "input"},
	"plain":     {"input"},
	"recurrent": {"layers", "bidirectional", "bias", "nobias", "keras", "last", "input"},
	"layernorm": {"affine", "noaffine", "bias", "nobias", "input"},
	"groupnorm": {"affine", "noaffine", "input"},
	"separable": {"kernel", "stride", "pad", "same", "valid", "dilation", "multiplier", "bias", "nobias", "input"},
}

// Shorthand matches s2, p1, k3x3, d2, g4: an option letter glued to its value.
var Shorthand = regexp.MustCompile(`^(?i)(k|s|p|d|g)(\d+(?:x\d+)*)$`)

// BlockWords are the words that open a block.
var BlockWords = map[string]bool{"repeat": true, "residual": true, "shortcut": true, "concat": true, "branch": true, "block": true}

// SettingWords are the lines that set how a network is answered rather
// than add a layer: batch 64, depth 2.
var SettingWords = map[string]bool{"batch": true, "depth": true}

// IsLayout reports whether w names an input layout: chw, hwc, lc or cl.
func IsLayout(w string) bool {
	switch strings.ToLower(w) {
	case "chw", "hwc", "lc", "cl":
		return true
	}
	return false
}

// IsBlock reports whether l is a block of the spec language.
func IsBlock(l calc.Layer) bool {
	switch l.(type) {
	case calc.Sequence, calc.Repeat, calc.Residual, calc.Concat:
		return true
	}
	return false
}

// Example is a whole question that works, for hints.
const Example = "conv 3x3 32->64 stride 2 pad 1 input 56x56"

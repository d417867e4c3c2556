package grammar

import (
	"regexp"
	"sort"
	"strings"
)

// The spec language's vocabulary: layer names, option names and which
// layer takes which option.

// specKinds maps every name a layer may be written with to its canonical
// name in the spec language.
var specKinds = map[string]string{
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

	"batchnorm": "batchnorm", "bn": "batchnorm", "batchnorm2d": "batchnorm", "batchnorm1d": "batchnorm",
	"batchnorm3d": "batchnorm", "batch_norm": "batchnorm", "batchnormalization": "batchnorm",

	"linear": "linear", "fc": "linear", "dense": "linear", "fullyconnected": "linear",

	"flatten": "flatten", "dropout": "dropout",
}

// specActivations are the parameter-free element-wise layers.
var specActivations = []string{"relu", "relu6", "leakyrelu", "prelu", "elu", "selu", "gelu", "silu", "swish",
	"hardswish", "mish", "sigmoid", "hardsigmoid", "tanh", "softmax", "logsoftmax", "softplus", "identity"}

func init() {
	for _, a := range specActivations {
		specKinds[a] = a
	}
	specKinds["leaky_relu"] = "leakyrelu"
}

func specKindOf(word string) string { return specKinds[strings.ToLower(word)] }

// specKindNames lists the canonical layer names, for "did you mean".
func specKindNames() []string {
	seen := map[string]bool{}
	var names []string
	for k := range specKinds {
		if !seen[k] {
			seen[k] = true
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names
}

// specOptions maps the ways an option may be written to its canonical
// name. Not every layer takes every option.
var specOptions = map[string]string{
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
}

// specTakes lists the options each kind of layer accepts.
var specTakes = map[string][]string{
	"conv":    {"kernel", "stride", "pad", "same", "valid", "dilation", "groups", "depthwise", "bias", "nobias", "input"},
	"deconv":  {"kernel", "stride", "pad", "same", "valid", "dilation", "groups", "bias", "nobias", "outpad", "input"},
	"maxpool": {"kernel", "stride", "pad", "dilation", "ceil", "input"},
	"avgpool": {"kernel", "stride", "pad", "ceil", "input"},
	"linear":  {"bias", "nobias", "input"},
	"batch":   {"affine", "noaffine", "input"},
	"plain":   {"input"},
}

// shorthand matches s2, p1, k3x3, d2, g4: an option letter glued to its value.
var shorthand = regexp.MustCompile(`^(?i)(k|s|p|d|g)(\d+(?:x\d+)*)$`)

package calc

import "strings"

// A comparison's words often settle the biases of every side at once
// ("biases included in every conv", "no bias anywhere") where a side was
// read with other biases. These count a side's parameters as the words
// give them.

// MissingBiases is the biases the convs among layers would have if each
// had one: Out for every conv (transposed or not) without a bias. Layers
// inside blocks are not reached. The error is an overflow.
func MissingBiases(layers []Layer) (int64, error) {
	var n int64
	for _, l := range layers {
		if c, ok := l.(Conv); ok && c.NoBias {
			var err error
			if n, err = add(n, int64(c.Out)); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// BiasTotal is the biases of the conv, separable and fully connected
// layers among reports, summed: the biases "no bias anywhere" takes out. A
// norm layer's shift (batch norm's β, which [Report.Biases] also counts)
// is its own parameter, kept: nn.Conv2d(bias=False) followed by
// BatchNorm2d still learns β. The error is an overflow.
func BiasTotal(reports []Report) (int64, error) {
	var n int64
	for _, r := range reports {
		if !biased(r.Kind) {
			continue
		}
		var err error
		if n, err = add(n, r.Biases); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// ParamsWithEveryBias is params, the learnable parameters of layers, with a
// bias given to every conv that has none ([MissingBiases]). The error is
// an overflow.
func ParamsWithEveryBias(params int64, layers []Layer) (int64, error) {
	m, err := MissingBiases(layers)
	if err != nil {
		return 0, err
	}
	return add(params, m)
}

// ParamsWithoutBiases is params, the learnable parameters of the layers
// whose reports these are, with every bias taken out ([BiasTotal]).
func ParamsWithoutBiases(params int64, reports []Report) (int64, error) {
	b, err := BiasTotal(reports)
	if err != nil {
		return 0, err
	}
	return params - b, nil
}

// biased reports whether a layer of this kind has the bias "no bias" removes:
// a conv of any kind (transposed, separable, depthwise) or a fully
// connected layer.
func biased(kind string) bool {
	for _, k := range []string{"conv", "deconv", "separableconv", "depthwiseconv"} {
		if strings.HasPrefix(kind, k) {
			return true
		}
	}
	return kind == "linear"
}

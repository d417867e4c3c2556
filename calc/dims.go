package calc

import "strings"

// Per returns the i-th of xs, with a single value standing for every
// dimension and no value meaning def: how a per-dimension setting such as
// Conv.Stride is read.
func Per(xs []int, i, def int) int {
	switch len(xs) {
	case 0:
		return def
	case 1:
		return xs[0]
	}
	if i < len(xs) {
		return xs[i]
	}
	return def
}

// checkPer validates a per-dimension setting: one value or one per
// dimension, each at least lo and at most MaxSize.
func checkPer(field string, xs []int, dims, lo int) error {
	if len(xs) > 1 && len(xs) != dims {
		return errorf(field, "%s has %d values but the layer has %d spatial dimensions", fieldWords(field), len(xs), dims)
	}
	for _, x := range xs {
		if x < lo || x > MaxSize {
			e := checkOne(field, x, lo)
			e.Hint = map[string]string{"kernel": "kernel 3x3", "stride": "stride 2", "pad": "pad 1",
				"dilation": "dilation 2", "outpad": "outpad 1"}[field]
			return e
		}
	}
	return nil
}

// checkOne is the refusal of one out-of-range value x (below lo or above
// MaxSize) of a setting.
func checkOne(field string, x, lo int) *Error {
	switch {
	case x < lo && lo == 0:
		return errorf(field, "%s cannot be negative (got %d)", fieldWords(field), x)
	case x < lo:
		return errorf(field, "%s must be at least %d (got %d)", fieldWords(field), lo, x)
	}
	return errorf(field, "%s %d is larger than any real layer uses (the limit is %d)", fieldWords(field), x, MaxSize)
}

func checkCount(field string, n, lo int) error {
	if n < lo {
		return errorf(field, "%s must be at least %d (got %d)", fieldWords(field), lo, n)
	}
	if n > MaxSize {
		return errorf(field, "%s %d is larger than any real layer uses (the limit is %d)", fieldWords(field), n, MaxSize)
	}
	return nil
}

// Names of the kernel and spatial sizes by dimension count, for formulas.
var (
	kernelNames  = [][]string{1: {"K"}, 2: {"KH", "KW"}, 3: {"KD", "KH", "KW"}}
	spatialNames = [][]string{1: {"L"}, 2: {"H", "W"}, 3: {"D", "H", "W"}}
	outNames     = [][]string{1: {"Lo"}, 2: {"Ho", "Wo"}, 3: {"Do", "Ho", "Wo"}}
	dimWords     = [][]string{1: {"length"}, 2: {"height", "width"}, 3: {"depth", "height", "width"}}
)

// The formulas built from those names, made once: a network sizes many
// layers.
var (
	// dimQuantities[n][i] names output dimension i: "output height".
	dimQuantities = func() [][]string {
		out := make([][]string, len(dimWords))
		for n, words := range dimWords {
			for _, w := range words {
				out[n] = append(out[n], "output "+w)
			}
		}
		return out
	}()
	kernelFormulas  = dots(kernelNames)  // "KH·KW"
	spatialFormulas = dots(spatialNames) // "H·W"
	outFormulas     = dots(outNames)     // "Ho·Wo"
	neuronFormulas  = func() []string {  // "Cout·Ho·Wo"
		out := make([]string, len(outFormulas))
		for i, f := range outFormulas {
			out[i] = "Cout·" + f
		}
		return out
	}()
	// outFormulasFor[n][i] are the output-size formulas of dimension i of
	// an n-dimensional layer.
	outFormulasFor = func() [][]outSizeFormulas {
		out := make([][]outSizeFormulas, len(spatialNames))
		for n, names := range spatialNames {
			for _, sn := range names {
				out[n] = append(out[n], outSizeFormulas{
					floor:          "floor((" + sn + " + 2·p − k) / s) + 1",
					floorDilated:   "floor((" + sn + " + 2·p − d·(k − 1) − 1) / s) + 1",
					ceil:           "ceil((" + sn + " + 2·p − k) / s) + 1",
					ceilDilated:    "ceil((" + sn + " + 2·p − d·(k − 1) − 1) / s) + 1",
					same:           "ceil(" + sn + " / s)",
					timesStride:    sn + "·s",
					transposed:     "(" + sn + " − 1)·s − 2·p + k",
					transposedFull: "(" + sn + " − 1)·s − 2·p + d·(k − 1) + outpad + 1",
				})
			}
		}
		return out
	}()
)

// convFormulas[n][grouped] are the formulas of an n-dimensional
// convolution, without and with groups.
var convFormulas = func() [][2]convFormula {
	out := make([][2]convFormula, len(kernelNames))
	for n := 1; n < len(kernelNames); n++ {
		for g, cin := range []string{"·Cin", "·Cin/G"} {
			conns := kernelFormulas[n] + cin
			out[n][g] = convFormula{conns: conns, weights: conns + "·Cout", transposedMACs: conns + "·Cout·" + spatialFormulas[n],
				storedAs: "PyTorch stores the weight as (Cin, Cout/G, " + kernelFormulas[n] + ")"}
		}
	}
	return out
}()

// convFormula is a convolution's formulas.
type convFormula struct {
	conns          string // connections per neuron: KH·KW·Cin(/G)
	weights        string // conns·Cout
	transposedMACs string // a transposed convolution's MACs: weights·H·W
	storedAs       string // a transposed convolution's weight layout
}

// outSizeFormulas are the ways one output dimension is computed, written
// with that dimension's input name.
type outSizeFormulas struct {
	floor, floorDilated, ceil, ceilDilated string // convolution and pooling
	same                                   string // padding "same"
	timesStride                            string // transposed, padding "same" (Keras)
	transposed, transposedFull             string // transposed, without and with dilation and output padding
}

func dots(names [][]string) []string {
	out := make([]string, len(names))
	for i, ns := range names {
		out[i] = dot(ns)
	}
	return out
}

// floorDiv is ⌊a/b⌋ for b > 0, rounding toward minus infinity as PyTorch's
// div_rtn does (Go's / rounds toward zero).
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

func dot(names []string) string { return strings.Join(names, "·") }

// fieldWords names a setting in words, for messages.
func fieldWords(field string) string {
	if w, ok := map[string]string{"in": "the input channel count", "out": "the output channel count",
		"kernel": "the kernel size", "stride": "the stride", "pad": "the padding", "dilation": "the dilation",
		"groups": "the group count", "outpad": "the output padding", "output": "the output size",
		"shape": "the normalized shape", "params": "the parameter count", "layers": "the layer count"}[field]; ok {
		return w
	}
	return field
}

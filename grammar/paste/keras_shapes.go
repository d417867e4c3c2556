package paste

// Keras's layers that move values: ZeroPadding, Cropping, UpSampling,
// Reshape and Permute. Keras writes shapes channels-last; calc's are
// channels-first, so Reshape and Permute convert on the way in and out.

import (
	"fmt"
	"slices"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

func init() {
	for d := 1; d <= 3; d++ {
		d := d
		kerasSpecs[fmt.Sprintf("ZeroPadding%dD", d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.padCrop(c, d, "padding", false) }
		kerasSpecs[fmt.Sprintf("Cropping%dD", d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.padCrop(c, d, "cropping", true) }
		kerasSpecs[fmt.Sprintf("UpSampling%dD", d)] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.upsample(c, d) }
	}
	kerasSpecs["Reshape"] = (*kerasReader).reshape
	kerasSpecs["Permute"] = (*kerasReader).permute
}

// padCrop reads ZeroPadding2D(padding) or Cropping2D(cropping): one number
// for every side, one per dimension, or a (before, after) pair per
// dimension. Keras's defaults: padding 1, cropping 0.
func (k *kerasReader) padCrop(c *ptCall, d int, arg string, crop bool) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{arg, "data_format"}, fmt.Sprintf("e.g. ZeroPadding%dD(1) or Cropping%dD(((1, 1), (2, 2)))", d, d))
	if err != nil {
		return nil, err
	}
	def := 1
	if crop {
		def = 0
	}
	add := make([]int, d)
	v, ok := b.vals[arg]
	switch {
	case !ok || v.Kind == ptNone:
		for i := range add {
			add[i] = 2 * def
		}
	case v.Kind == ptInt:
		for i := range add {
			add[i] = 2 * int(v.Int)
		}
	case v.Kind == ptTuple && len(v.Items) == d:
		for i, it := range v.Items {
			switch {
			case it.Kind == ptInt:
				add[i] = 2 * int(it.Int)
			case it.Kind == ptTuple && len(it.Items) == 2 && it.Items[0].Kind == ptInt && it.Items[1].Kind == ptInt:
				add[i] = int(it.Items[0].Int + it.Items[1].Int)
			default:
				return nil, b.errAt(b.at(arg), fmt.Sprintf("%s should hold whole numbers or (before, after) pairs", arg))
			}
		}
	case v.Kind == ptTuple && len(v.Items) == 2 && d == 1:
		add[0] = int(v.Items[0].Int + v.Items[1].Int)
	default:
		return nil, b.errAt(b.at(arg), fmt.Sprintf("%s should be a number, %d numbers or %d (before, after) pairs", arg, d, d))
	}
	if crop {
		for i := range add {
			add[i] = -add[i]
		}
	}
	return []lang.Layer{{Layer: padLayer{Add: add, Crop: crop}, Pos: c.Pos, Fields: b.fields(map[string]string{"pad": arg})}}, nil
}

// upsample reads UpSampling2D(size=(2, 2)); the default size is 2.
func (k *kerasReader) upsample(c *ptCall, d int) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"size", "data_format", "interpolation"}, fmt.Sprintf("e.g. UpSampling%dD() or UpSampling%dD(size=2)", d, d))
	if err != nil {
		return nil, err
	}
	s, err := b.ints("size")
	if err != nil {
		return nil, err
	}
	if s == nil {
		s = []int{2}
	}
	return []lang.Layer{{Layer: upsampleLayer{Scale: s}, Pos: c.Pos, Fields: b.fields(map[string]string{"scale": "size"})}}, nil
}

// reshape reads Reshape(target_shape), channels-last as Keras writes it.
func (k *kerasReader) reshape(c *ptCall) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"target_shape"}, "e.g. Reshape((7, 7, 32)) or Reshape((-1, 64))")
	if err != nil {
		return nil, err
	}
	if err := b.require("target_shape"); err != nil {
		return nil, err
	}
	t, err := b.ints("target_shape")
	if err != nil {
		return nil, err
	}
	return []lang.Layer{{Layer: reshapeLayer{Shape: kerasToCalc(t)}, Pos: c.Pos, Fields: b.fields(map[string]string{"shape": "target_shape"})}}, nil
}

// permute reads Permute(dims): 1-based, batch excluded, channels-last.
func (k *kerasReader) permute(c *ptCall) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"dims"}, "e.g. Permute((2, 1)) or Permute((3, 1, 2))")
	if err != nil {
		return nil, err
	}
	if err := b.require("dims"); err != nil {
		return nil, err
	}
	o, err := b.ints("dims")
	if err != nil {
		return nil, err
	}
	return []lang.Layer{{Layer: kerasPermute{Order: o}, Pos: c.Pos, Fields: b.fields(map[string]string{"order": "dims"})}}, nil
}

// kerasToCalc turns a channels-last shape into calc's channels-first one.
func kerasToCalc(s []int) []int {
	if len(s) < 2 {
		return slices.Clone(s)
	}
	return append([]int{s[len(s)-1]}, s[:len(s)-1]...)
}

// calcToKeras turns calc's channels-first shape into Keras's order.
func calcToKeras(s calc.Shape) []int {
	if len(s) < 2 {
		return slices.Clone([]int(s))
	}
	return append(slices.Clone([]int(s[1:])), s[0])
}

// kerasPermute is Keras's Permute: Order is in Keras's channels-last terms.
type kerasPermute struct{ Order []int }

// Kind is "permute".
func (kerasPermute) Kind() string { return "permute" }

// Apply reorders the dimensions as Keras does.
func (p kerasPermute) Apply(in calc.Shape) (calc.Report, error) {
	if in == nil {
		return moved("permute", nil, nil, ""), nil
	}
	r, err := permuteLayer(p).Apply(calc.Shape(calcToKeras(in)))
	if err != nil {
		return r, err
	}
	return moved("permute", in, kerasToCalc(r.Output), "the same values, dimensions reordered"), nil
}

// kerasChannels carries the channels down a chain whose sizes are not
// known (Input(shape=(None, None, 3))): a layer written without its input
// channels takes the previous layer's output channels.
func kerasChannels(q *lang.Question, ch int) {
	for i, l := range q.Layers {
		switch x := l.Layer.(type) {
		case calc.Conv:
			if x.In == 0 {
				x.In = ch
			}
			ch = x.Out
			q.Layers[i].Layer = x
		case calc.Separable:
			if x.In == 0 {
				x.In = ch
			}
			ch = x.Out
			if ch == 0 {
				ch = x.In
			}
			q.Layers[i].Layer = x
		case calc.BatchNorm:
			if x.C == 0 {
				x.C = ch
			}
			q.Layers[i].Layer = x
		case calc.Linear:
			if x.In == 0 {
				x.In = ch
			}
			ch = x.Out
			q.Layers[i].Layer = x
		case calc.Flatten, reshapeLayer, kerasPermute:
			return // the channels are no longer known
		}
		if ch == 0 {
			return
		}
	}
}

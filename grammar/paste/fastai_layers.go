package paste

// fastai's ConvLayer (fastai.layers): a conv with padding (ks-1)//2, no
// bias when a batch norm follows, then BatchNorm and ReLU by default —
// `ConvLayer(128, 256, ks=3, stride=2)` as the fastai book and its
// ResNet chapter paste it.

import (
	"fmt"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

func init() {
	ptSpecs["ConvLayer"] = ptSpec{ptFastaiConv}
}

// ptFastaiConv reads fastai's ConvLayer(ni, nf, ks=3, stride=1,
// padding=None, bias=None, ndim=2, norm_type=NormType.Batch, ...,
// act_cls=ReLU): a conv, a batch norm unless norm_type=None, an
// activation unless act_cls=None.
func ptFastaiConv(c *ptCall, env map[string]ptValue, q *lang.Question) ([]lang.Layer, error) {
	b, err := ptBind(c, env, []string{"ni", "nf", "ks", "stride", "padding", "bias", "ndim", "norm_type", "bn_1st", "act_cls", "transpose", "init", "xtra", "bias_std", "groups", "dilation"},
		ptIgnored, "e.g. ConvLayer(64, 128, ks=3, stride=2) (fastai: conv, BatchNorm, ReLU)")
	if err != nil {
		return nil, err
	}
	if err := b.require("ni", "nf"); err != nil {
		return nil, err
	}
	if tr, _ := b.boolean("transpose", false); tr {
		return nil, b.errAt(b.at("transpose"), "ConvLayer(transpose=True) is not read here; write the nn.ConvTranspose2d it builds")
	}
	l := calc.Conv{}
	if l.Dims, err = b.int("ndim", 2); err != nil {
		return nil, err
	}
	if l.In, err = b.int("ni", 0); err != nil {
		return nil, err
	}
	if l.Out, err = b.int("nf", 0); err != nil {
		return nil, err
	}
	ks, err := b.int("ks", 3)
	if err != nil {
		return nil, err
	}
	l.Kernel = []int{ks}
	if l.Stride, err = b.ints("stride"); err != nil {
		return nil, err
	}
	if l.Groups, err = b.int("groups", 0); err != nil {
		return nil, err
	}
	if l.Dilation, err = b.ints("dilation"); err != nil {
		return nil, err
	}
	pad := (ks - 1) / 2
	if b.has("padding") {
		if pad, err = b.int("padding", pad); err != nil {
			return nil, err
		}
	}
	l.Pad = []int{pad}
	norm := !ptNamesNone(b, "norm_type")
	bias := !norm
	if b.has("bias") {
		if bias, err = b.boolean("bias", bias); err != nil {
			return nil, err
		}
	}
	l.NoBias = !bias
	out := []lang.Layer{{Layer: l, Pos: c.Pos}}
	if norm {
		out = append(out, lang.Layer{Layer: calc.BatchNorm{C: l.Out}, Pos: c.Pos})
	}
	if !ptNamesNone(b, "act_cls") {
		out = append(out, lang.Layer{Layer: calc.Activation{Name: "relu"}, Pos: c.Pos})
	}
	words := []string{fmt.Sprintf("conv %dx%d with padding %d", ks, ks, pad)}
	for _, l := range out[1:] {
		words = append(words, l.Layer.Kind())
	}
	q.Notes = append(q.Notes, fmt.Sprintf("%s (line %d) is fastai's ConvLayer: %s", c.Name, c.Pos.Line, strings.Join(words, ", ")))
	return out, nil
}

// ptNamesNone reports whether keyword name is given, as None.
func ptNamesNone(b *ptBound, name string) bool {
	v, ok := b.vals[name]
	return ok && (v.Kind == ptNone || v.Kind == ptName && v.Str == "None")
}

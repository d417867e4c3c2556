package paste

// A Keras application used as a base: `base = ResNet50(include_top=False,
// pooling='avg', input_shape=(224, 224, 3))`, frozen with `base.trainable
// = False`, then Dense layers on top. What the head is sized from is the
// base's feature width (2048 for ResNet50); a frozen base adds no
// trainable parameter, and Keras's model.summary() counts its weights as
// non-trainable.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cnnbot/cnnbot/calc"
	"github.com/cnnbot/cnnbot/grammar/lang"
)

// kerasApp is what the paste needs of a Keras application without its
// top: its feature width, and its parameter counts where they are known
// (trainable, and batch norm's moving statistics).
type kerasApp struct {
	features          int
	trainable, moving int64         // 0, 0: not known here
	side              func(int) int // the last feature map's side for an input side; nil: not known here
}

// kerasVGGSide: five 2x2 pools, each rounding down (150 -> 4).
func kerasVGGSide(h int) int {
	for range 5 {
		h /= 2
	}
	return h
}

// kerasResNetSide: a 7x7 stride-2 conv after padding 3, a 3x3 stride-2
// pool after padding 1 (DenseNet's stem too), then three stride-2 stages
// (1x1 stride-2 convs: ceil; DenseNet's 2x2 average pools: floor).
func kerasResNetSide(h int) int {
	h = (h+6-7)/2 + 1
	h = (h+2-3)/2 + 1
	for range 3 {
		h = (h-1)/2 + 1
	}
	return h
}

// kerasDenseNetSide is kerasResNetSide with pools between the blocks.
func kerasDenseNetSide(h int) int {
	h = (h+6-7)/2 + 1
	h = (h+2-3)/2 + 1
	for range 3 {
		h /= 2
	}
	return h
}

// kerasCeilSide: five stride-2 steps padded as 'same' (MobileNet,
// MobileNetV2, EfficientNet): each ceil(h/2).
func kerasCeilSide(h int) int {
	for range 5 {
		h = (h + 1) / 2
	}
	return h
}

// kerasApps are the applications read. The counts are those Keras's
// model.summary() prints for include_top=False: ResNet50 23,587,712 total
// (53,120 non-trainable); VGG16 14,714,688 (no batch norm).
var kerasApps = map[string]kerasApp{
	"ResNet50": {2048, 23534592, 53120, kerasResNetSide}, "ResNet101": {features: 2048, side: kerasResNetSide},
	"ResNet152":  {features: 2048, side: kerasResNetSide},
	"ResNet50V2": {features: 2048}, "ResNet101V2": {features: 2048}, "ResNet152V2": {features: 2048},
	"VGG16": {512, 14714688, 0, kerasVGGSide}, "VGG19": {features: 512, side: kerasVGGSide},
	"MobileNet": {features: 1024, side: kerasCeilSide}, "MobileNetV2": {features: 1280, side: kerasCeilSide},
	"DenseNet121": {features: 1024, side: kerasDenseNetSide}, "DenseNet169": {features: 1664, side: kerasDenseNetSide},
	"DenseNet201":    {features: 1920, side: kerasDenseNetSide},
	"EfficientNetB0": {features: 1280, side: kerasCeilSide}, "InceptionV3": {features: 2048}, "Xception": {features: 2048},
	"InceptionResNetV2": {features: 1536},
}

// kerasFrozenRE finds a base frozen in code or words; kerasThawedRE
// words that say it is not ("not frozen", "unfreeze", "without freezing"),
// which win over the words of kerasFrozenRE (never over the code's).
var (
	kerasFrozenRE     = regexp.MustCompile(`(?i)\bfrozen\b|\bfreez(?:e|ing)\b`)
	kerasFrozenCodeRE = regexp.MustCompile(`\.trainable\s*=\s*False`)
	kerasThawedRE     = regexp.MustCompile(`(?i)\b(?:not|n't|never|without|no longer)\s+(?:\w+\s+)?(?:frozen|freez(?:e|ing))\b|\bun-?freez|\bunfrozen\b|\.trainable\s*=\s*True`)
)

// kerasFrozen reports whether src freezes the base: in code
// (base.trainable = False), or in words no other words deny.
func kerasFrozen(src string) bool {
	if kerasFrozenCodeRE.MatchString(src) && !strings.Contains(src, ".trainable = True") && !strings.Contains(src, ".trainable=True") {
		return true
	}
	return kerasFrozenRE.MatchString(src) && !kerasThawedRE.MatchString(src)
}

// kerasBase is a Keras application without its top, as one layer.
type kerasBase struct {
	Name    string
	App     kerasApp
	Pooling string // "avg", "max" or "" (the last feature map)
	Frozen  bool
}

// Kind names the base as the reply shows it.
func (b kerasBase) Kind() string {
	s := b.Name + " base"
	if b.Pooling != "" {
		s += ", pooling " + b.Pooling
	}
	if b.Frozen {
		s += ", frozen"
	}
	return s
}

// Apply gives the base's features (a map of them at stride 32 without
// pooling) and its counts: none trainable when frozen, its weights then
// Keras's non-trainable params.
func (b kerasBase) Apply(in calc.Shape) (calc.Report, error) {
	r := calc.Report{Kind: "base", Input: in}
	total := b.App.trainable + b.App.moving
	if b.Frozen {
		r.Buffers = total
	} else {
		r.Params, r.Weights, r.Buffers = b.App.trainable, b.App.trainable, b.App.moving
	}
	r.Steps = []calc.Step{{Quantity: "trainable parameters", Formula: "0 when frozen", Result: r.Params,
		Note: fmt.Sprintf("%s without its top: %s", b.Name, kerasBaseCounts(b, total))}}
	if in == nil {
		return r, nil
	}
	if len(in) != 3 {
		return calc.Report{}, shapeErr("input", fmt.Sprintf("%s takes an image (height, width, channels), not %v", b.Name, []int(in)), "e.g. input_shape=(224, 224, 3)")
	}
	switch {
	case b.Pooling != "":
		r.Output = calc.Shape{b.App.features}
	case b.App.side != nil && b.App.side(in[1]) > 0 && b.App.side(in[2]) > 0:
		r.Output = calc.Shape{b.App.features, b.App.side(in[1]), b.App.side(in[2])}
	default:
		return calc.Report{}, shapeErr("pooling", fmt.Sprintf("the size of %s's last feature map on %dx%d is not known to me", b.Name, in[1], in[2]),
			"give pooling='avg' (or a GlobalAveragePooling2D after it): the head then sees its "+fmt.Sprint(b.App.features)+" features")
	}
	r.MACsKnown = false
	return r, nil
}

// kerasBaseCounts says what the base counts.
func kerasBaseCounts(b kerasBase, total int64) string {
	switch {
	case total == 0:
		return "its own parameters are not counted here"
	case b.Frozen:
		return fmt.Sprintf("frozen, its %s parameters are not trained (model.summary() lists them as non-trainable)", lang.Group(int(total)))
	}
	return fmt.Sprintf("%s parameters (%s of them batch norm's moving statistics, non-trainable)", lang.Group(int(total)), lang.Group(int(b.App.moving)))
}

// app reads a Keras application call: include_top=False is required (the
// full classifier is a preset question), pooling= says the output.
func (k *kerasReader) app(c *ptCall, name string, app kerasApp) ([]lang.Layer, error) {
	b, err := k.bind(c, []string{"include_top", "weights", "input_tensor", "pooling", "classes", "classifier_activation", "alpha", "include_preprocessing"},
		fmt.Sprintf("e.g. %s(include_top=False, weights='imagenet', input_shape=(224, 224, 3), pooling='avg')", name))
	if err != nil {
		return nil, err
	}
	top, err := b.boolean("include_top", true)
	if err != nil {
		return nil, err
	}
	if top {
		return nil, b.errAt(c.Pos, fmt.Sprintf("%s with its top is the whole ImageNet classifier, which this reader does not build layer by layer", name))
	}
	pool, _ := b.str("pooling")
	if pool != "" && pool != "avg" && pool != "max" {
		return nil, b.errAt(b.at("pooling"), fmt.Sprintf("pooling=%q: Keras takes 'avg', 'max' or None", pool))
	}
	base := kerasBase{Name: name, App: app, Pooling: pool, Frozen: kerasFrozen(k.src)}
	if !base.Frozen && app.trainable == 0 {
		k.q.Doubts = append(k.q.Doubts, fmt.Sprintf("%s is not frozen and its own parameter count is not known to me: only the layers after it are counted", name))
	}
	for _, a := range k.q.Asked {
		if a == "macs" || a == "flops" || a == "memory" {
			k.q.Doubts = append(k.q.Doubts, fmt.Sprintf("%s's own multiply-accumulates and activations are not counted here: only the layers after it", name))
			break
		}
	}
	return []lang.Layer{{Layer: base, Pos: c.Pos}}, nil
}

func init() {
	for name, app := range kerasApps {
		kerasSpecs[name] = func(k *kerasReader, c *ptCall) ([]lang.Layer, error) { return k.app(c, name, app) }
	}
}
